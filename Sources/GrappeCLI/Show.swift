import ArgumentParser
import GrappeAnalysis
import GrappeModel

/// `grappe show QUERY`: the card of an entity or a record.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "An entity's or record's card: attributes, relations by type, records, sources.",
        discussion: "QUERY is an id or a name, matched without regard to case or accents (technomontreal, 'ville de laval'). Several matches are listed; none exits 66."
    )

    @OptionGroup var seedOptions: SeedOptions
    @OptionGroup var analysis: AnalysisOptions

    @Argument(help: "An id or a name.")
    var query: String

    func run() throws {
        let network = try analysis.network(from: seedOptions)
        let item = try Resolve.one(query, in: network)
        let lines: [String] = switch item {
        case .entity(let id): CardText.entity(network.entity(id)!, in: network)
        case .record(let id): CardText.record(network.record(id)!, in: network)
        }
        lines.forEach(Output.line)
    }
}

/// Turns a query into one item, or explains why not (listing candidates, suggesting a spelling).
enum Resolve {
    static func one(_ query: String, in network: Network, lookup: Lookup? = nil, entitiesOnly: Bool = false) throws -> Lookup.Item {
        switch (lookup ?? Lookup(network)).find(query) {
        case .one(let item):
            if entitiesOnly, case .record = item {
                Output.error("grappe: '\(query)' is a record; give an entity")
                throw ExitCode.validationFailure
            }
            return item
        case .several(let items):
            let candidates = entitiesOnly ? items.filter { if case .entity = $0 { true } else { false } } : items
            if candidates.count == 1 { return candidates[0] }
            Output.line("'\(query)' matches \(candidates.count) items; give one of these ids:")
            for item in candidates { Output.line("  \(Style.bold(item.id))  \(CardText.title(item, in: network))") }
            throw ExitCode(0)
        case .none(let suggestion):
            let hint = suggestion.map { "; did you mean '\($0.id)' (\(CardText.title($0, in: network)))?" } ?? ""
            Output.error("grappe: nothing matches '\(query)'\(hint)")
            throw Exit.noInput
        }
    }
}
