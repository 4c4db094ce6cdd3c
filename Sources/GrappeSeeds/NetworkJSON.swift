import Foundation
import GrappeModel

/// The canonical JSON form of a network (documented in docs/json-format.md): every collection sorted,
/// keys sorted, absent values left out. The same network always gives the same bytes, and
/// `grappe check`/the loader read it back as a seed file.
public enum NetworkJSON {
    public static let format = "grappe-network"
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

    public static func encode(_ network: Network) throws -> Data {
        let envelope = Envelope(format: format, version: version, name: network.name,
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
    var seedMessage: String {
        func path(_ keys: [CodingKey]) -> String {
            keys.reduce("") { text, key in
                if let index = key.intValue { return text + "[\(index)]" }
                return text.isEmpty ? key.stringValue : text + "." + key.stringValue
            }
        }
        switch self {
        case .keyNotFound(let key, let context):
            let at = path(context.codingPath)
            return "missing key '\(key.stringValue)'" + (at.isEmpty ? "" : " in \(at)")
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath).isEmpty ? "the top level" : path(context.codingPath)): expected \(Self.describe(type))"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)): expected \(Self.describe(type)), found null"
        case .dataCorrupted(let context):
            let at = path(context.codingPath)
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return (at.isEmpty ? "" : "\(at): ") + (underlying ?? context.debugDescription)
        @unknown default:
            return "\(self)"
        }
    }

    /// A JSON kind in words, not a Swift type name.
    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is [String: Any].Type: "an object"
        case is [Any].Type: "a list"
        case is String.Type: "text"
        case is Bool.Type: "true or false"
        case is Int.Type, is Int64.Type, is Int32.Type, is Double.Type, is UInt64.Type: "a number"
        default: String(describing: type).hasPrefix("Array") ? "a list" : String(describing: type).hasPrefix("Dictionary") ? "an object" : "a value of another kind"
        }
    }
}
