import Foundation
import GrappeAnalysis
import GrappeModel

/// What a map is asked for: whose neighbourhood, how many hops, in how many cells. Computed off the
/// main thread by the runtime (`Effect.layOutMap`); two requests are the same map when they name the
/// same catalogue, centre, hops and size.
public struct MapRequest: Sendable, Equatable {
    public let catalogue: Catalogue
    public let centre: ID
    public let hops: Int
    public let width: Int
    public let height: Int

    public static func == (a: MapRequest, b: MapRequest) -> Bool {
        a.catalogue === b.catalogue && a.centre == b.centre && a.hops == b.hops && a.width == b.width && a.height == b.height
    }
}

/// A partner's neighbourhood placed on a grid of cells: the centre in the middle, each hop on a ring
/// around it (radial by hops), children near their parent. Rings hold what their room allows; the rest
/// is counted by kind (“+2,412 more organisations”), never silently dropped. Pure: the same request
/// always gives the same map.
public struct NetworkMap: Sendable, Equatable {
    public struct Node: Sendable, Equatable {
        public let id: ID
        public let name: String
        public let kind: EntityKind?
        /// Hops from the centre (0 for the centre).
        public let ring: Int
        /// The cell of its mark, in the map's own coordinates (0..<width, 0..<height).
        public let x: Int
        public let y: Int
        /// Links in the whole network.
        public let degree: Int
    }

    public struct Edge: Sendable, Equatable {
        public let from: Int
        public let to: Int
        /// The relation types between the two ends, as stored (from `from`'s side); empty when they
        /// only share records.
        public let types: [RelationType]
        /// Whether `from` is the relation's subject (for the wording of the type).
        public let outgoing: Bool
    }

    public let request: MapRequest
    /// The centre first, then ring by ring.
    public let nodes: [Node]
    public let edges: [Edge]
    /// Per ring (index 0 is the first hop), how many partners at that distance are not drawn, by kind.
    public let hidden: [[EntityKind: Int]]
    /// Per ring, how many partners are at that distance in all.
    public let ringSizes: [Int]

    public static func == (a: NetworkMap, b: NetworkMap) -> Bool {
        a.request == b.request && a.nodes == b.nodes && a.edges == b.edges && a.hidden == b.hidden
    }

    /// The widest label drawn beside a mark.
    public static func labelWidth(forMapWidth width: Int) -> Int { max(10, min(24, width / 5)) }

    /// Lays out the map. Costs one breadth-first search up to `hops` and a sort per ring.
    public static func layOut(_ request: MapRequest) -> NetworkMap {
        let catalogue = request.catalogue
        let graph = catalogue.graph
        let network = catalogue.network
        let width = max(10, request.width), height = max(5, request.height)
        guard let start = graph.index(of: request.centre) else {
            return NetworkMap(request: request, nodes: [], edges: [], hidden: [], ringSizes: [])
        }
        func kind(_ node: Int) -> EntityKind? { network.entity(graph.ids[node])?.kind }
        func name(_ node: Int) -> String { catalogue.name(graph.ids[node]) }

        // Every partner within reach, ring by ring.
        let (rings, distance) = graph.rings(from: start, hops: request.hops)

        // Room: the centre in the middle, rings evenly out to the edge less a label's width.
        let label = labelWidth(forMapWidth: width)
        let centreX = Double(width - 1) / 2, centreY = Double(height - 1) / 2
        let radiusX = max(4, centreX - Double(label) - 1), radiusY = max(1.5, centreY - 0.5)
        let ringCount = rings.count

        var nodes = [Node(id: graph.ids[start], name: name(start), kind: kind(start), ring: 0,
                          x: Int(centreX.rounded()), y: Int(centreY.rounded()), degree: graph.degree(start))]
        var drawnIndex: [Int: Int] = [start: 0]
        var angleOf: [Int: Double] = [start: 0]
        var parentOf: [Int: Int] = [:]
        var hidden: [[EntityKind: Int]] = []
        var occupied = Set<Int>([nodes[0].y * width + nodes[0].x])

        for (ringIndex, ring) in rings.enumerated() {
            // The first ring gets more room than an even share: it holds the direct partners.
            let fraction = (Double(ringIndex + 1) + 0.5) / (Double(ringCount) + 0.5)
            // As many as the ring's rows can label on both sides, and a few more at the top and bottom.
            let capacity = max(3, Int((4 * radiusY * fraction).rounded()) + 2)
            // Only partners reached through a drawn parent can be drawn with their link.
            var candidates: [(node: Int, parent: Int)] = []
            for node in ring {
                let parent = graph.neighbours(of: node).lazy.map(Int.init).filter { distance[$0] == ringIndex && drawnIndex[$0] != nil }
                    .min { (angleOf[$0] ?? 0, $0) < (angleOf[$1] ?? 0, $1) }
                if let parent { candidates.append((node, parent)) }
            }
            // The best connected first, ties by id, so that the map never changes by chance (names are
            // folded only for the few drawn: a hub's ring can hold tens of thousands).
            candidates.sort { a, b in
                let (da, db) = (graph.degree(a.node), graph.degree(b.node))
                return da != db ? da > db : a.node < b.node
            }
            let chosen = candidates.prefix(capacity)
            let folded = Dictionary(uniqueKeysWithValues: chosen.map { ($0.node, TextFolding.fold(name($0.node))) })
            let chosenSet = Set(chosen.map(\.node))
            var counts: [EntityKind: Int] = [:]
            for node in ring where !chosenSet.contains(node) { counts[kind(node) ?? .organisation, default: 0] += 1 }
            hidden.append(counts)
            // Around the ring: the first hop grouped by kind then name, later hops following their parent.
            let ordered: [(node: Int, parent: Int)] = chosen.sorted { a, b in
                if ringIndex == 0 {
                    let (ka, kb) = (kind(a.node)?.rawValue ?? "", kind(b.node)?.rawValue ?? "")
                    return ka != kb ? ka < kb : (folded[a.node]!, graph.ids[a.node]) < (folded[b.node]!, graph.ids[b.node])
                }
                let (pa, pb) = (angleOf[a.parent] ?? 0, angleOf[b.parent] ?? 0)
                return pa != pb ? pa < pb : (folded[a.node]!, graph.ids[a.node]) < (folded[b.node]!, graph.ids[b.node])
            }
            let step = 2 * Double.pi / Double(max(1, ordered.count))
            // Later rings are turned so that, on the whole, children sit as near their parents as even
            // spacing allows (the circular mean of each one's parent angle less its slot).
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
                var x = Int((centreX + radiusX * fraction * cos(angle)).rounded())
                var y = Int((centreY + radiusY * fraction * sin(angle)).rounded())
                x = max(0, min(width - 1, x))
                y = max(0, min(height - 1, y))
                // Two marks never share a cell: the next free cell along the row.
                while occupied.contains(y * width + x) { x = x + 1 < width ? x + 1 : 0 }
                occupied.insert(y * width + x)
                drawnIndex[entry.node] = nodes.count
                angleOf[entry.node] = angle
                parentOf[entry.node] = entry.parent
                nodes.append(Node(id: graph.ids[entry.node], name: name(entry.node), kind: kind(entry.node), ring: ringIndex + 1,
                                  x: x, y: y, degree: graph.degree(entry.node)))
            }
        }

        // Links: each partner to its parent, then the other links among drawn partners (bounded).
        var relationTypes: [ID: (types: Set<RelationType>, outgoing: Bool)] = [:]
        for relation in catalogue.relations(of: request.centre) {
            let other = relation.from == request.centre ? relation.to : relation.from
            relationTypes[other, default: ([], relation.from == request.centre)].types.insert(relation.type)
        }
        var edges: [Edge] = []
        var seen = Set<Int>()
        func add(_ a: Int, _ b: Int) {
            let key = min(a, b) * nodes.count + max(a, b)
            guard a != b, seen.insert(key).inserted else { return }
            let (from, to) = (min(a, b), max(a, b))
            let known = from == 0 ? relationTypes[nodes[to].id] : nil
            edges.append(Edge(from: from, to: to, types: (known?.types ?? []).sorted { $0.rawValue < $1.rawValue }, outgoing: known?.outgoing ?? true))
        }
        let drawn = nodes.map { graph.index(of: $0.id)! }
        for node in drawn.dropFirst() { add(drawnIndex[parentOf[node]!]!, drawnIndex[node]!) }
        for (index, node) in drawn.enumerated() where edges.count < 4 * nodes.count {
            for neighbour in graph.neighbours(of: node) {
                if let other = drawnIndex[Int(neighbour)], other > index { add(index, other) }
            }
        }
        return NetworkMap(request: request, nodes: nodes, edges: edges, hidden: hidden, ringSizes: rings.map(\.count))
    }

    /// The node to move to from `index` in a direction (`dx`, `dy` of -1, 0 or 1): the nearest mark
    /// that lies that way, preferring those straight ahead; nil when there is none.
    public func neighbour(of index: Int, dx: Int, dy: Int) -> Int? {
        guard nodes.indices.contains(index) else { return nodes.isEmpty ? nil : 0 }
        let here = nodes[index]
        var best: (score: Int, index: Int)?
        for (other, node) in nodes.enumerated() where other != index {
            // Rows are about twice as tall as columns are wide.
            let ax = (node.x - here.x) * dx, ay = 2 * (node.y - here.y) * dy
            let along = dx != 0 ? ax : ay
            let across = dx != 0 ? abs(2 * (node.y - here.y)) : abs(node.x - here.x)
            guard along > 0 else { continue }
            let score = along + 2 * across
            if best == nil || score < best!.score { best = (score, other) }
        }
        return best?.index
    }
}
