import GrappeModel

/// Everything `grappe summary` reports, as plain values (rendered as text, markdown, JSON or CSV
/// elsewhere). Encodes with snake_case keys; docs/summary-format.md documents the JSON.
public struct NetworkSummary: Sendable, Encodable {
    /// How many of one kind.
    public struct Count: Sendable, Encodable, Equatable {
        public let name: String
        public let count: Int
    }

    /// A partner with its value in a ranking.
    public struct Ranked: Sendable, Encodable {
        public let id: String
        public let label: String
        public let kind: String
        public let value: Double
    }

    /// Entities and records counted by kind.
    public struct Counts: Sendable, Encodable {
        public let entities: [Count]
        public let records: [Count]
        public let relations: [Count]
    }

    /// The metrics graph's shape: size, density, components, diameter, average path, clustering.
    public struct Graph: Sendable, Encodable {
        public let nodes: Int
        public let edges: Int
        public let density: Double
        public let averageDegree: Double
        public let averageClustering: Double
        public let components: Int
        public let largestComponent: Int
        public let diameter: Int
        public let averageShortestPath: Double?
        /// "exact", or "estimated from k pivots (seed s)".
        public let distances: String
    }

    /// Louvain communities and their modularity.
    public struct Communities: Sendable, Encodable {
        public let count: Int
        public let modularity: Double
        public let seed: UInt64
        public let largest: [Community]
    }

    /// One community: its size and its best-connected members.
    public struct Community: Sendable, Encodable {
        public let number: Int
        public let size: Int
        /// The member with the highest PageRank.
        public let central: String
    }

    /// The top partners by each centrality.
    public struct Top: Sendable, Encodable {
        public let degree: [Ranked]
        public let betweenness: [Ranked]
        public let closeness: [Ranked]
        public let pagerank: [Ranked]
        public let twoStepReach: [Ranked]
    }

    /// "exact", or sampled with `pivots` and `seed`.
    public struct Method: Sendable, Encodable {
        public let method: String
        public let pivots: Int?
        public let seed: UInt64?
    }

    /// A partner whose neighbours belong to several communities, by betweenness.
    public struct Broker: Sendable, Encodable {
        public let id: String
        public let label: String
        public let betweenness: Double
        /// How many communities its neighbours belong to.
        public let communitiesBridged: Int
        /// The clusters, poles and cities among its neighbours.
        public let groupsLinked: [String]
    }

    /// Two unlinked partners with many neighbours in common: an introduction to suggest.
    public struct Introduction: Sendable, Encodable {
        public let a: String
        public let aLabel: String
        public let b: String
        public let bLabel: String
        public let commonNeighbours: Int
    }

    /// A sum of money in one currency.
    public struct Amount: Sendable, Encodable {
        public let name: String
        public let currency: String
        public let amount: String
    }

    /// Funding by project, funder, city and currency.
    public struct Funding: Sendable, Encodable {
        public let byProject: [Amount]
        public let byFunder: [Amount]
        public let byCity: [Amount]
        public let byCurrency: [Amount]
        /// Funding lines whose amount is not known (neither given nor derivable from a share).
        public let linesWithoutAmount: Int
    }

    /// How many agreements and missions a year saw.
    public struct Year: Sendable, Encodable {
        public let year: String
        public let agreements: Int
        public let missions: Int
    }

    /// A partner without any link.
    public struct Isolated: Sendable, Encodable {
        public let count: Int
        public let partners: [String]
    }

    public let name: String
    public let asOf: String?
    public let counts: Counts
    public let graph: Graph
    public let communities: Communities
    public let betweenness: Method
    public let top: Top
    public let brokers: [Broker]
    public let introductions: [Introduction]
    public let funding: Funding
    public let perYear: [Year]
    public let isolated: Isolated
}
