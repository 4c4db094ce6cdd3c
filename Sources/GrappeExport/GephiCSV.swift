/// Gephi's spreadsheet import: a nodes table and an edges table. `Type` says Directed or Undirected as
/// Gephi expects, the relation type or party role goes in `Kind`; Grappe reads both back.
public enum GephiCSV {
    /// The nodes table Gephi imports: `Id,Label,Kind,…`.
    public static func nodes(_ graph: ExportGraph) -> String {
        let names = graph.nodeAttributeNames
        var text = CSVText.row(["Id", "Label", "Kind"] + names.map(columnName))
        for node in graph.nodes {
            let values = Dictionary(node.attributes, uniquingKeysWith: { first, _ in first })
            text += CSVText.row([node.id, node.label, node.kind] + names.map { values[$0] ?? "" })
        }
        return text
    }

    /// The edges table Gephi imports: `Source,Target,Type,…`.
    public static func edges(_ graph: ExportGraph) -> String {
        let names = graph.edgeAttributeNames
        var text = CSVText.row(["Source", "Target", "Type", "Kind", "Weight"] + names.map(columnName))
        for edge in graph.edges {
            let values = Dictionary(edge.attributes, uniquingKeysWith: { first, _ in first })
            text += CSVText.row(
                [
                    edge.source, edge.target, edge.directed ? "Directed" : "Undirected", edge.type,
                    edge.weight.map { "\($0)" } ?? "",
                ] + names.map { values[$0] ?? "" })
        }
        return text
    }

    /// `sources` becomes Grappe's `Provenance` column; other names stay as the seeds write them, so that
    /// attributes read back under their own names (Grappe matches its own columns case-insensitively).
    static func columnName(_ name: String) -> String {
        name == "sources" ? "Provenance" : name
    }
}
