import Dispatch
import Foundation
import GrappeAnalysis
import GrappeModel
import Synchronization

/// What the dashboard shows of one network, computed once when it is loaded: the rows of every
/// section, the metrics graph, lookups and the home page's figures. Immutable, so states can share it.
public final class Catalogue: Sendable {
    /// Immutable and shared: filtering and sorting move references, not the rows' arrays.
    public final class Row: Sendable, Equatable {
        /// The entity or record the row stands for.
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

        /// The same row (rows are shared, never copied).
        public static func == (a: Row, b: Row) -> Bool { a === b }

        /// The same entity row with another link count (the last column of every entity list).
        func withLinks(_ links: Int) -> Row {
            Row(item: item, cells: cells.dropLast() + [String(links)], keys: keys.dropLast() + [Catalogue.number(links)], folded: folded)
        }
    }

    /// A list column: its title, its share of the width (or a fixed minimum), whether it holds numbers.
    public struct Column: Sendable {
        /// The column's title.
        public let title: UI
        /// Share of the list's width; 0 for a fixed `minimum`.
        public let weight: Int
        /// Its width when fixed, and its narrowest otherwise.
        public let minimum: Int
        /// Whether it holds numbers (right-aligned; sorted largest first).
        public let numeric: Bool
    }

    /// The network shown: the seeds with the store's records laid over them.
    public let network: Network
    /// Its metrics graph, at `moment`: link counts, Home's figures, paths and maps count what held
    /// then (lists and cards show everything, a mission planned for next year too).
    public let graph: MetricsGraph
    /// The day counts are taken at (today, or the day `:asof` asked for); nil counts everything.
    public let moment: Moment?
    /// How many warnings loading the seeds gave.
    public let warnings: Int
    /// Tells this catalogue from every other made in this process (caches are keyed by it: an object's
    /// address can be reused once it is freed).
    public let serial: UInt64
    /// Each node's entity kind.
    let kinds: [EntityKind]
    /// Home's figures (waited for if they are still being computed).
    public var home: HomeFigures { homeFigures.value }
    /// Home's figures: computed with the catalogue on a small network; on a large one, started on
    /// another thread as the catalogue is made, so that the first frame does not wait for them.
    let homeFigures: Prepared<HomeFigures>
    /// Entities and records per kind, for the header.
    public let counts: (byEntityKind: [EntityKind: Int], byRecordKind: [RecordKind: Int])

    /// Finding entities and records by name; built the first time it is needed (or in the background
    /// after the first frame): the home page does not need it.
    public var lookup: Lookup { indexes.value.lookup }
    /// Shortest connections between partners, with what links each hop.
    public var connections: Connections { indexes.value.connections }

    /// What cards, lists and finding need but the first frame does not.
    struct Indexes: Sendable {
        let lookup: Lookup
        let connections: Connections
        /// For each node of `graph`: its relations' indices `relations[relationOffsets[v]..<relationOffsets[v + 1]]`,
        /// and the records that name it.
        let relationOffsets: [Int32]
        let relations: [Int32]
        let recordsByNode: [[Int32]]
    }

    private static let made = Mutex<UInt64>(0)
    static func nextSerial() -> UInt64 {
        made.withLock {
            $0 += 1; return $0
        }
    }

    let indexes: Prepared<Indexes>
    let cities: Prepared<[ID: ID]>

    /// Each section's rows, built the first time the section is shown: a start-up draws the home page
    /// without building lists nobody has opened yet. One cell per section, so that a section someone
    /// opens is not kept waiting behind another one being built in the background.
    let rowsBySection: [Section: Prepared<SectionRows>]

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

    /// The network's catalogue, its counts taken at `moment`; its lists and indexes are built on first use.
    public init(network: Network, warnings: Int = 0, at moment: Moment? = nil) {
        self.network = network
        self.warnings = warnings
        self.moment = moment
        serial = Self.nextSerial()
        let graph = MetricsGraph(network: network, at: moment)
        self.graph = graph
        counts = network.counts
        var kinds = [EntityKind](repeating: .organisation, count: graph.nodeCount)
        if graph.nodeOfEntity.count == network.entities.count {
            for (index, entity) in network.entities.enumerated() { kinds[Int(graph.nodeOfEntity[index])] = entity.kind }
        } else {
            for entity in network.entities { if let node = graph.index(of: entity.id) { kinds[node] = entity.kind } }
        }
        self.kinds = kinds
        homeFigures = Self.homeFigures(network: network, graph: graph, kinds: kinds, moment: moment)
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

    /// Home's figures: at once on a small network; on a large one, on another thread from now on.
    static func homeFigures(network: Network, graph: MetricsGraph, kinds: [EntityKind], moment: Moment?) -> Prepared<HomeFigures> {
        guard isLarge(network) else {
            return Prepared(ready: HomeFigures(network: network, graph: graph, kinds: kinds, moment: moment))
        }
        let figures = Prepared { HomeFigures(network: network, graph: graph, kinds: kinds, moment: moment) }
        figures.leaveToBackground()
        DispatchQueue.global(qos: .userInitiated).async { _ = figures.value }
        return figures
    }

    /// Each section's rows, to be built on first use.
    static func preparedRows(network: Network, graph: MetricsGraph, cities: Prepared<[ID: ID]>) -> [Section: Prepared<SectionRows>] {
        var rowsBySection: [Section: Prepared<SectionRows>] = [:]
        for section in Section.allCases {
            rowsBySection[section] = Prepared {
                SectionRows(Self.rows(section, network: network, graph: graph, cityOf: section == .home ? [:] : cities.value))
            }
        }
        return rowsBySection
    }

    init(
        network: Network, graph: MetricsGraph, moment: Moment?, warnings: Int, kinds: [EntityKind],
        counts: (byEntityKind: [EntityKind: Int], byRecordKind: [RecordKind: Int]), indexes: Prepared<Indexes>,
        cities: Prepared<[ID: ID]>, rowsBySection: [Section: Prepared<SectionRows>]
    ) {
        self.network = network
        self.graph = graph
        self.moment = moment
        self.warnings = warnings
        serial = Self.nextSerial()
        self.kinds = kinds
        self.counts = counts
        homeFigures = Self.homeFigures(network: network, graph: graph, kinds: kinds, moment: moment)
        self.indexes = indexes
        self.cities = cities
        self.rowsBySection = rowsBySection
    }

    static func indexes(network: Network, graph: MetricsGraph) -> Indexes {
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
        return Indexes(
            lookup: Lookup(network), connections: Connections(network, graph: graph),
            relationOffsets: offsets, relations: byNode, recordsByNode: recordsByNode(network, graph: graph))
    }

    /// Whether a network is large enough (100,000 entities and records: about a quarter of a second
    /// to build a list) that what the background builds is shown as being built rather than waited for.
    static func isLarge(_ network: Network) -> Bool { network.entities.count + network.records.count >= 100_000 }

    /// Builds what lists and cards need on two other threads (section lists; cards and finding), so that
    /// it is ready by the time someone opens a section. A section opened sooner shows as being built on
    /// a large network (and comes as soon as it is there), and is waited for on a small one.
    public func prepareRowsInBackground() {
        // On a network of national size a list takes seconds to build: a key shows it as being built
        // instead of waiting. A smaller one is built when asked, as a script's next key expects.
        if Self.isLarge(network) {
            for section in Section.allCases where section != .home { rowsBySection[section]!.leaveToBackground() }
        }
        DispatchQueue.global(qos: .utility).async { [self] in
            for section in Section.allCases where section != .home { _ = rows(section) }
        }
        DispatchQueue.global(qos: .utility).async { [self] in _ = indexes.value }
    }

    /// A section's rows, built once (in the background after the first frame).
    public func rows(_ section: Section) -> [Row] { rowsBySection[section]!.value.rows }

    /// The section's folded names, in the order of `rows(section)`.
    func names(_ section: Section) -> PackedText { rowsBySection[section]!.value.names }

    /// A section's rows and names when they are built; nil while the background is still building
    /// them (the section asked for is then built at once, beside whatever else is under way), so
    /// that a key never waits for a list of a million rows. Built now when nothing builds them.
    func rowsWhenReady(_ section: Section) -> SectionRows? { rowsBySection[section]!.whenReady }

    /// Whether a section's rows are built.
    public func hasRows(_ section: Section) -> Bool { rowsBySection[section]!.ready != nil }

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
}
