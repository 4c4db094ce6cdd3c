/// Local clustering coefficients (networkx `clustering`): for each node, the share of pairs of its
/// neighbours that are linked. Triangles are counted once each, along edges oriented from lower to
/// higher degree, on all cores.
public enum Clustering {
    /// The number of triangles through each node.
    public static func triangles(_ graph: MetricsGraph) -> [Int] {
        let n = graph.nodeCount
        let degree = (0..<n).map { graph.degree($0) }
        @inline(__always) func ranksAbove(_ a: Int, _ b: Int) -> Bool { (degree[a], a) > (degree[b], b) }
        // Forward lists: neighbours of higher rank, kept in index order for merging.
        var forwardOffsets = [Int](repeating: 0, count: n + 1)
        var forward: [Int32] = []
        forward.reserveCapacity(graph.neighbours.count / 2)
        for node in 0..<n {
            for neighbour in graph.neighbours(of: node) where ranksAbove(Int(neighbour), node) { forward.append(neighbour) }
            forwardOffsets[node + 1] = forward.count
        }
        let parts = Parallel.map(count: n, minimumPerSlice: 256, initial: { [Int32](repeating: 0, count: n) }) {
            [forward, forwardOffsets] range, counts in
            forward.withUnsafeBufferPointer { forward in
                for u in range {
                    let uStart = forwardOffsets[u], uEnd = forwardOffsets[u + 1]
                    for position in uStart..<uEnd {
                        let v = Int(forward[position])
                        var i = uStart, j = forwardOffsets[v]
                        let jEnd = forwardOffsets[v + 1]
                        while i < uEnd, j < jEnd {
                            let a = forward[i], b = forward[j]
                            if a < b {
                                i += 1
                            } else if a > b {
                                j += 1
                            } else {
                                counts[u] += 1; counts[v] += 1; counts[Int(a)] += 1
                                i += 1; j += 1
                            }
                        }
                    }
                }
            }
        }
        var total = [Int](repeating: 0, count: n)
        for part in parts { for node in 0..<n { total[node] += Int(part[node]) } }
        return total
    }

    /// Each node's local clustering coefficient, as networkx defines it.
    public static func coefficients(_ graph: MetricsGraph) -> [Double] {
        let counts = triangles(graph)
        return (0..<graph.nodeCount).map { node in
            let degree = graph.degree(node)
            return degree < 2 ? 0 : 2 * Double(counts[node]) / Double(degree * (degree - 1))
        }
    }
}
