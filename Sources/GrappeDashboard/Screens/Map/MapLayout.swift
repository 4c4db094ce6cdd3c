import Foundation
import GrappeAnalysis
import GrappeModel

/// Lays a map out: the centre in the middle, each ring of partners around it out to the edge (less a
/// label's width), as many per ring as its rows can label, the best connected first; then the links,
/// each partner to the parent it was reached through, then the others among those drawn (bounded).
/// Deterministic: ties go by id, never by chance.
struct MapLayout {
    let request: MapRequest
    let graph: MetricsGraph
    let width: Int
    let height: Int
    let centreX: Double
    let centreY: Double
    let radiusX: Double
    let radiusY: Double
    private(set) var nodes: [NetworkMap.Node] = []
    private var drawnIndex: [Int: Int] = [:]
    private var angleOf: [Int: Double] = [:]
    private var parentOf: [Int: Int] = [:]
    private var hidden: [[EntityKind: Int]] = []
    private var occupied = Set<Int>()

    init(_ request: MapRequest) {
        self.request = request
        graph = request.catalogue.graph
        width = max(10, request.width)
        height = max(5, request.height)
        let label = NetworkMap.labelWidth(forMapWidth: width)
        centreX = Double(width - 1) / 2
        centreY = Double(height - 1) / 2
        radiusX = max(4, centreX - Double(label) - 1)
        radiusY = max(1.5, centreY - 0.5)
    }

    private func kind(_ node: Int) -> EntityKind? { request.catalogue.network.entity(graph.ids[node])?.kind }
    private func name(_ node: Int) -> String { request.catalogue.name(graph.ids[node]) }

    mutating func map() -> NetworkMap {
        guard let start = graph.index(of: request.centre) else {
            return NetworkMap(request: request, nodes: [], edges: [], hidden: [], ringSizes: [])
        }
        let (rings, distance) = graph.rings(from: start, hops: request.hops)
        nodes = [
            NetworkMap.Node(
                id: graph.ids[start], name: name(start), kind: kind(start), ring: 0,
                x: Int(centreX.rounded()), y: Int(centreY.rounded()), degree: graph.degree(start))
        ]
        drawnIndex = [start: 0]
        angleOf = [start: 0]
        occupied = [nodes[0].y * width + nodes[0].x]
        for (ringIndex, ring) in rings.enumerated() {
            // The first ring gets more room than an even share: it holds the direct partners.
            let fraction = (Double(ringIndex + 1) + 0.5) / (Double(rings.count) + 0.5)
            let chosen = choose(ring, ringIndex: ringIndex, distance: distance, fraction: fraction)
            place(ordered(chosen, ringIndex: ringIndex), ringIndex: ringIndex, fraction: fraction)
        }
        return NetworkMap(request: request, nodes: nodes, edges: links(), hidden: hidden, ringSizes: rings.map(\.count))
    }

    /// The partners of a ring that are drawn: only those reached through a drawn parent (so that
    /// their link is drawn too), as many as the ring's rows can label on both sides and a few more
    /// at the top and bottom, the best connected first, ties by id. The others are counted by kind.
    private mutating func choose(_ ring: [Int], ringIndex: Int, distance: [Int32], fraction: Double) -> [(node: Int, parent: Int)] {
        let capacity = max(3, Int((4 * radiusY * fraction).rounded()) + 2)
        let (drawnIndex, angleOf) = (self.drawnIndex, self.angleOf)
        var candidates: [(node: Int, parent: Int)] = []
        for node in ring {
            let parent = graph.neighbours(of: node).lazy.map(Int.init).filter { distance[$0] == ringIndex && drawnIndex[$0] != nil }
                .min { (angleOf[$0] ?? 0, $0) < (angleOf[$1] ?? 0, $1) }
            if let parent { candidates.append((node, parent)) }
        }
        candidates.sort { a, b in
            let (da, db) = (graph.degree(a.node), graph.degree(b.node))
            return da != db ? da > db : a.node < b.node
        }
        let chosen = Array(candidates.prefix(capacity))
        let chosenSet = Set(chosen.map(\.node))
        var counts: [EntityKind: Int] = [:]
        for node in ring where !chosenSet.contains(node) { counts[kind(node) ?? .organisation, default: 0] += 1 }
        hidden.append(counts)
        return chosen
    }

    /// Around the ring: the first hop grouped by kind then name, later hops following their parent.
    /// Names are folded only for the few drawn (a hub's ring can hold tens of thousands).
    private func ordered(_ chosen: [(node: Int, parent: Int)], ringIndex: Int) -> [(node: Int, parent: Int)] {
        let folded = Dictionary(uniqueKeysWithValues: chosen.map { ($0.node, TextFolding.fold(name($0.node))) })
        return chosen.sorted { a, b in
            if ringIndex == 0 {
                let (ka, kb) = (kind(a.node)?.rawValue ?? "", kind(b.node)?.rawValue ?? "")
                return ka != kb ? ka < kb : (folded[a.node]!, graph.ids[a.node]) < (folded[b.node]!, graph.ids[b.node])
            }
            let (pa, pb) = (angleOf[a.parent] ?? 0, angleOf[b.parent] ?? 0)
            return pa != pb ? pa < pb : (folded[a.node]!, graph.ids[a.node]) < (folded[b.node]!, graph.ids[b.node])
        }
    }

    /// Puts a ring's partners at even angles. Later rings are turned so that, on the whole, children
    /// sit as near their parents as even spacing allows (the circular mean of each one's parent angle
    /// less its slot). Two marks never share a cell: the next free cell along the row.
    private mutating func place(_ ordered: [(node: Int, parent: Int)], ringIndex: Int, fraction: Double) {
        let step = 2 * Double.pi / Double(max(1, ordered.count))
        var offset = -Double.pi / 2
        if ringIndex > 0, !ordered.isEmpty {
            var (sines, cosines) = (0.0, 0.0)
            for (position, entry) in ordered.enumerated() {
                let shift = (angleOf[entry.parent] ?? 0) - step * Double(position)
                sines += sin(shift)
                cosines += cos(shift)
            }
            offset = atan2(sines, cosines)
        }
        for (position, entry) in ordered.enumerated() {
            let angle = offset + step * Double(position)
            var x = max(0, min(width - 1, Int((centreX + radiusX * fraction * cos(angle)).rounded())))
            let y = max(0, min(height - 1, Int((centreY + radiusY * fraction * sin(angle)).rounded())))
            while occupied.contains(y * width + x) { x = x + 1 < width ? x + 1 : 0 }
            occupied.insert(y * width + x)
            drawnIndex[entry.node] = nodes.count
            angleOf[entry.node] = angle
            parentOf[entry.node] = entry.parent
            nodes.append(
                NetworkMap.Node(
                    id: graph.ids[entry.node], name: name(entry.node), kind: kind(entry.node), ring: ringIndex + 1,
                    x: x, y: y, degree: graph.degree(entry.node)))
        }
    }

    /// Each partner to its parent, then the other links among drawn partners (at most four per mark);
    /// the centre's links carry their relation types.
    private func links() -> [NetworkMap.Edge] {
        var relationTypes: [ID: (types: Set<RelationType>, outgoing: Bool)] = [:]
        for relation in request.catalogue.relations(of: request.centre) {
            let other = relation.from == request.centre ? relation.to : relation.from
            relationTypes[other, default: ([], relation.from == request.centre)].types.insert(relation.type)
        }
        var edges: [NetworkMap.Edge] = []
        var seen = Set<Int>()
        func add(_ a: Int, _ b: Int) {
            let key = min(a, b) * nodes.count + max(a, b)
            guard a != b, seen.insert(key).inserted else { return }
            let (from, to) = (min(a, b), max(a, b))
            let known = from == 0 ? relationTypes[nodes[to].id] : nil
            edges.append(
                NetworkMap.Edge(
                    from: from, to: to, types: (known?.types ?? []).sorted { $0.rawValue < $1.rawValue },
                    outgoing: known?.outgoing ?? true))
        }
        let drawn = nodes.map { graph.index(of: $0.id)! }
        for node in drawn.dropFirst() { add(drawnIndex[parentOf[node]!]!, drawnIndex[node]!) }
        for (index, node) in drawn.enumerated() where edges.count < 4 * nodes.count {
            for neighbour in graph.neighbours(of: node) {
                if let other = drawnIndex[Int(neighbour)], other > index { add(index, other) }
            }
        }
        return edges
    }
}
