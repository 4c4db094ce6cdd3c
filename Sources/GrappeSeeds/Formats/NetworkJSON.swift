import Foundation
import GrappeModel
import GrappeWords

/// The canonical JSON form of a network (documented in docs/json-format.md): every collection sorted,
/// keys sorted, absent values left out. The same network always gives the same bytes, and
/// `grappe check`/the loader read it back as a seed file.
public enum NetworkJSON {
    /// The `format` field every export carries.
    public static let format = "grappe-network"
    /// The format's version; a newer one is refused with a clear message.
    public static let version = 1

    struct Envelope: Codable {
        var format: String
        var version: Int
        var name: String
        var documents: [Document]
        var entities: [Entity]
        var relations: [Relation]
        var records: [Record]
    }

    /// The network as canonical JSON: every collection sorted, keys sorted, absent values left out.
    public static func encode(_ network: Network) throws -> Data {
        let envelope = Envelope(
            format: format, version: version, name: network.name,
            documents: network.documents.sorted { $0.id < $1.id },
            entities: network.entities.sorted { $0.id < $1.id },
            relations: network.relations.sorted(by: canonicalOrder),
            records: network.records.sorted { $0.id < $1.id })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(envelope)
        data.append(0x0A)
        return data
    }

    /// Relations sort by their ends and type, then by everything else that tells two apart.
    static func canonicalOrder(_ a: Relation, _ b: Relation) -> Bool {
        if a.from != b.from { return a.from < b.from }
        if a.to != b.to { return a.to < b.to }
        if a.type != b.type { return a.type.rawValue < b.type.rawValue }
        let left = [a.start?.description ?? "", a.end?.description ?? "", a.title ?? "", a.label ?? "", a.note ?? ""]
        let right = [b.start?.description ?? "", b.end?.description ?? "", b.title ?? "", b.label ?? "", b.note ?? ""]
        if left != right { return left.lexicographicallyPrecedes(right) }
        return (a.weight ?? 0) < (b.weight ?? 0)
    }

    static func decode(_ data: Data) throws -> Envelope {
        try JSONDecoder().decode(Envelope.self, from: data)
    }
}

extension DecodingError {
    /// `entities[3].founded: …`: where in the JSON tree the problem is, and what it is.
    /// What is wrong, in `w`'s language: the JSON path and what was expected there, or the
    /// refusal of the value's own parser (a date, an amount).
    func seedMessage(_ w: Words) -> String {
        func path(_ keys: [CodingKey]) -> String {
            keys.reduce("") { text, key in
                if let index = key.intValue { return text + "[\(index)]" }
                return text.isEmpty ? key.stringValue : text + "." + key.stringValue
            }
        }
        switch self {
        case .keyNotFound(let key, let context):
            let at = path(context.codingPath)
            return w.say("clé \(w.quoted(key.stringValue)) absente", "missing key \(w.quoted(key.stringValue))")
                + (at.isEmpty ? "" : w.say(" dans \(at)", " in \(at)"))
        case .typeMismatch(let type, let context):
            let at = path(context.codingPath)
            return (at.isEmpty ? w.say("le niveau le plus haut", "the top level") : at) + w.colon + w.say("on attend ", "expected ")
                + Self.describe(type, w)
        case .valueNotFound(let type, let context):
            return path(context.codingPath) + w.colon
                + w.say("on attend \(Self.describe(type, w)), trouvé null", "expected \(Self.describe(type, w)), found null")
        case .dataCorrupted(let context):
            let at = path(context.codingPath)
            let reason: String =
                switch context.underlyingError {
                case let date as DateError: w.say(date.french, date.description)
                case let money as MoneyError: w.moneyProblem(money)
                case let other?:
                    ((other as NSError).userInfo[NSDebugDescriptionErrorKey] as? String).map {
                        w.say(ParserWords.json($0), $0)
                    } ?? w.say(ParserWords.json(context.debugDescription), context.debugDescription)
                case nil: w.say(ParserWords.json(context.debugDescription), context.debugDescription)
                }
            return (at.isEmpty ? "" : at + w.colon) + reason
        @unknown default:
            return "\(self)"
        }
    }

    /// A JSON kind in words, not a Swift type name.
    private static func describe(_ type: Any.Type, _ w: Words) -> String {
        switch type {
        case is [String: Any].Type: w.say("un objet", "an object")
        case is [Any].Type: w.say("une liste", "a list")
        case is String.Type: w.say("du texte", "text")
        case is Bool.Type: w.say("true ou false", "true or false")
        case is Int.Type, is Int64.Type, is Int32.Type, is Double.Type, is UInt64.Type: w.say("un nombre", "a number")
        default:
            String(describing: type).hasPrefix("Array")
                ? w.say("une liste", "a list")
                : String(describing: type).hasPrefix("Dictionary")
                    ? w.say("un objet", "an object") : w.say("une valeur d'un autre genre", "a value of another kind")
        }
    }
}
