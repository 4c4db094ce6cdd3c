import GrappeDashboard
import GrappeWords
import GrappeWorkspace

/// Follows the store's journal for the dashboard: what others (and this dashboard) committed since the
/// last look, read off the event loop (`fetch`, on the store's queue) and turned into messages for the
/// core on the loop (`accept`), a few entries at a time rather than the whole workspace. An entry is
/// applied once, in order, whichever read brought it; one this dashboard wrote itself is followed
/// like any other, without a notice.
final class JournalFollower {
    /// The newest entry applied.
    private(set) var knownHead = 0
    /// Entries this dashboard wrote.
    private var ownEntries = Set<Int>()
    /// A look is under way: there is never more than one.
    var looking = false

    /// Entries that may land between reading the journal's head and reading the entries after it.
    static let slack = 16

    /// What a read of the journal found.
    enum Fetched: Sendable {
        /// Entries after the newest known, newest first, each item with its states.
        case entries([JournalEntry])
        /// The whole workspace (the journal could not be followed entry by entry).
        case whole(Workspace, journal: [JournalEntry], location: String)
        case nothing
        case failed(StoreError)
    }

    /// Reads what came after entry `after` (off the loop). Falls back to the whole workspace when the
    /// entries do not follow on (the journal was replaced, or too much came at once).
    static func fetch(_ store: any WorkspaceStore, after: Int) -> Fetched {
        do {
            let head = try store.journalHead()
            if head == after { return .nothing }
            guard head > after else { return whole(store) }
            let unseen = try store.history(limit: head - after + slack).filter { $0.sequence > after }
            guard let newest = unseen.first?.sequence, unseen.map(\.sequence) == Array((after + 1...newest).reversed()) else {
                return whole(store)
            }
            return .entries(unseen)
        } catch {
            return .failed(DashboardRuntime.storeError(error))
        }
    }

    /// The store's content and journal (off the loop, or at start).
    static func whole(_ store: any WorkspaceStore) -> Fetched {
        do {
            let journal = try store.journalIndex()
            return .whole(try store.load(), journal: journal, location: store.location)
        } catch {
            return .failed(DashboardRuntime.storeError(error))
        }
    }

    /// This dashboard wrote entry `sequence`.
    func markOwn(_ sequence: Int) { ownEntries.insert(sequence) }

    /// What a read means for the core (on the loop), and whether the whole workspace must be read
    /// because the entries no longer follow on from those applied.
    func accept(_ fetched: Fetched) -> (messages: [Message], readWhole: Bool) {
        switch fetched {
        case .nothing:
            return ([], false)
        case .failed(let failure):
            // A server that went away is shown by its health; anything else is said.
            switch failure {
            case .unavailable, .noAnswer: return ([], false)
            default: break
            }
            return ([.storeFailed(failure)], false)
        case .whole(let workspace, let journal, let location):
            knownHead = journal.last?.sequence ?? 0
            return ([.workspaceLoaded(workspace, journal: journal, location: location)], false)
        case .entries(let entries):
            let fresh = entries.filter { $0.sequence > knownHead }
            guard let newest = fresh.first?.sequence else { return ([], false) }
            guard fresh.last?.sequence == knownHead + 1 else { return ([], true) }
            knownHead = newest
            let others = fresh.filter { !ownEntries.contains($0.sequence) }
            return ([.journalCaughtUp(fresh.reversed())] + (others.isEmpty ? [] : [.storeChanged(others)]), false)
        }
    }
}
