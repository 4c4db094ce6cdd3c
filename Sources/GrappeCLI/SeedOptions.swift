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
    func load(timings: Bool = false) throws -> LoadResult {
        do {
            let clock = ContinuousClock()
            let started = clock.now
            let report: ((String, Duration) -> Void)? = timings ? { phase, duration in Output.error("\(Output.milliseconds(duration)) \(phase)") } : nil
            let result = try SeedLoader.load(path: path, timing: report)
            if timings { Output.error("\(Output.milliseconds(clock.now - started)) total") }
            return result
        } catch {
            Output.error("grappe: \(error)")
            throw Exit.noInput
        }
    }
}

/// Writing to the terminal: every string that may come from data goes through the sanitizer.
enum Output {
    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let value = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        let text = String(Int(value.rounded())) + " ms"
        return String(repeating: " ", count: max(0, 9 - text.count)) + text
    }

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
