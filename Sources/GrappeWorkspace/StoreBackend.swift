import Foundation
import GrappeModel
import GrappeWords

/// Time as the journal and drafts write it: ISO 8601 in UTC, to the millisecond.
public enum StoreTime {
    /// The present moment, as the journal writes it.
    public static func now() -> String {
        Date().formatted(format)
    }

    /// A journal time as screens and text output show it, to the minute, in this machine's time zone:
    /// `2026-12-03 14:00` (the journal's `2026-12-03T13:00:07.138Z` in Paris); the stamp's own first
    /// minutes when it does not read as a time.
    public static func minute(_ stamp: String, timeZone: TimeZone = .current) -> String {
        guard let date = try? format.parse(stamp) else { return String(stamp.prefix(16)).replacingOccurrences(of: "T", with: " ") }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : String($0) } ?? "00" }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute))"
    }

    /// A journal time as a notice says it, in this machine's time zone: the time alone today
    /// ("17:40"), else the day and time ("3 déc. 17:40", "Dec 3, 17:40"); the stamp itself when it
    /// does not read as a time.
    public static func clock(_ stamp: String, now: Date = Date(), timeZone: TimeZone = .current) -> Wording {
        guard let date = try? format.parse(stamp) else { return .same(stamp) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let sameDay = calendar.isDate(date, inSameDayAs: now)
        func said(_ identifier: String) -> String {
            date.formatted(
                Date.FormatStyle(
                    date: sameDay ? .omitted : .abbreviated, time: .shortened, locale: Locale(identifier: identifier),
                    calendar: calendar, timeZone: timeZone))
        }
        return Wording(said("fr_FR"), said("en_GB"))
    }

    /// `2026-12-03T13:00:07.138Z`: a value, made once (a formatter object per call cost a save more
    /// than its SQL).
    private static let format = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
}

/// An item as a backend keeps it: its canonical JSON, its version, and who saved it last, when.
public struct ItemState: Sendable, Hashable {
    /// The item's canonical JSON: what Grappe reads back.
    public var body: String
    /// Its version: 1 when first stored, one more with each change.
    public var version: Int
    /// When it was last saved, as the journal writes times.
    public var updatedAt: String
    /// Who saved it last.
    public var updatedBy: String
    /// For an entity: the record it was recorded with.
    public var recordedWith: ID?

    /// An item's state as a backend read it.
    public init(body: String, version: Int, updatedAt: String, updatedBy: String, recordedWith: ID? = nil) {
        self.body = body
        self.version = version
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
        self.recordedWith = recordedWith
    }
}

/// One write transaction of a backend: what the journal rules (`JournaledStore`) read and write in
/// it. Everything done through one transaction is kept, or none of it.
public protocol StoreTransaction {
    /// The transaction's time, as the journal writes it (ISO 8601, UTC).
    var now: String { get }
    /// The item as stored now, or nil.
    func state(of kind: JournalEntry.Item.Kind, id: ID) throws -> ItemState?
    /// Stores a record whole (`body` is its canonical JSON) at `version`, saved by `author` now.
    func put(_ record: Record, body: String, version: Int, author: String) throws
    func put(_ entity: Entity, body: String, version: Int, recordedWith: ID?, author: String) throws
    func remove(_ kind: JournalEntry.Item.Kind, id: ID) throws
    /// Every journal entry, oldest first, without items: what `UndoRules` reads.
    func journalLinks() throws -> [JournalEntry]
    /// One entry with its items (in order), or nil.
    func entry(_ sequence: Int) throws -> JournalEntry?
    /// Appends an entry (its `sequence` is ignored) and returns the sequence number it was given.
    func append(_ entry: JournalEntry) throws -> Int
}

/// The port every store backend implements (SQLite, PostgreSQL; in memory for tests). Backends
/// keep items, the journal and drafts; the rules (versions, stale edits, the journal, undo) live once,
/// in `JournaledStore`.
public protocol StoreBackend: AnyObject, Sendable {
    var location: String { get }
    /// Why the backend cannot write, when it cannot; nil when it can.
    var readOnlyReason: Wording? { get }
    /// Who the backend knows the writer as (a server's login), which the journal records as the
    /// author of each change; nil when it cannot tell (a file), and the author given is recorded.
    var identity: String? { get }
    /// Whether the server answers (a file's backend has none to watch: `.unknown`). Never waits.
    var health: ConnectionHealth { get }
    /// Says to the others on the server which record this session is editing (nil: none), until
    /// said otherwise or the session goes. Never waits.
    func announceEditing(_ id: ID?)
    /// Who else is editing what right now, by record: their logins. Never waits.
    var othersEditing: [ID: [String]] { get }
    /// Runs `body` in one write transaction (waiting for other writers); a thrown error keeps nothing.
    func transaction<T>(_ body: (any StoreTransaction) throws -> T) throws -> T
    /// Every stored record and entity, in the order they were first stored, read in one transaction.
    func items() throws -> (records: [ItemState], entities: [ItemState])
    /// Newest first, with each item's states.
    func history(limit: Int?) throws -> [JournalEntry]
    /// Oldest first, without the states.
    func journalIndex() throws -> [JournalEntry]
    /// One entry with its items' states, or nil.
    func entry(_ sequence: Int) throws -> JournalEntry?
    /// The newest entry's number, 0 for none.
    func journalHead() throws -> Int
    /// Newest first.
    func drafts() throws -> [StoredDraft]
    func saveDraft(_ draft: StoredDraft) throws
    func deleteDraft(key: String) throws
    /// The backend's own consistency checks: empty when all is well.
    func integrityCheck() throws -> [String]
    /// Everything the workspace holds, read in one transaction.
    func dump() throws -> WorkspaceDump
    /// Writes `dump` into the workspace in one transaction, as it was (versions, times, authors,
    /// journal numbers); refuses a workspace that holds anything unless `replacing`.
    func restore(_ dump: WorkspaceDump, replacing: Bool) throws

    // MARK: Optional capabilities (each has a default: the backend does without)

    /// Whether `save(_:body:expected:entry:)` writes a one-record change in one step (a server, where
    /// each step is a round trip). Default: false, and changes go through `transaction`.
    var savesOneRecordInOneStep: Bool { get }
    /// Writes a change of one record in one step, without a transaction held open by the caller: the
    /// record is stored only if its version is still `expected`, at `expected + 1`, and the journal
    /// entry is appended with the one item the rules would write (the state it replaced and the new
    /// one). The rules stay `JournaledStore`'s: when the version is not `expected`, nothing is written,
    /// nil comes back, and the change goes the long way, which says why (a stale edit, an id taken).
    func save(_ record: Record, body: String, expected: Int, entry: JournalEntry) throws -> JournalEntry?
    /// The schema migrations this backend applied when it was opened, by name, oldest first (an older
    /// store upgraded, or a store made); empty when the schema was current. Default: none.
    var migrationsApplied: [String] { get }
    /// Each journal entry whose hash is not the one its content and its previous entry's hash give
    /// (JournalChain): hand edits of the journal. Default: none (a store without a chain).
    func journalChainProblems() throws -> [Wording]
    /// What the store keeps beside each record's body for people who query it, by record id, as it
    /// holds it now; nil when it keeps nothing that could drift from the bodies. Default: nil.
    func storedMirrors() throws -> [ID: RecordMirror]?
    /// Writes the mirrors of `records` again from their bodies, in one transaction
    /// (`store check --repair`). Default: nothing to write.
    func rebuildMirrors(_ records: [Record]) throws
}

extension StoreBackend {
    /// By default a backend has no migrations.
    public var migrationsApplied: [String] { [] }
    /// By default a backend keeps no hash chain.
    public func journalChainProblems() throws -> [Wording] { [] }
    /// By default a backend keeps no mirrors.
    public func storedMirrors() throws -> [ID: RecordMirror]? { nil }
    /// By default there are no mirrors to rebuild.
    public func rebuildMirrors(_ records: [Record]) throws {}
    /// By default a backend has no one-step save: changes go through `transaction`.
    public var savesOneRecordInOneStep: Bool { false }
    /// By default nothing is written here and the change goes the long way.
    public func save(_ record: Record, body: String, expected: Int, entry: JournalEntry) throws -> JournalEntry? { nil }
    /// By default the author given is recorded (a file cannot tell who writes).
    public var identity: String? { nil }
    /// By default there is no server to watch.
    public var health: ConnectionHealth { .unknown }
    /// By default there is no one to tell.
    public func announceEditing(_ id: ID?) {}
    /// By default no one else is seen editing.
    public var othersEditing: [ID: [String]] { [:] }
}

/// Whether a store's server answers, as a watcher on its own connection last found.
public enum ConnectionHealth: Sendable, Hashable {
    /// Nothing to watch (a file), or not looked at yet.
    case unknown
    case online
    /// Gone or not answering, and why; the watcher is connecting again.
    case offline(Wording)
}
