import Dispatch
import Foundation
import Synchronization
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

        /// The same entity row with another link count (the last column of every entity list).
        func withLinks(_ links: Int) -> Row {
            Row(item: item, cells: cells.dropLast() + [String(links)], keys: keys.dropLast() + [Catalogue.number(links)], folded: folded)
        }
    }

    /// A list column: its title, its share of the width (or a fixed minimum), whether it holds numbers.
    public struct Column: Sendable {
        public let title: UI
        /// Share of the list's width; 0 for a fixed `minimum`.
        public let weight: Int
        public let minimum: Int
        public let numeric: Bool
    }

    public let network: Network
    public let graph: MetricsGraph
    public let warnings: Int
    /// Tells this catalogue from every other made in this process (caches are keyed by it: an object's
    /// address can be reused once it is freed).
    public let serial: UInt64
    /// Each node's entity kind.
    private let kinds: [EntityKind]
    public let home: HomeFigures
    /// Entities and records per kind, for the header.
    public let counts: (byEntityKind: [EntityKind: Int], byRecordKind: [RecordKind: Int])

    /// Finding entities and records by name; built the first time it is needed (or in the background
    /// after the first frame): the home page does not need it.
    public var lookup: Lookup { indexes.value.lookup }
    public var connections: Connections { indexes.value.connections }

    /// What cards, lists and finding need but the first frame does not.
    private struct Indexes: Sendable {
        let lookup: Lookup
        let connections: Connections
        /// For each node of `graph`: its relations' indices `relations[relationOffsets[v]..<relationOffsets[v + 1]]`,
        /// and the records that name it.
        let relationOffsets: [Int32]
        let relations: [Int32]
        let recordsByNode: [[Int32]]
    }

    private static let made = Mutex<UInt64>(0)
    private static func nextSerial() -> UInt64 { made.withLock { $0 += 1; return $0 } }

    private let indexes: Prepared<Indexes>
    private let cities: Prepared<[ID: ID]>

    /// Each section's rows, built the first time the section is shown: a start-up draws the home page
    /// without building lists nobody has opened yet. One cell per section, so that a section someone
    /// opens is not kept waiting behind another one being built in the background.
    private let rowsBySection: [Section: Prepared<SectionRows>]

    /// A section's rows, and their folded names end to end in one buffer: filtering reads them in
    /// order instead of following a pointer per row.
    struct SectionRows: Sendable {
        let rows: [Row]
        let names: PackedText

        init(_ rows: [Row]) {
            self.rows = rows
            names = PackedText(rows.map(\.foldedBytes))
        }

        /// Rows whose names are `names`, in the same order.
        init(_ rows: [Row], names: PackedText) {
            self.rows = rows
            self.names = names
        }
    }

    /// The network's catalogue; its lists and indexes are built on first use.
    public init(network: Network, warnings: Int = 0) {
        self.network = network
        self.warnings = warnings
        serial = Self.nextSerial()
        let graph = MetricsGraph(network: network)
        self.graph = graph
        counts = network.counts
        var kinds = [EntityKind](repeating: .organisation, count: graph.nodeCount)
        if graph.nodeOfEntity.count == network.entities.count {
            for (index, entity) in network.entities.enumerated() { kinds[Int(graph.nodeOfEntity[index])] = entity.kind }
        } else {
            for entity in network.entities { if let node = graph.index(of: entity.id) { kinds[node] = entity.kind } }
        }
        self.kinds = kinds
        home = HomeFigures(network: network, graph: graph, kinds: kinds)
        indexes = Prepared { Self.indexes(network: network, graph: graph) }
        let cities = Prepared {
            var cityOf: [ID: ID] = [:]
            for relation in network.relations where relation.type == .basedIn && cityOf[relation.from] == nil {
                cityOf[relation.from] = relation.to
            }
            return cityOf
        }
        self.cities = cities
        rowsBySection = Self.preparedRows(network: network, graph: graph, cities: cities)
    }

    /// Each section's rows, to be built on first use.
    private static func preparedRows(network: Network, graph: MetricsGraph, cities: Prepared<[ID: ID]>) -> [Section: Prepared<SectionRows>] {
        var rowsBySection: [Section: Prepared<SectionRows>] = [:]
        for section in Section.allCases {
            rowsBySection[section] = Prepared {
                SectionRows(Self.rows(section, network: network, graph: graph, cityOf: section == .home ? [:] : cities.value))
            }
        }
        return rowsBySection
    }

    private init(network: Network, graph: MetricsGraph, warnings: Int, kinds: [EntityKind],
                 counts: (byEntityKind: [EntityKind: Int], byRecordKind: [RecordKind: Int]), indexes: Prepared<Indexes>,
                 cities: Prepared<[ID: ID]>, rowsBySection: [Section: Prepared<SectionRows>]) {
        self.network = network
        self.graph = graph
        self.warnings = warnings
        serial = Self.nextSerial()
        self.kinds = kinds
        self.counts = counts
        home = HomeFigures(network: network, graph: graph, kinds: kinds)
        self.indexes = indexes
        self.cities = cities
        self.rowsBySection = rowsBySection
    }

    /// The catalogue of `network` when it differs from this one's only in the records `changed`
    /// (recorded, edited, cancelled or taken out: a save, an undo, someone else's change), made from
    /// this one rather than built again: the graph's rows of the records' parties, their link counts,
    /// the records' list rows and their entries in the index are replaced, everything else is shared
    /// or copied. Nil when the entities differ (a new partner), which needs a catalogue built anew.
    public func updating(to network: Network, changed: Set<ID>, warnings: Int) -> Catalogue? {
        let old = self.network
        guard network.entities.count == old.entities.count, network.relations.count == old.relations.count,
              Self.sameElements(network.entities, old.entities) else { return nil }
        if changed.isEmpty, warnings == self.warnings { return self }
        let indexes = self.indexes.value
        let (rows, recordsByNode) = mendedLinks(changed: changed, old: old, new: network, indexes: indexes)
        let graph = self.graph.replacingRows(rows)
        let lookup = indexes.lookup.updating(records: changed, from: old, to: network)
        let updatedIndexes = Indexes(lookup: lookup, connections: Connections(network, graph: graph), relationOffsets: indexes.relationOffsets,
                                     relations: indexes.relations, recordsByNode: recordsByNode)
        var recordCounts: [RecordKind: Int] = [:]
        for index in network.records.indices { recordCounts[network.records[index].kind, default: 0] += 1 }
        let rowsBySection = mendedSections(changed: changed, relinked: rows.keys.filter { graph.degree($0) != self.graph.degree($0) },
                                           network: network, graph: graph)
        return Catalogue(network: network, graph: graph, warnings: warnings, kinds: kinds,
                         counts: (counts.byEntityKind, recordCounts), indexes: Prepared(ready: updatedIndexes), cities: cities,
                         rowsBySection: rowsBySection)
    }

    /// Each section's rows once records changed: the lists already built are mended (new link counts
    /// for the parties `relinked`, the records' rows taken out and put back in their places by name);
    /// the others are built from the new network when first shown.
    private func mendedSections(changed: Set<ID>, relinked: [Int], network: Network, graph: MetricsGraph) -> [Section: Prepared<SectionRows>] {
        var rowsBySection = Self.preparedRows(network: network, graph: graph, cities: cities)
        for section in Section.allCases {
            guard section != .home, let built = self.rowsBySection[section]!.ready else { continue }
            let mended: SectionRows
            switch section {
            case .home: continue
            case .partners, .clustersAndPoles, .cities, .people:
                guard !relinked.isEmpty else { mended = built; break }
                let links = Dictionary(uniqueKeysWithValues: relinked.map { (graph.ids[$0], graph.degree($0)) })
                mended = SectionRows(built.rows.map { row in links[row.item.id].map(row.withLinks) ?? row }, names: built.names)
            case .agreements, .missions, .projects:
                let builder = RowBuilder(section, network: network, graph: graph, cityOf: [:])
                var kept = built.rows.filter { !changed.contains($0.item.id) }
                let position = { (row: Row) in network.recordPosition(row.item.id) ?? Int.max }
                for id in changed.sorted() {
                    guard let record = network.record(id), let row = builder.recordRow(record) else { continue }
                    let (name, at) = (row.keys[0], position(row))
                    var low = 0, high = kept.count
                    while low < high {
                        let middle = (low + high) / 2
                        let other = kept[middle].keys[0]
                        if other < name || (other == name && position(kept[middle]) < at) { low = middle + 1 } else { high = middle }
                    }
                    kept.insert(row, at: low)
                }
                mended = SectionRows(kept)
            }
            rowsBySection[section] = Prepared(ready: mended)
        }
        return rowsBySection
    }

    /// The graph rows a change of records rewrites (a link it made, or one it may undo, which stays
    /// while a relation or another record still joins the pair), and the records of each node after it.
    private func mendedLinks(changed: Set<ID>, old: Network, new network: Network, indexes: Indexes) -> (rows: [Int: [Int32]], recordsByNode: [[Int32]]) {
        // The records' parties and places, before and after; the pairs of parties they link.
        var touched = Set<Int>()
        var pairsBefore = Set<NodePair>(), pairsAfter = Set<NodePair>()
        for id in changed {
            for (record, isNew) in [(old.record(id), false), (network.record(id), true)] {
                guard let record else { continue }
                let parties = record.memberIDs.compactMap(graph.index(of:))
                for place in record.places { if let node = graph.index(of: place) { touched.insert(node) } }
                touched.formUnion(parties)
                for i in parties.indices {
                    for j in parties.indices where j > i && parties[i] != parties[j] {
                        if isNew { pairsAfter.insert(NodePair(parties[i], parties[j])) } else { pairsBefore.insert(NodePair(parties[i], parties[j])) }
                    }
                }
            }
        }
        let recordsByNode = Self.recordsByNode(indexes.recordsByNode, changed: changed, touched: touched, old: old, new: network, graph: graph)
        // Links the change makes, and those it may undo: a pair stays linked while a relation or
        // another record still joins it.
        let ends = graph.relationEnds
        func stillLinked(_ pair: NodePair) -> Bool {
            for relation in indexes.relations[Int(indexes.relationOffsets[pair.a])..<Int(indexes.relationOffsets[pair.a + 1])] {
                let x = Int(ends[2 * Int(relation)]), y = Int(ends[2 * Int(relation) + 1])
                if (x == pair.a && y == pair.b) || (x == pair.b && y == pair.a) { return true }
            }
            // Records naming both, in both sorted lists; then whether both are parties of it.
            let (left, right) = (recordsByNode[pair.a], recordsByNode[pair.b])
            var (i, j) = (0, 0)
            while i < left.count, j < right.count {
                if left[i] < right[j] { i += 1 } else if left[i] > right[j] { j += 1 } else {
                    let parties = network.records[Int(left[i])].memberIDs.compactMap(self.graph.index(of:))
                    if parties.contains(pair.a), parties.contains(pair.b) { return true }
                    i += 1
                    j += 1
                }
            }
            return false
        }
        var added: [Int: Set<Int32>] = [:], removed: [Int: Set<Int32>] = [:]
        for pair in pairsAfter.subtracting(pairsBefore) where !self.graph.hasEdge(pair.a, pair.b) {
            added[pair.a, default: []].insert(Int32(pair.b))
            added[pair.b, default: []].insert(Int32(pair.a))
        }
        for pair in pairsBefore.subtracting(pairsAfter) where self.graph.hasEdge(pair.a, pair.b) && !stillLinked(pair) {
            removed[pair.a, default: []].insert(Int32(pair.b))
            removed[pair.b, default: []].insert(Int32(pair.a))
        }
        var rows: [Int: [Int32]] = [:]
        for node in Set(added.keys).union(removed.keys) {
            let gone = removed[node] ?? []
            rows[node] = (self.graph.neighbours(of: node).filter { !gone.contains($0) } + (added[node] ?? [])).sorted()
        }
        return (rows, recordsByNode)
    }

    /// Two nodes, the smaller first.
    private struct NodePair: Hashable {
        let a: Int, b: Int
        init(_ x: Int, _ y: Int) { (a, b) = x < y ? (x, y) : (y, x) }
    }

    /// Whether two arrays hold the same elements: at once when they share their storage (a network
    /// whose records alone changed keeps its entities' array), else element by element.
    private static func sameElements<T: Equatable>(_ a: [T], _ b: [T]) -> Bool {
        let shared = a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress && x.count == y.count } }
        return shared || a == b
    }

    /// The records of each node after some records changed: mended for the nodes they touch when
    /// every record kept its place; made again when one was taken out (the places after it moved).
    private static func recordsByNode(_ before: [[Int32]], changed: Set<ID>, touched: Set<Int>, old: Network, new: Network,
                                      graph: MetricsGraph) -> [[Int32]] {
        guard new.records.count >= old.records.count, changed.allSatisfy({ new.record($0) != nil }) else {
            return recordsByNode(new, graph: graph)
        }
        var result = before
        let positions = Set(changed.compactMap { new.recordPosition($0) }.map(Int32.init))
        for node in touched { result[node].removeAll { positions.contains($0) } }
        for position in positions.sorted() {
            let record = new.records[Int(position)]
            for id in Set(record.memberIDs + record.places) {
                guard let node = graph.index(of: id) else { continue }
                let at = result[node].firstIndex { $0 > position } ?? result[node].endIndex
                result[node].insert(position, at: at)
            }
        }
        return result
    }

    private static func recordsByNode(_ network: Network, graph: MetricsGraph) -> [[Int32]] {
        var recordsByNode = [[Int32]](repeating: [], count: graph.nodeCount)
        for (index, record) in network.records.enumerated() {
            for id in Set(record.memberIDs + record.places) { if let node = graph.index(of: id) { recordsByNode[node].append(Int32(index)) } }
        }
        return recordsByNode
    }

    private static func indexes(network: Network, graph: MetricsGraph) -> Indexes {
        let ends = graph.relationEnds
        var count = [Int32](repeating: 0, count: graph.nodeCount + 1)
        for relation in network.relations.indices {
            let a = ends[2 * relation], b = ends[2 * relation + 1]
            if a >= 0 { count[Int(a)] += 1 }
            if b >= 0, b != a { count[Int(b)] += 1 }
        }
        var offsets = [Int32](repeating: 0, count: graph.nodeCount + 1)
        for node in 0..<graph.nodeCount { offsets[node + 1] = offsets[node] + count[node] }
        var fill = offsets
        var byNode = [Int32](repeating: 0, count: Int(offsets[graph.nodeCount]))
        for relation in network.relations.indices {
            let a = ends[2 * relation], b = ends[2 * relation + 1]
            if a >= 0 { byNode[Int(fill[Int(a)])] = Int32(relation); fill[Int(a)] += 1 }
            if b >= 0, b != a { byNode[Int(fill[Int(b)])] = Int32(relation); fill[Int(b)] += 1 }
        }
        return Indexes(lookup: Lookup(network), connections: Connections(network, graph: graph),
                       relationOffsets: offsets, relations: byNode, recordsByNode: recordsByNode(network, graph: graph))
    }

    /// Builds what lists and cards need on two other threads (section lists; cards and finding), so that
    /// it is ready by the time someone opens a section; a section opened sooner waits for it as it would
    /// have anyway.
    public func prepareRowsInBackground() {
        DispatchQueue.global(qos: .utility).async { [self] in
            for section in Section.allCases where section != .home { _ = rows(section) }
        }
        DispatchQueue.global(qos: .utility).async { [self] in _ = indexes.value }
    }

    /// A section's rows, built once (in the background after the first frame).
    public func rows(_ section: Section) -> [Row] { rowsBySection[section]!.value.rows }

    /// The section's folded names, in the order of `rows(section)`.
    func names(_ section: Section) -> PackedText { rowsBySection[section]!.value.names }

    /// The relations of an entity, through the catalogue's index.
    public func relations(of id: ID) -> [Relation] {
        guard let node = graph.index(of: id) else { return [] }
        let indexes = indexes.value
        return indexes.relations[Int(indexes.relationOffsets[node])..<Int(indexes.relationOffsets[node + 1])].map { network.relations[Int($0)] }
    }

    /// The records an entity takes part in, through the catalogue's index.
    public func records(of id: ID) -> [Record] {
        graph.index(of: id).map { indexes.value.recordsByNode[$0].map { network.records[Int($0)] } } ?? []
    }

    /// What to call an id on screen: the entity's name, the record's title, else the id.
    public func name(_ id: ID) -> String { network.entityName(id) ?? network.record(id)?.title ?? id }

    /// The columns of a section's list.
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

    fileprivate static func number(_ value: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, 12 - text.count)) + text
    }

    /// Cells hold raw values (vocabulary words, ids); views translate them for the language shown.
    private static func rows(_ section: Section, network: Network, graph: MetricsGraph, cityOf: [ID: ID]) -> [Row] {
        let builder = RowBuilder(section, network: network, graph: graph, cityOf: cityOf)
        switch section {
        case .home: return []
        case .partners, .clustersAndPoles, .cities, .people: return builder.entityRows().sortedByName()
        case .agreements, .missions, .projects: return builder.recordRows().sortedByName()
        }
    }

    /// What a section's rows need besides the network: link counts, each entity's city, people's titles.
    private struct RowBuilder {
        let section: Section
        let network: Network
        let graph: MetricsGraph
        let cityOf: [ID: ID]
        let cityNames: [ID: String]
        let titles: [ID: [String]]

        init(_ section: Section, network: Network, graph: MetricsGraph, cityOf: [ID: ID]) {
            self.section = section
            self.network = network
            self.graph = graph
            self.cityOf = cityOf
            var cityNames: [ID: String] = [:]
            if [.partners, .clustersAndPoles].contains(section) {
                for entity in network.entities where entity.kind == .city { cityNames[entity.id] = entity.name }
            }
            self.cityNames = cityNames
            var titles: [ID: [String]] = [:]
            if section == .people {
                for relation in network.relations where relation.type == .holdsTitle {
                    titles[relation.from, default: []].append([relation.title, network.entityName(relation.to)].compactMap { $0 }.joined(separator: " · "))
                }
            }
            self.titles = titles
        }

        func degree(_ id: ID) -> Int { graph.index(of: id).map(graph.degree) ?? 0 }
        func city(_ id: ID) -> String { cityOf[id].flatMap { cityNames[$0] } ?? "" }

        func entityRows() -> [Row] {
            let kinds: Set<EntityKind> = switch section {
            case .partners: [.organisation]
            case .clustersAndPoles: [.cluster, .pole]
            case .cities: [.city]
            case .people: [.person]
            case .home, .agreements, .missions, .projects: []
            }
            return network.entities.filter { kinds.contains($0.kind) }.map(entityRow)
        }

        /// A row's cells as shown, and its sort keys (folded text, zero-padded numbers).
        func entityRow(_ entity: Entity) -> Row {
            let links = degree(entity.id)
            let name = TextFolding.fold(entity.name)
            let (cells, keys): ([String], [String]) = switch section {
            case .clustersAndPoles:
                ([entity.name, entity.kind.rawValue, entity.sector ?? "", city(entity.id), String(links)],
                 [name, entity.kind.rawValue, TextFolding.fold(entity.sector ?? ""), TextFolding.fold(city(entity.id)), number(links)])
            case .cities:
                ([entity.name, entity.country ?? "", entity.region ?? "", String(links)],
                 [name, entity.country ?? "", TextFolding.fold(entity.region ?? ""), number(links)])
            case .people:
                ([entity.name, (titles[entity.id] ?? []).joined(separator: "; "), String(links)],
                 [name, TextFolding.fold((titles[entity.id] ?? []).joined(separator: "; ")), number(links)])
            case .home, .partners, .agreements, .missions, .projects:
                ([entity.name, entity.organisationType?.rawValue ?? "", city(entity.id), String(links)],
                 [name, entity.organisationType?.rawValue ?? "", TextFolding.fold(city(entity.id)), number(links)])
            }
            // keys[0] is the folded name; folding works letter by letter, so the acronym is folded alone.
            return Row(item: .entity(entity.id), cells: cells, keys: keys, folded: name + " " + (entity.acronym.map(TextFolding.fold) ?? ""))
        }

        func recordRows() -> [Row] { network.records.compactMap(recordRow) }

        /// A record's row in this section's list; nil for a record of another kind.
        func recordRow(_ record: Record) -> Row? {
            recordCells(record).map { Row(item: .record(record.id), cells: $0.cells, keys: $0.keys, folded: TextFolding.fold(record.title)) }
        }

        /// The cells and sort keys of a record of this section's kind; nil for other records.
        func recordCells(_ record: Record) -> (cells: [String], keys: [String])? {
            let title = TextFolding.fold(record.title)
            switch (section, record.body) {
            case (.agreements, .agreement(let agreement)):
                let place = agreement.place.flatMap { network.entityName($0) } ?? ""
                let date = agreement.signed?.description ?? ""
                return ([record.title, date, place, String(record.partyIDs.count), agreement.status.rawValue],
                        [title, date, TextFolding.fold(place), number(record.partyIDs.count), agreement.status.rawValue])
            case (.missions, .mission(let mission)):
                let destinations = mission.destinations.compactMap { network.entityName($0) }.joined(separator: ", ")
                let leader = record.parties(withRole: .leader).first.flatMap { network.entityName($0.entity) } ?? ""
                let dates = mission.start?.description ?? ""
                return ([record.title, dates, destinations, leader, mission.status.rawValue],
                        [title, dates, TextFolding.fold(destinations), TextFolding.fold(leader), mission.status.rawValue])
            case (.projects, .project(let project)):
                return ([record.title, project.status.rawValue, project.budget?.description ?? "", String(record.partyIDs.count)],
                        [title, project.status.rawValue, number(Int(project.budget?.wholeUnits ?? 0)), number(record.partyIDs.count)])
            default:
                return nil
            }
        }
    }
}

/// A value computed once, on first use, by whichever thread asks first; the others wait for it.
final class Prepared<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var computed: Value?
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    /// A value already there.
    init(ready value: Value) {
        computed = value
        make = { value }
    }

    /// The value when it has been computed, else nil (without computing it).
    var ready: Value? { lock.withLock { computed } }

    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let computed { return computed }
        let value = make()
        computed = value
        return value
    }
}

extension [Catalogue.Row] {
    /// Sorted by folded name (stable): the names are gathered first, so that comparing does not go
    /// through each row object.
    fileprivate func sortedByName() -> [Catalogue.Row] {
        let names = map { $0.keys[0] }
        return indices.sorted { names[$0] < names[$1] || (names[$0] == names[$1] && $0 < $1) }.map { self[$0] }
    }
}
