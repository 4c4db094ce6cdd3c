import ArgumentParser
import Foundation
import GrappeAnalysis
import GrappeModel
import GrappeWords

/// `grappe show QUERY`: the card of an entity or a record.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "An entity's or record's card: attributes, relations by type, records, sources.",
        discussion:
            "QUERY is an id or a name, matched without regard to case or accents (technomontreal, 'ville de laval'). Several matches are listed on standard error and exit 64; none exits 66."
    )

    @OptionGroup var seedOptions: SeedOptions
    @OptionGroup var analysis: AnalysisOptions
    @OptionGroup var language: LanguageOption

    @Argument(help: "An id or a name.", completion: Completions.ids)
    var query: String

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(name: .long, help: "Output format.")
    var format: Format = .text

    func run() throws {
        let network = try analysis.network(from: seedOptions)
        let item = try Resolve.one(query, in: network, words: language.words)
        if format == .json {
            let data: Data =
                switch item {
                case .entity(let id): try CardJSON.entity(network.entity(id)!, in: network)
                case .record(let id): try CardJSON.record(network.record(id)!, in: network)
                }
            return try Output.write(data, as: .json, to: nil)
        }
        let cards = CardText(network, language.words)
        let lines: [String] =
            switch item {
            case .entity(let id): cards.entity(network.entity(id)!)
            case .record(let id): cards.record(network.record(id)!)
            }
        lines.forEach(Output.line)
    }
}
