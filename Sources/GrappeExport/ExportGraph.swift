import GrappeAnalysis
import GrappeModel

/// The graph the file formats write: nodes with attributes and typed edges.
///
/// `.full`: entities and records are nodes; relations are edges (directed, except the symmetric types),
/// and each record is linked to its parties by an edge typed with the party's role. `.metrics`: exactly
/// the metrics graph (entities, undirected simple edges without a type), for comparing numbers with
/// other tools; as CSV it loads back into Grappe, where an edge without a type is a partnership.
public struct ExportGraph: Sendable {
    /// What becomes a node and an edge: `.full` or `.metrics` (see above).
    public enum Shape: String, Sendable, CaseIterable {
        case full, metrics
    }

    /// When a node or edge exists: from the first day its start can mean to the last day its end can
    /// mean. A side left open is unbounded; a date whose year is unknown gives no side at all.
    public struct Spell: Sendable, Equatable {
        /// The first day, or nil when open.
        public let start: DayStamp?
        /// The last day, or nil when open.
        public let end: DayStamp?

        /// From `start` to `end`, or nil when neither can be placed in time.
        init?(from start: PartialDate?, to end: PartialDate?) {
            self.start = start?.bounds?.first
            self.end = end?.bounds?.last
            if self.start == nil, self.end == nil { return nil }
        }
    }

    /// An entity or a record.
    public struct Node: Sendable {
        /// Its id.
        public let id: String
        /// Its name or title.
        public let label: String
        /// Its kind (`city`, `mission`…).
        public let kind: String
        /// Named values in a fixed order; absent ones are left out.
        public var attributes: [(name: String, value: String)]
        /// When it exists, when its dates say.
        public let spell: Spell?
    }

    /// A relation, or a record's tie to a party.
    public struct Edge: Sendable {
        /// The id of the node it leaves.
        public let source: String
        /// The id of the node it reaches.
        public let target: String
        /// The relation type, or the party's role.
        public let type: String
        /// Whether it reads one way only.
        public let directed: Bool
        /// Named values in a fixed order; absent ones are left out.
        public let attributes: [(name: String, value: String)]
        /// Its weight, when the seeds give one.
        public let weight: Double?
        /// When it exists, when its dates say.
        public let spell: Spell?
        /// When it held again, for a relation with several periods (`spell` is the first).
        public var laterSpells: [Spell] = []
    }

    /// The nodes, in a fixed order.
    public private(set) var nodes: [Node]
    /// The edges, in a fixed order.
    public let edges: [Edge]
    /// False for the metrics graph, whose edges all go both ways: formats write it as an undirected graph.
    public let directed: Bool

    /// The graph of `network` in `shape`.
    public init(_ network: Network, shape: Shape = .full) {
        var nodes = network.entities.sorted { $0.id < $1.id }.map(Self.node)
        guard shape == .full else {
            self.nodes = nodes
            edges = Self.metricsEdges(network)
            directed = false
            return
        }
        directed = true
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

        /// The seeds' own attributes, by name. One whose name a field of the item already uses (a
        /// record's `date` note beside its date) is written as `NAME (attribute)`, which readers take back.
        mutating func addFree(_ free: [String: String]) {
            let fields = Set(list.map(\.name)) + ["label", "kind", "sources"]
            for key in free.keys.sorted() {
                add(fields.contains(key) ? key + RecordTie.attributeSuffix : key, free[key])
            }
        }

        /// An amount as a number column (`budget`: `1050000.00`) beside its currency (`budget_currency`),
        /// so that spreadsheets and networkx can sum it.
        mutating func addMoney(_ name: String, _ money: Money?) {
            add(name, money?.amountText)
            add(name + "_currency", money?.currency.code)
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
        attributes.add("ended", entity.ended?.description)
        attributes.add("summary", entity.summary)
        attributes.add("website", entity.website)
        attributes.addFree(entity.attributes)
        attributes.add("sources", sources(entity.sources))
        return Node(
            id: entity.id, label: entity.name, kind: entity.kind.rawValue, attributes: attributes.list,
            spell: Spell(from: entity.founded, to: entity.ended))
    }

    /// The metrics graph's edges: undirected, simple, untyped.
    private static func metricsEdges(_ network: Network) -> [Edge] {
        let graph = MetricsGraph(network: network)
        var edges: [Edge] = []
        for node in 0..<graph.nodeCount {
            for neighbour in graph.neighbours(of: node) where Int(neighbour) > node {
                edges.append(
                    Edge(
                        source: graph.ids[node], target: graph.ids[Int(neighbour)], type: "", directed: false,
                        attributes: [], weight: nil, spell: nil))
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
        attributes.add("periods", relation.laterPeriods.isEmpty ? nil : Period.listText(relation.periods))
        attributes.add("note", relation.note)
        attributes.add("sources", sources(relation.sources))
        return Edge(
            source: relation.from, target: relation.to, type: relation.type.rawValue,
            directed: !relation.type.isSymmetric, attributes: attributes.list, weight: relation.weight,
            spell: Spell(from: relation.start, to: relation.end),
            laterSpells: relation.laterPeriods.compactMap { Spell(from: $0.start, to: $0.end) })
    }

    /// A record as a node: `date` is when it happened or began, whatever its kind; each kind adds its
    /// own fields, so that a reader can rebuild the record (`RecordTie` names its edges).
    private static func node(_ record: Record) -> Node {
        var attributes = Attributes()
        attributes.add("date", record.date?.description)
        switch record.body {
        case .agreement(let agreement):
            attributes.add("status", agreement.status.rawValue)
            attributes.add("signed", agreement.signed?.description)
            attributes.add("valid_from", agreement.validFrom?.description)
            attributes.add("valid_to", agreement.validTo?.description)
            attributes.add("purpose", agreement.purpose)
        case .mission(let mission):
            attributes.add("status", mission.status.rawValue)
            attributes.add("end", mission.end?.description)
            attributes.addMoney("budget", mission.budget)
            attributes.add("objectives", mission.objectives.isEmpty ? nil : mission.objectives.joined(separator: " | "))
            attributes.add("notes", mission.notes)
            let unplaced = mission.outcomes.filter { $0.partner == nil && $0.agreement == nil }.compactMap(\.text)
            attributes.add("outcomes", unplaced.isEmpty ? nil : unplaced.joined(separator: " | "))
        case .project(let project):
            attributes.add("status", project.status.rawValue)
            attributes.add("end", project.end?.description)
            attributes.add("duration", project.duration?.description)
            attributes.addMoney("budget", project.budget)
        case .event(let event):
            attributes.add("type", event.type.rawValue)
            attributes.add("status", event.status.rawValue)
            attributes.add("end", event.end?.description)
        }
        attributes.add("summary", record.summary)
        attributes.addFree(record.attributes)
        attributes.add("sources", sources(record.sources))
        return Node(
            id: record.id, label: record.title, kind: record.kind.rawValue, attributes: attributes.list,
            spell: spell(of: record))
    }

    /// A record's time: a mission or an event spans its dates; an agreement or a project with no end
    /// holds from its date on.
    private static func spell(of record: Record) -> Spell? {
        switch record.body {
        case .mission(let mission): Spell(from: record.date, to: mission.end ?? record.date)
        case .event(let event): Spell(from: record.date, to: event.end ?? record.date)
        case .project(let project): Spell(from: record.date, to: project.end)
        case .agreement(let agreement): Spell(from: record.date, to: agreement.validTo)
        }
    }

    /// A record's ties as edges (`RecordTie`): to each party (typed by its role), to its places, to
    /// the programme it is part of and to what a mission led to; from each funder.
    private static func edges(of record: Record) -> [Edge] {
        let spell = spell(of: record)
        func tie(_ tie: RecordTie, to target: ID, _ attributes: Attributes = Attributes()) -> Edge {
            Edge(
                source: record.id, target: target, type: tie.rawValue, directed: true, attributes: attributes.list,
                weight: nil, spell: spell)
        }
        var edges = record.parties.map { party in
            var attributes = Attributes()
            attributes.add("title", party.title)
            attributes.add("attendance", party.attendance?.rawValue)
            return tie(.party(party.role), to: party.entity, attributes)
        }
        switch record.body {
        case .agreement(let agreement):
            edges += agreement.place.map { [tie(.place, to: $0)] } ?? []
        case .event(let event):
            edges += event.place.map { [tie(.place, to: $0)] } ?? []
        case .mission(let mission):
            edges += (mission.origin.map { [tie(.origin, to: $0)] } ?? []) + mission.destinations.map { tie(.destination, to: $0) }
            for outcome in mission.outcomes {
                guard let target = outcome.partner ?? outcome.agreement else { continue }
                var attributes = Attributes()
                attributes.add("text", outcome.text)
                if outcome.partner != nil { attributes.add("agreement", outcome.agreement) }
                edges.append(tie(.outcome, to: target, attributes))
            }
        case .project(let project):
            edges += project.partOf.map { [tie(.programme, to: $0)] } ?? []
            edges += project.funding.compactMap { fundingEdge($0, of: record, project: project, spell: spell) }
        }
        return edges
    }

    /// One funding line, from its funder to the project. `amount` is what the line comes to (from its
    /// share of the budget when it gives only a share, and then `amount_from_share` is true), so that
    /// amounts can be summed. A line with no funder has no edge: it stays in the project's `funding`.
    private static func fundingEdge(_ line: FundingLine, of record: Record, project: Project, spell: Spell?) -> Edge? {
        guard let funder = line.funder else { return nil }
        var attributes = Attributes()
        attributes.add("share_percent", line.share.map { String($0.description.dropLast()) })
        attributes.addMoney("amount", line.effectiveAmount(budget: project.budget))
        if line.amount == nil, line.effectiveAmount(budget: project.budget) != nil { attributes.add("amount_from_share", "true") }
        attributes.add("start", line.start?.description)
        attributes.add("end", line.end?.description)
        attributes.add("note", line.note)
        return Edge(
            source: funder, target: record.id, type: RecordTie.funding.rawValue, directed: true,
            attributes: attributes.list, weight: nil, spell: Spell(from: line.start, to: line.end) ?? spell)
    }

    /// Adds each entity's metrics (degree, centralities, clustering, component, community) as node
    /// attributes, so Gephi and Kumu users need no join. Nodes outside the metrics graph (records) get
    /// none. A metric whose name an attribute of the seeds already uses is written as `metric_NAME`.
    public mutating func addMetrics(_ metrics: NodeMetrics) {
        let taken = Set(nodeAttributeNames)
        let name = { (metric: String) in taken.contains(metric) ? "metric_" + metric : metric }
        var index: [String: Int] = [:]
        for (node, id) in metrics.graph.ids.enumerated() { index[id] = node }
        for position in nodes.indices {
            guard let node = index[nodes[position].id] else { continue }
            let number = MetricsTable.number
            nodes[position].attributes += [
                (name("degree"), String(metrics.degree[node])),
                (name("degree_centrality"), number(metrics.degreeCentrality[node])),
                (name("betweenness"), number(metrics.betweenness[node])),
                (name("closeness"), number(metrics.closeness[node])),
                (name("pagerank"), number(metrics.pagerank[node])),
                (name("clustering"), number(metrics.clustering[node])),
                (name("component"), String(metrics.components.membership[node])),
                (name("community"), String(metrics.communities.membership[node])),
            ]
        }
    }

    /// The value type of a column, the narrowest that holds every value exactly.
    public enum ValueType: String, Sendable {
        case boolean, int, long, double, string

        /// boolean if every value is `true`/`false`; int or long if every value is an integer written
        /// canonically; double if every value is a finite number; else string (and string when empty).
        public static func of(_ values: [String]) -> ValueType {
            guard !values.isEmpty else { return .string }
            if values.allSatisfy({ $0 == "true" || $0 == "false" }) { return .boolean }
            let integers = values.compactMap { Int64($0) }
            if integers.count == values.count, zip(integers, values).allSatisfy({ String($0) == $1 }) {
                return integers.allSatisfy { Int32(exactly: $0) != nil } ? .int : .long
            }
            if values.allSatisfy({ Double($0).map(\.isFinite) ?? false }) { return .double }
            return .string
        }
    }

    /// The type of each node (or edge) attribute, from every value it takes.
    public var nodeAttributeTypes: [String: ValueType] { Self.types(nodes.map(\.attributes)) }
    /// Each edge attribute's type (integer, double, date or string), for the formats that declare them.
    public var edgeAttributeTypes: [String: ValueType] { Self.types(edges.map(\.attributes)) }

    private static func types(_ lists: [[(name: String, value: String)]]) -> [String: ValueType] {
        Dictionary(grouping: lists.joined(), by: \.name).mapValues { ValueType.of($0.map(\.value)) }
    }

    /// Every attribute name used by nodes (or edges), in first-use order: the columns or keys of a file.
    public var nodeAttributeNames: [String] { Self.names(nodes.map(\.attributes)) }
    /// Every edge attribute's name, in first-seen order.
    public var edgeAttributeNames: [String] { Self.names(edges.map(\.attributes)) }

    private static func names(_ lists: [[(name: String, value: String)]]) -> [String] {
        var seen = Set<String>(), names: [String] = []
        for list in lists { for (name, _) in list where seen.insert(name).inserted { names.append(name) } }
        return names
    }

    private static func sources(_ sources: [SourceRef]) -> String? {
        sources.isEmpty ? nil : SourceRef.listText(sources)
    }

    private static func relationOrder(_ a: Relation, _ b: Relation) -> Bool {
        (a.from, a.to, a.type.rawValue, a.start?.description ?? "") < (b.from, b.to, b.type.rawValue, b.start?.description ?? "")
    }
}
