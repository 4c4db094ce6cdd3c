extension MetricsGraph {
    /// Everything within `hops` of `start`, ring by ring (in the order found: a breadth-first
    /// search), and each node's distance (-1 beyond); stops early when a ring is empty. What the
    /// dashboard's neighbourhood and map show.
    ///
    /// ```swift
    /// let (rings, distance) = graph.rings(from: graph.index(of: "picom")!, hops: 2)
    /// rings[0]      // PICOM's neighbours; rings[1] theirs, not already seen
    /// ```
    public func rings(from start: Int, hops: Int) -> (rings: [[Int]], distance: [Int32]) {
        var distance = [Int32](repeating: -1, count: nodeCount)
        distance[start] = 0
        var frontier = [start]
        var rings: [[Int]] = []
        for step in 1...max(1, hops) {
            var next: [Int] = []
            for node in frontier {
                for neighbour in neighbours(of: node) where distance[Int(neighbour)] < 0 {
                    distance[Int(neighbour)] = Int32(step)
                    next.append(Int(neighbour))
                }
            }
            if next.isEmpty { break }
            rings.append(next)
            frontier = next
        }
        return (rings, distance)
    }
}
