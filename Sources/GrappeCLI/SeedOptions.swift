import ArgumentParser
import Foundation
import GrappeModel
import GrappeSeeds

/// `--seeds DIR`, shared by every command that reads the network.
struct SeedOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Seed directory or file (default: $GRAPPE_SEEDS, else ./seeds).", valueName: "dir"))
    var seeds: String?

    var path: String {
        if let seeds { return seeds }
        if let fromEnvironment = ProcessInfo.processInfo.environment["GRAPPE_SEEDS"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return "seeds"
    }

    /// Loads the seeds, or exits 66 when there is nothing at the path.
    func load() throws -> LoadResult {
        do {
            return try SeedLoader.load(path: path)
        } catch {
            Output.error("grappe: \(error)")
            throw Exit.noInput
        }
    }
}

/// Writing to the terminal: every string that may come from data goes through the sanitizer.
enum Output {
    static func line(_ text: String) {
        print(Sanitizer.visible(text))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((Sanitizer.visible(text) + "\n").utf8))
    }

    static func diagnostics(_ diagnostics: [Diagnostic], includeWarnings: Bool = true, toStandardError: Bool = false) {
        for diagnostic in diagnostics where includeWarnings || diagnostic.severity == .error {
            toStandardError ? error(diagnostic.description) : line(diagnostic.description)
        }
    }
}
