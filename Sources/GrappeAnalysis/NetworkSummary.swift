import GrappeModel

/// Everything `grappe summary` reports, as plain values (rendered as text, markdown, JSON or CSV
/// elsewhere). Encodes with snake_case keys; docs/summary-format.md documents the JSON.
public struct NetworkSummary: Sendable, Encodable {
    /// How many of one kind.
    public struct Count: Sendable, Encodable, Equatable {
        /// The kind.
        public let name: String
        /// How many.
        public let count: Int
    }

    /// A partner with its value in a ranking.
    public struct Ranked: Sendable, Encodable {
        /// The partner's id.
        public let id: String
        /// Its name.
        public let label: String
        /// Its kind.
        public let kind: String
        /// Its value in the ranking.
        public let value: Double
    }

    /// Entities and records counted by kind.
    public struct Counts: Sendable, Encodable {
        /// Entities by kind.
        public let entities: [Count]
        /// Records by kind.
        public let records: [Count]
        /// Relations by type.
        public let relations: [Count]
    }

    /// The metrics graph's shape: size, density, components, diameter, average path, clustering.
    public struct Graph: Sendable, Encodable {
        /// How many nodes.
        public let nodes: Int
        /// How many edges.
        public let edges: Int
        /// Edges over the pairs of nodes there are.
        public let density: Double
        /// Twice the edges over the nodes.
        public let averageDegree: Double
        /// The mean local clustering.
        public let averageClustering: Double
        /// How many connected components.
        public let components: Int
        /// How many nodes the largest has.
        public let largestComponent: Int
        /// The largest component's diameter (a lower bound when estimated).
        public let diameter: Int
        /// The mean distance in the largest component; nil when it has one node.
        public let averageShortestPath: Double?
        /// "exact", or "estimated from k pivots (seed s)".
        public let distances: String
    }

    /// Louvain communities and their modularity.
    public struct Communities: Sendable, Encodable {
        /// How many communities.
        public let count: Int
        /// The partition's modularity.
        public let modularity: Double
        /// The seed the Louvain method drew its order from.
        public let seed: UInt64
        /// The largest communities.
        public let largest: [Community]
    }

    /// One community: its size and its best-connected members.
    public struct Community: Sendable, Encodable {
        /// Its number, from 1 by decreasing size.
        public let number: Int
        /// How many members.
        public let size: Int
        /// The member with the highest PageRank.
        public let central: String
    }

    /// The top partners by each centrality.
    public struct Top: Sendable, Encodable {
        /// By degree.
        public let degree: [Ranked]
        /// By betweenness.
        public let betweenness: [Ranked]
        /// By closeness.
        public let closeness: [Ranked]
        /// By PageRank.
        public let pagerank: [Ranked]
        /// By how many partners are within two steps.
        public let twoStepReach: [Ranked]
    }

    /// "exact", or sampled with `pivots` and `seed`.
    public struct Method: Sendable, Encodable {
        /// `exact` or `sampled`.
        public let method: String
        /// The sources sampled from, when sampled.
        public let pivots: Int?
        /// The seed they were drawn with, when sampled.
        public let seed: UInt64?
    }

    /// A partner whose neighbours belong to several communities, by betweenness.
    public struct Broker: Sendable, Encodable {
        /// The partner's id.
        public let id: String
        /// Its name.
        public let label: String
        /// Its betweenness.
        public let betweenness: Double
        /// How many communities its neighbours belong to.
        public let communitiesBridged: Int
        /// The clusters, poles and cities among its neighbours.
        public let groupsLinked: [String]
    }

    /// Two unlinked partners with many neighbours in common: an introduction to suggest.
    public struct Introduction: Sendable, Encodable {
        /// The first partner's id.
        public let a: String
        /// Its name.
        public let aLabel: String
        /// The second partner's id.
        public let b: String
        /// Its name.
        public let bLabel: String
        /// How many neighbours they have in common.
        public let commonNeighbours: Int
    }

    /// A sum of money in one currency.
    public struct Amount: Sendable, Encodable {
        /// What it is the sum for: a project, a funder, a city, or the currency.
        public let name: String
        /// The ISO 4217 code.
        public let currency: String
        /// The sum, as exact text in the currency's decimals.
        public let amount: String
    }

    /// Funding by project, funder, city and currency.
    public struct Funding: Sendable, Encodable {
        /// By project.
        public let byProject: [Amount]
        /// By funder.
        public let byFunder: [Amount]
        /// By the funder's city.
        public let byCity: [Amount]
        /// In all, by currency.
        public let byCurrency: [Amount]
        /// Funding lines whose amount is not known (neither given nor derivable from a share).
        public let linesWithoutAmount: Int
    }

    /// How many agreements and missions a year saw.
    public struct Year: Sendable, Encodable {
        /// The year, or `?` for records whose year is unknown.
        public let year: String
        /// Agreements signed that year.
        public let agreements: Int
        /// Missions that took place that year.
        public let missions: Int
    }

    /// A partner without any link.
    public struct Isolated: Sendable, Encodable {
        /// How many partners have no link.
        public let count: Int
        /// Their names (the first ones).
        public let partners: [String]
    }

    /// The network's name.
    public let name: String
    /// The date the network is taken at, when not today.
    public let asOf: String?
    /// Entities, records and relations by kind.
    public let counts: Counts
    /// The metrics graph's shape.
    public let graph: Graph
    /// The communities.
    public let communities: Communities
    /// How betweenness was computed.
    public let betweenness: Method
    /// The rankings.
    public let top: Top
    /// Partners bridging communities.
    public let brokers: [Broker]
    /// Introductions to suggest.
    public let introductions: [Introduction]
    /// The funding, summed.
    public let funding: Funding
    /// Agreements and missions per year.
    public let perYear: [Year]
    /// Partners without a link.
    public let isolated: Isolated
}
