import Dispatch
import Foundation
import GrappeAnalysis
import GrappeModel

/// What the dashboard shows of one network, computed once when it is loaded: the rows of every
/// section, the metrics graph, lookups and the home page's figures. Immutable, so states can share it.
public final class Catalogue: Sendable {
    /// Immutable and shared: filtering and sorting move references, not the rows' arrays.
    public final class Row: Sendable, Equatable {
        public let item: Lookup.Item
        /// Cell texts, in the section's column order; the first is the name that filters match.
        public let cells: [String]
        /// Sort keys, one per column (numbers padded so they sort as text).
        public let keys: [String]
        /// The folded name, for filtering without folding on every key press.
        public let folded: String
        /// Its UTF-8 bytes, which filtering scans.
        public let foldedBytes: [UInt8]

        init(item: Lookup.Item, cells: [String], keys: [String], folded: String) {
            self.item = item
            self.cells = cells
            self.keys = keys
            self.folded = folded
            foldedBytes = Array(folded.utf8)
        }

        public static func == (a: Row, b: Row) -> Bool { a === b }
    }

    public struct Column: Sendable {
        public let title: UI
        /// Share of the list's width; 0 for a fixed `minimum`.
        public let weight: Int
        public let minimum: Int
        public let numeric: Bool
    }

    public let network: Network
    public let graph: MetricsGraph
    public let lookup: Lookup
    public let connections: Connections
    public let warnings: Int
    /// For each node of `graph`: the indices of its relations, and of the records that name it.
    public let relationsByNode: [[Int32]]
    public let recordsByNode: [[Int32]]
    public let home: HomeFigures
    /// Entities and records per kind, for the header.
    public let counts: (byEntityKind: [EntityKind: Int], byRecordKind: [RecordKind: Int])
    /// The kind of each node of `graph`.
    public let kinds: [EntityKind]
    public let cityOf: [ID: ID]
    /// Each section's rows, built the first time the section is shown: a start-up draws the home page
    /// without building lists nobody has opened yet.
    private let rowsBySection = RowsBySection()

    private final class RowsBySection: @unchecked Sendable {
        let lock = NSLock()
        var rows: [Section: [Row]] = [:]
    }

    public init(network: Network, warnings: Int = 0) {
        self.network = network
        self.warnings = warnings
        graph = MetricsGraph(network: network)
        lookup = Lookup(network)
        connections = Connections(network, graph: graph)
        var cityOf: [ID: ID] = [:]
        for relation in network.relations where relation.type == .basedIn && cityOf[relation.from] == nil {
            cityOf[relation.from] = relation.to
        }
        self.cityOf = cityOf
        var relationsByNode = [[Int32]](repeating: [], count: graph.nodeCount)
        for (index, relation) in network.relations.enumerated() {
            if let a = graph.index(of: relation.from) { relationsByNode[a].append(Int32(index)) }
            if let b = graph.index(of: relation.to), relation.to != relation.from { relationsByNode[b].append(Int32(index)) }
        }
        var recordsByNode = [[Int32]](repeating: [], count: graph.nodeCount)
        for (index, record) in network.records.enumerated() {
            var named = Set(MetricsGraph.members(of: record) + record.places)
            if case .mission(let mission) = record.body { named.formUnion(mission.outcomes.compactMap(\.partner)) }
            for id in named { if let node = graph.index(of: id) { recordsByNode[node].append(Int32(index)) } }
        }
        self.relationsByNode = relationsByNode
        self.recordsByNode = recordsByNode
        counts = network.counts
        var kinds = [EntityKind](repeating: .organisation, count: graph.nodeCount)
        for index in network.entities.indices {
            if let node = graph.index(of: network.entities[index].id) { kinds[node] = network.entities[index].kind }
        }
        self.kinds = kinds
        home = HomeFigures(network: network, graph: graph, kinds: kinds)
    }

    /// Builds every section's rows on another thread, so that they are ready by the time someone opens
    /// a section; a section opened sooner waits for its rows as it would have anyway.
    public func prepareRowsInBackground() {
        DispatchQueue.global(qos: .utility).async { [self] in
            for section in Section.allCases where section != .home { _ = rows(section) }
        }
    }

    public func rows(_ section: Section) -> [Row] {
        rowsBySection.lock.lock()
        defer { rowsBySection.lock.unlock() }
        if let rows = rowsBySection.rows[section] { return rows }
        let rows = Self.rows(section, network: network, graph: graph, cityOf: cityOf)
        rowsBySection.rows[section] = rows
        return rows
    }

    public func degree(_ id: ID) -> Int { graph.index(of: id).map(graph.degree) ?? 0 }

    public func relations(of id: ID) -> [Relation] {
        graph.index(of: id).map { relationsByNode[$0].map { network.relations[Int($0)] } } ?? []
    }

    public func records(of id: ID) -> [Record] {
        graph.index(of: id).map { recordsByNode[$0].map { network.records[Int($0)] } } ?? []
    }

    public func name(_ id: ID) -> String { network.entity(id)?.name ?? network.record(id)?.title ?? id }

    public static func columns(_ section: Section) -> [Column] {
        switch section {
        case .home: []
        case .partners:
            [Column(title: .name, weight: 5, minimum: 12, numeric: false), Column(title: .type, weight: 2, minimum: 8, numeric: false),
             Column(title: .city, weight: 2, minimum: 8, numeric: false), Column(title: .links, weight: 0, minimum: 6, numeric: true)]
        case .clustersAndPoles:
            [Column(title: .name, weight: 5, minimum: 12, numeric: false), Column(title: .kind, weight: 0, minimum: 8, numeric: false),
             Column(title: .sector, weight: 3, minimum: 8, numeric: false), Column(title: .city, weight: 2, minimum: 8, numeric: false),
             Column(title: .links, weight: 0, minimum: 6, numeric: true)]
        case .cities:
            [Column(title: .name, weight: 3, minimum: 12, numeric: false), Column(title: .country, weight: 0, minimum: 5, numeric: false),
             Column(title: .region, weight: 2, minimum: 8, numeric: false), Column(title: .links, weight: 0, minimum: 6, numeric: true)]
        case .people:
            [Column(title: .name, weight: 3, minimum: 12, numeric: false), Column(title: .titles, weight: 5, minimum: 10, numeric: false),
             Column(title: .links, weight: 0, minimum: 6, numeric: true)]
        case .agreements:
            [Column(title: .title, weight: 5, minimum: 12, numeric: false), Column(title: .date, weight: 0, minimum: 14, numeric: false),
             Column(title: .place, weight: 2, minimum: 8, numeric: false), Column(title: .parties, weight: 0, minimum: 7, numeric: true),
             Column(title: .status, weight: 0, minimum: 10, numeric: false)]
        case .missions:
            [Column(title: .title, weight: 5, minimum: 12, numeric: false), Column(title: .dates, weight: 0, minimum: 14, numeric: false),
             Column(title: .destinations, weight: 2, minimum: 8, numeric: false), Column(title: .leader, weight: 2, minimum: 8, numeric: false),
             Column(title: .status, weight: 0, minimum: 10, numeric: false)]
        case .projects:
            [Column(title: .title, weight: 5, minimum: 12, numeric: false), Column(title: .status, weight: 0, minimum: 10, numeric: false),
             Column(title: .budget, weight: 0, minimum: 16, numeric: true), Column(title: .parties, weight: 0, minimum: 7, numeric: true)]
        }
    }

    private static func number(_ value: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, 12 - text.count)) + text
    }

    /// Cells hold raw values (vocabulary words, ids); views translate them for the language shown.
    private static func rows(_ section: Section, network: Network, graph: MetricsGraph, cityOf: [ID: ID]) -> [Row] {
        func degree(_ id: ID) -> Int { graph.index(of: id).map(graph.degree) ?? 0 }
        var cityNames: [ID: String] = [:]
        for index in network.entities.indices where network.entities[index].kind == .city {
            cityNames[network.entities[index].id] = network.entities[index].name
        }
        func city(_ id: ID) -> String { cityOf[id].flatMap { cityNames[$0] } ?? "" }
        func entityRow(_ entity: Entity, _ cells: [String], _ keys: [String]) -> Row {
            Row(item: .entity(entity.id), cells: cells, keys: keys, folded: TextFolding.fold(entity.name + " " + (entity.acronym ?? "")))
        }
        func recordRow(_ record: Record, _ cells: [String], _ keys: [String]) -> Row {
            Row(item: .record(record.id), cells: cells, keys: keys, folded: TextFolding.fold(record.title))
        }
        var titles: [ID: [String]] = [:]
        if section == .people {
            for relation in network.relations where relation.type == .holdsTitle {
                titles[relation.from, default: []].append([relation.title, network.entity(relation.to)?.name].compactMap { $0 }.joined(separator: " · "))
            }
        }
        let sortedName = { (a: Row, b: Row) in a.keys[0] < b.keys[0] }
        switch section {
        case .home:
            return []
        case .partners:
            return network.entities.filter { $0.kind == .organisation }.map { entity in
                let links = degree(entity.id)
                return entityRow(entity, [entity.name, entity.organisationType?.rawValue ?? "", city(entity.id), String(links)],
                                 [TextFolding.fold(entity.name), entity.organisationType?.rawValue ?? "", TextFolding.fold(city(entity.id)), number(links)])
            }.sorted(by: sortedName)
        case .clustersAndPoles:
            return network.entities.filter { $0.kind == .cluster || $0.kind == .pole }.map { entity in
                let links = degree(entity.id)
                return entityRow(entity, [entity.name, entity.kind.rawValue, entity.sector ?? "", city(entity.id), String(links)],
                                 [TextFolding.fold(entity.name), entity.kind.rawValue, TextFolding.fold(entity.sector ?? ""),
                                  TextFolding.fold(city(entity.id)), number(links)])
            }.sorted(by: sortedName)
        case .cities:
            return network.entities.filter { $0.kind == .city }.map { entity in
                let links = degree(entity.id)
                return entityRow(entity, [entity.name, entity.country ?? "", entity.region ?? "", String(links)],
                                 [TextFolding.fold(entity.name), entity.country ?? "", TextFolding.fold(entity.region ?? ""), number(links)])
            }.sorted(by: sortedName)
        case .people:
            return network.entities.filter { $0.kind == .person }.map { entity in
                let links = degree(entity.id)
                let held = (titles[entity.id] ?? []).joined(separator: "; ")
                return entityRow(entity, [entity.name, held, String(links)], [TextFolding.fold(entity.name), TextFolding.fold(held), number(links)])
            }.sorted(by: sortedName)
        case .agreements:
            return network.records.compactMap { record in
                guard let agreement = record.agreement else { return nil }
                let place = agreement.place.flatMap { network.entity($0)?.name } ?? ""
                let date = agreement.signed?.description ?? ""
                return recordRow(record, [record.title, date, place, String(record.partyIDs.count), agreement.status.rawValue],
                                 [TextFolding.fold(record.title), date, TextFolding.fold(place), number(record.partyIDs.count), agreement.status.rawValue])
            }.sorted(by: sortedName)
        case .missions:
            return network.records.compactMap { record in
                guard let mission = record.mission else { return nil }
                let destinations = mission.destinations.compactMap { network.entity($0)?.name }.joined(separator: ", ")
                let leader = record.parties(withRole: .leader).first.flatMap { network.entity($0.entity)?.name } ?? ""
                let dates = mission.start?.description ?? ""
                return recordRow(record, [record.title, dates, destinations, leader, mission.status.rawValue],
                                 [TextFolding.fold(record.title), dates, TextFolding.fold(destinations), TextFolding.fold(leader), mission.status.rawValue])
            }.sorted(by: sortedName)
        case .projects:
            return network.records.compactMap { record in
                guard let project = record.project else { return nil }
                let budget = project.budget?.description ?? ""
                return recordRow(record, [record.title, project.status.rawValue, budget, String(record.partyIDs.count)],
                                 [TextFolding.fold(record.title), project.status.rawValue, number(Int(project.budget?.minorUnits ?? 0) / 100),
                                  number(record.partyIDs.count)])
            }.sorted(by: sortedName)
        }
    }
}
