/// GraphML (graphml.graphdrawing.org) as networkx's `read_graphml` and Gephi read it: one key per
/// attribute, a directed graph. Readers refuse graphs that mix directed and undirected edges, so a
/// symmetric relation is a directed edge with `mutual` set to true.
public enum GraphML {
    /// The graph as GraphML (networkx, igraph, yEd), its keys declared with their types.
    public static func write(_ graph: ExportGraph) -> String {
        let nodeKeys = ["label", "kind"] + graph.nodeAttributeNames
        // The metrics graph is undirected and untyped: its edges need neither a type nor `mutual`.
        let fixedEdgeKeys = graph.directed ? [("type", "string"), ("mutual", "boolean")] : []
        let edgeKeys = fixedEdgeKeys.map(\.0) + graph.edgeAttributeNames
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

            """
        let nodeTypes = graph.nodeAttributeTypes, edgeTypes = graph.edgeAttributeTypes
        for (index, (name, token)) in zip(nodeKeys, nameTokens(nodeKeys)).enumerated() {
            text += key("n\(index)", for: "node", name: name, token: token, type: index < 2 ? "string" : (nodeTypes[name] ?? .string).rawValue)
        }
        // "weight" is taken by the key below: an edge attribute of that name gets another token.
        for (index, (name, token)) in zip(edgeKeys, nameTokens(edgeKeys + ["weight"]).dropLast()).enumerated() {
            let type = index < fixedEdgeKeys.count ? fixedEdgeKeys[index].1 : (edgeTypes[name] ?? .string).rawValue
            text += key("e\(index)", for: "edge", name: name, token: token, type: type)
        }
        text += "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
        text += "  <graph id=\"grappe\" edgedefault=\"\(graph.directed ? "directed" : "undirected")\">\n"
        let nodeIndex = Dictionary(uniqueKeysWithValues: nodeKeys.enumerated().map { ($1, $0) })
        let edgeIndex = Dictionary(uniqueKeysWithValues: edgeKeys.enumerated().map { ($1, $0) })
        for node in graph.nodes {
            text += "    <node id=\"\(XMLText.escaped(node.id))\">"
            text += "<data key=\"n0\">\(XMLText.escaped(node.label))</data><data key=\"n1\">\(node.kind)</data>"
            for (name, value) in node.attributes { text += "<data key=\"n\(nodeIndex[name]!)\">\(XMLText.escaped(value))</data>" }
            text += "</node>\n"
        }
        for (number, edge) in graph.edges.enumerated() {
            text += "    <edge id=\"e\(number)\" source=\"\(XMLText.escaped(edge.source))\" target=\"\(XMLText.escaped(edge.target))\">"
            if graph.directed { text += "<data key=\"e0\">\(XMLText.escaped(edge.type))</data><data key=\"e1\">\(!edge.directed)</data>" }
            for (name, value) in edge.attributes { text += "<data key=\"e\(edgeIndex[name]!)\">\(XMLText.escaped(value))</data>" }
            if let weight = edge.weight { text += "<data key=\"weight\">\(weight)</data>" }
            text += "</edge>\n"
        }
        return text + "  </graph>\n</graphml>\n"
    }

    /// A key whose `attr.name` is a name token (the schema's NMTOKEN: no spaces); a human title that
    /// is not one is kept in the key's `desc`.
    private static func key(_ id: String, for domain: String, name: String, token: String, type: String) -> String {
        let head = "  <key id=\"\(id)\" for=\"\(domain)\" attr.name=\"\(XMLText.escaped(token))\" attr.type=\"\(type)\""
        return token == name ? head + "/>\n" : head + "><desc>\(XMLText.escaped(name))</desc></key>\n"
    }

    /// Letters, digits, `.`, `-`, `_` and `:` are kept; anything else (spaces, quotes) becomes `_`.
    static func nameToken(_ name: String) -> String {
        let token = String(name.map { $0.isLetter || $0.isNumber || ".-_:".contains($0) ? $0 : "_" })
        return token.isEmpty ? "_" : token
    }

    /// One token per name, each used once (`a b` and `a_b` become `a_b` and `a_b_2`).
    static func nameTokens(_ names: [String]) -> [String] {
        var used = Set<String>()
        return names.map { name in
            var token = nameToken(name), counter = 2
            while used.contains(token) {
                token = nameToken(name) + "_\(counter)"
                counter += 1
            }
            used.insert(token)
            return token
        }
    }
}
