import Foundation
import GrappeModel

/// The one text index of a network: finds entities and records by id or name, ignoring case and
/// accents (`technomontreal`, `ville de laval`, `Pôle` all find what a person means). It answers the
/// command line's and the palette's names, the path prompt, the form's completion and the
/// validator's exact names; `Fuzzy` scores the same folded text for the list filter.
public struct Lookup: Sendable {
    /// An entity or a record, by id.
    public enum Item: Hashable, Sendable {
        case entity(ID)
        case record(ID)

        /// The entity's or record's id.
        public var id: ID {
            switch self {
            case .entity(let id), .record(let id): id
            }
        }
    }

    /// What a query found: one item, several (to choose from), or none (with a suggestion).
    public enum Match: Equatable, Sendable {
        case one(Item)
        case several([Item])
        case none(suggestion: Item?)
    }

    private struct Entry: Sendable {
        let item: Item
        let keys: [String]
        /// What search shows and scores: the original texts (keys, then the summary), and their
        /// folded bytes.
        let texts: [String]
        let folded: [[UInt8]]
    }

    /// A search result: the item, the text that matched (as written), and its score (lower is better).
    public struct Hit: Sendable, Equatable {
        /// What was found.
        public let item: Item
        /// The text that matched, as written (a name, an alias, a title).
        public let matched: String
        /// How well it matched: lower is better.
        public let score: Int
    }

    /// The entities' entries, then the records': two arrays, so that a change of records leaves the
    /// entities' (a hundred thousand of them) shared rather than copied.
    private struct Entries: RandomAccessCollection {
        var entities: [Entry]
        var records: [Entry]
        var startIndex: Int { 0 }
        var endIndex: Int { entities.count + records.count }
        subscript(index: Int) -> Entry { index < entities.count ? entities[index] : records[index - entities.count] }
    }

    private let entries: Entries
    /// Each entry's place in the order of folded names (then index): search sorts numbers, not strings.
    private let nameRank: [UInt32]
    /// The entry at each place of that order.
    private let byRank: [Int32]
    /// Folded names, acronyms and aliases of entities (not ids), to the entries that carry them.
    private let byName: [String: [Int]]

    private static func entry(_ item: Item, _ keys: [String], summary: String?) -> Entry {
        let folded = keys.map(TextFolding.fold)
        let texts = keys + [summary].compactMap { $0 }
        return Entry(
            item: item, keys: folded, texts: texts, folded: (folded + [summary.map(TextFolding.fold)].compactMap { $0 }).map { Array($0.utf8) })
    }

    private static func entry(_ record: Record) -> Entry {
        entry(.record(record.id), [record.id, record.title], summary: record.summary)
    }

    /// Whether entry `a` comes before entry `b` in the order of folded names (then of index).
    private static func precedes(_ a: Entry, _ indexA: Int, _ b: Entry, _ indexB: Int) -> Bool {
        let (x, y) = (a.folded[1], b.folded[1])
        return x.lexicographicallyPrecedes(y) || (x == y && indexA < indexB)
    }

    private init(entries: Entries, byRank: [Int32], byName: [String: [Int]]) {
        self.entries = entries
        self.byRank = byRank
        var nameRank = [UInt32](repeating: 0, count: entries.count)
        for (rank, index) in byRank.enumerated() { nameRank[Int(index)] = UInt32(rank) }
        self.nameRank = nameRank
        self.byName = byName
    }

    /// The index of `new`, made from this index of `old` when the two differ only in the records
    /// `changed` (edited, added or taken out; the entities are the same): the other entries are kept,
    /// and each changed record's entry is put in its place in the order of names.
    public func updating(records changed: Set<ID>, from old: Network, to new: Network) -> Lookup {
        let entityCount = new.entities.count
        precondition(
            old.entities.count == entityCount && entries.count == entityCount + old.records.count,
            "an index is updated for records only")
        var records: [Entry] = []
        records.reserveCapacity(new.records.count)
        // Where each kept entry was, to carry the order of names over.
        var newIndexOfOld = [Int32](repeating: -1, count: self.entries.count)
        for index in 0..<entityCount { newIndexOfOld[index] = Int32(index) }
        var inserted: [Int] = []
        for record in new.records {
            if !changed.contains(record.id), let position = old.recordPosition(record.id), old.records[position].id == record.id {
                newIndexOfOld[entityCount + position] = Int32(entityCount + records.count)
                records.append(self.entries.records[position])
            } else {
                inserted.append(entityCount + records.count)
                records.append(Self.entry(record))
            }
        }
        let entries = Entries(entities: self.entries.entities, records: records)
        var byRank = byRank.compactMap { old -> Int32? in
            let index = newIndexOfOld[Int(old)]
            return index >= 0 ? index : nil
        }
        for index in inserted {
            var low = 0, high = byRank.count
            while low < high {
                let middle = (low + high) / 2
                let other = Int(byRank[middle])
                if Self.precedes(entries[other], other, entries[index], index) { low = middle + 1 } else { high = middle }
            }
            byRank.insert(Int32(index), at: low)
        }
        return Lookup(entries: entries, byRank: byRank, byName: byName)
    }

    /// The index of `network`'s ids, names, acronyms, aliases and titles, folded once.
    public init(_ network: Network) {
        let entries = Entries(
            entities: network.entities.map { entity in
                Self.entry(
                    .entity(entity.id), [entity.id, entity.name] + [entity.acronym].compactMap { $0 } + entity.aliases, summary: entity.summary)
            }, records: network.records.map(Self.entry))
        self.entries = entries
        // By folded name as bytes (the order of their scalars): the first eight bytes as one number,
        // the rest only on a tie, so that 100,000 names sort in tens of milliseconds.
        let heads = entries.map { entry in
            entry.folded[1].prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) } << (8 * UInt64(8 - min(8, entry.folded[1].count)))
        }
        let order = entries.indices.sorted { a, b in
            if heads[a] != heads[b] { return heads[a] < heads[b] }
            let (x, y) = (entries[a].folded[1], entries[b].folded[1])
            return x.lexicographicallyPrecedes(y) || (x == y && a < b)
        }
        var nameRank = [UInt32](repeating: 0, count: entries.count)
        for (rank, index) in order.enumerated() { nameRank[index] = UInt32(rank) }
        self.nameRank = nameRank
        byRank = order.map(Int32.init)
        var byName: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            guard case .entity = entry.item else { break }
            for key in Set(entry.keys.dropFirst()) { byName[key, default: []].append(index) }
        }
        self.byName = byName
    }

    /// The entities whose name, acronym or alias is `text` (accents, case and outer spaces aside).
    public func entities(named text: String) -> [ID] {
        (byName[TextFolding.fold(text.trimmingSpaces())] ?? []).map { entries[$0].item.id }
    }

    /// The records whose title is `text` (accents, case and outer spaces aside), in index order.
    public func records(titled text: String) -> [ID] {
        let folded = TextFolding.fold(text.trimmingSpaces())
        guard !folded.isEmpty else { return [] }
        return entries.filter { entry in
            guard case .record = entry.item else { return false }
            return entry.keys.dropFirst().contains(folded)
        }.map(\.item.id)
    }

    /// An exact id wins; then names, acronyms and aliases equal to the query; then those containing it.
    public func find(_ query: String) -> Match {
        let folded = TextFolding.fold(query.trimmingSpaces())
        guard !folded.isEmpty else { return .none(suggestion: nil) }
        if let exact = entries.first(where: { $0.keys[0] == folded }) { return .one(exact.item) }
        let equal = entries.filter { $0.keys.contains(folded) }
        if equal.count == 1 { return .one(equal[0].item) }
        if equal.count > 1 { return .several(equal.map(\.item)) }
        let containing = entries.filter { entry in entry.keys.contains { $0.contains(folded) } }
        if containing.count == 1 { return .one(containing[0].item) }
        if containing.count > 1 { return .several(containing.map(\.item)) }
        let nearest = Suggestion.nearest(to: folded, in: entries.flatMap(\.keys))
        return .none(suggestion: nearest.flatMap { key in entries.first { $0.keys.contains(key) }?.item })
    }

    /// Everything that matches `query` (accents and case aside) in an id, a name, an acronym, an
    /// alias or a title (its letters in order), or in a summary (the text whole); best first: names before ids before summaries,
    /// contiguous before scattered, then by name. At most `limit`.
    public func search(_ query: String, limit: Int = 200) -> [Hit] {
        let wanted = Array(TextFolding.fold(query.trimmingSpaces()).utf8)
        guard !wanted.isEmpty else { return [] }
        // Each match packed in one number that sorts as the results should: score, then the name's
        // rank, then which text matched; the hits themselves are made for the first `limit` only.
        // A big index is scanned in slices on every core, each keeping its own best `limit`.
        let slices = entries.count >= 20_000 ? max(1, min(8, ProcessInfo.processInfo.activeProcessorCount * 2)) : 1
        let parts = Parts(count: slices)
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            let range = (entries.count * slice / slices)..<(entries.count * (slice + 1) / slices)
            var local: [UInt64] = []
            for entryIndex in range {
                let entry = entries[entryIndex]
                var best: (score: Int, key: Int)?
                for (index, bytes) in entry.folded.enumerated() {
                    guard var score = Fuzzy.score(wanted, in: bytes) else { continue }
                    // Letters scattered through a long summary match nearly anything: summaries match
                    // only where the text appears whole (Fuzzy scores contiguous matches under 1000).
                    if index >= entry.keys.count {
                        guard score < 1000 else { continue }
                        score += 3000
                    } else {
                        // Scattered letters count only when close together ("tcmtl" finds TechnoMontréal;
                        // "montreal" does not find "Modèle financier et de gouvernance").
                        if score >= 1000, score - 1000 > 8 * wanted.count + 20 { continue }
                        if index == 0 { score += 500 }
                    }
                    if best == nil || score < best!.score { best = (score, index) }
                }
                if let best {
                    local.append(UInt64(min(best.score, 0xFFFF)) << 48 | UInt64(nameRank[entryIndex]) << 16 | UInt64(min(best.key, 0xFFFF)))
                }
            }
            local.sort()
            parts.set(slice, Array(local.prefix(limit)))
        }
        let found = parts.all.flatMap { $0 }.sorted()
        return found.prefix(limit).map { packed in
            let entry = entries[Int(byRank[Int((packed >> 16) & 0xFFFF_FFFF)])]
            return Hit(item: entry.item, matched: entry.texts[Int(packed & 0xFFFF)], score: Int(packed >> 48))
        }
    }

    /// Items whose id or name starts with `folded` (already folded), then those with a word of the name
    /// starting with it; at most `limit`, only those `accept` takes. Uses the folded keys built once,
    /// so completing as someone types folds nothing per item.
    public func completions(for folded: String, limit: Int, accept: (Item) -> Bool) -> [Item] {
        guard !folded.isEmpty else { return [] }
        var starts: [Item] = []
        var inside: [Item] = []
        for entry in entries where starts.count < limit {
            let name = entry.keys[1]
            if entry.keys[0].hasPrefix(folded) || name.hasPrefix(folded) {
                if accept(entry.item) { starts.append(entry.item) }
            } else if inside.count < limit, name.contains(" " + folded) || name.contains("-" + folded) || name.contains("'" + folded),
                accept(entry.item)
            {
                inside.append(entry.item)
            }
        }
        return Array((starts + inside).prefix(limit))
    }
}

/// The slices' results of a parallel search, each written once by its own worker.
private final class Parts: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [[UInt64]]

    init(count: Int) { parts = Array(repeating: [], count: count) }

    func set(_ index: Int, _ values: [UInt64]) { lock.withLock { parts[index] = values } }

    var all: [[UInt64]] { lock.withLock { parts } }
}
