import ArgumentParser
import GrappeModel
import GrappeSeeds
import GrappeWords

/// `grappe check`: load every seed file and report every problem at once, like a compiler.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load and validate the seeds; list every problem as path:line:column.",
        discussion: "Exits 0 when there is no error (warnings do not fail), 65 on data errors, 66 when the seeds are missing."
    )

    @OptionGroup var seedOptions: SeedOptions
    @OptionGroup var language: LanguageOption

    @Flag(name: .long, help: "Show errors only.")
    var noWarnings = false

    @Flag(name: .long, help: "Print how long each file and the validation took, on standard error.")
    var timings = false

    func run() throws {
        let (result, _, _, storeWarnings) = try seedOptions.loadOverlaid(timings: timings, printingStoreWarnings: !noWarnings)
        Output.diagnostics(result.diagnostics, includeWarnings: !noWarnings, language: language.language)
        let network = result.network, counts = network.counts, words = language.words
        let entities = EntityKind.allCases.compactMap { kind in counts.byEntityKind[kind].map { words.count($0, kind) } }
        let records = RecordKind.allCases.compactMap { kind in counts.byRecordKind[kind].map { words.count($0, kind) } }
        // The store's warnings count with the seeds' (they were printed with them).
        let errors = result.diagnostics.errorCount, warnings = result.diagnostics.warningCount + storeWarnings
        let parts = [
            words.count(result.files.count, ("fichier", "fichiers"), ("file", "files")),
            words.count(network.documents.count, ("document", "documents"), ("document", "documents")),
            words.count(network.entities.count, ("entité", "entités"), ("entity", "entities"))
                + (entities.isEmpty ? "" : " (\(entities.joined(separator: ", ")))"),
            words.count(network.relations.count, ("relation", "relations"), ("relation", "relations")),
            words.count(network.records.count, ("dossier", "dossiers"), ("record", "records"))
                + (records.isEmpty ? "" : " (\(records.joined(separator: ", ")))"),
        ]
        Output.line(seedOptions.path + words.colon + parts.joined(separator: ", "))
        Output.line(
            words.count(errors, ("erreur", "erreurs"), ("error", "errors")) + ", "
                + words.count(warnings, ("avertissement", "avertissements"), ("warning", "warnings")))
        if errors > 0 { throw Exit.dataError }
    }
}
