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
    /// Shared between copies of the state: it only remembers results, never changes what they are.
    let rowCache = RowCache()

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
    public func visibleRows(_ section: Section) -> [Catalogue.Row] {
        let filter = filters[section].map(TextFolding.fold) ?? ""
        let sort = sorting[section]
        let key = RowCache.Key(section: section, filter: filter, sortColumn: sort?.column ?? -1, ascending: sort?.ascending ?? true,
                               catalogue: ObjectIdentifier(catalogue))
        if let cached = rowCache.rows(for: key) { return cached }
        var result: [Catalogue.Row]
        if filter.isEmpty {
            result = catalogue.rows(section)
            if section == .missions, sort == nil { result = upcomingFirst(result) }
        } else {
            let query = Array(filter.utf8)
            let pool = rowCache.narrowing(for: key) ?? catalogue.rows(section)
            result = Fuzzy.filter(pool, query: query, ranked: sort == nil)
        }
        if let sort, sort.column > 0 || !sort.ascending {
            let column = sort.column
            result.sort { sort.ascending ? $0.keys[column] < $1.keys[column] : $0.keys[column] > $1.keys[column] }
        }
        rowCache.store(result, for: key)
        return result
    }

    /// Missions still to come first, soonest first; then past ones, latest first.
    func upcomingFirst(_ rows: [Catalogue.Row]) -> [Catalogue.Row] {
        MissionSchedule.ordered(rows, today: today, record: { row in
            if case .record(let id) = row.item { network.record(id) } else { nil }
        }, tie: { $0.keys[0] < $1.keys[0] })
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
final class RowCache: @unchecked Sendable {
    struct Key: Hashable {
        let section: Section
        let filter: String
        let sortColumn: Int
        let ascending: Bool
        let catalogue: ObjectIdentifier
    }

    private var entries: [Section: (key: Key, rows: [Catalogue.Row])] = [:]
    private let lock = NSLock()

    func rows(for key: Key) -> [Catalogue.Row]? {
        lock.withLock { entries[key.section].flatMap { $0.key == key ? $0.rows : nil } }
    }

    /// The previous result of the same section, when the new filter extends its filter (same sort).
    func narrowing(for key: Key) -> [Catalogue.Row]? {
        lock.withLock {
            guard let entry = entries[key.section], entry.key.catalogue == key.catalogue, !entry.key.filter.isEmpty,
                  key.filter.hasPrefix(entry.key.filter) else { return nil }
            return entry.rows
        }
    }

    func store(_ rows: [Catalogue.Row], for key: Key) {
        lock.withLock { entries[key.section] = (key, rows) }
    }
}

/// Case- and accent-insensitive fuzzy matching: the query's letters in order, anywhere in the text.
public enum Fuzzy {
    /// The rows whose folded name matches, best first when `ranked` (ties keep list order). Scoring
    /// runs on all cores over fixed slices; ranking is a bucket sort, as scores are small integers.
    static func filter(_ rows: [Catalogue.Row], query: [UInt8], ranked: Bool) -> [Catalogue.Row] {
        let slices = rows.count < 20_000 ? 1 : 8
        final class Part: @unchecked Sendable { var matches: [(index: Int32, score: Int32)] = [] }
        let parts = (0..<slices).map { _ in Part() }
        let work: @Sendable (Int) -> Void = { slice in
            let lower = rows.count * slice / slices, upper = rows.count * (slice + 1) / slices
            var found: [(index: Int32, score: Int32)] = []
            for index in lower..<upper {
                if let score = score(query, in: rows[index].foldedBytes) { found.append((Int32(index), Int32(min(score, 4095)))) }
            }
            parts[slice].matches = found
        }
        if slices == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: slices, execute: work) }
        let matches = parts.flatMap(\.matches)
        guard ranked else { return matches.map { rows[Int($0.index)] } }
        var counts = [Int](repeating: 0, count: 4097)
        for match in matches { counts[Int(match.score) + 1] += 1 }
        for bucket in 1..<counts.count { counts[bucket] += counts[bucket - 1] }
        var order = [Int32](repeating: 0, count: matches.count)
        for match in matches {
            order[counts[Int(match.score)]] = match.index
            counts[Int(match.score)] += 1
        }
        return order.map { rows[Int($0)] }
    }

    /// A score (lower is better) when every byte of `query` appears in order in `text`; contiguous
    /// matches beat scattered ones, early ones beat late ones.
    public static func score(_ query: [UInt8], in text: [UInt8]) -> Int? {
        guard let first = query.first else { return 0 }
        guard text.count >= query.count else { return nil }
        // Contiguous occurrence first.
        if query.count <= text.count {
            var start = 0
            while start + query.count <= text.count {
                if text[start] == first {
                    var matched = 1
                    while matched < query.count, text[start + matched] == query[matched] { matched += 1 }
                    if matched == query.count { return start }
                }
                start += 1
            }
        }
        var wanted = 0, firstAt = -1, lastAt = 0
        for (index, byte) in text.enumerated() where byte == query[wanted] {
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
