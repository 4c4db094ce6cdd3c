/// Betweenness and closeness with networkx's definitions, on all cores.
public enum Centrality {
    /// How betweenness was computed: from every node, or from `k` pivots drawn with `seed`.
    public enum Mode: Sendable, Equatable {
        case exact
        case sampled(k: Int, seed: UInt64)
    }

    /// Normalized betweenness (networkx `betweenness_centrality(G, normalized=True)`, endpoints
    /// excluded). With `sampled`, Brandes runs from `k` pivots and the result is rescaled as networkx
    /// does for `k` (pivots and other nodes scaled apart).
    public static func betweenness(_ graph: MetricsGraph, mode: Mode = .exact) -> [Double] {
        let n = graph.nodeCount
        guard n > 2 else { return [Double](repeating: 0, count: n) }
        var sources = Array(0..<n)
        var pivots: Set<Int> = []
        if case .sampled(let k, let seed) = mode, k < n {
            var random = SplitMix(seed: seed)
            for index in 0..<k { sources.swapAt(index, index + Int(random.next() % UInt64(n - index))) }
            sources = Array(sources.prefix(k)).sorted()
            pivots = Set(sources)
        }
        let chosen = sources
        typealias Batch = BatchedBrandes<UInt8>
        let parts = Parallel.batches(of: chosen, width: Batch.width, minimumPerSlice: 2, initial: { [Double](repeating: 0, count: n) }) {
            batches, total in
            var search = Batch(nodeCount: n)
            total.withUnsafeMutableBufferPointer { total in
                for batch in batches { search.accumulate(from: batch, in: graph, into: total) }
            }
        }
        var result = [Double](repeating: 0, count: n)
        for part in parts { for node in 0..<n { result[node] += part[node] } }
        let k = Double(chosen.count)
        let base = Double(n - 2)
        if pivots.isEmpty {
            let scale = 1 / ((Double(n) - 1) * base)
            return result.map { $0 * scale }
        }
        let sourceScale = k > 1 ? 1 / ((k - 1) * base) : .nan
        let otherScale = 1 / (k * base)
        return result.enumerated().map { node, value in value * (pivots.contains(node) ? sourceScale : otherScale) }
    }

    /// Closeness with the Wasserman–Faust scaling (networkx `closeness_centrality`, `wf_improved=True`):
    /// `(r - 1) / Σd` times `(r - 1) / (n - 1)`, where r counts the nodes reachable from the node.
    /// With `sampled`, distances come from `k` pivots only and the sum is scaled up to n (an estimate).
    public static func closeness(_ graph: MetricsGraph, mode: Mode = .exact) -> [Double] {
        let n = graph.nodeCount
        guard n > 1 else { return [Double](repeating: 0, count: n) }
        if case .sampled(let k, let seed) = mode, k < n {
            return sampledCloseness(graph, k: k, seed: seed)
        }
        let parts = MultiSourceSearch.batches(of: Array(0..<n), nodeCount: n, initial: { [Double]() }) { search, sources, values in
            var reached = [Int](repeating: 0, count: sources.count), total = reached
            search.visitLevels(from: sources, in: graph) { _, distance, bits in
                var bits = bits
                while bits != 0 {
                    let bit = bits.trailingZeroBitCount
                    bits &= bits - 1
                    reached[bit] += 1
                    total[bit] += distance
                }
            }
            for (reached, total) in zip(reached, total) {
                values.append(total > 0 ? Double(reached - 1) / Double(total) * Double(reached - 1) / Double(n - 1) : 0)
            }
        }
        return parts.flatMap { $0 }
    }

    private static func sampledCloseness(_ graph: MetricsGraph, k: Int, seed: UInt64) -> [Double] {
        let n = graph.nodeCount
        var random = SplitMix(seed: seed)
        var nodes = Array(0..<n)
        for index in 0..<k { nodes.swapAt(index, index + Int(random.next() % UInt64(n - index))) }
        let pivots = Array(nodes.prefix(k)).sorted()
        let components = Components(graph)
        let parts = MultiSourceSearch.batches(
            of: pivots, nodeCount: n, initial: { (sum: [Int](repeating: 0, count: n), hits: [Int](repeating: 0, count: n)) }
        ) {
            search, sources, total in
            search.visitLevels(from: sources, in: graph) { node, distance, bits in
                let count = bits.nonzeroBitCount
                total.sum[node] += distance * count
                total.hits[node] += count
            }
        }
        var sum = [Int](repeating: 0, count: n), hits = [Int](repeating: 0, count: n)
        for part in parts { for node in 0..<n { sum[node] += part.sum[node]; hits[node] += part.hits[node] } }
        return (0..<n).map { node in
            let reachable = components.sizes[components.membership[node]]
            guard reachable > 1, hits[node] > 0, sum[node] > 0 else { return 0 }
            let estimatedTotal = Double(sum[node]) / Double(hits[node]) * Double(reachable - 1)
            return Double(reachable - 1) / estimatedTotal * Double(reachable - 1) / Double(n - 1)
        }
    }
}

/// SplitMix64: the seeded generator behind every sampled or randomised result.
public struct SplitMix: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator that always gives the same numbers for the same seed.
    public init(seed: UInt64) { state = seed }

    /// The next pseudo-random number (splitmix64).
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
