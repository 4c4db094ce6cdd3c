import Dispatch
import Foundation
import GrappeAnalysis
import GrappeModel

/// A catalogue made from the one before when only records changed (a save, an undo, a teammate's
/// change): what they touch is mended, the rest shared.
extension Catalogue {
    /// The catalogue of `network` when it differs from this one's only in the records `changed`
    /// (recorded, edited, cancelled or taken out: a save, an undo, someone else's change), made from
    /// this one rather than built again: the graph's rows of the records' parties, their link counts,
    /// the records' list rows and their entries in the index are replaced, everything else is shared
    /// or copied. Nil when the entities differ (a new partner), which needs a catalogue built anew.
    public func updating(to network: Network, changed: Set<ID>, warnings: Int) -> Catalogue? {
        let old = self.network
        guard network.entities.count == old.entities.count, network.relations.count == old.relations.count,
            Self.sameElements(network.entities, old.entities)
        else { return nil }
        if changed.isEmpty, warnings == self.warnings { return self }
        guard !changesWhoWasThere(changed, old: old, new: network) else { return nil }
        let indexes = self.indexes.value
        let (rows, recordsByNode) = mendedLinks(changed: changed, old: old, new: network, indexes: indexes)
        let graph = self.graph.replacingRows(rows)
        let lookup = indexes.lookup.updating(records: changed, from: old, to: network)
        let updatedIndexes = Indexes(
            lookup: lookup, connections: Connections(network, graph: graph), relationOffsets: indexes.relationOffsets,
            relations: indexes.relations, recordsByNode: recordsByNode)
        var recordCounts: [RecordKind: Int] = [:]
        for index in network.records.indices { recordCounts[network.records[index].kind, default: 0] += 1 }
        let rowsBySection = mendedSections(
            changed: changed, relinked: rows.keys.filter { graph.degree($0) != self.graph.degree($0) },
            network: network, graph: graph)
        return Catalogue(
            network: network, graph: graph, moment: moment, warnings: warnings, kinds: kinds,
            counts: (counts.byEntityKind, recordCounts), indexes: Prepared(ready: updatedIndexes), cities: cities,
            rowsBySection: rowsBySection)
    }

    /// Whether the records `changed` change which partners were there at the catalogue's moment (a
    /// partner met on a mission comes in with it: see `Moment`), which the graph's nodes cannot mend.
    func changesWhoWasThere(_ changed: Set<ID>, old: Network, new network: Network) -> Bool {
        guard let moment else { return false }
        let meets = changed.contains { id in
            [old.record(id), network.record(id)].contains { $0?.mission?.outcomes.contains { $0.partner != nil } ?? false }
        }
        return meets && old.absent(at: moment) != network.absent(at: moment)
    }

    /// Each section's rows once records changed: the lists already built are mended (new link counts
    /// for the parties `relinked`, the records' rows taken out and put back in their places by name);
    /// the others are built from the new network when first shown.
    func mendedSections(changed: Set<ID>, relinked: [Int], network: Network, graph: MetricsGraph) -> [Section: Prepared<SectionRows>] {
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
    func mendedLinks(changed: Set<ID>, old: Network, new network: Network, indexes: Indexes) -> (rows: [Int: [Int32]], recordsByNode: [[Int32]]) {
        // The records' parties and places, before and after; the pairs of parties they link.
        var touched = Set<Int>()
        var pairsBefore = Set<NodePair>(), pairsAfter = Set<NodePair>()
        for id in changed {
            for (record, isNew) in [(old.record(id), false), (network.record(id), true)] {
                guard let record else { continue }
                let members = record.memberIDs.compactMap(graph.index(of:))
                for place in record.places { if let node = graph.index(of: place) { touched.insert(node) } }
                touched.formUnion(members)
                // A record that had not begun at the catalogue's moment links nobody yet.
                let parties = moment?.holds(record) ?? true ? members : []
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
        func stillLinked(_ pair: NodePair) -> Bool { isLinked(pair, network: network, indexes: indexes, recordsByNode: recordsByNode) }
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

    /// Whether a relation that held at the catalogue's moment, or a record (other than those being
    /// mended) that had begun, still joins the two nodes of `pair`.
    func isLinked(_ pair: NodePair, network: Network, indexes: Indexes, recordsByNode: [[Int32]]) -> Bool {
        let ends = graph.relationEnds
        for relation in indexes.relations[Int(indexes.relationOffsets[pair.a])..<Int(indexes.relationOffsets[pair.a + 1])] {
            let x = Int(ends[2 * Int(relation)]), y = Int(ends[2 * Int(relation) + 1])
            guard (x == pair.a && y == pair.b) || (x == pair.b && y == pair.a) else { continue }
            if moment?.holds(network.relations[Int(relation)]) ?? true { return true }
        }
        // Records naming both, in both sorted lists; then whether both are parties of it.
        let (left, right) = (recordsByNode[pair.a], recordsByNode[pair.b])
        var (i, j) = (0, 0)
        while i < left.count, j < right.count {
            if left[i] < right[j] {
                i += 1
            } else if left[i] > right[j] {
                j += 1
            } else {
                let record = network.records[Int(left[i])]
                let parties = moment?.holds(record) ?? true ? record.memberIDs.compactMap(self.graph.index(of:)) : []
                if parties.contains(pair.a), parties.contains(pair.b) { return true }
                i += 1
                j += 1
            }
        }
        return false
    }

    /// Two nodes, the smaller first.
    struct NodePair: Hashable {
        let a: Int, b: Int
        init(_ x: Int, _ y: Int) { (a, b) = x < y ? (x, y) : (y, x) }
    }

    /// Whether two arrays hold the same elements: at once when they share their storage (a network
    /// whose records alone changed keeps its entities' array), else element by element.
    static func sameElements<T: Equatable>(_ a: [T], _ b: [T]) -> Bool {
        let shared = a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress && x.count == y.count } }
        return shared || a == b
    }

    /// The records of each node after some records changed: mended for the nodes they touch when
    /// every record kept its place; made again when one was taken out (the places after it moved).
    static func recordsByNode(
        _ before: [[Int32]], changed: Set<ID>, touched: Set<Int>, old: Network, new: Network,
        graph: MetricsGraph
    ) -> [[Int32]] {
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

    static func recordsByNode(_ network: Network, graph: MetricsGraph) -> [[Int32]] {
        var recordsByNode = [[Int32]](repeating: [], count: graph.nodeCount)
        for (index, record) in network.records.enumerated() {
            for id in Set(record.memberIDs + record.places) { if let node = graph.index(of: id) { recordsByNode[node].append(Int32(index)) } }
        }
        return recordsByNode
    }
}
