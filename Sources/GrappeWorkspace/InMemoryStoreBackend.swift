import Foundation
import GrappeModel
import GrappeWords

/// A store backend held in memory, for the core's tests and for trying things out: the same contract
/// as the SQLite file (one transaction at a time, all or nothing), gone with the process.
public final class InMemoryStoreBackend: StoreBackend, @unchecked Sendable {
    /// Everything the backend holds; a transaction works on a copy that replaces it on success.
    struct Contents {
        var records: [ID: ItemState] = [:]
        var recordOrder: [ID] = []
        var entities: [ID: ItemState] = [:]
        var entityOrder: [ID] = []
        var journal: [JournalEntry] = []
        var drafts: [String: StoredDraft] = [:]
        /// When and by whom each item ("record id", "entity id") was first stored.
        var created: [String: (at: String, by: String)] = [:]
    }

    /// A name for messages; nothing is stored there.
    public let location: String
    /// Why it refuses writes, when it is made read-only for a test.
    public let readOnlyReason: Wording?
    private let clock: @Sendable () -> String
    private let lock = NSLock()
    private var contents = Contents()

    /// `clock` gives each transaction's time (ISO 8601); `readOnlyReason` makes a backend that refuses writes.
    public init(location: String = "memory", readOnlyReason: Wording? = nil, clock: @escaping @Sendable () -> String = StoreTime.now) {
        self.location = location
        self.readOnlyReason = readOnlyReason
        self.clock = clock
    }

    private func withContents<T>(_ body: (inout Contents) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&contents)
    }

    /// Runs `body` on a copy of the contents, kept only if it returns (see `StoreBackend`).
    public func transaction<T>(_ body: (any StoreTransaction) throws -> T) throws -> T {
        if let readOnlyReason { throw StoreError.readOnly(readOnlyReason) }
        return try withContents { contents in
            let transaction = Transaction(contents: contents, now: clock())
            let result = try body(transaction)
            contents = transaction.contents
            return result
        }
    }

    /// Every record and entity, in the order first stored (see `StoreBackend`).
    public func items() throws -> (records: [ItemState], entities: [ItemState]) {
        withContents { contents in
            (contents.recordOrder.compactMap { contents.records[$0] }, contents.entityOrder.compactMap { contents.entities[$0] })
        }
    }

    /// The journal, newest first (see `StoreBackend`).
    public func history(limit: Int?) throws -> [JournalEntry] {
        withContents { contents in Array(contents.journal.reversed().prefix(limit ?? Int.max)) }
    }

    /// One journal entry with its items (see `StoreBackend`).
    public func entry(_ sequence: Int) throws -> JournalEntry? {
        withContents { contents in contents.journal.first { $0.sequence == sequence } }
    }

    /// The newest entry's number, 0 for none (see `StoreBackend`).
    public func journalHead() throws -> Int {
        withContents { contents in contents.journal.last?.sequence ?? 0 }
    }

    /// The journal, oldest first, without the states (see `StoreBackend`).
    public func journalIndex() throws -> [JournalEntry] {
        withContents { contents in
            contents.journal.map { entry in
                var entry = entry
                entry.items = entry.items.map { item in
                    var item = item
                    item.before = nil
                    item.after = nil
                    return item
                }
                return entry
            }
        }
    }

    /// The drafts kept, newest first (see `StoreBackend`).
    public func drafts() throws -> [StoredDraft] {
        withContents { contents in contents.drafts.values.sorted { ($0.updatedAt, $0.key) > ($1.updatedAt, $1.key) } }
    }

    /// Keeps a draft under its key, replacing the one before (see `StoreBackend`).
    public func saveDraft(_ draft: StoredDraft) throws {
        if let readOnlyReason { throw StoreError.readOnly(readOnlyReason) }
        withContents { contents in contents.drafts[draft.key] = draft }
    }

    /// Forgets a draft (see `StoreBackend`).
    public func deleteDraft(key: String) throws {
        if let readOnlyReason { throw StoreError.readOnly(readOnlyReason) }
        _ = withContents { contents in contents.drafts.removeValue(forKey: key) }
    }

    /// Every listed id is stored and every stored id listed, once; journal numbers increase.
    public func integrityCheck() throws -> [String] {
        withContents { contents in
            var problems: [String] = []
            if Set(contents.recordOrder) != Set(contents.records.keys) || contents.recordOrder.count != contents.records.count {
                problems.append("records and their order disagree")
            }
            if Set(contents.entityOrder) != Set(contents.entities.keys) || contents.entityOrder.count != contents.entities.count {
                problems.append("entities and their order disagree")
            }
            if zip(contents.journal, contents.journal.dropFirst()).contains(where: { $0.sequence >= $1.sequence }) {
                problems.append("journal sequence numbers do not increase")
            }
            return problems
        }
    }

    /// Everything it holds (see `StoreBackend`).
    public func dump() throws -> WorkspaceDump {
        withContents { contents in
            func item(_ kind: JournalEntry.Item.Kind, _ id: ID, _ state: ItemState) -> WorkspaceDump.Item {
                let created = contents.created["\(kind.rawValue) \(id)"] ?? (state.updatedAt, state.updatedBy)
                return WorkspaceDump.Item(kind: kind, id: id, state: state, createdAt: created.at, createdBy: created.by)
            }
            let records = contents.recordOrder.compactMap { id in contents.records[id].map { item(.record, id, $0) } }
            let entities = contents.entityOrder.compactMap { id in contents.entities[id].map { item(.entity, id, $0) } }
            return WorkspaceDump(
                items: records + entities, journal: contents.journal,
                drafts: contents.drafts.values.sorted { ($0.updatedAt, $0.key) > ($1.updatedAt, $1.key) })
        }
    }

    /// Puts a dump back as it was (see `StoreBackend`).
    public func restore(_ dump: WorkspaceDump, replacing: Bool) throws {
        if let readOnlyReason { throw StoreError.readOnly(readOnlyReason) }
        try withContents { contents in
            guard replacing || (contents.records.isEmpty && contents.entities.isEmpty && contents.journal.isEmpty && contents.drafts.isEmpty) else {
                throw StoreError.failed(Wording("\(location) n'est pas vide", "\(location) is not empty"))
            }
            var restored = Contents()
            for item in dump.items {
                switch item.kind {
                case .record:
                    restored.records[item.id] = item.state
                    restored.recordOrder.append(item.id)
                case .entity:
                    restored.entities[item.id] = item.state
                    restored.entityOrder.append(item.id)
                }
                restored.created["\(item.kind.rawValue) \(item.id)"] = (item.createdAt, item.createdBy)
            }
            restored.journal = dump.journal
            for draft in dump.drafts { restored.drafts[draft.key] = draft }
            contents = restored
        }
    }

    /// The copy a transaction changes.
    final class Transaction: StoreTransaction {
        var contents: Contents
        let now: String

        init(contents: Contents, now: String) {
            self.contents = contents
            self.now = now
        }

        func state(of kind: JournalEntry.Item.Kind, id: ID) throws -> ItemState? {
            kind == .record ? contents.records[id] : contents.entities[id]
        }

        func put(_ record: Record, body: String, version: Int, author: String) throws {
            if contents.records[record.id] == nil {
                contents.recordOrder.append(record.id)
                contents.created["record \(record.id)"] = (now, author)
            }
            contents.records[record.id] = ItemState(body: body, version: version, updatedAt: now, updatedBy: author)
        }

        func put(_ entity: Entity, body: String, version: Int, recordedWith: ID?, author: String) throws {
            if contents.entities[entity.id] == nil {
                contents.entityOrder.append(entity.id)
                contents.created["entity \(entity.id)"] = (now, author)
            }
            contents.entities[entity.id] = ItemState(
                body: body, version: version, updatedAt: now, updatedBy: author,
                recordedWith: contents.entities[entity.id]?.recordedWith ?? recordedWith)
        }

        func remove(_ kind: JournalEntry.Item.Kind, id: ID) throws {
            switch kind {
            case .record:
                contents.records[id] = nil
                contents.recordOrder.removeAll { $0 == id }
            case .entity:
                contents.entities[id] = nil
                contents.entityOrder.removeAll { $0 == id }
            }
        }

        func journalLinks() throws -> [JournalEntry] {
            contents.journal.map { entry in
                var entry = entry
                entry.items = []
                return entry
            }
        }

        func entry(_ sequence: Int) throws -> JournalEntry? { contents.journal.first { $0.sequence == sequence } }

        func append(_ entry: JournalEntry) throws -> Int {
            var entry = entry
            entry.sequence = (contents.journal.last?.sequence ?? 0) + 1
            contents.journal.append(entry)
            return entry.sequence
        }
    }
}
