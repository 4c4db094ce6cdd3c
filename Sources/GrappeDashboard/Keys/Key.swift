import GrappeModel
import GrappeWords

/// An input event, already decoded by the terminal layer.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, backspace, tab, backTab, delete
    /// Ctrl-← and Ctrl-→ (xterm's `CSI 1;5D` and `CSI 1;5C`).
    case wordLeft, wordRight
    case control(Character)
    case click(x: Int, y: Int)
    case wheelUp, wheelDown
    /// Text the terminal delivered as one bracketed paste: it is typed, never run as keys.
    case paste(String)

    /// What a paste types into a one-line field: line breaks and tabs become spaces, and any other
    /// control or escape character is typed as its visible stand-in (`\e`), so it can neither act as a
    /// key nor reach the terminal.
    public static func typedText(ofPaste text: String) -> String {
        var typed = ""
        for scalar in text.replacingOccurrences(of: "\r\n", with: " ").unicodeScalars {
            switch scalar {
            case "\r", "\n", "\t": typed += " "
            default: typed += Sanitizer.visible(String(scalar))
            }
        }
        return typed
    }

    /// How the key is written in the status bar and the help, in the interface's language (the names
    /// printed on French keyboards: "Entrée", "Échap", "Suppr"…). One word each: the help joins keys with
    /// spaces.
    public func label(in language: Language) -> String {
        let french = language == .fr
        switch self {
        case .character(let character): return String(character)
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return french ? "PgPréc" : "PgUp"
        case .pageDown: return french ? "PgSuiv" : "PgDn"
        case .home: return french ? "Début" : "Home"
        case .end: return french ? "Fin" : "End"
        case .enter: return french ? "Entrée" : "Enter"
        case .escape: return french ? "Échap" : "Esc"
        case .backspace: return "⌫"
        case .tab: return "Tab"
        case .backTab: return "⇧Tab"
        case .delete: return french ? "Suppr" : "Del"
        case .wordLeft: return "^←"
        case .wordRight: return "^→"
        case .control(let character): return "^\(character.uppercased())"
        case .click: return french ? "clic" : "click"
        case .wheelUp: return french ? "molette↑" : "wheel↑"
        case .wheelDown: return french ? "molette↓" : "wheel↓"
        case .paste: return french ? "coller" : "paste"
        }
    }
}

/// The eight sections, on keys 1…8.
public enum Section: Int, CaseIterable, Sendable, Hashable {
    case home = 1, partners, clustersAndPoles, cities, people, agreements, missions, projects

    /// The section's name on its tab.
    public var title: UI {
        switch self {
        case .home: .home
        case .partners: .partners
        case .clustersAndPoles: .clustersAndPoles
        case .cities: .cities
        case .people: .people
        case .agreements: .agreements
        case .missions: .missions
        case .projects: .projects
        }
    }
}

/// What a key does. The key map binds keys to commands per context; the same table draws the status
/// bar and the help overlay, so they can never disagree with what the keys do.
public enum Command: Hashable, Sendable {
    case quit, help, palette, reload
    case section(Section)
    case up, down, pageUp, pageDown, top, bottom
    case open, back, historyBack, historyForward
    case filter, sort, sortReverse, nextPane, previousPane
    case neighbourhood, pathFinder, moreHops, fewerHops, newMission, editMission, undo, redo, find, copyID, copyCard
    /// The map of the partner in front; the timeline (of the partner in front on its card).
    case map, timeline
    /// On the map: the mark to the left or right; relation types shown or not.
    case left, right, toggleTypes
    /// On the timeline: the next kind of item shown; every partner's items again.
    case cycleKind, allPartners
    /// The website of the item in front, in the system's browser.
    case openLink
    // the mission form
    case nextField, previousField, saveForm, closeForm, cycleRole, cycleAttendance, removeDelegate
    case completionUp, completionDown, acceptCompletion, deleteWord, clearField, deleteForward
    case cursor(CursorMove)
}

/// Where the text cursor goes inside a form field.
public enum CursorMove: Hashable, Sendable {
    case left, right, start, end, wordLeft, wordRight
}

/// Keys bound to a command, with the help text the status bar and the help overlay show.
public struct Binding: Sendable {
    /// The keys, the first shown in the status bar.
    public let keys: [Key]
    /// What they do.
    public let command: Command
    /// What the status bar and the help say they do.
    public let help: UI
    /// Shown in the status bar (the most useful keys of a view), or only in the help.
    public let inStatusBar: Bool
}

/// Where keys are read: which bindings apply.
public enum Context: Hashable, Sendable, CaseIterable {
    case list, card, home, help, form, map, timeline
}

/// The one key table: what each key does in each context.
public enum KeyMap {
    /// Built once: every key press looks its command up here.
    private static let tables: [Context: [Binding]] = Dictionary(uniqueKeysWithValues: Context.allCases.map { ($0, table($0)) })

    /// The bindings of a context, in the order help shows them.
    public static func bindings(_ context: Context) -> [Binding] { tables[context] ?? [] }

    private static func table(_ context: Context) -> [Binding] {
        switch context {
        case .list: listKeys + navigation + global
        case .card: cardKeys + navigation + global
        case .home: homeKeys + navigation + global
        case .help: [Binding(keys: [.escape, .character("?"), .character("q")], command: .back, help: .close, inStatusBar: true)] + navigation
        case .form: formKeys
        case .map: mapKeys + global
        case .timeline: timelineKeys + cardKeys + navigation + global
        }
    }

    /// Moving the selection, in every context but the form.
    private static let navigation = [
        Binding(keys: [.down, .character("j")], command: .down, help: .move, inStatusBar: false),
        Binding(keys: [.up, .character("k")], command: .up, help: .move, inStatusBar: false),
        Binding(keys: [.pageDown, .control("f")], command: .pageDown, help: .pageDown, inStatusBar: false),
        Binding(keys: [.pageUp, .control("b")], command: .pageUp, help: .pageUp, inStatusBar: false),
        Binding(keys: [.home, .character("g")], command: .top, help: .top, inStatusBar: false),
        Binding(keys: [.end, .character("G")], command: .bottom, help: .bottom, inStatusBar: false),
    ]

    /// Keys that work on every screen (not in the form nor the help).
    private static let global =
        [
            Binding(keys: [.character("?")], command: .help, help: .help, inStatusBar: true),
            Binding(keys: [.character(":")], command: .palette, help: .palette, inStatusBar: true),
            Binding(keys: [.character("r")], command: .reload, help: .reload, inStatusBar: false),
            Binding(keys: [.character("[")], command: .historyBack, help: .back, inStatusBar: false),
            Binding(keys: [.character("]")], command: .historyForward, help: .forward, inStatusBar: false),
            Binding(keys: [.character("m")], command: .newMission, help: .newMission, inStatusBar: false),
            Binding(keys: [.character("u")], command: .undo, help: .undo, inStatusBar: false),
            Binding(keys: [.character("U"), .control("r")], command: .redo, help: .redo, inStatusBar: false),
            Binding(keys: [.character("T")], command: .timeline, help: .timeline, inStatusBar: false),
            Binding(keys: [.character("M")], command: .map, help: .map, inStatusBar: false),
            Binding(keys: [.character("q")], command: .quit, help: .quit, inStatusBar: true),
        ]
        + Section.allCases.map {
            Binding(keys: [.character(Character(String($0.rawValue)))], command: .section($0), help: $0.title, inStatusBar: false)
        }

    private static let listKeys = [
        Binding(keys: [.enter, .character("l"), .right], command: .open, help: .open, inStatusBar: true),
        Binding(keys: [.character("/")], command: .filter, help: .filter, inStatusBar: true),
        Binding(keys: [.character("s")], command: .sort, help: .sort, inStatusBar: true),
        Binding(keys: [.character("S")], command: .sortReverse, help: .sortReverse, inStatusBar: false),
        Binding(keys: [.tab], command: .nextPane, help: .nextPane, inStatusBar: false),
        Binding(keys: [.backTab], command: .previousPane, help: .nextPane, inStatusBar: false),
        Binding(keys: [.character("n")], command: .neighbourhood, help: .neighbourhood, inStatusBar: true),
        Binding(keys: [.character("M")], command: .map, help: .map, inStatusBar: true),
        Binding(keys: [.character("p")], command: .pathFinder, help: .pathFinder, inStatusBar: true),
        Binding(keys: [.character("e")], command: .editMission, help: .editMission, inStatusBar: false),
        Binding(keys: [.character("y")], command: .copyID, help: .copyID, inStatusBar: false),
        Binding(keys: [.character("Y")], command: .copyCard, help: .copyCard, inStatusBar: false),
        Binding(keys: [.character("o")], command: .openLink, help: .openLink, inStatusBar: false),
        Binding(keys: [.escape, .backspace, .character("h"), .left], command: .back, help: .back, inStatusBar: false),
    ]

    private static let cardKeys = [
        Binding(keys: [.enter, .character("l"), .right], command: .open, help: .follow, inStatusBar: true),
        Binding(keys: [.character("/")], command: .find, help: .searchTitle, inStatusBar: false),
        Binding(keys: [.escape, .backspace, .character("h"), .left], command: .back, help: .back, inStatusBar: true),
        Binding(keys: [.character("n")], command: .neighbourhood, help: .neighbourhood, inStatusBar: true),
        Binding(keys: [.character("M")], command: .map, help: .map, inStatusBar: true),
        Binding(keys: [.character("p")], command: .pathFinder, help: .pathFinder, inStatusBar: true),
        Binding(keys: [.character("+")], command: .moreHops, help: .moreHops, inStatusBar: false),
        Binding(keys: [.character("-")], command: .fewerHops, help: .fewerHops, inStatusBar: false),
        Binding(keys: [.character("e")], command: .editMission, help: .editMission, inStatusBar: false),
        Binding(keys: [.character("y")], command: .copyID, help: .copyID, inStatusBar: false),
        Binding(keys: [.character("Y")], command: .copyCard, help: .copyCard, inStatusBar: false),
        Binding(keys: [.character("o")], command: .openLink, help: .openLink, inStatusBar: false),
    ]

    private static let mapKeys = [
        Binding(keys: [.enter, .character("l")], command: .open, help: .open, inStatusBar: true),
        Binding(keys: [.left, .character("h")], command: .left, help: .moveOnMap, inStatusBar: false),
        Binding(keys: [.right], command: .right, help: .moveOnMap, inStatusBar: false),
        Binding(keys: [.up, .character("k")], command: .up, help: .moveOnMap, inStatusBar: false),
        Binding(keys: [.down, .character("j")], command: .down, help: .moveOnMap, inStatusBar: false),
        Binding(keys: [.tab], command: .nextPane, help: .nextMark, inStatusBar: false),
        Binding(keys: [.backTab], command: .previousPane, help: .nextMark, inStatusBar: false),
        Binding(keys: [.home, .character("g")], command: .top, help: .backToCentre, inStatusBar: false),
        Binding(keys: [.character("+")], command: .moreHops, help: .moreHops, inStatusBar: true),
        Binding(keys: [.character("-")], command: .fewerHops, help: .fewerHops, inStatusBar: false),
        Binding(keys: [.character("t")], command: .toggleTypes, help: .relationTypes, inStatusBar: true),
        Binding(keys: [.character("M")], command: .map, help: .recentre, inStatusBar: false),
        Binding(keys: [.character("n")], command: .neighbourhood, help: .neighbourhood, inStatusBar: false),
        Binding(keys: [.character("/")], command: .find, help: .searchTitle, inStatusBar: false),
        Binding(keys: [.character("y")], command: .copyID, help: .copyID, inStatusBar: false),
        Binding(keys: [.character("Y")], command: .copyCard, help: .copyCard, inStatusBar: false),
        Binding(keys: [.character("o")], command: .openLink, help: .openLink, inStatusBar: false),
        Binding(keys: [.escape, .backspace], command: .back, help: .back, inStatusBar: true),
    ]

    private static let timelineKeys = [
        Binding(keys: [.character("t")], command: .cycleKind, help: .timelineKinds, inStatusBar: true),
        Binding(keys: [.character("a")], command: .allPartners, help: .allPartners, inStatusBar: false),
    ]

    private static let homeKeys = [
        Binding(keys: [.character("/")], command: .find, help: .searchTitle, inStatusBar: true),
        Binding(keys: [.character("2")], command: .section(.partners), help: .partners, inStatusBar: true),
        Binding(keys: [.character("p")], command: .pathFinder, help: .pathFinder, inStatusBar: true),
    ]

    // Only keys that cannot be typed: every printable character goes into the field.
    private static let formKeys = [
        Binding(keys: [.tab], command: .nextField, help: .nextField, inStatusBar: true),
        Binding(keys: [.backTab], command: .previousField, help: .previousField, inStatusBar: true),
        Binding(keys: [.control("s")], command: .saveForm, help: .save, inStatusBar: true),
        Binding(keys: [.escape], command: .closeForm, help: .close, inStatusBar: true),
        Binding(keys: [.down], command: .completionDown, help: .completionMove, inStatusBar: false),
        Binding(keys: [.up], command: .completionUp, help: .completionMove, inStatusBar: false),
        Binding(keys: [.enter], command: .acceptCompletion, help: .acceptCompletion, inStatusBar: false),
        Binding(keys: [.control("r")], command: .cycleRole, help: .cycleRole, inStatusBar: true),
        Binding(keys: [.control("t")], command: .cycleAttendance, help: .cycleAttendance, inStatusBar: true),
        Binding(keys: [.control("d")], command: .removeDelegate, help: .removeDelegate, inStatusBar: false),
        Binding(keys: [.left], command: .cursor(.left), help: .moveInField, inStatusBar: false),
        Binding(keys: [.right], command: .cursor(.right), help: .moveInField, inStatusBar: false),
        Binding(keys: [.home, .control("a")], command: .cursor(.start), help: .moveInField, inStatusBar: false),
        Binding(keys: [.end, .control("e")], command: .cursor(.end), help: .moveInField, inStatusBar: false),
        Binding(keys: [.wordLeft], command: .cursor(.wordLeft), help: .moveInField, inStatusBar: false),
        Binding(keys: [.wordRight], command: .cursor(.wordRight), help: .moveInField, inStatusBar: false),
        Binding(keys: [.delete], command: .deleteForward, help: .deleteForward, inStatusBar: false),
        Binding(keys: [.control("w")], command: .deleteWord, help: .deleteWord, inStatusBar: false),
        Binding(keys: [.control("u")], command: .clearField, help: .clearField, inStatusBar: false),
    ]

    /// The bindings as the status bar and the help show them for a section's list: the Missions list
    /// puts `m` (new) and `e` (edit) in the status bar; other lists leave `e` out, as it edits missions.
    /// `recording`: whether missions can be recorded now; when not (a read-only role, a server offline),
    /// the keys that record (`m`, `e`, `u`, `U`) are neither shown nor listed in the help.
    public static func bindings(_ context: Context, section: Section?, recording: Bool = true) -> [Binding] {
        let all = recording ? bindings(context) : bindings(context).filter { !recordingCommands.contains($0.command) }
        guard context == .list, let section else { return all }
        if section == .missions {
            // First, so that a narrow status bar still shows them.
            let recording = [Command.newMission, .editMission].compactMap { command in all.first { $0.command == command } }
                .map { Binding(keys: $0.keys, command: $0.command, help: $0.help, inStatusBar: true) }
            return recording + all.filter { ![.newMission, .editMission].contains($0.command) }
        }
        return all.filter { $0.command != .editMission }
    }

    /// The commands that record into the store.
    public static let recordingCommands: Set<Command> = [.newMission, .editMission, .undo, .redo]

    /// The command a key runs in a context, if any.
    public static func command(for key: Key, in context: Context) -> Command? {
        bindings(context).first { $0.keys.contains(key) }?.command
    }
}
