import Foundation
import GrappeModel

/// GraphML hyperedges: a tie among several nodes at once becomes a record (an event of type `other`,
/// named by the hyperedge's id or label) whose parties are its endpoints, as participants.
extension XMLGraphReader {
    func hyperedge(_ attributes: [String: String]) {
        guard item == nil, graphDepth == 1 else { return }
        hyperedges += 1
        itemDomain = "hyperedge"
        itemDepth = depth
        var new = GraphItem(file: file, origin: origin)
        let given = attributes["id"].map { id($0) }
        new.set("id", given ?? "hyperedge-\(hyperedges)")
        if let original = attributes["id"], original != given { new.set("label", original) }
        new.set("kind", "event")
        new.set("type", "other")
        item = new
        endpoints = []
        sayOnce(
            "hyperedge",
            "les hyperliens GraphML sont lus comme des événements (type «\u{00A0}other\u{00A0}») dont les extrémités sont les participants\u{00A0}; le sens des extrémités (in, out) n'est pas gardé",
            "GraphML hyperedges are read as events (type 'other') whose endpoints are participants; endpoint directions (in, out) are not kept",
            .mapped)
    }

    func finishHyperedge() {
        guard let finished = item, itemDomain == "hyperedge", depth == itemDepth else { return }
        item = nil
        let record = completed(finished)
        reader.node(record)
        guard let id = record["id"] else { return }
        for endpoint in endpoints {
            var tie = GraphItem(file: file, origin: Origin(file: origin.file, line: endpoint.line, column: endpoint.column))
            tie.set("source", id)
            tie.set("target", endpoint.node)
            tie.set("type", PartyRole.participant.rawValue)
            reader.edge(tie)
        }
        endpoints = []
    }
}
