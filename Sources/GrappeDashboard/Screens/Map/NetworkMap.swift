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
