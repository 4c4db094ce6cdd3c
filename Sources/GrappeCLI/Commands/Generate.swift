import ArgumentParser
import Foundation
import GrappeGenerator

/// `grappe generate`: a synthetic network as seed files, for benchmarks, demos and tests.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a synthetic network (power-law degrees) as seed files: CSV for the bulk, YAML for records.",
        discussion: "The same options always write the same files. Existing files are replaced only with --force."
    )

    @Option(name: .long, help: "Number of organisations.")
    var organisations: Int

    @Option(name: .long, help: "Number of relations (edges).")
    var relations: Int

    @Option(name: .long, help: "Random seed.")
    var seed: UInt64 = 1

    @Option(name: [.short, .long], help: ArgumentHelp("Directory to write into (created if needed).", valueName: "dir"))
    var output: String

    @Flag(name: .long, help: "Replace files that already exist in the output directory.")
    var force = false

    func validate() throws {
        guard (2...10_000_000).contains(organisations) else {
            throw ValidationError(
                Messages.words.say(
                    "--organisations doit être entre 2 et 10000000, pas \(organisations)",
                    "--organisations must be between 2 and 10000000, got \(organisations)"))
        }
        guard (0...100_000_000).contains(relations) else {
            throw ValidationError(
                Messages.words.say(
                    "--relations doit être entre 0 et 100000000, pas \(relations)",
                    "--relations must be between 0 and 100000000, got \(relations)"))
        }
    }

    func run() throws {
        let files = NetworkGenerator.generate(.init(organisations: organisations, relations: relations, seed: seed))
        let manager = FileManager.default
        try Messages.makeFolder(output)
        let existing = files.map { (output as NSString).appendingPathComponent($0.name) }.filter { manager.fileExists(atPath: $0) }
        if !existing.isEmpty, !force {
            Output.error(Messages.alreadyThere(existing))
            throw Exit.cannotCreate
        }
        for file in files {
            let path = (output as NSString).appendingPathComponent(file.name)
            do {
                try Data(file.contents.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                Output.error(Messages.cannotWrite(path, error))
                throw Exit.cannotCreate
            }
        }
        let names = files.map(\.name).joined(separator: ", ")
        Output.error(Messages.words.say("\(names) écrits dans \(output)", "wrote \(names) to \(output)"))
    }
}
