import Foundation
import GrappeAnalysis
import GrappeModel
import GrappeWords
import GrappeWorkspace

/// Everything that happens to the dashboard, one at a time: keys and resizes from the terminal, and
/// what came of the effects the runtime carried out. Only `update` changes the state.
public enum Message: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// Time passed with nothing to do: today's date, for upcoming and recent missions.
    case tick(today: DayStamp)
    /// The seeds, loaded at start or reloaded: the network to show (nil: keep the last good one), its
    /// warning count, and the errors that kept it from loading (shown on the diagnostics screen).
    case seedsLoaded(Network?, warnings: Int, errors: [Wording], reload: Bool)
    /// The seeds could not be read at all (a reload whose folder went away): where.
    case reloadFailed(path: String)
    /// What the store holds, with its journal (without the states), read at start or after a change.
    case workspaceLoaded(Workspace, journal: [JournalEntry], location: String)
    /// Why the store cannot record (read-only, unusable, absent), or nil when it can.
    case storeState(notice: Wording?)
    /// Reading or writing the store failed outside a save: what went wrong.
    case storeFailed(StoreError)
    case saved(ID, JournalEntry)
    case saveFailed(StoreError)
    /// What an undo or a redo would take back: this author's, else (`theirs`) the newest of anyone's.
    case takeBackPlanned(UndoRules.Direction, mine: TakeBackPlan?, theirs: TakeBackPlan?)
    /// An undo or a redo was recorded: its journal entry, and what it took back.
    case undone(JournalEntry, TakeBackPlan)
    case undoFailed(StoreError)
    /// Whether the store's server answers, when that changed.
    case health(ConnectionHealth)
    /// Who else is editing which record now, when that changed.
    case presence([ID: [String]])
    /// Journal entries this dashboard had not followed yet, oldest first, each item with its state
    /// after: what the store holds now, without reading the whole workspace again.
    case journalCaughtUp([JournalEntry])
    /// Someone else saved, undid or cancelled: the entries this dashboard had not seen, newest first
    /// (the new content came just before, as `journalCaughtUp` or `workspaceLoaded`).
    case storeChanged([JournalEntry])
    /// A form left unsaved by an earlier session.
    case draftFound(MissionDraft, savedAt: String)
    /// Drafts kept by an earlier session that cannot be read back, each named with why (left where
    /// they are: nothing is thrown away).
    case draftsUnreadable([Wording])
    /// What a copy came to: `what` was put on the clipboard, or the terminal does not take it.
    case copied(what: String, done: Bool)
    /// A map's layout, computed off the main thread.
    case mapLaidOut(NetworkMap)
    /// A catalogue built off the main thread (the seeds with the store laid over them).
    case catalogueBuilt(BuiltCatalogue)
    /// What came of opening a web address: done, or why not.
    case linkOpened(String, problem: LinkProblem?)
}

/// Why a web address could not be opened.
public enum LinkProblem: Equatable, Sendable {
    /// Neither `$BROWSER` nor `xdg-open` is on this machine.
    case noOpener
    /// The opener could not be started: what the system said.
    case failed(String)
}
