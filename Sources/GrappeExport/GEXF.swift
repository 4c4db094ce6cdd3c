/// GEXF 1.2 (gexf.net), Gephi's own format, as networkx's `read_gexf` reads it. Dates stay string
/// attributes: partial dates such as `XXXX-10` are not GEXF time values. As in GraphML, symmetric
/// relations are directed edges marked `mutual`.
public enum GEXF {
    public static func write(_ graph: ExportGraph) -> String {
        let nodeNames = ["kind"] + graph.nodeAttributeNames
        let edgeNames = ["type", "mutual"] + graph.edgeAttributeNames
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">
              <meta><creator>Grappe</creator><description>partnership network</description></meta>
              <graph defaultedgetype="directed" mode="static">
                <attributes class="node">

            """
        for (index, name) in nodeNames.enumerated() {
            text += "      <attribute id=\"\(index)\" title=\"\(XMLText.escaped(name))\" type=\"string\"/>\n"
        }
        text += "    </attributes>\n    <attributes class=\"edge\">\n"
        for (index, name) in edgeNames.enumerated() {
            text += "      <attribute id=\"\(index)\" title=\"\(XMLText.escaped(name))\" type=\"string\"/>\n"
        }
        text += "    </attributes>\n    <nodes>\n"
        let nodeIndex = Dictionary(uniqueKeysWithValues: nodeNames.enumerated().map { ($1, $0) })
        let edgeIndex = Dictionary(uniqueKeysWithValues: edgeNames.enumerated().map { ($1, $0) })
        for node in graph.nodes {
            text += "      <node id=\"\(XMLText.escaped(node.id))\" label=\"\(XMLText.escaped(node.label))\"><attvalues>"
            text += "<attvalue for=\"0\" value=\"\(node.kind)\"/>"
            for (name, value) in node.attributes { text += "<attvalue for=\"\(nodeIndex[name]!)\" value=\"\(XMLText.escaped(value))\"/>" }
            text += "</attvalues></node>\n"
        }
        text += "    </nodes>\n    <edges>\n"
        for (number, edge) in graph.edges.enumerated() {
            text += "      <edge id=\"\(number)\" source=\"\(XMLText.escaped(edge.source))\" target=\"\(XMLText.escaped(edge.target))\""
            text += " label=\"\(XMLText.escaped(edge.type))\""
            if let weight = edge.weight { text += " weight=\"\(weight)\"" }
            text += "><attvalues><attvalue for=\"0\" value=\"\(XMLText.escaped(edge.type))\"/><attvalue for=\"1\" value=\"\(!edge.directed)\"/>"
            for (name, value) in edge.attributes { text += "<attvalue for=\"\(edgeIndex[name]!)\" value=\"\(XMLText.escaped(value))\"/>" }
            text += "</attvalues></edge>\n"
        }
        return text + "    </edges>\n  </graph>\n</gexf>\n"
    }
}
