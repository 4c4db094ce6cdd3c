/// Graphviz DOT: one node per entity or record, shaped and filled by kind, one edge per relation or
/// party link, labelled only when it has a label of its own. Edges are straight lines
/// (`splines=true` makes `sfdp` take minutes on a few thousand nodes). Above 100 nodes the file names
/// its layout, `sfdp`, which Graphviz's `dot` command then uses too: `dot`'s own layered layout does
/// not finish on a few hundred nodes (306 nodes: more than ten minutes here; `sfdp`: 0.35 s). The
/// metrics graph is an undirected `graph`. Render with `dot -Tsvg network.dot > network.svg`.
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

    /// Above this many nodes, the file names `sfdp` as its layout.
    public static let largeGraph = 100

    /// The graph in Graphviz's language: nodes filled by kind, edges labelled with their own label.
    /// `layout` names the engine in the file; nil names `sfdp` for a graph over `largeGraph` nodes.
    public static func write(_ graph: ExportGraph, layout: String? = nil) -> String {
        let arrow = graph.directed ? "->" : "--"
        var text = graph.directed ? "digraph grappe {\n" : "graph grappe {\n"
        let engine = layout ?? (graph.nodes.count > largeGraph ? "sfdp" : nil)
        text +=
            "  graph [\(engine.map { "layout=\(quoted($0)), " } ?? "")overlap=false, splines=false, outputorder=edgesfirst, fontname=\"Helvetica\"];\n"
        text += "  node [fontname=\"Helvetica\", fontsize=10, style=filled];\n  edge [fontname=\"Helvetica\", fontsize=8, color=\"#00000066\"];\n"
        for node in graph.nodes {
            text += "  \(quoted(node.id)) [label=\(quoted(node.label)), shape=\(shapes[node.kind] ?? "box"), "
            text += "fillcolor=\(quoted(colours[node.kind] ?? "white")), kind=\(quoted(node.kind))];\n"
        }
        for edge in graph.edges {
            text += "  \(quoted(edge.source)) \(arrow) \(quoted(edge.target))"
            var attributes: [String] = []
            if let label = edge.attributes.first(where: { $0.name == "label" })?.value { attributes.append("label=\(quoted(label))") }
            if graph.directed, !edge.directed { attributes.append("dir=none") }
            text += attributes.isEmpty ? ";\n" : " [\(attributes.joined(separator: ", "))];\n"
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
