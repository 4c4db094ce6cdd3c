import Foundation
import GrappeAnalysis
import GrappeModel

/// What a map is asked for: whose neighbourhood, how many hops, in how many cells. Computed off the
/// main thread by the runtime (`Effect.layOutMap`); two requests are the same map when they name the
/// same catalogue, centre, hops and size.
public struct MapRequest: Sendable, Equatable {
    /// The catalogue whose graph is drawn.
    public let catalogue: Catalogue
    /// The partner in the middle.
    public let centre: ID
    /// How many hops out.
    public let hops: Int
    /// The map's columns.
    public let width: Int
    /// The map's rows.
    public let height: Int

    /// The same map: same catalogue, centre, hops and size.
    public static func == (a: MapRequest, b: MapRequest) -> Bool {
        a.catalogue === b.catalogue && a.centre == b.centre && a.hops == b.hops && a.width == b.width && a.height == b.height
    }
}

/// A partner's neighbourhood placed on a grid of cells: the centre in the middle, each hop on a ring
/// around it (radial by hops), children near their parent. Rings hold what their room allows; the rest
/// is counted by kind (“+2,412 more organisations”), never silently dropped. Pure: the same request
/// always gives the same map.
public struct NetworkMap: Sendable, Equatable {
    /// A partner drawn, with where its mark is.
    public struct Node: Sendable, Equatable {
        /// Its id.
        public let id: ID
        /// Its name.
        public let name: String
        /// Its kind, which gives its mark.
        public let kind: EntityKind?
        /// Hops from the centre (0 for the centre).
        public let ring: Int
        /// The cell of its mark, in the map's own coordinates (0..<width, 0..<height).
        public let x: Int
        /// The row of its mark.
        public let y: Int
        /// Links in the whole network.
        public let degree: Int
    }

    /// A link drawn between two marks.
    public struct Edge: Sendable, Equatable {
        /// One end: a node's index in `nodes` (the smaller).
        public let from: Int
        /// The other end's index.
        public let to: Int
        /// The relation types between the two ends, as stored (from `from`'s side); empty when they
        /// only share records.
        public let types: [RelationType]
        /// Whether `from` is the relation's subject (for the wording of the type).
        public let outgoing: Bool
    }

    /// What the map was laid out for.
    public let request: MapRequest
    /// The centre first, then ring by ring.
    public let nodes: [Node]
    /// The links drawn (each partner to the one it was reached through, then others, bounded).
    public let edges: [Edge]
    /// Per ring (index 0 is the first hop), how many partners at that distance are not drawn, by kind.
    public let hidden: [[EntityKind: Int]]
    /// Per ring, how many partners are at that distance in all.
    public let ringSizes: [Int]

    /// The same layout.
    public static func == (a: NetworkMap, b: NetworkMap) -> Bool {
        a.request == b.request && a.nodes == b.nodes && a.edges == b.edges && a.hidden == b.hidden
    }

    /// The widest label drawn beside a mark.
    public static func labelWidth(forMapWidth width: Int) -> Int { max(10, min(24, width / 5)) }

    /// Lays out the map (MapLayout.swift). Costs one breadth-first search up to `hops` and a sort per ring.
    public static func layOut(_ request: MapRequest) -> NetworkMap {
        var layout = MapLayout(request)
        return layout.map()
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
