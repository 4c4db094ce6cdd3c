/// PageRank with networkx's definition (`pagerank(G, alpha=0.85)` on the unweighted graph): uniform
/// start and teleport, dangling nodes spread uniformly, power iteration until the L1 change is below
/// `tolerance`.
public enum PageRank {
    /// PageRank by power iteration until the L1 change is below `tolerance`.
    public static func scores(
        _ graph: MetricsGraph, alpha: Double = 0.85, tolerance: Double = 1e-12,
        maximumIterations: Int = 1000
    ) -> (scores: [Double], iterations: Int) {
        let n = graph.nodeCount
        guard n > 0 else { return ([], 0) }
        let uniform = 1 / Double(n)
        let current = SharedBuffer(repeating: uniform, count: n)
        let next = SharedBuffer(repeating: 0.0, count: n)
        let share = SharedBuffer(repeating: 0.0, count: n)
        let degree = (0..<n).map { graph.degree($0) }
        var iterations = 0
        while iterations < maximumIterations {
            iterations += 1
            var dangling = 0.0
            for node in 0..<n {
                if degree[node] == 0 { dangling += current.pointer[node] } else { share.pointer[node] = current.pointer[node] / Double(degree[node]) }
            }
            let base = alpha * dangling * uniform + (1 - alpha) * uniform
            let changes = Parallel.map(count: n, minimumPerSlice: 4096, initial: { 0.0 }) { range, change in
                graph.neighbours.withUnsafeBufferPointer { adjacency in
                    for node in range {
                        var sum = 0.0
                        for position in graph.offsets[node]..<graph.offsets[node + 1] { sum += share.pointer[Int(adjacency[position])] }
                        let value = alpha * sum + base
                        change += abs(value - current.pointer[node])
                        next.pointer[node] = value
                    }
                }
            }
            for node in 0..<n { current.pointer[node] = next.pointer[node] }
            if changes.reduce(0, +) < tolerance { break }
        }
        return (current.array, iterations)
    }
}
