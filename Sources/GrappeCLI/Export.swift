import ArgumentParser
import Foundation
import GrappeSeeds

/// `grappe export`: the whole network in a file format other tools read.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the whole network (entities, relations, records, sources).",
        discussion: "json is Grappe's canonical, deterministic form (docs/json-format.md); grappe reads it back as a seed file."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json
    }

    @OptionGroup var seedOptions: SeedOptions

    @Option(name: .long, help: "Output format.")
    var format: Format = .json

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let result = try seedOptions.load()
        if result.hasErrors {
            Output.diagnostics(result.diagnostics, includeWarnings: false, toStandardError: true)
            Output.error("grappe: the seeds have errors (see above); nothing exported. Run 'grappe check' for details.")
            throw Exit.dataError
        }
        let data = try NetworkJSON.encode(result.network)
        guard let output else {
            FileHandle.standardOutput.write(data)
            return
        }
        do {
            try data.write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            Output.error("grappe: cannot write \(output): \(error.localizedDescription)")
            throw Exit.cannotCreate
        }
    }
}
