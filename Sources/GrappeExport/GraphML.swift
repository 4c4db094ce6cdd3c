/// GraphML (graphml.graphdrawing.org) as networkx's `read_graphml` and Gephi read it: one key per
/// attribute, a directed graph. Readers refuse graphs that mix directed and undirected edges, so a
/// symmetric relation is a directed edge with `mutual` set to true.
public enum GraphML {
    public static func write(_ graph: ExportGraph) -> String {
        let nodeKeys = ["label", "kind"] + graph.nodeAttributeNames
        let edgeKeys = ["type", "mutual"] + graph.edgeAttributeNames
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

            """
        for (index, name) in nodeKeys.enumerated() {
            text += "  <key id=\"n\(index)\" for=\"node\" attr.name=\"\(XMLText.escaped(name))\" attr.type=\"string\"/>\n"
        }
        for (index, name) in edgeKeys.enumerated() {
            text += "  <key id=\"e\(index)\" for=\"edge\" attr.name=\"\(XMLText.escaped(name))\" attr.type=\"string\"/>\n"
        }
        text += "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
        text += "  <graph id=\"grappe\" edgedefault=\"directed\">\n"
        let nodeIndex = Dictionary(uniqueKeysWithValues: nodeKeys.enumerated().map { ($1, $0) })
        let edgeIndex = Dictionary(uniqueKeysWithValues: edgeKeys.enumerated().map { ($1, $0) })
        for node in graph.nodes {
            text += "    <node id=\"\(XMLText.escaped(node.id))\">"
            text += "<data key=\"n0\">\(XMLText.escaped(node.label))</data><data key=\"n1\">\(node.kind)</data>"
            for (name, value) in node.attributes { text += "<data key=\"n\(nodeIndex[name]!)\">\(XMLText.escaped(value))</data>" }
            text += "</node>\n"
        }
        for (number, edge) in graph.edges.enumerated() {
            text += "    <edge id=\"e\(number)\" source=\"\(XMLText.escaped(edge.source))\" target=\"\(XMLText.escaped(edge.target))\""
            text += "><data key=\"e0\">\(XMLText.escaped(edge.type))</data><data key=\"e1\">\(!edge.directed)</data>"
            for (name, value) in edge.attributes { text += "<data key=\"e\(edgeIndex[name]!)\">\(XMLText.escaped(value))</data>" }
            if let weight = edge.weight { text += "<data key=\"weight\">\(weight)</data>" }
            text += "</edge>\n"
        }
        return text + "  </graph>\n</graphml>\n"
    }
}
