import ArgumentParser
import Foundation
import GrappeAnalysis
import GrappeModel

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
            // Not an answer: the choices go to standard error and the exit says so (64), so that a
            // script never takes the list for the card it asked for.
            Output.error("grappe: '\(query)' matches \(candidates.count) items; give one of these ids:")
            for item in candidates { Output.error("  \(item.id)  \(CardText.title(item, in: network))") }
            throw ExitCode.validationFailure
        case .none(let suggestion):
            let hint = suggestion.map { "; did you mean '\($0.id)' (\(CardText.title($0, in: network)))?" } ?? ""
            Output.error("grappe: nothing matches '\(query)'\(hint)")
            throw Exit.noInput
        }
    }
}
