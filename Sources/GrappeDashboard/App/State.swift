import Dispatch
import Foundation
import GrappeAnalysis
import GrappeModel
import GrappeWords
import GrappeWorkspace

/// A screen of the dashboard: a section's list, a card, a neighbourhood, a path, the diagnostics.
public enum Screen: Hashable, Sendable {
    case section(Section)
    case card(Lookup.Item)
    case neighbourhood(ID, hops: Int)
    case path(from: ID, to: ID)
    case diagnostics
    /// Everything that matches a text, grouped by kind: entities, records, aliases, titles, summaries.
    case search(String)
    /// A partner's neighbourhood drawn as a picture: marks placed by hops, links between them.
    case map(ID, hops: Int)
    /// Dated records on a time axis, of one kind or all, involving one partner or any.
    case timeline(TimelineFilter)
}

/// What the timeline shows: one kind of item or all, and the items of one partner or of everyone.
public struct TimelineFilter: Hashable, Sendable {
    /// The kind shown; nil for all.
    public var kind: TimelineKind?
    /// The partner whose items are shown; nil for everyone's.
    public var partner: ID?

    /// A filter on `kind` and `partner` (nil: all).
    public init(kind: TimelineKind? = nil, partner: ID? = nil) {
        self.kind = kind
        self.partner = partner
    }
}

/// The kinds of items on the timeline: the four kinds of records, and funding lines.
public enum TimelineKind: String, Hashable, Sendable, CaseIterable {
    case agreement, mission, project, event, funding
}

/// Where the user is on a screen, kept in the history so that going back restores it.
public struct Place: Hashable, Sendable {
    /// The screen.
    public var screen: Screen
    /// The selected row, link or mark.
    public var selection = 0
    /// The first line shown, where the screen scrolls freely.
    public var scroll = 0
    /// The selected link of the card beside a list.
    public var detailSelection = 0
    /// Whether the keys go to the card beside the list.
    public var focusDetail = false

    /// The top of `screen`, nothing selected.
    public init(_ screen: Screen) { self.screen = screen }
}

/// A one-line prompt at the bottom: the filter, the command palette, or the path finder's fields.
public struct Prompt: Hashable, Sendable {
    /// What the prompt is for.
    public enum Purpose: Hashable, Sendable {
        case filter
        /// Search everything (`/` outside the lists): the results show as the user types.
        case search
        case palette
        case pathFrom
        case pathTo(from: ID)
    }

    /// What it asks for.
    public var purpose: Purpose
    /// The line being typed, edited as every prompt and form field is.
    public var editor: LineEditor
    /// Where ↑ and ↓ are in this prompt's history (nil: the line being typed).
    public var historyIndex: Int?
    /// The line being typed when ↑ went into the history, which ↓ past the newest brings back.
    public var typed = ""
    /// What Tab found when several fit, shown after the line.
    public var candidates: [String] = []

    /// A prompt for `purpose` holding `text`; a pre-fill (`selected`) is replaced by what is typed.
    public init(purpose: Purpose, text: String, selected: Bool = false) {
        self.purpose = purpose
        editor = LineEditor(text, selected: selected)
    }

    /// What is typed so far.
    public var text: String {
        get { editor.text }
        set { editor.replace(with: newValue) }
    }

    /// The history this prompt shares with others of its kind: the palette's, the search's, the
    /// filters', the path finder's.
    public var historyKey: String {
        switch purpose {
        case .filter: "filter"
        case .search: "search"
        case .palette: "palette"
        case .pathFrom, .pathTo: "path"
        }
    }
}

/// The whole dashboard as a value: the catalogue, the language, where the user is (navigation,
/// prompt, message), and each screen's own state (lists, help, form, store, loaded seeds). `update`
/// turns a state and a message into the next state and the effects for the runtime to carry out.
public struct DashboardState: Sendable {
    /// The network as shown, with its lists and indexes.
    public var catalogue: Catalogue
    /// The interface's words, in its language.
    public var strings: Strings
    /// The terminal's columns.
    public var width: Int
    /// The terminal's rows.
    public var height: Int
    /// Where the user is.
    public var place: Place
    /// Where they were, most recent last (`[` goes back).
    public var back: [Place] = []
    /// Where they went back from (`]` goes forward).
    public var forward: [Place] = []
    /// The prompt, while one is open.
    public var prompt: Prompt?
    /// The notice on the prompt's row, until the next key.
    public var message: String?
    /// What was entered at each kind of prompt (`Prompt.historyKey`), oldest first, for ↑ and ↓.
    public var promptHistory: [String: [String]] = [:]
    /// Today, for recent and upcoming missions (given, so views stay pure).
    public var today: DayStamp
    /// The day `:asof` asked counts to be taken at; nil for today.
    public var asOf: PartialDate?
    /// The day every count is taken at, as `grappe summary --as-of` takes it: `asOf`, else today.
    public var moment: Moment { asOf.flatMap(Moment.init) ?? Moment(day: today) }
    /// Whether clicks and the wheel are taken.
    public var mouse = true
    // Each screen's own state.
    /// The section lists' filters and sorting.
    public var lists = ListSettings()
    /// The help overlay.
    public var help = HelpOverlay()
    /// The mission form, while it is open.
    public var form: MissionForm?
    /// A form closed while its save was on its way: it comes back if the save fails.
    public var formSaving: MissionForm?
    /// What the store holds and says: versions, journal lines, why it cannot record.
    public var store = StoreView()
    /// The seeds as last loaded, and the diagnostics of a load that failed.
    public var loaded = LoadedSeeds()
    /// The map view: its layout once computed off the main thread, and what it shows.
    public var map = MapState()
    /// The newest catalogue asked for: one that answers an older request is not kept.
    var catalogueGeneration = 0
    /// What changed since the catalogue shown: records only (the next catalogue is made from this one
    /// for them), or more (seeds, the whole workspace, partners: the next one is built anew).
    var catalogueBehind = CatalogueBehind.records([])
    /// Shared between copies of the state: it only remembers results, never changes what they are.
    let rowCache = RowCache()
    let pageCache = PageCache()

    /// A dashboard on Home, before the store has answered.
    public init(catalogue: Catalogue, language: Language, width: Int, height: Int, today: DayStamp) {
        self.catalogue = catalogue
        strings = Strings(language)
        self.width = width
        self.height = height
        self.today = today
        place = Place(.section(.home))
    }

    /// The network shown.
    public var network: Network { catalogue.network }

    /// The section in front, when a section's list (or Home) is.
    public var section: Section? {
        if case .section(let section) = place.screen { return section }
        return nil
    }

    /// What is on screen is still being computed in the background (a list, Home's figures): the
    /// runtime draws again once it is there.
    public var waitsForBackground: Bool {
        guard let section else { return false }
        return section == .home ? catalogue.homeFigures.ready == nil : !catalogue.hasRows(section)
    }

    /// The context whose key map applies now.
    public var context: Context {
        if help.isShown { return .help }
        if form != nil { return .form }
        return place.screen.type.context
    }

    /// Where the user is, for the breadcrumbs: the section last opened, then what was followed from
    /// it to here. Opening a section starts a new trail.
    public func trail() -> [String] {
        var places = [place]
        if case .section = place.screen {
        } else {
            for previous in back.reversed() {
                places.insert(previous, at: 0)
                if case .section = previous.screen { break }
            }
        }
        return places.map { title(of: $0.screen) }
    }

    /// A screen's name, for the breadcrumbs.
    public func title(of screen: Screen) -> String {
        screen.type.title(in: self)
    }
}
