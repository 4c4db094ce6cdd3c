import ArgumentParser
import GrappeAnalysis
import GrappeModel
import GrappeWords

/// `grappe show QUERY`: the card of an entity or a record.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "An entity's or record's card: attributes, relations by type, records, sources.",
        discussion: "QUERY is an id or a name, matched without regard to case or accents (technomontreal, 'ville de laval'). Several matches are listed on standard error and exit 64; none exits 66."
    )

    @OptionGroup var seedOptions: SeedOptions
    @OptionGroup var analysis: AnalysisOptions
    @OptionGroup var language: LanguageOption

    @Argument(help: "An id or a name.")
    var query: String

    func run() throws {
        let network = try analysis.network(from: seedOptions)
        let item = try Resolve.one(query, in: network, words: language.words)
        let cards = CardText(network, language.words)
        let lines: [String] = switch item {
        case .entity(let id): cards.entity(network.entity(id)!)
        case .record(let id): cards.record(network.record(id)!)
        }
        lines.forEach(Output.line)
    }
}
