import GrappeAnalysis
import GrappeModel
import Testing

/// Closeness and distances come from breadth-first searches run 64 sources at a time; on random graphs
/// with several components, isolated nodes and more than one word of sources, they equal one plain
/// search per node.
@Suite struct MultiSourceSearchTests {
    static func randomGraph(nodes: Int, edges: Int, using generator: inout SplitMix) -> MetricsGraph {
        let pairs = (0..<edges).map { _ in
            // Two halves joined by nothing, so that there are at least two components.
            let half = Int(generator.next() % 2) * (nodes / 2)
            return (half + Int(generator.next() % UInt64(nodes / 2)), half + Int(generator.next() % UInt64(nodes / 2)))
        }
        return MetricsGraph(ids: (0..<nodes).map { "n\($0)" }, edges: pairs)
    }

    /// Distances from `source` by a plain queue.
    static func distances(from source: Int, in graph: MetricsGraph) -> [Int?] {
        var distance = [Int?](repeating: nil, count: graph.nodeCount)
        distance[source] = 0
        var queue = [source], head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for neighbour in graph.neighbours(of: node) where distance[Int(neighbour)] == nil {
                distance[Int(neighbour)] = distance[node]! + 1
                queue.append(Int(neighbour))
            }
        }
        return distance
    }

    @Test func closenessEqualsOnePlainSearchPerNode() {
        var generator = SplitMix(seed: 11)
        for (nodes, edges) in [(2, 1), (63, 40), (64, 200), (65, 90), (300, 500), (301, 2000)] {
            let graph = Self.randomGraph(nodes: nodes, edges: edges, using: &generator)
            let closeness = Centrality.closeness(graph)
            for node in 0..<nodes {
                let reached = Self.distances(from: node, in: graph).compactMap { $0 }
                let total = reached.reduce(0, +), r = reached.count
                let expected = total > 0 ? Double(r - 1) / Double(total) * Double(r - 1) / Double(nodes - 1) : 0
                #expect(closeness[node] == expected, "\(nodes) nodes, node \(node)")
            }
        }
    }

    @Test func distancesFromEveryMemberAsPivotsEqualTheExactOnes() {
        var generator = SplitMix(seed: 5)
        for (nodes, edges) in [(200, 300), (260, 1500)] {
            let graph = Self.randomGraph(nodes: nodes, edges: edges, using: &generator)
            let exact = GraphStatistics(graph)
            let largest = exact.components.sizes[0]
            let sampled = GraphStatistics(graph, exactLimit: 1, pivots: largest, seed: 9)
            #expect(exact.distancesAreExact && !sampled.distancesAreExact)
            #expect(sampled.diameter == exact.diameter)
            #expect(sampled.averageShortestPath == exact.averageShortestPath)
            var longest = 0
            for node in 0..<nodes where exact.components.membership[node] == 0 {
                longest = max(longest, Self.distances(from: node, in: graph).compactMap { $0 }.max()!)
            }
            #expect(exact.diameter == longest && largest > 64)
        }
    }
}
