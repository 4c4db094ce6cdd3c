/// Local clustering coefficients (networkx `clustering`): for each node, the share of pairs of its
/// neighbours that are linked. Triangles are counted once each, along edges oriented from lower to
/// higher degree, on all cores.
public enum Clustering {
    /// The number of triangles through each node.
    public static func triangles(_ graph: MetricsGraph) -> [Int] {
        let n = graph.nodeCount
        let (forward, forwardOffsets) = forwardLists(graph)
        // Each triangle is found once, from its lowest-ranked corner u: u's forward neighbours are
        // marked, then each forward neighbour v's own forward list is read against the marks (a row is
        // read once per edge, not merged against u's row again for each v).
        let parts = Parallel.map(
            count: n, minimumPerSlice: 256,
            initial: { (counts: [Int32](repeating: 0, count: n), marks: [Int32](repeating: -1, count: n)) }
        ) { range, state in
            forward.withUnsafeBufferPointer { forward in
                forwardOffsets.withUnsafeBufferPointer { offsets in
                    state.counts.withUnsafeMutableBufferPointer { counts in
                        state.marks.withUnsafeMutableBufferPointer { marks in
                            for u in range {
                                let row = offsets[u]..<offsets[u + 1]
                                for position in row { marks[Int(forward[position])] = Int32(u) }
                                for position in row {
                                    let v = Int(forward[position])
                                    for other in offsets[v]..<offsets[v + 1] where marks[Int(forward[other])] == Int32(u) {
                                        counts[u] += 1
                                        counts[v] += 1
                                        counts[Int(forward[other])] += 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        var total = [Int](repeating: 0, count: n)
        for part in parts { for node in 0..<n { total[node] += Int(part.counts[node]) } }
        return total
    }

    /// Each node's neighbours of higher rank (degree, then index), in index order, as rows.
    private static func forwardLists(_ graph: MetricsGraph) -> (forward: [Int32], offsets: [Int]) {
        let n = graph.nodeCount
        let degree = graph.degrees
        var offsets = [Int](repeating: 0, count: n + 1)
        var forward: [Int32] = []
        forward.reserveCapacity(graph.neighbours.count / 2)
        degree.withUnsafeBufferPointer { degree in
            graph.offsets.withUnsafeBufferPointer { rows in
                graph.neighbours.withUnsafeBufferPointer { adjacency in
                    for node in 0..<n {
                        for position in rows[node]..<rows[node + 1] {
                            let neighbour = Int(adjacency[position])
                            if (degree[neighbour], neighbour) > (degree[node], node) { forward.append(Int32(neighbour)) }
                        }
                        offsets[node + 1] = forward.count
                    }
                }
            }
        }
        return (forward, offsets)
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
