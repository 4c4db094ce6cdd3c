import Foundation
import GrappeModel

/// Reads Kumu's JSON: a project's backup (elements and connections with Kumu's `_id`s, their fields
/// under `attributes`, `element type` and `connection type`) and the import format Grappe's
/// `--format kumu` writes (flat elements with `label`, `type`, `id`; connections `from`/`to` by
/// label). Both become elements and connections as Kumu's spreadsheets do (`Kumu`). JSON has no
/// positions here: problems are at the top of the file.
struct KumuJSONReader {
    let file: SeedFile
    let fileIndex: Int32
    let set: SeedSet

    /// Whether a decoded JSON object is Kumu's (elements and connections, and not Grappe's own export).
    static func isKumu(_ object: Any) -> Bool {
        guard let top = object as? [String: Any] else { return false }
        return top["format"] == nil && top["elements"] is [Any] && top["connections"] is [Any]
    }

    func read(_ object: Any) {
        guard let top = object as? [String: Any] else { return }
        set.summarisedFiles.insert(fileIndex)
        let origin = Origin(file: fileIndex, line: 1, column: 1)
        var idOf: [String: ID] = [:]
        var unmappedElements = Set<String>(), unmappedConnections = Set<String>()
        var skipped = 0
        for case let element as [String: Any] in top["elements"] as? [Any] ?? [] {
            let item = self.item(Self.flattened(element, typeKey: "element type"), origin: origin)
            guard let label = item["label"] else { skipped += 1; continue }
            let id = item["id"] ?? IDSyntax.slug(label)
            for name in [element["_id"] as? String, label, id].compactMap({ $0 }) where idOf[name] == nil { idOf[name] = id }
            Kumu.element(item, file: file, set: set, unmapped: &unmappedElements)
        }
        for case let connection as [String: Any] in top["connections"] as? [Any] ?? [] {
            var fields = Self.flattened(connection, typeKey: "connection type")
            // Ends by Kumu's `_id`, or by label or id: the element's id either way.
            for end in ["from", "to"] { if let name = fields[end], let id = idOf[name] { fields[end] = id } }
            for name in fields.keys.sorted() where !Self.connectionFields.contains(name.lowercased()) {
                set.warnOnce("kumu connection field:" + name, file.location(line: 1, column: 1), .leftOut) { w in
                    w.say(
                        "le champ de connexion \(w.quoted(name)) n'est pas lu\u{00A0}: les liens ne gardent que les champs connus",
                        "connection field \(w.quoted(name)) is not read: edges keep only the known fields")
                }
            }
            Kumu.connection(item(fields, origin: origin), file: file, set: set, unmapped: &unmappedConnections)
        }
        if skipped > 0 {
            set.warning(file.location(line: 1, column: 1), .leftOut) { w in
                w.say(
                    "\(w.count(skipped, ("élément", "éléments"), ("", ""))) sans label ne sont pas lus",
                    "\(skipped) element\(skipped == 1 ? "" : "s") without a label \(skipped == 1 ? "is" : "are") not read")
            }
        }
    }

    /// What a connection's fields may be: Kumu's and a record tie's.
    static let connectionFields = Set(KumuConnectionTable.known + CSVSeedReader.tieColumns + ["title", "note", "sources"])

    /// An element's or a connection's fields as text: its own, then those under `attributes` (a
    /// backup's); Kumu's `element type` or `connection type` is its type. Numbers and truth values
    /// as written, lists (tags) joined with `|`; Kumu's own keys (`_id`, drawing) are left out.
    static func flattened(_ object: [String: Any], typeKey: String) -> [String: String] {
        var fields: [String: String] = [:]
        let nested = object["attributes"] as? [String: Any] ?? [:]
        for (key, value) in object.merging(nested, uniquingKeysWith: { own, _ in own }) where !key.hasPrefix("_") && key != "attributes" {
            guard let text = text(value) else { continue }
            fields[key == typeKey ? "type" : key] = text
        }
        return fields
    }

    private static func text(_ value: Any) -> String? {
        switch value {
        case let text as String: return text
        case let number as NSNumber:
            // A JSON truth value is a number of type char ("c").
            return String(cString: number.objCType) == "c" ? (number.boolValue ? "true" : "false") : number.stringValue
        case let list as [Any]: return list.compactMap(text).joined(separator: "|")
        default: return nil
        }
    }

    private func item(_ fields: [String: String], origin: Origin) -> GraphItem {
        var item = GraphItem(file: file, origin: origin)
        for key in fields.keys.sorted() { item.set(key, fields[key]!) }
        return item
    }
}
