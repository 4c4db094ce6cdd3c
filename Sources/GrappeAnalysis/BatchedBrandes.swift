/// Brandes' dependency accumulation from several sources at once, one bit of `Mask` per source.
///
/// Each node keeps its path counts and dependencies for the batch's sources side by side, so a
/// neighbour's values for every source come in one cache line, and a node's row of neighbours is read
/// once per distance at which some source reaches it instead of once per source. The searches and
/// their counts are exactly those of Brandes' algorithm run from each source in turn; only the order in
/// which a node's dependencies are summed differs (by neighbour here, by search order there), which
/// can move the last bits of a result.
struct BatchedBrandes<Mask: FixedWidthInteger & UnsignedInteger> {
    /// How many sources one batch carries.
    static var width: Int { Mask.bitWidth }

    /// Sources that reached a node so far, and (while searching) the ones reaching it at the next
    /// distance, or (while accumulating) the ones for which it lies one step further.
    private var seen: [Mask]
    private var mark: [Mask]
    /// Shortest-path counts and dependencies, `width` values a node.
    private var sigma: [Double]
    private var delta: [Double]
    /// The nodes each distance reached, with the sources that reached them: distance `d` is
    /// `levelNodes[levelStarts[d]..<levelStarts[d + 1]]`.
    private var levelNodes: [Int32] = []
    private var levelMasks: [Mask] = []
    private var levelStarts: [Int] = []

    init(nodeCount: Int) {
        seen = [Mask](repeating: 0, count: nodeCount)
        mark = seen
        sigma = [Double](repeating: 0, count: nodeCount * Mask.bitWidth)
        delta = sigma
    }

    /// Adds the dependencies of every node on `sources` (at most `width`, distinct) into `total`; a
    /// source's dependency on itself is left out.
    mutating func accumulate(from sources: ArraySlice<Int>, in graph: MetricsGraph, into total: UnsafeMutableBufferPointer<Double>) {
        precondition(sources.count <= Self.width)
        levelNodes.removeAll(keepingCapacity: true)
        levelMasks.removeAll(keepingCapacity: true)
        levelStarts = [0]
        let width = Self.width
        for (bit, source) in sources.enumerated() {
            levelNodes.append(Int32(source))
            levelMasks.append(1 << Mask(bit))
            seen[source] |= 1 << Mask(bit)
            sigma[source * width + bit] = 1
        }
        levelStarts.append(levelNodes.count)
        graph.neighbours.withUnsafeBufferPointer { adjacency in
            graph.offsets.withUnsafeBufferPointer { offsets in
                let rows = Rows(offsets: offsets, adjacency: adjacency)
                search(rows)
                accumulate(rows, into: total)
            }
        }
        for node in levelNodes {
            seen[Int(node)] = 0
            for index in (Int(node) * width)..<(Int(node) * width + width) {
                sigma[index] = 0
                delta[index] = 0
            }
        }
    }

    private struct Rows {
        let offsets: UnsafeBufferPointer<Int>
        let adjacency: UnsafeBufferPointer<Int32>
    }

    /// The forward searches, a distance at a time: each node reached gets the path counts of the
    /// nodes one step closer, source by source.
    private mutating func search(_ rows: Rows) {
        let width = Self.width
        var candidates: [Int32] = []
        seen.withUnsafeMutableBufferPointer { seen in
            mark.withUnsafeMutableBufferPointer { mark in
                sigma.withUnsafeMutableBufferPointer { sigma in
                    while levelStarts[levelStarts.count - 1] > levelStarts[levelStarts.count - 2] {
                        candidates.removeAll(keepingCapacity: true)
                        for entry in levelStarts[levelStarts.count - 2]..<levelStarts[levelStarts.count - 1] {
                            let node = Int(levelNodes[entry]), bits = levelMasks[entry]
                            for position in rows.offsets[node]..<rows.offsets[node + 1] {
                                let neighbour = Int(rows.adjacency[position])
                                var fresh = bits & ~seen[neighbour]
                                guard fresh != 0 else { continue }
                                if mark[neighbour] == 0 { candidates.append(Int32(neighbour)) }
                                mark[neighbour] |= fresh
                                while fresh != 0 {
                                    let bit = fresh.trailingZeroBitCount
                                    fresh &= fresh - 1
                                    sigma[neighbour * width + bit] += sigma[node * width + bit]
                                }
                            }
                        }
                        for node in candidates {
                            levelNodes.append(node)
                            levelMasks.append(mark[Int(node)])
                            seen[Int(node)] |= mark[Int(node)]
                            mark[Int(node)] = 0
                        }
                        levelStarts.append(levelNodes.count)
                    }
                }
            }
        }
    }

    /// The backward accumulation, from the farthest distance in: a node's dependency sums, over the
    /// neighbours one step further from the same source, its share of their paths.
    private mutating func accumulate(_ rows: Rows, into total: UnsafeMutableBufferPointer<Double>) {
        let width = Self.width
        let levels = levelStarts.count - 2
        mark.withUnsafeMutableBufferPointer { mark in
            sigma.withUnsafeBufferPointer { sigma in
                delta.withUnsafeMutableBufferPointer { delta in
                    for level in stride(from: levels - 1, through: 0, by: -1) {
                        let further = levelStarts[level + 1]..<levelStarts[level + 2]
                        for entry in further { mark[Int(levelNodes[entry])] = levelMasks[entry] }
                        for entry in levelStarts[level]..<levelStarts[level + 1] {
                            let node = Int(levelNodes[entry]), bits = levelMasks[entry]
                            for position in rows.offsets[node]..<rows.offsets[node + 1] {
                                let neighbour = Int(rows.adjacency[position])
                                var common = bits & mark[neighbour]
                                while common != 0 {
                                    let bit = common.trailingZeroBitCount
                                    common &= common - 1
                                    let coefficient = (1 + delta[neighbour * width + bit]) / sigma[neighbour * width + bit]
                                    delta[node * width + bit] += sigma[node * width + bit] * coefficient
                                }
                            }
                        }
                        for entry in further {
                            let node = Int(levelNodes[entry])
                            mark[node] = 0
                            var bits = levelMasks[entry]
                            while bits != 0 {
                                let bit = bits.trailingZeroBitCount
                                bits &= bits - 1
                                total[node] += delta[node * width + bit]
                            }
                        }
                    }
                }
            }
        }
    }
}
