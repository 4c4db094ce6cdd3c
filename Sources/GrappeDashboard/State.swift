import Dispatch
import Foundation
import GrappeAnalysis
import GrappeModel
import GrappeWorkspace

/// A screen of the dashboard: a section's list, a card, a neighbourhood, a path, the diagnostics.
public enum Screen: Hashable, Sendable {
    case section(Section)
    case card(Lookup.Item)
    case neighbourhood(ID, hops: Int)
    case path(from: ID, to: ID)
    case diagnostics
}

/// Where the user is on a screen, kept in the history so that going back restores it.
public struct Place: Hashable, Sendable {
    public var screen: Screen
    public var selection = 0
    public var scroll = 0
    public var detailSelection = 0
    public var focusDetail = false

    public init(_ screen: Screen) { self.screen = screen }
}

/// A one-line prompt at the bottom: the filter, the command palette, or the path finder's fields.
public struct Prompt: Hashable, Sendable {
    public enum Purpose: Hashable, Sendable {
        case filter
        case palette
        case pathFrom
        case pathTo(from: ID)
    }

    public var purpose: Purpose
    public var text: String
}

/// The whole dashboard as a value: what is loaded, where the user is, what is open. `update` turns
/// a state and a key into the next state and, at most, one effect for the outside world.
public struct DashboardState: Sendable {
    public var catalogue: Catalogue
    public var strings: Strings
    public var width: Int
    public var height: Int
    public var place: Place
    public var back: [Place] = []
    public var forward: [Place] = []
    /// Per section: the filter text, the sort column and direction.
    public var filters: [Section: String] = [:]
    public var sorting: [Section: (column: Int, ascending: Bool)] = [:]
    public var prompt: Prompt?
    public var showsHelp = false
    public var helpScroll = 0
    public var message: String?
    /// Diagnostics of the last reload that failed, shown on the diagnostics screen.
    public var diagnostics: [String] = []
    /// Today, for recent and upcoming missions (given, so views stay pure).
    public var today: DayStamp
    public var mouse = true
    /// The mission form, while it is open.
    public var form: MissionForm?
    /// Why missions cannot be recorded (a read-only or unusable store); nil when they can.
    public var storeNotice: String?
    /// The store version of each recorded record, for edits (absent: a seed record, version 0).
    public var storeVersions: [ID: Int] = [:]
    /// The journal lines of each recorded item, oldest first, for its card.
    public var journal: [ID: [String]] = [:]
    /// The seeds as last loaded (nil until they are), their warning count, and what the store holds:
    /// the catalogue is the seeds with the workspace laid over them.
    public internal(set) var seeds: Network?
    var seedWarnings = 0
    public internal(set) var workspace = Workspace.empty
    var storeLocation = ""
    /// Shared between copies of the state: it only remembers results, never changes what they are.
    let rowCache = RowCache()
    let pageCache = PageCache()

    public init(catalogue: Catalogue, language: Language, width: Int, height: Int, today: DayStamp) {
        self.catalogue = catalogue
        strings = Strings(language)
        self.width = width
        self.height = height
        self.today = today
        place = Place(.section(.home))
    }

    public var network: Network { catalogue.network }

    public var section: Section? {
        if case .section(let section) = place.screen { return section }
        return nil
    }

    /// The rows of a section after its filter and sort: the best matches first while filtering,
    /// unless a sort was chosen. Cached: keys that do not change the filter or sort reuse the result,
    /// and a filter that grows narrows the previous result instead of scanning every row again.
    public func visibleRows(_ section: Section) -> RowList {
        let filter = filters[section].map(TextFolding.fold) ?? ""
        let sort = sorting[section]
        let key = RowCache.Key(section: section, filter: filter, sortColumn: sort?.column ?? -1, ascending: sort?.ascending ?? true,
                               catalogue: ObjectIdentifier(catalogue))
        if let cached = rowCache.rows(for: key) { return cached }
        let all = catalogue.rows(section)
        var order: [Int32]?
        if filter.isEmpty {
            if section == .missions, sort == nil { order = upcomingFirst(all) }
        } else {
            let pool = rowCache.narrowing(for: key)?.order
            order = Fuzzy.filter(catalogue.names(section), pool: pool, query: Array(filter.utf8), ranked: sort == nil)
        }
        if let sort, sort.column > 0 || !sort.ascending {
            let column = sort.column
            var sorted = order ?? Array(0..<Int32(all.count))
            sorted.sort { a, b in
                let first = all[Int(a)].keys[column], second = all[Int(b)].keys[column]
                return sort.ascending ? first < second : first > second
            }
            order = sorted
        }
        let result = RowList(all: all, order: order)
        rowCache.store(result, for: key)
        return result
    }

    /// Missions still to come first, soonest first; then past ones, latest first (positions in `rows`).
    func upcomingFirst(_ rows: [Catalogue.Row]) -> [Int32] {
        let ordered = MissionSchedule.ordered(Array(rows.indices), today: today, record: { index in
            if case .record(let id) = rows[index].item { network.record(id) } else { nil }
        }, tie: { rows[$0].keys[0] < rows[$1].keys[0] })
        return ordered.map { Int32($0) }
    }

    /// The context whose key map applies now.
    public var context: Context {
        if showsHelp { return .help }
        if form != nil { return .form }
        switch place.screen {
        case .section(.home): return .home
        case .section: return .list
        default: return .card
        }
    }

    /// The names along the history and the current screen, for the breadcrumbs.
    public func trail() -> [String] {
        (back.suffix(4) + [place]).map { title(of: $0.screen) }
    }

    public func title(of screen: Screen) -> String {
        switch screen {
        case .section(let section): strings[section.title]
        case .card(let item): catalogue.name(item.id)
        case .neighbourhood(let id, _): "\(strings[.neighbourhood]) · \(catalogue.name(id))"
        case .path(let from, let to): "\(catalogue.name(from)) → \(catalogue.name(to))"
        case .diagnostics: strings[.diagnostics]
        }
    }
}

/// The last rows computed per section, so that moving the selection does not filter or sort again.
/// A few results are kept per section: a backspace in the filter finds the shorter filter's rows here
/// instead of scanning every row again.
final class RowCache: @unchecked Sendable {
    struct Key: Hashable {
        let section: Section
        let filter: String
        let sortColumn: Int
        let ascending: Bool
        let catalogue: ObjectIdentifier
    }

    /// Results kept per section, newest last.
    static let depth = 24
    private var entries: [Section: [(key: Key, rows: RowList)]] = [:]
    private let lock = NSLock()

    func rows(for key: Key) -> RowList? {
        lock.withLock { entries[key.section]?.last { $0.key == key }?.rows }
    }

    /// The result of the longest shorter filter that the new filter extends (same section and sort):
    /// every row that matches the new filter is among them.
    func narrowing(for key: Key) -> RowList? {
        lock.withLock {
            entries[key.section]?.filter { entry in
                entry.key.catalogue == key.catalogue && entry.key.sortColumn == key.sortColumn && entry.key.ascending == key.ascending
                    && !entry.key.filter.isEmpty && key.filter.hasPrefix(entry.key.filter)
            }.max { $0.key.filter.utf8.count < $1.key.filter.utf8.count }?.rows
        }
    }

    func store(_ rows: RowList, for key: Key) {
        lock.withLock {
            var kept = entries[key.section, default: []].filter { $0.key != key && $0.key.catalogue == key.catalogue }
            kept.append((key, rows))
            entries[key.section] = Array(kept.suffix(Self.depth))
        }
    }
}

/// The last pages built, so that a card of a hub with thousands of links is built once, not on every
/// key (moving the selection, drawing). Only pages that depend on nothing but the catalogue and the
/// language are kept: entity cards, neighbourhoods and paths.
final class PageCache: @unchecked Sendable {
    struct Key: Hashable {
        let screen: Screen
        let language: Language
        let catalogue: ObjectIdentifier
    }

    static let depth = 8
    private var entries: [(key: Key, lines: [PageLine])] = []
    private let lock = NSLock()

    func lines(for key: Key, build: () -> [PageLine]) -> [PageLine] {
        if let hit = lock.withLock({ entries.last { $0.key == key }?.lines }) { return hit }
        let lines = build()
        lock.withLock {
            entries.removeAll { $0.key == key }
            entries.append((key, lines))
            if entries.count > Self.depth { entries.removeFirst(entries.count - Self.depth) }
        }
        return lines
    }
}

/// A section's rows after filter and sort: positions into the section's rows, so that filtering
/// 100,000 rows moves 4-byte numbers rather than references.
public struct RowList: RandomAccessCollection, Sendable {
    let all: [Catalogue.Row]
    /// Positions in `all`, in the order shown; nil for all of them in their order.
    let order: [Int32]?

    public var startIndex: Int { 0 }
    public var endIndex: Int { order?.count ?? all.count }
    public subscript(position: Int) -> Catalogue.Row { all[order.map { Int($0[position]) } ?? position] }

    public subscript(safe position: Int) -> Catalogue.Row? { indices.contains(position) ? self[position] : nil }
}

/// Case- and accent-insensitive fuzzy matching: the query's letters in order, anywhere in the text.
public enum Fuzzy {
    /// The positions of the names that match (among `pool`, or all), best first when `ranked` (ties
    /// keep the pool's order). Scoring runs on all cores over fixed slices; ranking is a bucket sort,
    /// as scores are small integers.
    static func filter(_ names: PackedText, pool: [Int32]?, query: [UInt8], ranked: Bool) -> [Int32] {
        let count = pool?.count ?? names.count
        let slices = count < 20_000 ? 1 : 8
        final class Part: @unchecked Sendable { var matches: [(index: Int32, score: Int32)] = [] }
        let parts = (0..<slices).map { _ in Part() }
        let work: @Sendable (Int) -> Void = { slice in
            let lower = count * slice / slices, upper = count * (slice + 1) / slices
            var found: [(index: Int32, score: Int32)] = []
            query.withUnsafeBufferPointer { (query: UnsafeBufferPointer<UInt8>) -> Void in
                names.bytes.withUnsafeBufferPointer { (bytes: UnsafeBufferPointer<UInt8>) -> Void in
                    for position in lower..<upper {
                        let index = pool.map { Int($0[position]) } ?? position
                        let start = Int(names.starts[index]), end = Int(names.starts[index + 1])
                        let text = UnsafeBufferPointer(rebasing: bytes[start..<end])
                        if let scored = Fuzzy.score(query, in: text) { found.append((Int32(index), Int32(min(scored, 4095)))) }
                    }
                }
            }
            parts[slice].matches = found
        }
        if slices == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: slices, execute: work) }
        let matches = parts.flatMap(\.matches)
        guard ranked else { return matches.map(\.index) }
        var counts = [Int](repeating: 0, count: 4097)
        for match in matches { counts[Int(match.score) + 1] += 1 }
        for bucket in 1..<counts.count { counts[bucket] += counts[bucket - 1] }
        var order = [Int32](repeating: 0, count: matches.count)
        for match in matches {
            order[counts[Int(match.score)]] = match.index
            counts[Int(match.score)] += 1
        }
        return order
    }

    /// A score (lower is better) when every byte of `query` appears in order in `text`; contiguous
    /// matches beat scattered ones, early ones beat late ones.
    public static func score(_ query: [UInt8], in text: [UInt8]) -> Int? {
        query.withUnsafeBufferPointer { query in text.withUnsafeBufferPointer { text in score(query, in: text) } }
    }

    /// The same on buffers: this runs for every row of a list on each key typed in a filter.
    static func score(_ query: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = query.first else { return 0 }
        guard text.count >= query.count, let base = text.baseAddress else { return nil }
        // Contiguous occurrence first: memchr finds each candidate start.
        var start = 0
        let lastStart = text.count - query.count
        while start <= lastStart {
            guard let found = memchr(base + start, Int32(first), lastStart - start + 1) else { break }
            start = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            var matched = 1
            while matched < query.count, text[start + matched] == query[matched] { matched += 1 }
            if matched == query.count { return start }
            start += 1
        }
        var wanted = 0, firstAt = -1, lastAt = 0
        for index in 0..<text.count where text[index] == query[wanted] {
            if firstAt < 0 { firstAt = index }
            lastAt = index
            wanted += 1
            if wanted == query.count { return 1000 + firstAt + (lastAt - firstAt - query.count + 1) * 4 }
        }
        return nil
    }

    /// Positions (in characters of the folded text) of the matched letters, or nil.
    /// A contiguous match is preferred when there is one.
    public static func match(_ query: String, in folded: String) -> [Int]? {
        guard !query.isEmpty else { return [] }
        if let range = folded.range(of: query) {
            let start = folded.distance(from: folded.startIndex, to: range.lowerBound)
            return Array(start..<(start + query.count))
        }
        var positions: [Int] = []
        var wanted = query.startIndex
        for (offset, character) in folded.enumerated() where character == query[wanted] {
            positions.append(offset)
            wanted = query.index(after: wanted)
            if wanted == query.endIndex { return positions }
        }
        return nil
    }
}
