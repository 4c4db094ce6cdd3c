import ArgumentParser
import Foundation
import GrappeAnalysis
import GrappeModel
import GrappeWords

/// Turns a query into one item, or explains why not (listing candidates, suggesting a spelling).
enum Resolve {
    static func one(
        _ query: String, in network: Network, lookup: Lookup? = nil, entitiesOnly: Bool = false,
        words: Words = Words(.en)
    ) throws -> Lookup.Item {
        let cards = CardText(network, words)
        switch (lookup ?? Lookup(network)).find(query) {
        case .one(let item):
            if entitiesOnly, case .record = item {
                Output.error(
                    "grappe: "
                        + words.say(
                            "\(words.quoted(query)) est un dossier\u{00A0}; donnez une entité", "\(words.quoted(query)) is a record; give an entity"))
                throw ExitCode.validationFailure
            }
            return item
        case .several(let items):
            let candidates = entitiesOnly ? items.filter { if case .entity = $0 { true } else { false } } : items
            if candidates.count == 1 { return candidates[0] }
            // Not an answer: the choices go to standard error and the exit says so (64), so that a
            // script never takes the list for the card it asked for.
            Output.error(
                "grappe: "
                    + words.say(
                        "\(words.quoted(query)) désigne \(candidates.count) éléments\u{00A0}; donnez l'un de ces ids\u{00A0}:",
                        "\(words.quoted(query)) matches \(candidates.count) items; give one of these ids:"))
            for item in candidates { Output.error("  \(item.id)  \(cards.title(item))") }
            throw ExitCode.validationFailure
        case .none(let suggestion):
            let hint =
                suggestion.map {
                    words.say(
                        "\u{00A0}; vouliez-vous dire \(words.quoted($0.id)) (\(cards.title($0)))\u{00A0}?",
                        "; did you mean \(words.quoted($0.id)) (\(cards.title($0)))?")
                } ?? ""
            Output.error("grappe: " + words.say("rien ne correspond à \(words.quoted(query))", "nothing matches \(words.quoted(query))") + hint)
            throw Exit.noInput
        }
    }
}
