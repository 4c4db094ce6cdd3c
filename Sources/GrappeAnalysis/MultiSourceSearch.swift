/// Breadth-first searches from up to 64 sources at once, one bit per source (Then et al., "The More
/// the Merrier: Efficient Multi-Source Graph Traversal", VLDB 2015).
///
/// A node's row of neighbours is read once per distance at which some source first reaches it,
/// instead of once per source: on a network with hubs and short distances, 64 searches cost a few
/// single ones. The distances are exactly those of 64 separate searches.
struct MultiSourceSearch {
    /// How many sources one search carries (the bits of a word).
    static let width = 64

    private var seen: [UInt64]
    private var frontier: [UInt64]
    private var next: [UInt64]
    private var current: [Int32]
    private var following: [Int32]
    private var touched: [Int32]

    init(nodeCount: Int) {
        seen = [UInt64](repeating: 0, count: nodeCount)
        frontier = [UInt64](repeating: 0, count: nodeCount)
        next = [UInt64](repeating: 0, count: nodeCount)
        current = []
        following = []
        touched = []
    }

    /// Calls `visit(node, distance, sources)` once for every node and distance at which some of
    /// `sources` (at most 64) first reach it; bit `i` of `sources` stands for `sources[i]`. Each source
    /// is reported at distance 0 first.
    mutating func visitLevels(from sources: ArraySlice<Int>, in graph: MetricsGraph, _ visit: (Int, Int, UInt64) -> Void) {
        precondition(sources.count <= Self.width)
        current.removeAll(keepingCapacity: true)
        touched.removeAll(keepingCapacity: true)
        for (bit, source) in sources.enumerated() {
            if seen[source] == 0 {
                current.append(Int32(source))
                touched.append(Int32(source))
            }
            seen[source] |= 1 << UInt64(bit)
            frontier[source] |= 1 << UInt64(bit)
        }
        for node in current { visit(Int(node), 0, frontier[Int(node)]) }
        var distance = 0
        seen.withUnsafeMutableBufferPointer { seen in
            frontier.withUnsafeMutableBufferPointer { frontier in
                next.withUnsafeMutableBufferPointer { next in
                    graph.neighbours.withUnsafeBufferPointer { adjacency in
                        graph.offsets.withUnsafeBufferPointer { offsets in
                            while !current.isEmpty {
                                distance += 1
                                following.removeAll(keepingCapacity: true)
                                for node in current {
                                    let bits = frontier[Int(node)]
                                    frontier[Int(node)] = 0
                                    for position in offsets[Int(node)]..<offsets[Int(node) + 1] {
                                        let neighbour = Int(adjacency[position])
                                        let fresh = bits & ~seen[neighbour]
                                        if fresh != 0 {
                                            if next[neighbour] == 0 { following.append(Int32(neighbour)) }
                                            next[neighbour] |= fresh
                                        }
                                    }
                                }
                                for node in following {
                                    let fresh = next[Int(node)]
                                    next[Int(node)] = 0
                                    if seen[Int(node)] == 0 { touched.append(node) }
                                    seen[Int(node)] |= fresh
                                    frontier[Int(node)] = fresh
                                    visit(Int(node), distance, fresh)
                                }
                                swap(&current, &following)
                            }
                        }
                    }
                }
            }
        }
        for node in touched { seen[Int(node)] = 0 }
    }
}

extension MultiSourceSearch {
    /// Runs `body` with the sources cut into words of 64, the words spread over the cores; each slice
    /// of words has its own accumulator and search state, and they come back in slice order.
    static func batches<Accumulator>(
        of sources: [Int], nodeCount: Int, initial: @escaping @Sendable () -> Accumulator,
        body: @escaping @Sendable (inout MultiSourceSearch, ArraySlice<Int>, inout Accumulator) -> Void
    ) -> [Accumulator] {
        Parallel.batches(of: sources, width: width, initial: initial) { batches, accumulator in
            var search = MultiSourceSearch(nodeCount: nodeCount)
            for batch in batches { body(&search, batch, &accumulator) }
        }
    }
}
