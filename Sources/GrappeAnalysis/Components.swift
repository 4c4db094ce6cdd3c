/// Connected components, numbered from 0 by decreasing size (ties: the component holding the
/// smaller node index first).
public struct Components: Sendable {
    /// Component number of each node.
    public let membership: [Int]
    /// Node count of each component, largest first.
    public let sizes: [Int]

    /// The graph's connected components, by breadth-first search.
    public init(_ graph: MetricsGraph) {
        let n = graph.nodeCount
        var raw = [Int32](repeating: -1, count: n)
        var rawSizes: [Int] = []
        var queue = [Int32](repeating: 0, count: n)
        raw.withUnsafeMutableBufferPointer { raw in
            queue.withUnsafeMutableBufferPointer { queue in
                graph.offsets.withUnsafeBufferPointer { offsets in
                    graph.neighbours.withUnsafeBufferPointer { adjacency in
                        for start in 0..<n where raw[start] < 0 {
                            let label = Int32(rawSizes.count)
                            raw[start] = label
                            var head = 0, tail = 0
                            queue[tail] = Int32(start)
                            tail += 1
                            while head < tail {
                                let node = Int(queue[head])
                                head += 1
                                for position in offsets[node]..<offsets[node + 1] where raw[Int(adjacency[position])] < 0 {
                                    raw[Int(adjacency[position])] = label
                                    queue[tail] = adjacency[position]
                                    tail += 1
                                }
                            }
                            rawSizes.append(tail)
                        }
                    }
                }
            }
        }
        // Labels were given in order of each component's smallest node; sort by size, stably.
        let order = rawSizes.indices.sorted { (rawSizes[$0], -$0) > (rawSizes[$1], -$1) }
        var renumber = [Int](repeating: 0, count: rawSizes.count)
        for (new, old) in order.enumerated() { renumber[old] = new }
        membership = raw.map { renumber[Int($0)] }
        sizes = order.map { rawSizes[$0] }
    }

    /// The largest component's number: 0 (they are numbered by decreasing size), or nil for an empty graph.
    public var largest: Int? { sizes.isEmpty ? nil : 0 }
}
