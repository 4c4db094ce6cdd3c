/// Communities by the Louvain method (Blondel et al. 2008), seeded: nodes are visited in an order
/// drawn from `seed`, so the same graph and seed always give the same partition.
public enum Louvain {
    /// Each node's community and the partition's modularity.
    public struct Result: Sendable {
        /// Community of each node, numbered from 0 by decreasing size (ties: smaller first node).
        public let membership: [Int]
        /// The partition's modularity (Newman's Q).
        public let modularity: Double
        /// How many passes over the nodes each level took (for profiles).
        public var passes: [Int] = []
        /// How many communities.
        public var count: Int { (membership.max() ?? -1) + 1 }
    }

    /// A weighted graph of one level: nodes of the level below merged into communities.
    private struct Level {
        var offsets: [Int]
        var targets: [Int32]
        /// Each edge's weight; empty when every weight is 1 (the first level: no array of 1s to read).
        var weights: [Double]
        var selfLoops: [Double]
        var nodeCount: Int { offsets.count - 1 }

        func weight(at position: Int) -> Double { weights.isEmpty ? 1 : weights[position] }

        /// Each node's strength: its edge weights, self-loops counted twice.
        var strengths: [Double] {
            (0..<nodeCount).map { node in
                var sum = 2 * selfLoops[node]
                for position in offsets[node]..<offsets[node + 1] { sum += weight(at: position) }
                return sum
            }
        }
    }

    /// Louvain communities, deterministic for a seed.
    public static func communities(_ graph: MetricsGraph, seed: UInt64 = 1, resolution: Double = 1) -> Result {
        let n = graph.nodeCount
        var level = Level(
            offsets: graph.offsets, targets: graph.neighbours, weights: [],
            selfLoops: [Double](repeating: 0, count: n))
        var membership = Array(0..<n)
        var random = SplitMix(seed: seed)
        let totalWeight = Double(graph.edgeCount)
        guard totalWeight > 0 else { return Result(membership: renumbered(membership), modularity: 0) }
        var passes: [Int] = []
        while true {
            let (moved, local, levelPasses) = oneLevel(level, totalWeight: totalWeight, resolution: resolution, random: &random)
            passes.append(levelPasses)
            let (compact, count) = compacted(local)
            membership = membership.map { compact[$0] }
            if !moved || count == level.nodeCount { break }
            level = aggregate(level, into: compact, count: count)
        }
        let final = renumbered(membership)
        return Result(membership: final, modularity: modularity(graph, membership: final, resolution: resolution), passes: passes)
    }

    /// Moves nodes to the neighbouring community that gains the most modularity until none moves.
    /// The first pass visits every node in an order drawn from the seed; each later pass visits only
    /// the nodes a move of the pass before may have changed (the neighbours of a moved node outside
    /// its new community), in a new order: the pruning of Ozaki, Tezuka and Inaba (2016), which
    /// spares the hundreds of near-idle passes a large graph's hubs otherwise cost.
    private static func oneLevel(
        _ level: Level, totalWeight: Double, resolution: Double,
        random: inout SplitMix
    ) -> (moved: Bool, membership: [Int], passes: Int) {
        let n = level.nodeCount
        var moving = Moving(level: level, resolution: resolution, m2: 2 * totalWeight)
        let nodes = Array(0..<n)
        var order = nodes
        var active = [Bool](repeating: true, count: n)
        var movedAny = false
        var passes = 0
        while true {
            passes += 1
            if passes > 1 { order = nodes.filter { active[$0] } }
            for index in stride(from: order.count - 1, to: 0, by: -1) {
                order.swapAt(index, Int(random.next() % UInt64(index + 1)))
            }
            let moves = moving.pass(order, level: level)
            if moves == 0 { break }
            movedAny = true
            // The nodes this pass marked are the next pass's; every node visited was active.
            swap(&active, &moving.marked)
            for node in order { moving.marked[node] = false }
        }
        return (movedAny, moving.community, passes)
    }

    /// One level's moving state: each node's community, each community's total strength, and the
    /// nodes a move marked for the next pass.
    private struct Moving {
        var community: [Int]
        var total: [Double]
        var marked: [Bool]
        let strength: [Double]
        let resolution: Double
        /// Twice the total weight.
        let m2: Double
        private var weightTo: [Double]
        private var touched: [Int]

        init(level: Level, resolution: Double, m2: Double) {
            let n = level.nodeCount
            strength = level.strengths
            community = Array(0..<n)
            total = strength
            marked = [Bool](repeating: false, count: n)
            self.resolution = resolution
            self.m2 = m2
            weightTo = [Double](repeating: 0, count: n)
            var widest = 0
            for node in 0..<n { widest = max(widest, level.offsets[node + 1] - level.offsets[node]) }
            touched = [Int](repeating: 0, count: widest + 1)
        }

        /// Visits `order`, moving each node to the neighbouring community that gains the most
        /// modularity: its own unless another gains strictly more (ties to the smaller number).
        /// Returns how many moved.
        mutating func pass(_ order: [Int], level: Level) -> Int {
            var moves = 0
            let resolution = resolution, m2 = m2
            community.withUnsafeMutableBufferPointer { community in
                total.withUnsafeMutableBufferPointer { total in
                    weightTo.withUnsafeMutableBufferPointer { weightTo in
                        touched.withUnsafeMutableBufferPointer { touched in
                            marked.withUnsafeMutableBufferPointer { marked in
                                level.offsets.withUnsafeBufferPointer { offsets in
                                    level.targets.withUnsafeBufferPointer { targets in
                                        level.weights.withUnsafeBufferPointer { weights in
                                            strength.withUnsafeBufferPointer { strength in
                                                let unit = weights.isEmpty
                                                for node in order {
                                                    let current = community[node]
                                                    var count = 0
                                                    for position in offsets[node]..<offsets[node + 1] {
                                                        let other = community[Int(targets[position])]
                                                        if weightTo[other] == 0 {
                                                            touched[count] = other
                                                            count += 1
                                                        }
                                                        weightTo[other] += unit ? 1 : weights[position]
                                                    }
                                                    total[current] -= strength[node]
                                                    let share = strength[node] * resolution / m2
                                                    let best = Self.best(
                                                        current, among: touched.prefix(count), weightTo: weightTo, total: total, share: share)
                                                    total[best] += strength[node]
                                                    if best != current {
                                                        community[node] = best
                                                        moves += 1
                                                        for position in offsets[node]..<offsets[node + 1]
                                                        where community[Int(targets[position])] != best {
                                                            marked[Int(targets[position])] = true
                                                        }
                                                    }
                                                    for index in 0..<count { weightTo[touched[index]] = 0 }
                                                    weightTo[current] = 0
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            return moves
        }

        /// The community a node gains the most modularity in: its own unless another gains strictly
        /// more (ties to the smaller number). `share` is the node's strength times the resolution over 2m.
        @inline(__always)
        private static func best(
            _ current: Int, among touched: Slice<UnsafeMutableBufferPointer<Int>>, weightTo: UnsafeMutableBufferPointer<Double>,
            total: UnsafeMutableBufferPointer<Double>, share: Double
        ) -> Int {
            var best = current
            var bestGain = weightTo[current] - total[current] * share
            for candidate in touched where candidate != current {
                let gain = weightTo[candidate] - total[candidate] * share
                if gain > bestGain + 1e-12 || (abs(gain - bestGain) <= 1e-12 && candidate < best && best != current) {
                    best = candidate
                    bestGain = gain
                }
            }
            return best
        }
    }

    /// Community labels made contiguous, in order of first appearance.
    private static func compacted(_ labels: [Int]) -> ([Int], Int) {
        var map = [Int](repeating: -1, count: labels.count)
        var next = 0
        let result = labels.map { label -> Int in
            if map[label] < 0 { map[label] = next; next += 1 }
            return map[label]
        }
        return (result, next)
    }

    /// The next level: a node per community, an edge per pair of linked communities with the weight
    /// of their links, the links inside a community as its self-loop. Members are gathered by
    /// community (in node order, so that every sum adds in the same order as a pass over the nodes
    /// would) and each community's row is summed in a scratch array rather than a dictionary.
    private static func aggregate(_ level: Level, into community: [Int], count: Int) -> Level {
        var start = [Int](repeating: 0, count: count + 1)
        for node in 0..<level.nodeCount { start[community[node] + 1] += 1 }
        for index in 0..<count { start[index + 1] += start[index] }
        var fill = start
        var members = [Int32](repeating: 0, count: level.nodeCount)
        for node in 0..<level.nodeCount {
            members[fill[community[node]]] = Int32(node)
            fill[community[node]] += 1
        }
        var selfLoops = [Double](repeating: 0, count: count)
        var sum = [Double](repeating: 0, count: count)
        var touched: [Int] = []
        var offsets = [0], targets: [Int32] = [], weights: [Double] = []
        for a in 0..<count {
            for member in members[start[a]..<start[a + 1]] {
                let node = Int(member)
                selfLoops[a] += level.selfLoops[node]
                for position in level.offsets[node]..<level.offsets[node + 1] {
                    let b = community[Int(level.targets[position])]
                    let weight = level.weight(at: position)
                    if a == b {
                        selfLoops[a] += weight / 2
                    } else {
                        if sum[b] == 0 { touched.append(b) }
                        sum[b] += weight
                    }
                }
            }
            touched.sort()
            for b in touched {
                targets.append(Int32(b))
                weights.append(sum[b])
                sum[b] = 0
            }
            touched.removeAll(keepingCapacity: true)
            offsets.append(targets.count)
        }
        return Level(offsets: offsets, targets: targets, weights: weights, selfLoops: selfLoops)
    }

    private static func renumbered(_ labels: [Int]) -> [Int] {
        var sizes: [Int: Int] = [:], first: [Int: Int] = [:]
        for (node, label) in labels.enumerated() {
            sizes[label, default: 0] += 1
            if first[label] == nil { first[label] = node }
        }
        let order = sizes.keys.sorted { (sizes[$0]!, -first[$0]!) > (sizes[$1]!, -first[$1]!) }
        var map: [Int: Int] = [:]
        for (new, old) in order.enumerated() { map[old] = new }
        return labels.map { map[$0]! }
    }

    /// Newman's modularity of a partition (networkx `community.modularity`, unweighted).
    public static func modularity(_ graph: MetricsGraph, membership: [Int], resolution: Double = 1) -> Double {
        let m = Double(graph.edgeCount)
        guard m > 0 else { return 0 }
        let count = (membership.max() ?? -1) + 1
        var inside = [Double](repeating: 0, count: count)
        var degrees = [Double](repeating: 0, count: count)
        for node in 0..<graph.nodeCount {
            let community = membership[node]
            degrees[community] += Double(graph.degree(node))
            for neighbour in graph.neighbours(of: node) where membership[Int(neighbour)] == community {
                inside[community] += 0.5
            }
        }
        var q = 0.0
        for community in 0..<count {
            q += inside[community] / m - resolution * (degrees[community] / (2 * m)) * (degrees[community] / (2 * m))
        }
        return q
    }
}
