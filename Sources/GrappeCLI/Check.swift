import ArgumentParser
import GrappeModel
import GrappeSeeds

/// `grappe check`: load every seed file and report every problem at once, like a compiler.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load and validate the seeds; list every problem as path:line:column.",
        discussion: "Exits 0 when there is no error (warnings do not fail), 65 on data errors, 66 when the seeds are missing."
    )

    @OptionGroup var seedOptions: SeedOptions

    @Flag(name: .long, help: "Show errors only.")
    var noWarnings = false

    @Flag(name: .long, help: "Print how long each file and the validation took, on standard error.")
    var timings = false

    func run() throws {
        let result = try seedOptions.load(timings: timings)
        Output.diagnostics(result.diagnostics, includeWarnings: !noWarnings)
        let network = result.network
        let counts = network.counts
        let entities = EntityKind.allCases.compactMap { kind in counts.byEntityKind[kind].map { "\($0) \(kind.rawValue)" } }
        let records = RecordKind.allCases.compactMap { kind in counts.byRecordKind[kind].map { "\($0) \(kind.rawValue)" } }
        let errors = result.diagnostics.errorCount, warnings = result.diagnostics.warningCount
        Output.line("\(seedOptions.path): \(result.files.count) file\(result.files.count == 1 ? "" : "s"), "
                    + "\(network.documents.count) documents, \(network.entities.count) entities"
                    + (entities.isEmpty ? "" : " (\(entities.joined(separator: ", ")))")
                    + ", \(network.relations.count) relations, \(network.records.count) records"
                    + (records.isEmpty ? "" : " (\(records.joined(separator: ", ")))"))
        Output.line("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        if errors > 0 { throw Exit.dataError }
    }
}
