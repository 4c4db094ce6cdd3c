import GrappeModel

/// Shortest connections between two entities, each hop with what links its two ends: the relations
/// between them (with their type and direction) and the records they share.
public struct Connections: Sendable {
    /// One way two adjacent entities are linked.
    public enum Link: Hashable, Sendable {
        /// A relation; `forward` when it reads from the hop's first entity to its second.
        case relation(Relation, forward: Bool)
        case record(Record)
    }

    /// One step of a path: the partner reached, and the relations or shared records that link it.
    public struct Hop: Sendable {
        /// The entity the hop leaves.
        public let from: ID
        /// The entity it reaches.
        public let to: ID
        /// What links them: relations and shared records.
        public let links: [Link]
    }

    /// A path as the hops taken from its start.
    public typealias Route = [Hop]

    private let network: Network
    private let graph: MetricsGraph

    private struct Pair: Hashable {
        let a: Int32, b: Int32
        init(_ x: Int, _ y: Int) { (a, b) = x < y ? (Int32(x), Int32(y)) : (Int32(y), Int32(x)) }
    }

    /// Path finding over `network` (its metrics graph is built unless given).
    public init(_ network: Network, graph: MetricsGraph? = nil) {
        self.network = network
        self.graph = graph ?? MetricsGraph(network: network)
    }

    /// What links each of these pairs, found in one pass over the relations and records.
    private func links(for pairs: Set<Pair>) -> [Pair: [Link]] {
        var links: [Pair: [Link]] = [:]
        // The graph built from this network already looked every relation's ends up.
        let ends = graph.relationEnds.count == 2 * network.relations.count ? graph.relationEnds : nil
        for (index, relation) in network.relations.enumerated() {
            let a = ends.map { Int($0[2 * index]) } ?? graph.index(of: relation.from) ?? -1
            let b = ends.map { Int($0[2 * index + 1]) } ?? graph.index(of: relation.to) ?? -1
            guard a >= 0, b >= 0, a != b, pairs.contains(Pair(a, b)) else { continue }
            links[Pair(a, b), default: []].append(.relation(relation, forward: true))
        }
        for record in network.records {
            let members = record.memberIDs.compactMap { graph.index(of: $0) }
            for i in members.indices {
                for j in members.indices where j > i && members[i] != members[j] && pairs.contains(Pair(members[i], members[j])) {
                    links[Pair(members[i], members[j]), default: []].append(.record(record))
                }
            }
        }
        return links
    }

    /// The shortest routes from `source` to `target`: one, or all of them (up to `limit`) with `all`.
    /// Empty when they are not connected within `maximumHops`.
    public func shortest(from source: ID, to target: ID, all: Bool = false, maximumHops: Int = .max, limit: Int = 50) -> [Route] {
        guard let start = graph.index(of: source), let goal = graph.index(of: target) else { return [] }
        if start == goal { return [[]] }
        var distance = [Int](repeating: -1, count: graph.nodeCount)
        distance[start] = 0
        var frontier = [start]
        while !frontier.isEmpty, distance[goal] < 0 {
            var next: [Int] = []
            for node in frontier where distance[node] < maximumHops {
                for neighbour in graph.neighbours(of: node) where distance[Int(neighbour)] < 0 {
                    distance[Int(neighbour)] = distance[node] + 1
                    next.append(Int(neighbour))
                }
            }
            frontier = next
        }
        guard distance[goal] > 0 else { return [] }
        // Walk back from the goal through neighbours one step closer, in index order.
        var routes: [[Int]] = []
        func walk(_ node: Int, _ suffix: [Int]) {
            guard routes.count < (all ? limit : 1) else { return }
            if node == start {
                routes.append([start] + suffix)
                return
            }
            for neighbour in graph.neighbours(of: node) where distance[Int(neighbour)] == distance[node] - 1 {
                walk(Int(neighbour), [node] + suffix)
            }
        }
        walk(goal, [])
        let linksByPair = links(for: Set(routes.flatMap { nodes in zip(nodes, nodes.dropFirst()).map { Pair($0, $1) } }))
        return routes.map { nodes in
            zip(nodes, nodes.dropFirst()).map { a, b in
                let links = (linksByPair[Pair(a, b)] ?? []).map { link -> Link in
                    guard case .relation(let relation, _) = link else { return link }
                    return .relation(relation, forward: relation.from == graph.ids[a])
                }
                return Hop(from: graph.ids[a], to: graph.ids[b], links: links)
            }
        }
    }
}
