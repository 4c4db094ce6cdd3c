import GrappeAnalysis
import GrappeModel

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

    /// The rows of the current section after its filter and sort, with the filter's matched positions.
    public func visibleRows(_ section: Section) -> [(row: Catalogue.Row, matches: [Int])] {
        let rows = catalogue.rows(section)
        let filter = filters[section].map(TextFolding.fold) ?? ""
        var result: [(row: Catalogue.Row, matches: [Int])]
        if filter.isEmpty {
            result = rows.map { ($0, []) }
        } else {
            result = rows.compactMap { row in Fuzzy.match(filter, in: row.folded).map { (row, $0) } }
            if sorting[section] == nil {
                result.sort { Fuzzy.score($0.matches) < Fuzzy.score($1.matches) }
                return result
            }
        }
        if let sort = sorting[section], sort.column > 0 || !sort.ascending {
            let column = sort.column
            result.sort { sort.ascending ? $0.row.keys[column] < $1.row.keys[column] : $0.row.keys[column] > $1.row.keys[column] }
        }
        return result
    }

    /// The context whose key map applies now.
    public var context: Context {
        if showsHelp { return .help }
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

/// Case- and accent-insensitive fuzzy matching: the query's letters in order, anywhere in the text.
public enum Fuzzy {
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

    /// Lower is better: matches that start early and stay together.
    public static func score(_ positions: [Int]) -> Int {
        guard let first = positions.first, let last = positions.last else { return 0 }
        return first + (last - first - positions.count + 1) * 4
    }
}
