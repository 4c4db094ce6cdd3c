import GrappeAnalysis
import GrappeModel

/// The graph the file formats write: nodes with attributes and typed edges.
///
/// `.full`: entities and records are nodes; relations are edges (directed, except the symmetric types),
/// and each record is linked to its parties by an edge typed with the party's role. `.metrics`: exactly
/// the metrics graph (entities, undirected simple edges without a type), for comparing numbers with
/// other tools; as CSV it loads back into Grappe, where an edge without a type is a partnership.
public struct ExportGraph: Sendable {
    public enum Shape: String, Sendable, CaseIterable {
        case full, metrics
    }

    public struct Node: Sendable {
        public let id: String
        public let label: String
        public let kind: String
        /// Named values in a fixed order; absent ones are left out.
        public let attributes: [(name: String, value: String)]
    }

    public struct Edge: Sendable {
        public let source: String
        public let target: String
        public let type: String
        public let directed: Bool
        public let attributes: [(name: String, value: String)]
        public let weight: Double?
    }

    public let nodes: [Node]
    public let edges: [Edge]

    public init(_ network: Network, shape: Shape = .full) {
        var nodes = network.entities.sorted { $0.id < $1.id }.map(Self.node)
        guard shape == .full else {
            self.nodes = nodes
            edges = Self.metricsEdges(network)
            return
        }
        var edges = network.relations.sorted(by: Self.relationOrder).map(Self.edge)
        for record in network.records.sorted(by: { $0.id < $1.id }) {
            nodes.append(Self.node(record))
            edges += Self.edges(of: record)
        }
        self.nodes = nodes
        self.edges = edges
    }

    /// Attributes in the order they are added, the absent ones left out.
    private struct Attributes {
        var list: [(name: String, value: String)] = []

        mutating func add(_ name: String, _ value: String?) {
            if let value { list.append((name, value)) }
        }
    }

    private static func node(_ entity: Entity) -> Node {
        var attributes = Attributes()
        attributes.add("type", entity.organisationType?.rawValue)
        attributes.add("acronym", entity.acronym)
        attributes.add("aliases", entity.aliases.isEmpty ? nil : entity.aliases.joined(separator: " | "))
        attributes.add("country", entity.country)
        attributes.add("region", entity.region)
        attributes.add("sector", entity.sector)
        attributes.add("founded", entity.founded?.description)
        attributes.add("summary", entity.summary)
        attributes.add("website", entity.website)
        for key in entity.attributes.keys.sorted() { attributes.add(key, entity.attributes[key]) }
        attributes.add("sources", sources(entity.sources))
        return Node(id: entity.id, label: entity.name, kind: entity.kind.rawValue, attributes: attributes.list)
    }

    /// The metrics graph's edges: undirected, simple, untyped.
    private static func metricsEdges(_ network: Network) -> [Edge] {
        let graph = MetricsGraph(network: network)
        var edges: [Edge] = []
        for node in 0..<graph.nodeCount {
            for neighbour in graph.neighbours(of: node) where Int(neighbour) > node {
                edges.append(Edge(source: graph.ids[node], target: graph.ids[Int(neighbour)], type: "", directed: false,
                                  attributes: [], weight: nil))
            }
        }
        return edges
    }

    private static func edge(_ relation: Relation) -> Edge {
        var attributes = Attributes()
        attributes.add("label", relation.label)
        attributes.add("title", relation.title)
        attributes.add("start", relation.start?.description)
        attributes.add("end", relation.end?.description)
        attributes.add("note", relation.note)
        attributes.add("sources", sources(relation.sources))
        return Edge(source: relation.from, target: relation.to, type: relation.type.rawValue,
                    directed: !relation.type.isSymmetric, attributes: attributes.list, weight: relation.weight)
    }

    private static func node(_ record: Record) -> Node {
        var attributes = Attributes()
        attributes.add("date", record.date?.description)
        switch record.body {
        case .agreement(let agreement):
            attributes.add("status", agreement.status.rawValue)
            attributes.add("purpose", agreement.purpose)
        case .mission(let mission):
            attributes.add("status", mission.status.rawValue)
            attributes.add("end", mission.end?.description)
            attributes.add("budget", mission.budget?.description)
        case .project(let project):
            attributes.add("status", project.status.rawValue)
            attributes.add("end", project.end?.description)
            attributes.add("duration", project.duration?.description)
            attributes.add("budget", project.budget?.description)
        case .event(let event):
            attributes.add("type", event.type.rawValue)
            attributes.add("status", event.status.rawValue)
        }
        attributes.add("summary", record.summary)
        attributes.add("sources", sources(record.sources))
        return Node(id: record.id, label: record.title, kind: record.kind.rawValue, attributes: attributes.list)
    }

    /// A record's edges: to each party (typed by its role), to its places, and from its funders.
    private static func edges(of record: Record) -> [Edge] {
        var edges = record.parties.map { party in
            Edge(source: record.id, target: party.entity, type: party.role.rawValue, directed: true,
                 attributes: party.title.map { [("title", $0)] } ?? [], weight: nil)
        }
        for place in record.places {
            edges.append(Edge(source: record.id, target: place, type: "place", directed: true, attributes: [], weight: nil))
        }
        if case .project(let project) = record.body {
            for line in project.funding {
                guard let funder = line.funder else { continue }
                var attributes = Attributes()
                attributes.add("share", line.share?.description)
                attributes.add("amount", line.effectiveAmount(budget: project.budget)?.description)
                edges.append(Edge(source: funder, target: record.id, type: "funds", directed: true, attributes: attributes.list, weight: nil))
            }
        }
        return edges
    }

    /// Every attribute name used by nodes (or edges), in first-use order: the columns or keys of a file.
    public var nodeAttributeNames: [String] { Self.names(nodes.map(\.attributes)) }
    public var edgeAttributeNames: [String] { Self.names(edges.map(\.attributes)) }

    private static func names(_ lists: [[(name: String, value: String)]]) -> [String] {
        var seen = Set<String>(), names: [String] = []
        for list in lists { for (name, _) in list where seen.insert(name).inserted { names.append(name) } }
        return names
    }

    private static func sources(_ sources: [SourceRef]) -> String? {
        sources.isEmpty ? nil : sources.map { $0.document + ($0.note.map { ": \($0)" } ?? "") }.joined(separator: " | ")
    }

    private static func relationOrder(_ a: Relation, _ b: Relation) -> Bool {
        (a.from, a.to, a.type.rawValue, a.start?.description ?? "") < (b.from, b.to, b.type.rawValue, b.start?.description ?? "")
    }
}
