import ArgumentParser
import Foundation
import GrappeModel
import GrappeSeeds

/// Shell completion of ids: the shell asks the binary (argument-parser calls back into it), which reads
/// the seeds the command line names (`--seeds`, else $GRAPPE_SEEDS, else ./seeds) and offers the ids
/// that start with what is typed. Nothing is printed when the seeds cannot be read.
enum Completions {
    static let ids = CompletionKind.custom { words, _, prefix in
        let seeds =
            words.firstIndex(of: "--seeds").flatMap { words.indices.contains($0 + 1) ? words[$0 + 1] : nil }
            ?? ProcessInfo.processInfo.environment["GRAPPE_SEEDS"] ?? "seeds"
        guard let result = try? SeedLoader.load(path: seeds) else { return [] }
        let ids = result.network.entities.map(\.id) + result.network.records.map(\.id)
        return ids.filter { $0.hasPrefix(prefix) }.sorted()
    }
}
