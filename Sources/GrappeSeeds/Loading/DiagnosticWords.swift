import Foundation
import GrappeModel
import GrappeWords

/// The pieces seed diagnostics are worded from, in both languages. English keeps the wording the
/// command line has always printed ('id', "a city"); French quotes with « » and agrees articles.
extension Words {
    /// An entity kind with its article: "une ville", "a city".
    func a(_ kind: EntityKind) -> String {
        guard language == .fr else { return Self.withIndefiniteArticle(kind.rawValue) }
        return (kind == .pole ? "un " : "une ") + self.kind(kind)
    }

    /// A record kind with its article: "une mission", "a mission".
    func a(_ kind: RecordKind) -> String {
        guard language == .fr else { return Self.withIndefiniteArticle(kind.rawValue) }
        return (kind == .agreement || kind == .mission ? "une " : "un ") + self.kind(kind)
    }

    /// A record kind with the definite article: "la mission", "l'entente", "the mission".
    func the(_ kind: RecordKind) -> String {
        guard language == .fr else { return "the \(kind.rawValue)" }
        return switch kind {
        case .agreement: "l'entente"
        case .mission: "la mission"
        case .project: "le projet"
        case .event: "l'événement"
        }
    }

    /// "une ville ou un pôle", "a city or a pole" (sorted, as the kinds are declared).
    func either(_ kinds: Set<EntityKind>) -> String {
        let names = kinds.sorted().map { a($0) }
        guard let last = names.last else { return "" }
        return names.count == 1 ? last : names.dropLast().joined(separator: ", ") + say(" ou ", " or ") + last
    }
}

/// What a reference is, for messages ("unknown id 'x' in mission's origin").
extension Wording {
    static let source = Wording("les sources", "source")
    static let missionOrigin = Wording("l'origine de la mission", "mission's origin")
    static let missionDestination = Wording("une destination de la mission", "mission's destination")
    static let missionOutcome = Wording("un résultat de la mission", "mission outcome")
    static let agreementPlace = Wording("le lieu de l'entente", "agreement's place")
    static let eventPlace = Wording("le lieu de l'événement", "event's place")
    static let funder = Wording("un financeur", "funder")
    static let partOf = Wording("part_of", "part_of")

    /// "partie d'une mission", "party of a mission". Made once per kind: every party of every record
    /// carries one, and only a message reads it.
    static func party(of kind: RecordKind) -> Wording { parties[kind]! }

    private static let parties = Dictionary(
        uniqueKeysWithValues: RecordKind.allCases.map { kind in
            (kind, Wording("partie d'" + Words(.fr).a(kind), "party of " + Words(.en).a(kind)))
        })

    /// "la relation «\u{00A0}based_in\u{00A0}» (clé «\u{00A0}from\u{00A0}»)", "relation 'based_in' at 'from'". Made
    /// once per type and end, like `party(of:)`.
    static func relation(_ type: RelationType?, at end: String) -> Wording {
        relations[RelationEnd(type: type, end: end)] ?? wording(type, end)
    }

    private struct RelationEnd: Hashable {
        let type: RelationType?
        let end: String
    }

    private static let relations = Dictionary(
        uniqueKeysWithValues: ([nil] + RelationType.allCases.map { $0 }).flatMap { type in
            ["from", "to"].map { (RelationEnd(type: type, end: $0), wording(type, $0)) }
        })

    private static func wording(_ type: RelationType?, _ end: String) -> Wording {
        let name = type?.rawValue ?? "?"
        return Wording("la relation «\u{00A0}\(name)\u{00A0}» (clé «\u{00A0}\(end)\u{00A0}»)", "relation '\(name)' at '\(end)'")
    }
}

/// What the parsers say in English (libyaml through Yams, Foundation's JSON reader), in French for
/// the usual messages; any other is quoted as the parser wrote it, and named.
enum ParserWords {
    static func yaml(_ english: String) -> String {
        french(english, known: yamlMessages, parser: "de l'analyseur YAML")
    }

    static func json(_ english: String) -> String {
        french(english.lowercased(), known: jsonMessages, parser: "du lecteur JSON")
    }

    private static func french(_ english: String, known: [String: String], parser: String) -> String {
        known[english] ?? "«\u{00A0}\(english)\u{00A0}» (message \(parser))"
    }

    private static let yamlMessages: [String: String] = [
        "did not find expected key": "clé attendue introuvable",
        "mapping values are not allowed in this context": "une valeur de dictionnaire n'est pas permise ici",
        "found character that cannot start any token": "un caractère qui ne peut commencer aucun élément",
        "could not find expected ':'": "«\u{00A0}:\u{00A0}» attendu introuvable",
        "did not find expected '-' indicator": "«\u{00A0}-\u{00A0}» attendu introuvable",
        "did not find expected node content": "contenu attendu introuvable",
        "did not find expected ',' or ']'": "«\u{00A0},\u{00A0}» ou «\u{00A0}]\u{00A0}» attendu introuvable",
        "did not find expected ',' or '}'": "«\u{00A0},\u{00A0}» ou «\u{00A0}}\u{00A0}» attendu introuvable",
        "found unexpected end of stream": "fin du fichier inattendue",
        "found unknown escape character": "caractère d'échappement inconnu",
        "found a tab character that violates indentation": "une tabulation casse l'indentation",
        "found a tab character where an indentation space is expected": "une tabulation là où l'indentation attend une espace",
        "block sequence entries are not allowed in this context": "une entrée de liste n'est pas permise ici",
        "found undefined tag handle": "préfixe d'étiquette non défini",
        "found unexpected ':'": "«\u{00A0}:\u{00A0}» inattendu",
        "while scanning a simple key": "en lisant une clé simple",
        "while parsing a block mapping": "en lisant un dictionnaire en bloc",
        "while parsing a block collection": "en lisant une liste en bloc",
        "while parsing a flow sequence": "en lisant une liste entre crochets",
        "while parsing a flow mapping": "en lisant un dictionnaire entre accolades",
        "while scanning a quoted scalar": "en lisant un texte entre guillemets",
        "while scanning a plain scalar": "en lisant un texte",
        "while parsing a block node": "en lisant un élément en bloc",
        "while parsing a flow node": "en lisant un élément entre crochets ou accolades",
        "while scanning an anchor": "en lisant une ancre",
        "while scanning an alias": "en lisant un alias",
        "while scanning a tag": "en lisant une étiquette",
    ]

    private static let jsonMessages: [String: String] = [
        "invalid value": "valeur invalide",
        "unexpected character": "caractère inattendu",
        "badly formed object": "objet mal formé",
        "badly formed array": "liste mal formée",
        "no string key for value in object": "une valeur d'objet sans clé de texte",
        "invalid escape sequence": "séquence d'échappement invalide",
        "unescaped control character": "caractère de contrôle non échappé",
        "number with leading zero": "nombre commençant par un zéro",
        "invalid unicode escape sequence": "séquence d'échappement Unicode invalide",
    ]
}
