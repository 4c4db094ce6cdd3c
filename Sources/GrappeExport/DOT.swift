/// Graphviz DOT: one node per entity or record, shaped and filled by kind, one edge per relation or
/// party link, labelled with its type. Edges are straight lines (`splines=true` makes `sfdp` take
/// minutes on a few thousand nodes). The metrics graph is an undirected `graph`.
/// Render with `dot -Tsvg network.dot > network.svg`, or `sfdp` for large networks.
public enum DOT {
    static let shapes = [
        "city": "house", "cluster": "doubleoctagon", "pole": "octagon", "organisation": "box",
        "person": "ellipse", "agreement": "note", "mission": "cds", "project": "folder", "event": "component",
    ]
    /// Fill colours by kind, from the Brewer Set3 scheme Graphviz knows (light enough for black labels).
    static let colours = [
        "city": "/set39/1", "cluster": "/set39/2", "pole": "/set39/3", "organisation": "/set39/4",
        "person": "/set39/5", "agreement": "/set39/6", "mission": "/set39/7", "project": "/set39/8",
        "event": "/set39/9",
    ]

    /// The graph in Graphviz's language: nodes filled by kind, edges labelled with their type.
    public static func write(_ graph: ExportGraph) -> String {
        let arrow = graph.directed ? "->" : "--"
        var text = graph.directed ? "digraph grappe {\n" : "graph grappe {\n"
        text += "  graph [overlap=false, splines=false, outputorder=edgesfirst, fontname=\"Helvetica\"];\n"
        text += "  node [fontname=\"Helvetica\", fontsize=10, style=filled];\n  edge [fontname=\"Helvetica\", fontsize=8, color=\"#00000066\"];\n"
        for node in graph.nodes {
            text += "  \(quoted(node.id)) [label=\(quoted(node.label)), shape=\(shapes[node.kind] ?? "box"), "
            text += "fillcolor=\(quoted(colours[node.kind] ?? "white")), kind=\(quoted(node.kind))];\n"
        }
        for edge in graph.edges {
            text += "  \(quoted(edge.source)) \(arrow) \(quoted(edge.target))"
            guard graph.directed else { text += ";\n"; continue }
            text += " [label=\(quoted(edge.type.replacingOccurrences(of: "_", with: " ")))"
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
