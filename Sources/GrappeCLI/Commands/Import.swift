import ArgumentParser
import Foundation
import GrappeExport
import GrappeModel
import GrappeSeeds
import GrappeWords

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

    @Option(
        name: .long, help: ArgumentHelp("The directory to write the seed files into (created if needed).", valueName: "dir"),
        completion: .directory)
    var into: String

    @Flag(name: .long, help: "Replace seed files already in the directory.")
    var force = false

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }
    @Option(help: "The import report: text, or json for scripts.") var format: Format = .text

    func validate() throws {
        if files.isEmpty { throw ValidationError(Messages.words.say("donnez au moins un fichier à importer", "give at least one file to import")) }
    }

    func run() throws {
        let words = Messages.words
        for file in files where !FileManager.default.fileExists(atPath: file) {
            Output.error("grappe: \(file)\(words.colon)" + Wording.system(ENOENT)(words))
            throw Exit.noInput
        }
        let result = Progress.run(words.say("lecture de ", "reading ") + words.count(files.count, ("fichier", "fichiers"), ("file", "files"))) {
            SeedLoader.load(paths: files)
        }
        Output.diagnostics(result.diagnostics, toStandardError: true)
        if result.diagnostics.errorCount > 0 {
            let errors = words.count(result.diagnostics.errorCount, ("erreur", "erreurs"), ("error", "errors"))
            Output.error(
                "grappe: "
                    + words.say(
                        "rien n'a été écrit\(words.colon)les fichiers ont \(errors) (ci-dessus)",
                        "nothing written\(words.colon)the files have \(errors) (see above)")
            )
            // Another tool's file names the sources but does not hold them (Grappe's export included).
            let network = result.network
            let citesSources =
                network.entities.contains { !$0.sources.isEmpty } || network.relations.contains { !$0.sources.isEmpty }
                || network.records.contains { !$0.sources.isEmpty }
            if network.documents.isEmpty, citesSources {
                Output.error(
                    "grappe: "
                        + words.say(
                            "les documents que citent les sources sont dans documents.yaml\(words.colon)ajoutez-le aux fichiers (grappe import FICHIER seeds/documents.yaml --into DOSSIER)",
                            "the documents the sources name are in documents.yaml\(words.colon)add it to the files (grappe import FILE seeds/documents.yaml --into DIR)"
                        ))
            }
            throw Exit.dataError
        }
        let network = result.network
        let outputs = [
            (
                "network.yaml",
                try SeedYAML.encode(
                    documents: network.documents, entities: [], records: network.records,
                    comment: "Imported by grappe import from: \(files.joined(separator: ", "))")
            ),
            ("entities.csv", SeedTables.entities(network.entities)),
            ("relations.csv", SeedTables.relations(network.relations)),
        ]
        try write(outputs)
        let warnings = result.diagnostics.warningCount
        let counts = [
            words.count(network.entities.count, ("entité", "entités"), ("entity", "entities")),
            words.count(network.relations.count, ("relation", "relations"), ("relation", "relations")),
            words.count(network.records.count, ("dossier", "dossiers"), ("record", "records")),
        ].joined(separator: ", ")
        let review = words.count(warnings, ("avertissement à revoir", "avertissements à revoir"), ("warning to review", "warnings to review"))
        let report = ImportReport(result, language: words.language)
        if format == .json {
            try Output.write(try MissionListing.json(report), as: .json, to: nil)
            return
        }
        Output.line("\(into)\(words.colon)\(counts)" + (warnings > 0 ? words.say("\u{00A0}; \(review) (ci-dessus)", "; \(review) (above)") : ""))
        for line in Self.lines(report, words) { Output.line(line) }
    }

    /// The report as a person reads it: counts by kind and type, then what was mapped and left out.
    static func lines(_ report: ImportReport, _ words: Words) -> [String] {
        func counts(_ rows: [ImportReport.Count]) -> String { rows.map { "\(words.number($0.count)) \($0.name)" }.joined(separator: " · ") }
        var lines: [String] = []
        for (label, rows) in [
            (words.say("entités", "entities"), report.entities), (words.say("dossiers", "records"), report.records),
            (words.say("relations", "relations"), report.relations),
        ] where !rows.isEmpty {
            lines.append("  " + TextWidth.padded(label, to: 12) + counts(rows))
        }
        for (label, items) in [(words.say("repris", "mapped"), report.mapped), (words.say("laissé", "left out"), report.leftOut)] where !items.isEmpty
        {
            lines.append("  " + TextWidth.padded(label, to: 12) + items[0])
            for item in items.dropFirst() { lines.append("  " + String(repeating: " ", count: 12) + item) }
        }
        return lines
    }

    private func write(_ outputs: [(name: String, text: String)]) throws {
        try Messages.makeFolder(into)
        let paths = outputs.map { (into as NSString).appendingPathComponent($0.name) }
        let existing = paths.filter { FileManager.default.fileExists(atPath: $0) }
        if !existing.isEmpty, !force {
            Output.error(Messages.alreadyThere(existing))
            throw Exit.cannotCreate
        }
        for (path, output) in zip(paths, outputs) {
            try Output.write(Data(output.text.utf8), as: .text, to: path)
        }
    }
}
