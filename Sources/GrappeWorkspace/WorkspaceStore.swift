import GrappeModel
import GrappeWords

/// What one save writes, in one transaction: records (a mission, agreements signed during it) and
/// entities (new partners met). `expectedVersions` holds, per record id, the version the edit started
/// from: 0 for a record the store does not hold yet. A record whose version moved since is a stale edit.
public struct Change: Sendable, Hashable {
    /// What a change did, as the journal names it.
    public enum Action: String, Sendable, Codable, CaseIterable {
        case add, edit, cancel, undo
    }

    /// What the change does: an addition, an edit, a cancellation, an undo.
    public var action: Action
    /// The records written, whole.
    public var records: [Record]
    /// The entities written with them (new partners met).
    public var entities: [Entity]
    /// The version each record had when the writer read it: a different one refuses the change as stale.
    public var expectedVersions: [ID: Int]
    /// One line for the journal: "add mission mission-lyon-2027".
    public var summary: String

    /// A change to save; `summary` is the journal's line for it.
    public init(action: Action, records: [Record], entities: [Entity] = [], expectedVersions: [ID: Int] = [:], summary: String) {
        self.action = action
        self.records = records
        self.entities = entities
        self.expectedVersions = expectedVersions
        self.summary = summary
    }
}

/// One entry of the journal: who changed what, when, with the state of each item before and after
/// (canonical JSON; nil before = the item was added, nil after = it was removed by an undo).
public struct JournalEntry: Sendable, Hashable {
    /// One item a change touched, with its state and version before and after.
    public struct Item: Sendable, Hashable {
        /// Whether the item is a record or an entity.
        public enum Kind: String, Sendable { case record, entity }
        /// A record or an entity.
        public var kind: Kind
        /// Its id.
        public var id: ID
        /// Its JSON before the change; nil when the change made it.
        public var before: String?
        /// Its JSON after the change; nil when the change took it out.
        public var after: String?
        /// Its version before (0: it did not exist).
        public var versionBefore: Int
        /// Its version after (0: it no longer exists).
        public var versionAfter: Int

        /// One item of a journal entry: what it was and what it became.
        public init(kind: Kind, id: ID, before: String?, after: String?, versionBefore: Int, versionAfter: Int) {
            self.kind = kind
            self.id = id
            self.before = before
            self.after = after
            self.versionBefore = versionBefore
            self.versionAfter = versionAfter
        }
    }

    /// The entry's number in the workspace's journal, from 1.
    public var sequence: Int
    /// When it was saved (ISO 8601, UTC).
    public var at: String
    /// Who saved it: the server's login, or the author given to a file.
    public var author: String
    /// What it did.
    public var action: Change.Action
    /// Its line in the journal, in English (the interfaces word it from the items).
    public var summary: String
    /// For an undo: the entry it reverted.
    public var undoes: Int?
    /// What it changed, in order.
    public var items: [Item]

    /// A journal entry.
    public init(sequence: Int, at: String, author: String, action: Change.Action, summary: String, undoes: Int?, items: [Item]) {
        self.sequence = sequence
        self.at = at
        self.author = author
        self.action = action
        self.summary = summary
        self.undoes = undoes
        self.items = items
    }
}

/// Why the store could not do what was asked. Nothing was written when one of these is thrown.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Someone saved the record since this edit began.
    case stale(id: ID, expected: Int, found: Int, by: String, at: String)
    /// Adding a record or entity whose id is taken.
    case exists(ID)
    case notFound(ID)
    case nothingToUndo
    case nothingToRedo
    /// The journal entry was taken back meanwhile (by someone else, or by this change's own undo).
    case alreadyTakenBack(Int)
    /// The store opened read-only (why, in both languages), so it cannot record.
    case readOnly(Wording)
    /// The file is not a Grappe workspace (another database, or not a database at all).
    /// Details are worded in both languages where Grappe words them, and quoted as they came from
    /// the system, SQLite or the server otherwise (`Wording.same`).
    case notAWorkspace(path: String, detail: Wording)
    /// Written by a newer Grappe: migrations this one does not know.
    case newerVersion(path: String, unknown: [String])
    case cannotOpen(path: String, detail: Wording)
    /// Its pages fail SQLite's checks: it is read at most, never written.
    case damaged(path: String, detail: Wording)
    /// A write did not reach the disk (full, or an I/O error); nothing of it was kept.
    case cannotWrite(path: String, detail: Wording)
    /// The server cannot be reached (down, refused, lost): try again later.
    case unavailable(location: String, detail: Wording)
    /// The server took a change and did not answer in time (frozen, or the network gone): the
    /// connection was closed, and the change may still be written when the server resumes. Look
    /// before doing it again.
    case noAnswer(location: String, seconds: Int)
    case failed(Wording)

    /// What is wrong, without the path, in `language`: for notices on a narrow screen, where the path
    /// goes last. Details that come from SQLite or the server are quoted as they came.
    public func reason(in language: Language) -> String {
        let french = language == .fr
        return switch self {
        case .notAWorkspace(_, let detail): french ? "pas un registre Grappe (\(detail.french))" : "not a Grappe workspace (\(detail.english))"
        case .newerVersion(_, let unknown):
            french
                ? "écrit par un Grappe plus récent (\(unknown.joined(separator: ", ")))"
                : "written by a newer Grappe (\(unknown.joined(separator: ", ")))"
        case .cannotOpen(_, let detail): french ? "impossible de l'ouvrir\u{00A0}: \(detail.french)" : "cannot open it: \(detail.english)"
        case .damaged(_, let detail):
            french
                ? "le fichier est endommagé (\(detail.french))\u{00A0}: consultation seule" : "the file is damaged (\(detail.english)): browsing only"
        case .cannotWrite(_, let detail): french ? "impossible d'y écrire\u{00A0}: \(detail.french)" : "cannot write it: \(detail.english)"
        case .unavailable(_, let detail):
            french ? "le serveur est injoignable\u{00A0}: \(detail.french)" : "the server cannot be reached: \(detail.english)"
        case .noAnswer(_, let seconds):
            french
                ? "le serveur n'a pas répondu en \(seconds)\u{00A0}s\u{00A0}; le changement peut encore être écrit quand il reprendra\u{00A0}: regardez avant de recommencer"
                : "the server did not answer within \(seconds) s; the change may still be written when it resumes: look before doing it again"
        case .readOnly(let why): why.say(in: language)
        default: description(in: language)
        }
    }

    /// What went wrong, in `language`.
    public func description(in language: Language) -> String {
        let french = language == .fr
        return switch self {
        case .stale(let id, let expected, let found, let by, let at):
            french
                ? "«\u{00A0}\(id)\u{00A0}» a changé depuis son ouverture (votre version \(expected), maintenant \(found), enregistrée par \(by) le \(at))"
                : "'\(id)' changed since you opened it (your version \(expected), now \(found), saved by \(by) at \(at))"
        case .exists(let id): french ? "«\u{00A0}\(id)\u{00A0}» existe déjà" : "'\(id)' already exists"
        case .notFound(let id): french ? "«\u{00A0}\(id)\u{00A0}» n'est pas dans le registre" : "'\(id)' is not in the workspace store"
        case .nothingToUndo: french ? "rien à annuler" : "nothing to undo"
        case .nothingToRedo: french ? "rien à rétablir" : "nothing to redo"
        case .alreadyTakenBack(let sequence):
            french
                ? "le changement #\(sequence) vient d'être annulé ou rétabli par ailleurs\u{00A0}; rien n'a été écrit"
                : "change #\(sequence) was just undone or redone elsewhere; nothing was written"
        case .readOnly(let why): french ? "le registre est en lecture seule\u{00A0}: \(why.french)" : "the store is read-only: \(why.english)"
        case .notAWorkspace(let path, let detail):
            french
                ? "\(path) n'est pas un registre Grappe (\(detail.french))\u{00A0}; il n'a pas été modifié"
                : "\(path) is not a Grappe workspace (\(detail.english)); it was left untouched"
        case .newerVersion(let path, let unknown):
            french
                ? "\(path) a été écrit par un Grappe plus récent (migrations inconnues\u{00A0}: \(unknown.joined(separator: ", ")))\u{00A0}; il n'a pas été modifié"
                : "\(path) was written by a newer Grappe (unknown migrations: \(unknown.joined(separator: ", "))); it was left untouched"
        case .cannotOpen(let path, let detail):
            french ? "impossible d'ouvrir le registre \(path)\u{00A0}: \(detail.french)" : "cannot open the store \(path): \(detail.english)"
        case .damaged(let path, let detail):
            french
                ? "\(path) est endommagé (\(detail.french))\u{00A0}; rien n'y a été écrit. Gardez-en une copie, puis récupérez-le avec la commande .recover de sqlite3"
                : "\(path) is damaged (\(detail.english)); nothing was written to it. Keep a copy, then recover it with sqlite3's .recover"
        case .cannotWrite(let path, let detail):
            french
                ? "impossible d'écrire dans le registre \(path)\u{00A0}: \(detail.french)\u{00A0}; rien n'a été enregistré"
                : "cannot write to the store \(path): \(detail.english); nothing was saved"
        case .noAnswer(let location, let seconds):
            french
                ? "le registre \(location) n'a pas répondu en \(seconds)\u{00A0}s\u{00A0}; le changement envoyé peut encore être écrit quand le serveur reprendra\u{00A0}: regardez (grappe history) avant de recommencer"
                : "the store \(location) did not answer within \(seconds) s; the change sent may still be written when the server resumes: look (grappe history) before doing it again"
        case .unavailable(let location, let detail):
            french
                ? "le registre \(location) est injoignable (\(detail.french))\u{00A0}; réessayez quand le serveur sera revenu"
                : "the store \(location) cannot be reached (\(detail.english)); try again when the server is back"
        case .failed(let detail): french ? "le registre a échoué\u{00A0}: \(detail.french)" : "the store failed: \(detail.english)"
        }
    }

    /// What went wrong, in English (the command line's words when no language is chosen).
    public var description: String { description(in: .en) }
}

/// A saved form in progress, so that a crash or a closed terminal loses nothing typed.
public struct StoredDraft: Sendable, Hashable {
    /// The draft's key: `edit:` and the mission's id, or `new`.
    public var key: String
    /// The draft as JSON (a `MissionDraft`).
    public var json: String
    /// When it was kept.
    public var updatedAt: String

    /// A draft as kept.
    public init(key: String, json: String, updatedAt: String) {
        self.key = key
        self.json = json
        self.updatedAt = updatedAt
    }
}

/// What a store is opened for. Reading never changes it (no upgrade, no file created); writing
/// creates it when missing and upgrades it; updating writes only to a store that already exists.
public enum StoreAccess: Sendable, Hashable {
    case read, write, update
}

/// Where the dashboard keeps the mission form's draft at every key: a store's own drafts table, or
/// files on this machine (`LocalDrafts`, for a team server).
public protocol DraftKeeping: AnyObject {
    /// Newest first.
    func drafts() throws -> [StoredDraft]
    func saveDraft(_ draft: StoredDraft) throws
    func deleteDraft(key: String) throws
    /// The drafts, newest first, and those kept but unreadable (a file cut short, another program's),
    /// each named with why, in one reading; the unreadable are left where they are. A store's own
    /// table has none.
    func readDrafts() throws -> (drafts: [StoredDraft], unreadable: [Wording])
}

extension DraftKeeping {
    /// The drafts, and why some could not be read (a file store reads them all or fails).
    public func readDrafts() throws -> (drafts: [StoredDraft], unreadable: [Wording]) { (try drafts(), []) }
}

/// Where recorded missions live, as the application uses it: `JournaledStore` implements it over any
/// `StoreBackend`, and `WorkspaceStores.open` (GrappeStore) gives one for a location. Every method is
/// one transaction; a thrown error means nothing was written.
public protocol WorkspaceStore: DraftKeeping, Sendable {
    /// Why the store cannot record, when it cannot (opened read-only); nil when it can.
    var readOnlyReason: Wording? { get }
    var location: String { get }

    func load() throws -> Workspace
    /// Applies a change; returns its journal entry.
    @discardableResult
    func save(_ change: Change, author: String) throws -> JournalEntry
    /// Newest first.
    func history(limit: Int?) throws -> [JournalEntry]
    /// The whole journal, oldest first, without the states before and after (cheap to read at start-up).
    func journalIndex() throws -> [JournalEntry]
    /// The newest journal entry's number (0 for none): cheap, asked four times a second by open dashboards to
    /// see what others saved.
    func journalHead() throws -> Int
    /// Reverts this author's newest change not yet reverted, by recording its inverse.
    @discardableResult
    func undoLast(author: String) throws -> JournalEntry
    /// What an undo or a redo would take back now (this author's, or `anyone`'s newest); reads only.
    func plan(_ direction: UndoRules.Direction, author: String, anyone: Bool) throws -> TakeBackPlan?
    /// Takes back the plan's entry if it still may be; returns the new journal entry.
    @discardableResult
    func takeBack(_ plan: TakeBackPlan, author: String) throws -> JournalEntry
    /// Whether the server answers (`.unknown` for a file). Never waits.
    var health: ConnectionHealth { get }
    /// Says which record this session is editing (nil: none); see `StoreBackend.announceEditing`.
    func announceEditing(_ id: ID?)
    /// Who else is editing what right now, by record. Never waits.
    var othersEditing: [ID: [String]] { get }

    /// The backend's own consistency checks: empty when all is well.
    func integrityCheck() throws -> [String]
    /// Journal entries whose hash no longer matches their content: hand edits of the journal.
    func journalChainProblems() throws -> [Wording]
    /// The schema migrations applied when the store was opened, oldest first; empty when it was current.
    var migrationsApplied: [String] { get }
    /// Each record whose mirrors (plain columns, rows of its tables) differ from its body, with what differs.
    func mirrorProblems() throws -> [(id: ID, differences: [Wording])]
    /// Writes the mirrors of every record whose mirrors differ again from its body; returns their ids.
    func repairMirrors() throws -> [ID]
    /// Everything the workspace holds, for copying or checking it.
    func dump() throws -> WorkspaceDump
    /// Writes a dump as it was into an empty workspace (or over this one's content, when `replacing`).
    func restore(_ dump: WorkspaceDump, replacing: Bool) throws
}

extension JournalEntry {
    /// What the entry did, in `speaker`'s language. The store writes its summary in English ("add
    /// mission mission-lyon-2027"), which English shows as it is; French words it from the entry: what
    /// was done, to which records.
    public func summary(in speaker: some Speaking) -> String {
        Self.summary(
            action: action, records: items.filter { $0.kind == .record }.map(\.id), partners: items.count { $0.kind == .entity },
            undoes: undoes, english: summary, in: speaker)
    }

    /// The same from an entry's parts (the dashboard keeps them without the items' states).
    public static func summary(
        action: Change.Action, records: [ID], partners: Int, undoes: Int?, english: String,
        in speaker: some Speaking
    ) -> String {
        guard speaker.language == .fr else { return english }
        let what = records.joined(separator: ", ")
        var text =
            switch action {
            case .add: "ajout\(speaker.colon)\(what)"
            case .edit: "modification\(speaker.colon)\(what)"
            case .cancel: "mission annulée\(speaker.colon)\(what)"
            case .undo where english.hasPrefix("redo #"):
                // A redo (an undo of an undo) names the change it brought back, as the English does.
                "rétabli #\(english.dropFirst(6).prefix { $0.isNumber })\(speaker.colon)\(what)"
            case .undo: "retour sur #\(undoes.map(String.init) ?? "?")\(speaker.colon)\(what)"
            }
        if partners > 0 { text += " (+ " + speaker.count(partners, ("partenaire", "partenaires"), ("partner", "partners")) + ")" }
        return text
    }
}
