import GrappeAnalysis
import GrappeModel

/// A partner's neighbourhood: everything within a number of hops, grouped by distance and relation.
extension Pages {
    /// Partners within `hops`, grouped by distance; the first ring also by relation type.
    static func neighbourhood(of id: ID, hops: Int, state: DashboardState) -> [PageLine] {
        let s = state.strings
        let graph = state.catalogue.graph
        var lines: [PageLine] = [
            PageLine([
                ("\(s[.neighbourhood]) · ", .header), (state.catalogue.name(id), .bold),
                ("  (\(hops) \(s[hops == 1 ? .hop : .hops]), + / −)", .muted),
            ])
        ]
        guard let start = graph.index(of: id) else { return lines }
        // By name, as people look for them (folded once per node, not per comparison).
        let rings = graph.rings(from: start, hops: hops).rings.map { ring in
            let names = ring.map { TextFolding.fold(state.catalogue.name(graph.ids[$0])) }
            return ring.indices.sorted { (names[$0], graph.ids[ring[$0]]) < (names[$1], graph.ids[ring[$1]]) }.map { ring[$0] }
        }
        for (index, ring) in rings.enumerated() {
            lines += [.blank, .heading("\(s[.distance]) \(index + 1) · \(ring.count)")]
            if index == 0 {
                var byType: [String: [Int]] = [:]
                var order: [String] = []
                let relations = state.catalogue.relations(of: id)
                for node in ring {
                    let other = graph.ids[node]
                    let types = relations.filter { $0.from == other || $0.to == other }
                        .map { s.relation($0.type, outgoing: $0.from == id) }
                    let label = types.isEmpty ? s[.records] : Array(Set(types)).sorted().joined(separator: ", ")
                    if byType[label] == nil { order.append(label) }
                    byType[label, default: []].append(node)
                }
                for label in order {
                    lines.append(.text("  " + label, .muted))
                    for node in byType[label]!.prefix(200) {
                        lines.append(PageLine([("    ", .plain), (state.catalogue.name(graph.ids[node]), .link)], link: .entity(graph.ids[node])))
                    }
                }
            } else {
                for node in ring.prefix(300) {
                    lines.append(PageLine([("    ", .plain), (state.catalogue.name(graph.ids[node]), .link)], link: .entity(graph.ids[node])))
                }
                if ring.count > 300 { lines.append(.text("    … \(ring.count - 300)", .muted)) }
            }
        }
        return lines
    }
}
