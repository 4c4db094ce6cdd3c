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
        let entities = network.entities.sorted { $0.id < $1.id }
        var nodes = entities.map { entity in
            var attributes: [(String, String)] = []
            func add(_ name: String, _ value: String?) { if let value { attributes.append((name, value)) } }
            add("type", entity.organisationType?.rawValue)
            add("acronym", entity.acronym)
            add("aliases", entity.aliases.isEmpty ? nil : entity.aliases.joined(separator: " | "))
            add("country", entity.country)
            add("region", entity.region)
            add("sector", entity.sector)
            add("founded", entity.founded?.description)
            add("summary", entity.summary)
            add("website", entity.website)
            for key in entity.attributes.keys.sorted() { add(key, entity.attributes[key]) }
            add("sources", Self.sources(entity.sources))
            return Node(id: entity.id, label: entity.name, kind: entity.kind.rawValue, attributes: attributes)
        }
        var edges: [Edge] = []
        if shape == .metrics {
            let graph = MetricsGraph(network: network)
            for node in 0..<graph.nodeCount {
                for neighbour in graph.neighbours(of: node) where Int(neighbour) > node {
                    edges.append(Edge(source: graph.ids[node], target: graph.ids[Int(neighbour)], type: "", directed: false,
                                      attributes: [], weight: nil))
                }
            }
            self.nodes = nodes
            self.edges = edges
            return
        }
        for relation in network.relations.sorted(by: Self.relationOrder) {
            var attributes: [(String, String)] = []
            func add(_ name: String, _ value: String?) { if let value { attributes.append((name, value)) } }
            add("label", relation.label)
            add("title", relation.title)
            add("start", relation.start?.description)
            add("end", relation.end?.description)
            add("note", relation.note)
            add("sources", Self.sources(relation.sources))
            edges.append(Edge(source: relation.from, target: relation.to, type: relation.type.rawValue,
                              directed: !relation.type.isSymmetric, attributes: attributes, weight: relation.weight))
        }
        for record in network.records.sorted(by: { $0.id < $1.id }) {
            var attributes: [(String, String)] = []
            func add(_ name: String, _ value: String?) { if let value { attributes.append((name, value)) } }
            add("date", record.date?.description)
            switch record.body {
            case .agreement(let agreement):
                add("status", agreement.status.rawValue)
                add("purpose", agreement.purpose)
            case .mission(let mission):
                add("status", mission.status.rawValue)
                add("end", mission.end?.description)
                add("budget", mission.budget?.description)
            case .project(let project):
                add("status", project.status.rawValue)
                add("end", project.end?.description)
                add("duration", project.duration?.description)
                add("budget", project.budget?.description)
            case .event(let event):
                add("type", event.type.rawValue)
                add("status", event.status.rawValue)
            }
            add("summary", record.summary)
            add("sources", Self.sources(record.sources))
            nodes.append(Node(id: record.id, label: record.title, kind: record.kind.rawValue, attributes: attributes))
            for party in record.parties {
                edges.append(Edge(source: record.id, target: party.entity, type: party.role.rawValue, directed: true,
                                  attributes: party.title.map { [("title", $0)] } ?? [], weight: nil))
            }
            for place in record.places {
                edges.append(Edge(source: record.id, target: place, type: "place", directed: true, attributes: [], weight: nil))
            }
            if case .project(let project) = record.body {
                for line in project.funding {
                    guard let funder = line.funder else { continue }
                    var attributes: [(String, String)] = []
                    if let share = line.share { attributes.append(("share", share.description)) }
                    if let amount = line.effectiveAmount(budget: project.budget) { attributes.append(("amount", amount.description)) }
                    edges.append(Edge(source: funder, target: record.id, type: "funds", directed: true, attributes: attributes, weight: nil))
                }
            }
        }
        self.nodes = nodes
        self.edges = edges
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
