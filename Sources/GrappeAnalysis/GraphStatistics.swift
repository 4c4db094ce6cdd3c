/// Whole-network figures: density, average degree and clustering, and distances in the largest
/// component (exact up to `exactLimit` nodes, estimated from `pivots` seeded sources above).
public struct GraphStatistics: Sendable {
    /// How many nodes.
    public let nodeCount: Int
    /// How many edges.
    public let edgeCount: Int
    /// Edges over the pairs of nodes there are.
    public let density: Double
    /// Twice the edges over the nodes.
    public let averageDegree: Double
    /// The mean of each node's local clustering (0 for nodes of degree below 2), as networkx computes it.
    public let averageClustering: Double
    /// The connected components.
    public let components: Components
    /// Diameter of the largest component: exact, or a lower bound when estimated.
    public let diameter: Int
    /// The mean distance between two nodes of the largest component; nil when it has one node.
    public let averageShortestPath: Double?
    /// Whether the distances are exact or estimated from pivots.
    public let distancesAreExact: Bool

    /// The graph's figures; clustering and components are reused when already computed.
    public init(
        _ graph: MetricsGraph, clustering: [Double]? = nil, components: Components? = nil,
        exactLimit: Int = 10_000, pivots: Int = 256, seed: UInt64 = 1
    ) {
        let n = graph.nodeCount
        nodeCount = n
        edgeCount = graph.edgeCount
        density = n > 1 ? 2 * Double(edgeCount) / (Double(n) * Double(n - 1)) : 0
        averageDegree = n > 0 ? 2 * Double(edgeCount) / Double(n) : 0
        let coefficients = clustering ?? Clustering.coefficients(graph)
        averageClustering = n > 0 ? coefficients.reduce(0, +) / Double(n) : 0
        let components = components ?? Components(graph)
        self.components = components
        let members = (0..<n).filter { components.membership[$0] == 0 }
        guard members.count > 1 else {
            diameter = 0
            averageShortestPath = members.count == 1 ? 0 : nil
            distancesAreExact = true
            return
        }
        var sources = members
        distancesAreExact = members.count <= exactLimit
        if !distancesAreExact {
            var random = SplitMix(seed: seed)
            for index in 0..<min(pivots, sources.count) { sources.swapAt(index, index + Int(random.next() % UInt64(sources.count - index))) }
            sources = Array(sources.prefix(pivots)).sorted()
        }
        let chosen = sources
        let parts = MultiSourceSearch.batches(of: chosen, nodeCount: n, initial: { (sum: 0, pairs: 0, longest: 0) }) { search, sources, total in
            search.visitLevels(from: sources, in: graph) { _, distance, bits in
                guard distance > 0 else { return }
                let count = bits.nonzeroBitCount
                total.sum += distance * count
                total.pairs += count
                total.longest = max(total.longest, distance)
            }
        }
        let sum = parts.reduce(0) { $0 + $1.sum }, pairs = parts.reduce(0) { $0 + $1.pairs }
        diameter = parts.map(\.longest).max() ?? 0
        averageShortestPath = pairs > 0 ? Double(sum) / Double(pairs) : 0
    }
}
