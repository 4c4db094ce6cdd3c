import GrappeModel
import GrappeWords
import GrappeWorkspace

/// The store as the screens show it: what it holds, each record's version (for edits), each item's
/// journal lines (for its card), and why it cannot record, when it cannot.
public struct StoreView: Sendable {
    /// Why missions cannot be recorded (a read-only or unusable store), in both languages; nil when they can.
    public var notice: Wording?
    /// The store version of each recorded record (absent: a seed record, version 0).
    public var versions: [ID: Int] = [:]
    /// The journal entries of each recorded item, oldest first (worded when shown, in the language of
    /// the moment).
    public var journal: [ID: [JournalLine]] = [:]
    /// What the store holds, as last read and followed.
    public internal(set) var workspace = Workspace.empty
    var location = ""
    /// Whether the store's server answers (`.unknown` for a file, or before the first look).
    public internal(set) var health = ConnectionHealth.unknown
    /// Who else is editing which record right now (their logins), as the server last said.
    public internal(set) var presence: [ID: [String]] = [:]
    /// An undo or a redo on its way: nothing else may start until it is answered.
    public internal(set) var takeBack = TakeBackStatus.idle

    /// The server was found gone (and is being reconnected to).
    public var isOffline: Bool {
        if case .offline = health { return true }
        return false
    }
}

/// Where an undo or a redo stands: one at a time, answered before the next.
public enum TakeBackStatus: Sendable, Hashable {
    case idle
    /// Asking the store what it would take back.
    case planning(UndoRules.Direction)
    /// Asking the user first (someone else's change, or one that removes a mission).
    case asking(TakeBackPlan)
    /// Sent to the store, not answered yet.
    case running(TakeBackPlan)
}

/// The seeds as last loaded (nil until they are), their warning count, and the errors of a load that
/// failed, shown on the diagnostics screen.
public struct LoadedSeeds: Sendable {
    /// The seeds' network, once loaded.
    public internal(set) var network: Network?
    var warnings = 0
    /// Each in both languages, shown in the interface's.
    public var diagnostics: [Wording] = []
}

/// A journal entry as a card's history shows it: who did what, and when; not the items' states.
public struct JournalLine: Sendable, Equatable {
    /// The entry's number.
    public let sequence: Int
    /// "2026-12-03 16:59".
    public let at: String
    /// Who made the change.
    public let author: String
    /// What it did.
    public let action: Change.Action
    /// The entry it took back, for an undo or a redo.
    public let undoes: Int?
    /// The records it touched, and how many partners it recorded with them.
    public let records: [ID]
    /// How many partners it recorded with them.
    public let partners: Int
    /// As the store wrote it, in English: "add mission mission-lyon-2027".
    public let summary: String

    /// The line of `entry`.
    public init(_ entry: JournalEntry) {
        sequence = entry.sequence
        at = StoreTime.minute(entry.at)
        author = entry.author
        action = entry.action
        undoes = entry.undoes
        records = entry.items.filter { $0.kind == .record }.map(\.id)
        partners = entry.items.filter { $0.kind == .entity }.count
        summary = entry.summary
    }
}
