/// Every per-node metric of `grappe metrics`, with how the sampled ones were computed.
public struct NodeMetrics: Sendable {
    /// When betweenness and closeness are exact, and how they are sampled above that.
    public struct Options: Sendable {
        /// Up to this many nodes, betweenness and closeness are exact; above, sampled.
        public var exactLimit: Int
        /// Pivots for sampled betweenness and closeness.
        public var pivots: Int
        /// The seed pivots are drawn with.
        public var seed: UInt64

        /// Exact betweenness and closeness up to `exactLimit` nodes, sampled from `pivots` sources above.
        public init(exactLimit: Int = 10_000, pivots: Int = 256, seed: UInt64 = 1) {
            self.exactLimit = exactLimit
            self.pivots = pivots
            self.seed = seed
        }
    }

    /// The graph they were computed on.
    public let graph: MetricsGraph
    /// Each node's number of neighbours.
    public let degree: [Int]
    /// Degree over the other nodes there are, as networkx computes it.
    public let degreeCentrality: [Double]
    /// Brandes betweenness, normalised as networkx does.
    public let betweenness: [Double]
    /// Closeness within each node's component (Wasserman and Faust), as networkx computes it.
    public let closeness: [Double]
    /// PageRank (damping 0.85).
    public let pagerank: [Double]
    /// Local clustering.
    public let clustering: [Double]
    /// The connected components.
    public let components: Components
    /// The Louvain communities.
    public let communities: Louvain.Result
    /// Whether betweenness and closeness are exact or sampled.
    public let mode: Centrality.Mode

    /// Every metric of every node of `graph`. `progress` hears the share of the work done (0 to 1)
    /// after each metric, weighted by what each one usually costs, for a progress line; `phases`
    /// hears each metric's name as it starts and ends.
    public init(_ graph: MetricsGraph, options: Options = Options(), progress: ((Double) -> Void)? = nil, phases: Phases = .none) {
        self.graph = graph
        let n = graph.nodeCount
        let degree = phases.run("degree") { graph.degrees }
        self.degree = degree
        degreeCentrality = degree.map { n > 1 ? Double($0) / Double(n - 1) : 0 }
        let mode: Centrality.Mode = n <= options.exactLimit ? .exact : .sampled(k: options.pivots, seed: options.seed)
        self.mode = mode
        // The shares from `grappe summary --timings` at 100,000 and 1,000,000 organisations.
        betweenness = phases.run("betweenness") { Centrality.betweenness(graph, mode: mode) }
        progress?(0.6)
        closeness = phases.run("closeness") { Centrality.closeness(graph, mode: mode) }
        progress?(0.78)
        pagerank = phases.run("pagerank") { PageRank.scores(graph).scores }
        progress?(0.79)
        clustering = phases.run("clustering") { Clustering.coefficients(graph) }
        progress?(0.8)
        components = phases.run("components") { Components(graph) }
        progress?(0.8)
        communities = phases.run("communities") { Louvain.communities(graph, seed: options.seed) }
        progress?(1)
    }
}
