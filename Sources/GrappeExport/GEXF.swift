/// GEXF 1.3 (gexf.net), Gephi's own format, as Gephi and networkx's `read_gexf` read it.
///
/// - Attributes are typed (boolean, integer, long, double, string) from the values they take.
/// - An edge's label is its relation's own label when it has one, else its type in words; the type
///   stays an attribute. A symmetric relation is a `mutual` edge (and `mutual` is true).
/// - Time: entities from their founding, relations from start to end, missions and events over their
///   dates, agreements and projects from their date (to their end) are spells, and the graph is
///   `dynamic`, so Gephi's timeline works. A partial date is the interval it can mean (`2015-10` is the
///   whole of October); a date whose year is unknown is not placed in time (it stays an attribute).
/// - The metrics graph is undirected.
public enum GEXF {
    /// The graph as GEXF 1.3 (Gephi's format), with spells for the dated nodes and edges.
    public static func write(_ graph: ExportGraph) -> String {
        let nodeNames = ["kind"] + graph.nodeAttributeNames
        let fixedEdgeNames = graph.directed ? [("type", "string"), ("mutual", "boolean")] : []
        let edgeNames = fixedEdgeNames.map(\.0) + graph.edgeAttributeNames.filter { $0 != "label" }
        let dynamic = graph.nodes.contains { $0.spell != nil } || graph.edges.contains { $0.spell != nil }
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
              <meta><creator>Grappe</creator><description>partnership network</description></meta>

            """
        text += "  <graph defaultedgetype=\"\(graph.directed ? "directed" : "undirected")\""
        text += dynamic ? " mode=\"dynamic\" timeformat=\"date\">\n" : " mode=\"static\">\n"
        let nodeTypes = graph.nodeAttributeTypes, edgeTypes = graph.edgeAttributeTypes
        text += attributes("node", nodeNames.map { ($0, $0 == "kind" ? "string" : type(nodeTypes[$0])) })
        text += attributes(
            "edge",
            edgeNames.enumerated().map { index, name in
                (name, index < fixedEdgeNames.count ? fixedEdgeNames[index].1 : type(edgeTypes[name]))
            })
        text += "    <nodes>\n"
        let nodeIndex = Dictionary(uniqueKeysWithValues: nodeNames.enumerated().map { ($1, $0) })
        let edgeIndex = Dictionary(uniqueKeysWithValues: edgeNames.enumerated().map { ($1, $0) })
        for node in graph.nodes {
            text += "      <node id=\"\(XMLText.escaped(node.id))\" label=\"\(XMLText.escaped(node.label))\">"
            text += spells(node.spell) + "<attvalues><attvalue for=\"0\" value=\"\(node.kind)\"/>"
            for (name, value) in node.attributes { text += "<attvalue for=\"\(nodeIndex[name]!)\" value=\"\(XMLText.escaped(value))\"/>" }
            text += "</attvalues></node>\n"
        }
        text += "    </nodes>\n    <edges>\n"
        for (number, edge) in graph.edges.enumerated() {
            text += "      <edge id=\"\(number)\" source=\"\(XMLText.escaped(edge.source))\" target=\"\(XMLText.escaped(edge.target))\""
            if graph.directed {
                let label = edge.attributes.first { $0.name == "label" }?.value ?? edge.type.replacingOccurrences(of: "_", with: " ")
                text += " label=\"\(XMLText.escaped(label))\""
                if !edge.directed { text += " type=\"mutual\"" }
            }
            if let weight = edge.weight { text += " weight=\"\(weight)\"" }
            text += ">" + spells(edge.spell, later: edge.laterSpells) + "<attvalues>"
            if graph.directed {
                text += "<attvalue for=\"0\" value=\"\(XMLText.escaped(edge.type))\"/><attvalue for=\"1\" value=\"\(!edge.directed)\"/>"
            }
            for (name, value) in edge.attributes where name != "label" {
                text += "<attvalue for=\"\(edgeIndex[name]!)\" value=\"\(XMLText.escaped(value))\"/>"
            }
            text += "</attvalues></edge>\n"
        }
        return text + "    </edges>\n  </graph>\n</gexf>\n"
    }

    private static func attributes(_ domain: String, _ columns: [(name: String, type: String)]) -> String {
        var text = "    <attributes class=\"\(domain)\">\n"
        for (index, column) in columns.enumerated() {
            text += "      <attribute id=\"\(index)\" title=\"\(XMLText.escaped(column.name))\" type=\"\(column.type)\"/>\n"
        }
        return text + "    </attributes>\n"
    }

    /// GEXF's name for a value type.
    private static func type(_ type: ExportGraph.ValueType?) -> String {
        switch type ?? .string {
        case .boolean: "boolean"
        case .int: "integer"
        case .long: "long"
        case .double: "double"
        case .string: "string"
        }
    }

    /// A node's or edge's spells; a first period open on both sides held always, and says it all.
    private static func spells(_ spell: ExportGraph.Spell?, later: [ExportGraph.Spell] = []) -> String {
        guard let spell else { return "" }
        var text = "<spells>"
        for each in [spell] + later {
            text += "<spell"
            if let start = each.start { text += " start=\"\(start)\"" }
            if let end = each.end { text += " end=\"\(end)\"" }
            text += "/>"
        }
        return text + "</spells>"
    }
}
