import Dispatch
import GrappeModel

/// The graph that metrics are computed on: undirected and simple, in compressed sparse rows.
///
/// Nodes are the network's entities, in id order. An edge joins two entities when a relation of any
/// type links them, or when they are parties of the same record (an agreement's signatories, a
/// mission's delegation, a project's partners and funders, an event's participants). Parallel edges
/// count once and self-loops are dropped, so on a plain node/edge network (CSV seeds) the metrics graph
/// is exactly those nodes and edges.
public struct MetricsGraph: Sendable {
    /// Entity ids by node index.
    public let ids: [ID]
    /// Neighbours of node `v` are `neighbours[offsets[v]..<offsets[v + 1]]`, sorted.
    public let offsets: [Int]
    /// Each node's neighbours, row after row (see `offsets`).
    public let neighbours: [Int32]

    /// How many nodes.
    public var nodeCount: Int { ids.count }
    /// How many edges (each is in two rows).
    public var edgeCount: Int { neighbours.count / 2 }

    /// How many neighbours a node has.
    public func degree(_ node: Int) -> Int { offsets[node + 1] - offsets[node] }

    /// Every node's number of neighbours, in node order.
    public var degrees: [Int] {
        offsets.withUnsafeBufferPointer { offsets in
            [Int](unsafeUninitializedCapacity: nodeCount) { buffer, count in
                for node in 0..<nodeCount { buffer[node] = offsets[node + 1] - offsets[node] }
                count = nodeCount
            }
        }
    }

    /// A node's neighbours, as node numbers.
    public func neighbours(of node: Int) -> ArraySlice<Int32> { neighbours[offsets[node]..<offsets[node + 1]] }

    /// The node of an entity, if it is in the graph.
    public func index(of id: ID) -> Int? { indexByID[id] }

    private let indexByID: [ID: Int]

    /// A graph from node ids and index pairs; duplicates and self-loops are dropped.
    public init(ids: [ID], edges: [(Int, Int)]) {
        self.ids = ids
        var index: [ID: Int] = [:]
        index.reserveCapacity(ids.count)
        for (position, id) in ids.enumerated() { index[id] = position }
        indexByID = index
        relationEnds = []
        nodeOfEntity = []
        (offsets, neighbours) = Self.compressedRows(nodeCount: ids.count, ends: [], edges: edges)
    }

    /// The metrics graph of a network (see the type's documentation); at `moment`, the links of what
    /// held then only (every entity is a node all the same, and `relationEnds` names every relation's ends).
    public init(network: Network, at moment: Moment? = nil) {
        let absent = moment.map { network.absent(at: $0) } ?? []
        // The ids in order with where each came from: the nodes, and each entity's node, without
        // looking any id up. Entities that repeat an id (seeds in error) share the last of their
        // nodes, as the index by id has it.
        let sorted = network.entities.indices.map { (id: network.entities[$0].id, position: Int32($0)) }.sorted { $0.id < $1.id }
        let ids = sorted.map(\.id)
        var nodeOfEntity = [Int32](repeating: 0, count: ids.count)
        var last = ids.count - 1
        for node in stride(from: ids.count - 1, through: 0, by: -1) {
            if node < ids.count - 1, ids[node] != ids[node + 1] { last = node }
            nodeOfEntity[Int(sorted[node].position)] = Int32(last)
        }
        // When the network knows where its relations' ends are, the index by id is only for lookups
        // later: it is built on another core beside the rows. Otherwise the ends are looked up in it.
        let built = Built()
        let entityNodes = nodeOfEntity
        let work: @Sendable (Int) -> Void = { part in
            if part == 0 {
                var index: [ID: Int] = [:]
                index.reserveCapacity(ids.count)
                for (position, id) in ids.enumerated() { index[id] = position }
                built.index = index
                return
            }
            let ends =
                network.relationEnds.map { positions in
                    positions.map { $0 >= 0 && Int($0) < entityNodes.count ? entityNodes[Int($0)] : -1 }
                } ?? Self.resolveEnds(of: network.relations, index: built.index!)
            // The relations' edges are the pairs of `ends`; the records' come beside them.
            var edges: [(Int, Int)] = []
            for record in network.records where moment?.holds(record) ?? true {
                let members = record.memberIDs.compactMap { network.entityPosition($0).map { Int(entityNodes[$0]) } }
                for i in members.indices {
                    for j in members.indices where j > i { edges.append((members[i], members[j])) }
                }
            }
            built.ends = ends
            let linked = moment.map { Self.holding(ends, of: network, at: $0, absent: absent) } ?? ends
            (built.offsets, built.neighbours) = Self.compressedRows(nodeCount: ids.count, ends: linked, edges: edges)
        }
        if network.relationEnds != nil {
            DispatchQueue.concurrentPerform(iterations: 2, execute: work)
        } else {
            work(0)
            work(1)
        }
        self.ids = ids
        indexByID = built.index!
        relationEnds = built.ends
        offsets = built.offsets
        neighbours = built.neighbours
        self.nodeOfEntity = nodeOfEntity
    }

    /// What the two parts of building a graph make, each written by one.
    private final class Built: @unchecked Sendable {
        var index: [ID: Int]?
        var ends: [Int32] = []
        var offsets: [Int] = []
        var neighbours: [Int32] = []
    }

    /// For relation `r` of the network it was built from, the nodes at its two ends are
    /// `relationEnds[2r]` and `relationEnds[2r + 1]` (-1 for an end that is not an entity): looked up
    /// once here, so that views of the relations by node need no more id lookups. Empty for a graph
    /// built from index pairs.
    public let relationEnds: [Int32]

    /// The node of the entity at each position of the network's `entities` (the last of the nodes of
    /// an id that several entities repeat). Empty for a graph built from index pairs.
    public let nodeOfEntity: [Int32]

    /// `ends` without the relations that did not hold at `moment` (their ends -1), or `ends` itself
    /// (shared, not copied) when all held.
    private static func holding(_ ends: [Int32], of network: Network, at moment: Moment, absent: Set<ID>) -> [Int32] {
        var result = ends
        for (index, relation) in network.relations.enumerated() {
            guard relation.start != nil || relation.end != nil || !absent.isEmpty else { continue }
            if !moment.holds(relation) || absent.contains(relation.from) || absent.contains(relation.to) {
                result[2 * index] = -1
                result[2 * index + 1] = -1
            }
        }
        return result
    }

    /// Each relation's two ends as node indices, looked up on every core (a million relations are two
    /// million dictionary lookups).
    private static func resolveEnds(of relations: [Relation], index: [ID: Int]) -> [Int32] {
        let ends = SharedBuffer<Int32>(repeating: -1, count: 2 * relations.count)
        Parallel.forEachSlice(count: relations.count, minimumPerSlice: 16_384) { range in
            // Edge tables are mostly sorted by source: the previous source's lookup is reused.
            var previous: (id: ID, node: Int32)?
            for relation in range {
                let from = relations[relation].from
                if let previous, previous.id == from {
                    ends.pointer[2 * relation] = previous.node
                } else {
                    let node = Int32(index[from] ?? -1)
                    ends.pointer[2 * relation] = node
                    previous = (from, node)
                }
                ends.pointer[2 * relation + 1] = Int32(index[relations[relation].to] ?? -1)
            }
        }
        return ends.array
    }

    /// Where each node's row starts when every pair counts once at each end (repeats included), and
    /// where the last ends.
    private static func rowOffsets(nodeCount: Int, ends: [Int32], edges: [(Int, Int)]) -> [Int] {
        var degree = [Int](repeating: 0, count: nodeCount + 1)
        for pair in 0..<(ends.count / 2) {
            let a = Int(ends[2 * pair]), b = Int(ends[2 * pair + 1])
            if a >= 0, b >= 0, a != b {
                degree[a] += 1
                degree[b] += 1
            }
        }
        for (a, b) in edges where a != b {
            degree[a] += 1
            degree[b] += 1
        }
        var offsets = [Int](repeating: 0, count: nodeCount + 1)
        for node in 0..<nodeCount { offsets[node + 1] = offsets[node] + degree[node] }
        return offsets
    }

    /// The rows of the edges that are the pairs of `ends` (where both are nodes) and `edges`.
    private static func compressedRows(nodeCount: Int, ends: [Int32], edges: [(Int, Int)]) -> ([Int], [Int32]) {
        let offsets = rowOffsets(nodeCount: nodeCount, ends: ends, edges: edges)
        let total = offsets[nodeCount]
        var raw = [Int32](repeating: 0, count: total)
        var sorted = [Int32](repeating: 0, count: total)
        var compact = [Int](repeating: 0, count: nodeCount + 1)
        var write = 0
        offsets.withUnsafeBufferPointer { offsets in
            raw.withUnsafeMutableBufferPointer { raw in
                sorted.withUnsafeMutableBufferPointer { sorted in
                    var fill = Array(offsets)
                    fill.withUnsafeMutableBufferPointer { fill in
                        for pair in 0..<(ends.count / 2) {
                            let a = Int(ends[2 * pair]), b = Int(ends[2 * pair + 1])
                            if a >= 0, b >= 0, a != b {
                                raw[fill[a]] = Int32(b); fill[a] += 1
                                raw[fill[b]] = Int32(a); fill[b] += 1
                            }
                        }
                        for (a, b) in edges where a != b {
                            raw[fill[a]] = Int32(b); fill[a] += 1
                            raw[fill[b]] = Int32(a); fill[b] += 1
                        }
                        // Each row in order without sorting: walking the rows in node order and adding each
                        // node to the rows of its neighbours fills every row in increasing order, and as
                        // every edge is in both rows, row `b` then holds what it held, sorted.
                        for node in 0..<nodeCount { fill[node] = offsets[node] }
                        for node in 0..<nodeCount {
                            for position in offsets[node]..<offsets[node + 1] {
                                let neighbour = Int(raw[position])
                                sorted[fill[neighbour]] = Int32(node)
                                fill[neighbour] += 1
                            }
                        }
                    }
                    // Drop repeats (a pair linked twice), compacting in place.
                    for node in 0..<nodeCount {
                        compact[node] = write
                        var previous: Int32 = -1
                        for position in offsets[node]..<offsets[node + 1] where sorted[position] != previous {
                            previous = sorted[position]
                            sorted[write] = previous
                            write += 1
                        }
                    }
                }
            }
        }
        compact[nodeCount] = write
        sorted.removeLast(total - write)
        return (compact, sorted)
    }

    private init(ids: [ID], indexByID: [ID: Int], relationEnds: [Int32], nodeOfEntity: [Int32], offsets: [Int], neighbours: [Int32]) {
        self.nodeOfEntity = nodeOfEntity
        self.ids = ids
        self.indexByID = indexByID
        self.relationEnds = relationEnds
        self.offsets = offsets
        self.neighbours = neighbours
    }

    /// The same graph with the rows of some nodes replaced (each list sorted, without repeats, and
    /// mirrored: when `a` lists `b`, `b`'s row lists `a`). The other rows are copied as they are: one
    /// changed record costs a copy of the arrays, not a build from the relations.
    public func replacingRows(_ rows: [Int: [Int32]]) -> MetricsGraph {
        guard !rows.isEmpty else { return self }
        var offsets = [Int](repeating: 0, count: nodeCount + 1)
        var total = 0
        for node in 0..<nodeCount {
            offsets[node] = total
            total += rows[node]?.count ?? degree(node)
        }
        offsets[nodeCount] = total
        var neighbours = [Int32]()
        neighbours.reserveCapacity(total)
        var copiedFrom = 0
        for node in rows.keys.sorted() {
            // Unchanged rows between two changed ones are one contiguous run of the old array.
            neighbours.append(contentsOf: self.neighbours[copiedFrom..<self.offsets[node]])
            neighbours.append(contentsOf: rows[node]!)
            copiedFrom = self.offsets[node + 1]
        }
        neighbours.append(contentsOf: self.neighbours[copiedFrom...])
        return MetricsGraph(
            ids: ids, indexByID: indexByID, relationEnds: relationEnds, nodeOfEntity: nodeOfEntity, offsets: offsets,
            neighbours: neighbours)
    }

    /// Whether two nodes are adjacent (binary search in the sorted row).
    public func hasEdge(_ a: Int, _ b: Int) -> Bool {
        var low = offsets[a], high = offsets[a + 1]
        let target = Int32(b)
        while low < high {
            let middle = (low + high) / 2
            if neighbours[middle] < target { low = middle + 1 } else { high = middle }
        }
        return low < offsets[a + 1] && neighbours[low] == target
    }
}
