/// Graphviz DOT: one node per entity or record (shaped by kind), one edge per relation or party
/// link, labelled with its type. Render with `dot -Tsvg network.dot > network.svg`.
public enum DOT {
    static let shapes = ["city": "house", "cluster": "doubleoctagon", "pole": "octagon", "organisation": "box",
                         "person": "ellipse", "agreement": "note", "mission": "cds", "project": "folder", "event": "component"]

    public static func write(_ graph: ExportGraph) -> String {
        var text = "digraph grappe {\n  graph [overlap=false, splines=true, fontname=\"Helvetica\"];\n"
        text += "  node [fontname=\"Helvetica\", fontsize=10];\n  edge [fontname=\"Helvetica\", fontsize=8];\n"
        for node in graph.nodes {
            text += "  \(quoted(node.id)) [label=\(quoted(node.label)), shape=\(shapes[node.kind] ?? "box"), kind=\(quoted(node.kind))];\n"
        }
        for edge in graph.edges {
            text += "  \(quoted(edge.source)) -> \(quoted(edge.target)) [label=\(quoted(edge.type.replacingOccurrences(of: "_", with: " ")))"
            text += edge.directed ? "];\n" : ", dir=none];\n"
        }
        return text + "}\n"
    }

    /// A DOT double-quoted string: quotes and backslashes escaped, line breaks as `\n`.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": continue
            default: result.unicodeScalars.append(scalar.value < 0x20 ? " " : scalar)
            }
        }
        return result + "\""
    }
}
