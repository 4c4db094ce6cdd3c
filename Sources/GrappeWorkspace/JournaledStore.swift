import Dispatch
import Foundation
import GrappeModel
import GrappeWords

/// The workspace store's rules, once for every backend: each save increments the versions of what it
/// touches and refuses a stale edit, writes a journal entry with each item's state before and after,
/// and undo records the inverse of the newest change not yet undone. No I/O of its own: the backend
/// does the storing, in one transaction per call.
public final class JournaledStore: WorkspaceStore, @unchecked Sendable {
    /// The backend the rules are applied over.
    public let backend: any StoreBackend

    /// The rules over `backend`, which does the storing.
    public init(backend: any StoreBackend) {
        self.backend = backend
    }

    /// Where the store is, as messages show it (the backend's).
    public var location: String { backend.location }
    /// Why the store cannot record, when it cannot (the backend's).
    public var readOnlyReason: Wording? { backend.readOnlyReason }
    /// Whether the store's server answers (the backend's watcher).
    public var health: ConnectionHealth { backend.health }
    /// Tells the others on the server which record this session edits (nil: none).
    public func announceEditing(_ id: ID?) { backend.announceEditing(id) }
    /// Who else edits which record now, by record.
    public var othersEditing: [ID: [String]] { backend.othersEditing }

    // MARK: Reading

    /// Every stored record and entity with its version, decoded on all cores.
    public func load() throws -> Workspace {
        let (recordStates, entityStates) = try backend.items()
        // Decoding JSON is most of what a start-up spends here: it runs on every core.
        let records = try Self.decodeInParallel(recordStates) { state, decoder in
            StoredRecord(
                record: try decoder.decode(Record.self, from: Data(state.body.utf8)), version: state.version,
                updatedAt: state.updatedAt, updatedBy: state.updatedBy)
        }
        let entities = try Self.decodeInParallel(entityStates) { state, decoder in
            StoredEntity(
                entity: try decoder.decode(Entity.self, from: Data(state.body.utf8)), version: state.version,
                recordedWith: state.recordedWith)
        }
        return Workspace(records: records, entities: entities)
    }

    /// The newest journal entries first, with the states before and after (at most `limit`).
    public func history(limit: Int?) throws -> [JournalEntry] { try backend.history(limit: limit) }
    /// Every journal entry, oldest first, without the states (for cards and the history pane).
    public func journalIndex() throws -> [JournalEntry] { try backend.journalIndex() }
    /// The newest journal entry's number, 0 for none.
    public func journalHead() throws -> Int { try backend.journalHead() }
    /// The forms left unsaved, newest first.
    public func drafts() throws -> [StoredDraft] { try backend.drafts() }
    /// The backend's own integrity problems (none when healthy).
    public func integrityCheck() throws -> [String] { try backend.integrityCheck() }
    /// Journal entries edited by hand, found by the hash chain (see `StoreBackend`).
    public func journalChainProblems() throws -> [Wording] { try backend.journalChainProblems() }
    /// The migrations applied when the store was opened (see `StoreBackend`).
    public var migrationsApplied: [String] { backend.migrationsApplied }

    /// Each record whose mirrors (plain columns, rows of its tables) differ from its body, with what
    /// differs; empty when they all agree or the backend keeps none.
    public func mirrorProblems() throws -> [(id: ID, differences: [Wording])] {
        try drift().map { ($0.record.id, $0.differences) }
    }

    /// Each record whose mirrors differ from its body, decoded, with what differs.
    private func drift() throws -> [(record: Record, differences: [Wording])] {
        guard let stored = try backend.storedMirrors() else { return [] }
        let (records, _) = try backend.items()
        let decoder = JSONDecoder()
        var problems: [(record: Record, differences: [Wording])] = []
        for state in records {
            let record = try decoder.decode(Record.self, from: Data(state.body.utf8))
            guard let mirror = stored[record.id] else {
                problems.append((record, [Wording("aucune ligne dans records pour ce corps", "no row in records for this body")]))
                continue
            }
            let differences = mirror.differences(from: RecordMirror(record))
            if !differences.isEmpty { problems.append((record, differences)) }
        }
        return problems
    }

    /// Writes the mirrors of every record whose mirrors differ from its body again from the body, in
    /// one transaction; returns those records' ids.
    public func repairMirrors() throws -> [ID] {
        if let readOnlyReason { throw StoreError.readOnly(readOnlyReason) }
        let records = try drift().map(\.record)
        guard !records.isEmpty else { return [] }
        try backend.rebuildMirrors(records)
        return records.map(\.id)
    }
    /// Everything the workspace holds, for copying or checking it.
    public func dump() throws -> WorkspaceDump { try backend.dump() }
    /// Writes a dump as it was; see `StoreBackend.restore`.
    public func restore(_ dump: WorkspaceDump, replacing: Bool) throws {
        if let readOnlyReason { throw StoreError.readOnly(readOnlyReason) }
        try backend.restore(dump, replacing: replacing)
    }

    // MARK: Writing

    /// Writes a change in one transaction, refusing a stale edit; returns its journal entry. The author
    /// is the backend's identity (a server's login) when it has one, else `given`.
    public func save(_ change: Change, author given: String) throws -> JournalEntry {
        let author = backend.identity ?? given
        // One record at a version the writer read: in one step where the backend can (a server).
        if change.entities.isEmpty, change.records.count == 1, let record = change.records.first,
            let expected = change.expectedVersions[record.id], backend.savesOneRecordInOneStep
        {
            if let readOnlyReason { throw StoreError.readOnly(readOnlyReason) }
            let entry = JournalEntry(
                sequence: 0, at: StoreTime.now(), author: author, action: change.action, summary: change.summary,
                undoes: nil, items: [])
            if let saved = try backend.save(record, body: try Self.json(record), expected: expected, entry: entry) { return saved }
        }
        return try writing { transaction in
            var items: [JournalEntry.Item] = []
            for record in change.records {
                let current = try transaction.state(of: .record, id: record.id)
                let found = current?.version ?? 0
                if let expected = change.expectedVersions[record.id], expected != found {
                    throw found > 0 && expected == 0 && change.action == .add
                        ? StoreError.exists(record.id)
                        : StoreError.stale(
                            id: record.id, expected: expected, found: found, by: current?.updatedBy ?? "?",
                            at: current?.updatedAt ?? "?")
                }
                let body = try Self.json(record)
                try transaction.put(record, body: body, version: found + 1, author: author)
                items.append(
                    JournalEntry.Item(
                        kind: .record, id: record.id, before: current?.body, after: body,
                        versionBefore: found, versionAfter: found + 1))
            }
            for entity in change.entities {
                let current = try transaction.state(of: .entity, id: entity.id)
                if current != nil, change.action == .add { throw StoreError.exists(entity.id) }
                let found = current?.version ?? 0
                let body = try Self.json(entity)
                try transaction.put(entity, body: body, version: found + 1, recordedWith: change.records.first?.id, author: author)
                items.append(
                    JournalEntry.Item(
                        kind: .entity, id: entity.id, before: current?.body, after: body,
                        versionBefore: found, versionAfter: found + 1))
            }
            return try Self.append(
                JournalEntry(
                    sequence: 0, at: transaction.now, author: author, action: change.action,
                    summary: change.summary, undoes: nil, items: items), to: transaction)
        }
    }

    /// Records the inverse of this author's newest change not yet undone; returns its journal entry.
    public func undoLast(author given: String) throws -> JournalEntry {
        guard let plan = try plan(.undo, author: given, anyone: false) else { throw StoreError.nothingToUndo }
        return try takeBack(plan, author: given)
    }

    /// What an undo (or a redo) would take back now: this author's newest change (`anyone`: anyone's),
    /// with what a question before it needs (whose it is, whether it removes a record). Reads only.
    public func plan(_ direction: UndoRules.Direction, author given: String, anyone: Bool) throws -> TakeBackPlan? {
        let author = backend.identity ?? given
        let journal = try backend.journalIndex()
        guard let target = UndoRules.target(journal, direction, scope: anyone ? .anyone : .mine(author)) else { return nil }
        let origin = UndoRules.origin(of: target, in: journal)
        // The title the record had at that change: the record may have left the store since.
        let title = try backend.entry(origin.sequence)?.recordTitle
        return TakeBackPlan(target: target, origin: origin, direction: direction, mine: target.author == author, title: title)
    }

    /// Records the inverse of the plan's entry, if it may still be taken back (someone may have done
    /// so meanwhile: then nothing is written and `alreadyTakenBack` says so); returns its journal entry.
    public func takeBack(_ plan: TakeBackPlan, author given: String) throws -> JournalEntry {
        let author = backend.identity ?? given
        return try writing { transaction in
            let journal = try transaction.journalLinks()
            guard let link = journal.first(where: { $0.sequence == plan.target.sequence }),
                UndoRules.canTakeBack(link, in: journal, plan.direction),
                let target = try transaction.entry(plan.target.sequence)
            else {
                throw StoreError.alreadyTakenBack(plan.target.sequence)
            }
            var items: [JournalEntry.Item] = []
            for item in target.items.reversed() {
                let current = try transaction.state(of: item.kind, id: item.id)
                // Someone changed the item since: taking it back would throw their change away.
                if current?.body != item.after {
                    throw StoreError.stale(
                        id: item.id, expected: 0, found: current?.version ?? 0, by: current?.updatedBy ?? "?",
                        at: current?.updatedAt ?? "?")
                }
                let found = current?.version ?? 0
                if let before = item.before {
                    switch item.kind {
                    case .entity:
                        let entity = try JSONDecoder().decode(Entity.self, from: Data(before.utf8))
                        try transaction.put(entity, body: before, version: found + 1, recordedWith: current?.recordedWith, author: author)
                    case .record:
                        let record = try JSONDecoder().decode(Record.self, from: Data(before.utf8))
                        try transaction.put(record, body: before, version: found + 1, author: author)
                    }
                } else {
                    try transaction.remove(item.kind, id: item.id)
                }
                items.append(
                    JournalEntry.Item(
                        kind: item.kind, id: item.id, before: current?.body, after: item.before,
                        versionBefore: found, versionAfter: item.before == nil ? 0 : found + 1))
            }
            let origin = UndoRules.origin(of: link, in: journal)
            let summary =
                plan.direction == .undo && link.action != .undo
                ? "undo #\(target.sequence): \(target.summary)"
                : "\(plan.direction == .undo ? "undo" : "redo") #\(origin.sequence): \(origin.summary)"
            return try Self.append(
                JournalEntry(
                    sequence: 0, at: transaction.now, author: author, action: .undo, summary: summary,
                    undoes: target.sequence, items: items), to: transaction)
        }
    }

    /// Keeps a form's content under its key, replacing what was there.
    public func saveDraft(_ draft: StoredDraft) throws {
        if let readOnlyReason { throw StoreError.readOnly(readOnlyReason) }
        try backend.saveDraft(draft)
    }

    /// Forgets the draft kept under `key`.
    public func deleteDraft(key: String) throws {
        if let readOnlyReason { throw StoreError.readOnly(readOnlyReason) }
        try backend.deleteDraft(key: key)
    }

    // MARK: Helpers

    private func writing<T>(_ body: (any StoreTransaction) throws -> T) throws -> T {
        if let readOnlyReason { throw StoreError.readOnly(readOnlyReason) }
        return try backend.transaction(body)
    }

    private static func append(_ entry: JournalEntry, to transaction: any StoreTransaction) throws -> JournalEntry {
        var entry = entry
        entry.sequence = try transaction.append(entry)
        return entry
    }

    /// Canonical JSON: what the journal compares and what a backend keeps.
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Results of parallel slices, each written by one thread.
    private final class Slices<T>: @unchecked Sendable {
        var values: [[T]]
        var failure: Error?
        let lock = NSLock()
        init(_ count: Int) { values = Array(repeating: [], count: count) }
    }

    private static func decodeInParallel<T>(_ inputs: [ItemState], _ decode: @escaping @Sendable (ItemState, JSONDecoder) throws -> T) throws -> [T] {
        let count = inputs.count < 256 ? 1 : ProcessInfo.processInfo.activeProcessorCount * 2
        let size = (inputs.count + count - 1) / count
        let slices = Slices<T>(count)
        DispatchQueue.concurrentPerform(iterations: count) { slice in
            let decoder = JSONDecoder()
            let range = min(inputs.count, slice * size)..<min(inputs.count, (slice + 1) * size)
            do {
                let values = try inputs[range].map { try decode($0, decoder) }
                slices.lock.lock()
                slices.values[slice] = values
                slices.lock.unlock()
            } catch {
                slices.lock.lock()
                slices.failure = slices.failure ?? error
                slices.lock.unlock()
            }
        }
        if let failure = slices.failure {
            throw StoreError.failed(Wording("un élément enregistré est illisible\u{00A0}: \(failure)", "a stored item cannot be read: \(failure)"))
        }
        return slices.values.flatMap { $0 }
    }
}
