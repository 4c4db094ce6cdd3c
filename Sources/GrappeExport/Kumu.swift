import Foundation

/// Kumu's JSON import (`elements` and `connections`). Kumu links connections to elements by label,
/// so a label shared by two elements gets its id appended.
public enum Kumu {
    /// Kumu's own field names where they exist; `type` is Kumu's element type, so an organisation's
    /// type becomes `category`.
    static func field(_ name: String) -> String {
        switch name {
        case "summary": "description"
        case "type": "category"
        default: name
        }
    }

    /// The graph as Kumu's JSON blueprint (elements and connections).
    public static func write(_ graph: ExportGraph) throws -> Data {
        var counts: [String: Int] = [:]
        for node in graph.nodes { counts[node.label, default: 0] += 1 }
        var labels: [String: String] = [:]
        for node in graph.nodes { labels[node.id] = counts[node.label]! > 1 ? "\(node.label) (\(node.id))" : node.label }
        let elements: [[String: String]] = graph.nodes.map { node in
            var element = ["label": labels[node.id]!, "type": node.kind.capitalized, "id": node.id]
            for (name, value) in node.attributes { element[Self.field(name)] = value }
            return element
        }
        let connections: [[String: String]] = graph.edges.compactMap { edge in
            guard let from = labels[edge.source], let to = labels[edge.target] else { return nil }
            var connection = [
                "from": from, "to": to, "type": edge.type.replacingOccurrences(of: "_", with: " "),
                "direction": edge.directed ? "directed" : "mutual",
            ]
            for (name, value) in edge.attributes { connection[Self.field(name)] = value }
            if let weight = edge.weight { connection["weight"] = "\(weight)" }
            return connection
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(["elements": elements, "connections": connections]) + Data("\n".utf8)
    }
}
