import ArgumentParser
import Foundation
import GrappeExport
import GrappeModel
import GrappeSeeds

/// `grappe import`: another tool's files as Grappe seeds a person can review before adding them.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn another tool's files (GraphML, GEXF, Gephi or Kumu spreadsheets) into reviewable seed files.",
        discussion: """
        Reads FILE… together, as 'grappe check' would read them in one seed folder: GraphML (networkx, yEd, Grappe), GEXF (Gephi, networkx), Gephi's nodes and edges tables, Kumu's elements and connections tables, and Grappe's own YAML, CSV and JSON (for documents.yaml). Their types are mapped to Grappe's kinds and relation types; everything that could not be mapped is listed as a warning at its path:line:column.

        Writes into --into DIR: entities.csv, relations.csv, and network.yaml (documents and records). Nothing is written when the files have errors (exit 65); files already in DIR are replaced only with --force.
        """
    )

    @Argument(help: ArgumentHelp("The files to read.", valueName: "file"), completion: .file(extensions: SeedLoader.extensions))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("The directory to write the seed files into (created if needed).", valueName: "dir"),
            completion: .directory)
    var into: String

    @Flag(name: .long, help: "Replace seed files already in the directory.")
    var force = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file to import") }
    }

    func run() throws {
        for file in files where !FileManager.default.fileExists(atPath: file) {
            Output.error("grappe: \(file): no such file")
            throw Exit.noInput
        }
        let result = Progress.run("reading \(files.count) file\(files.count == 1 ? "" : "s")") { SeedLoader.load(paths: files) }
        Output.diagnostics(result.diagnostics, toStandardError: true)
        if result.diagnostics.errorCount > 0 {
            Output.error("grappe: nothing written: the files have \(result.diagnostics.errorCount) error\(result.diagnostics.errorCount == 1 ? "" : "s") (see above)")
            throw Exit.dataError
        }
        let network = result.network
        let outputs = [("network.yaml", try SeedYAML.encode(documents: network.documents, entities: [], records: network.records,
                                                             comment: "Imported by grappe import from: \(files.joined(separator: ", "))")),
                       ("entities.csv", SeedTables.entities(network.entities)),
                       ("relations.csv", SeedTables.relations(network.relations))]
        try write(outputs)
        let warnings = result.diagnostics.warningCount
        Output.line("\(into): \(network.entities.count) entities, \(network.relations.count) relations, \(network.records.count) records"
                    + (warnings > 0 ? "; \(warnings) warning\(warnings == 1 ? "" : "s") to review (above)" : ""))
    }

    private func write(_ outputs: [(name: String, text: String)]) throws {
        do {
            try FileManager.default.createDirectory(atPath: into, withIntermediateDirectories: true)
        } catch {
            Output.error("grappe: cannot create \(into): \(error.localizedDescription)")
            throw Exit.cannotCreate
        }
        let paths = outputs.map { (into as NSString).appendingPathComponent($0.name) }
        let existing = paths.filter { FileManager.default.fileExists(atPath: $0) }
        if !existing.isEmpty, !force {
            Output.error("grappe: \(existing.joined(separator: ", ")) already exist\(existing.count == 1 ? "s" : ""); use --force to replace")
            throw Exit.cannotCreate
        }
        for (path, output) in zip(paths, outputs) {
            try Output.write(Data(output.text.utf8), as: .text, to: path)
        }
    }
}
