import Foundation
import GrappeModel
import GrappeWords
import GrappeWorkspace

/// The team's workspace store on a PostgreSQL server, through libpq: one workspace (a
/// network's records, journal and drafts) among those the database holds. Writers serialise per
/// workspace on an advisory lock held for their transaction, as SQLite's writers do on the file; each
/// committed change is announced with `NOTIFY grappe` so that open dashboards follow it. The journal's
/// rules are `JournaledStore`'s; this adapter only stores.
///
/// One connection, used by one caller at a time; it is opened again when the server went away.
/// Every statement is parameterised; connections and statements have timeouts, so nothing hangs.
final class PostgresStoreBackend: StoreBackend, @unchecked Sendable {
    let location: String
    let workspace: String
    /// The role this login writes as (`--author`), where the server lets it (the login is a member).
    let actingAs: String?
    var readOnlyReason: Wording?
    /// The database user, whom the journal names as the author of every change.
    var identity: String?
    /// The migrations this open applied, oldest first (see `StoreBackend`).
    var migrationsApplied: [String] = []

    let target: PostgresLocation
    let lock = NSLock()
    var connection: PQConnection?

    static let channel = "grappe"
    /// How long one statement may run on the server before it is cancelled.
    static let statementTimeout: Int64 = 30
    /// How long to wait for any answer before the connection is taken for lost and closed: longer than
    /// the server's own timeouts, so that a slow statement is cancelled by the server, not cut here.
    /// An interactive caller (the dashboard) sets it shorter.
    var answerTimeout: Double = Double(PostgresStoreBackend.statementTimeout + 10)
    /// `save_record`'s call, prepared on each connection at its first save: later saves send only its
    /// parameters, and the server neither parses nor plans it again (about 0.08 ms of a save).
    static let saveName = "grappe_save_record"

    /// Connects and makes the schema current. Nil when the database holds no Grappe schema yet and
    /// `access` only reads (nothing stored yet); created for writing.
    static func open(
        _ text: String, workspace: String, for access: StoreAccess, actingAs: String? = nil,
        environment: [String: String]? = nil
    ) throws -> PostgresStoreBackend? {
        let target = try PostgresLocation(text, environment: environment)
        let backend = PostgresStoreBackend(target: target, workspace: workspace, actingAs: actingAs)
        guard try backend.prepare(for: access) else { return nil }
        return backend
    }

    private init(target: PostgresLocation, workspace: String, actingAs: String?) {
        self.target = target
        self.workspace = workspace
        self.actingAs = actingAs
        location = target.display
    }

    deinit {
        listener?.stop()
        connection?.close()
    }

    // MARK: Reading

    func items() throws -> (records: [ItemState], entities: [ItemState]) {
        try withConnection { connection in
            try execute(connection, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            defer { try? execute(connection, "COMMIT") }
            let records = try rows(
                connection,
                """
                SELECT body, version, updated_at, updated_by FROM grappe.records WHERE workspace = \(workspace) ORDER BY ord
                """
            ).map(Self.recordState)
            let entities = try rows(
                connection,
                """
                SELECT body, version, updated_at, updated_by, recorded_with FROM grappe.entities WHERE workspace = \(workspace) ORDER BY ord
                """
            ).map(Self.entityState)
            return (records, entities)
        }
    }

    func history(limit: Int?) throws -> [JournalEntry] {
        try withConnection { connection in
            let entries = try rows(
                connection,
                """
                SELECT seq, at, author, action, summary, undoes FROM grappe.journal WHERE workspace = \(workspace)
                ORDER BY seq DESC LIMIT \(limit ?? Int(Int32.max))
                """
            ).map(Self.entry)
            guard let oldest = entries.last?.sequence else { return [] }
            var items: [Int: [JournalEntry.Item]] = [:]
            for row in try rows(
                connection,
                """
                SELECT i.seq, i.object_kind, i.object_id, i.before, i.after, i.version_before, i.version_after
                FROM grappe.journal_items i
                WHERE i.workspace = \(workspace) AND i.seq >= \(oldest) ORDER BY i.seq, i.position
                """)
            {
                items[try row.int(0), default: []].append(
                    JournalEntry.Item(
                        kind: JournalEntry.Item.Kind(rawValue: try row.string(1)) ?? .record,
                        id: try row.string(2), before: row.optionalString(3), after: row.optionalString(4),
                        versionBefore: try row.int(5), versionAfter: try row.int(6)))
            }
            return entries.map { entry in
                var entry = entry
                entry.items = items[entry.sequence] ?? []
                return entry
            }
        }
    }

    func journalIndex() throws -> [JournalEntry] {
        try withConnection { connection in
            var entries = try rows(connection, Self.journalQuery(workspace)).map(Self.entry)
            var position: [Int: Int] = [:]
            for (index, entry) in entries.enumerated() { position[entry.sequence] = index }
            for row in try rows(
                connection,
                """
                SELECT i.seq, i.object_kind, i.object_id, i.version_before, i.version_after
                FROM grappe.journal_items i
                WHERE i.workspace = \(workspace) ORDER BY i.seq, i.position
                """)
            {
                guard let index = position[try row.int(0)] else { continue }
                entries[index].items.append(
                    JournalEntry.Item(
                        kind: JournalEntry.Item.Kind(rawValue: try row.string(1)) ?? .record, id: try row.string(2),
                        before: nil, after: nil, versionBefore: try row.int(3), versionAfter: try row.int(4)))
            }
            return entries
        }
    }

    /// From `NOTIFY grappe` while a listening connection is up (no query at all); else asked, and the
    /// listener started again.
    func journalHead() throws -> Int {
        if let listener {
            let state = listener.state.withLock { $0 }
            if state.listening, let head = state.head { return head }
            // The listener knows the server is gone and is connecting again: say so now rather than
            // wait for a connection of our own to time out.
            if let problem = state.problem { throw problem }
        } else {
            let listener = PostgresListener(target: target, workspace: workspace)
            self.listener = listener
            listener.start()
        }
        return try withConnection { connection in
            try one(connection, Self.headQuery(workspace)).int(0)
        }
    }

    /// The connection that hears announcements and watches the server, started at the first look at
    /// the journal's head (the dashboard's; a command line never starts it).
    private var listener: PostgresListener?

    /// Whether announcements are being heard (for tests).
    var isListening: Bool { listener?.state.withLock { $0.listening } ?? false }

    func announceEditing(_ id: ID?) {
        listener?.editing.withLock { $0 = id }
    }

    var othersEditing: [ID: [String]] { listener?.othersEditing ?? [:] }

    /// Whether the server answers, as the listener last found; unknown before it has tried.
    var health: ConnectionHealth {
        guard let state = listener?.state.withLock({ $0 }), state.tried else { return .unknown }
        if state.listening { return .online }
        let problem = state.problem ?? .unavailable(location: location, detail: Wording("injoignable", "unreachable"))
        return .offline(Wording(problem.description(in: .fr), problem.description(in: .en)))
    }

    func entry(_ sequence: Int) throws -> JournalEntry? {
        try withConnection { connection in try Self.entry(sequence, workspace: workspace) { try self.rows(connection, $0) } }
    }

    /// One entry with its items, read with `rows` (a connection's, or a transaction's).
    static func entry(_ sequence: Int, workspace: String, rows: (SQL) throws -> [PQRow]) throws -> JournalEntry? {
        guard
            let row = try rows(
                """
                SELECT seq, at, author, action, summary, undoes FROM grappe.journal WHERE workspace = \(workspace) AND seq = \(sequence)
                """
            ).first
        else { return nil }
        var entry = try Self.entry(row)
        entry.items = try rows(
            """
            SELECT object_kind, object_id, before, after, version_before, version_after FROM grappe.journal_items
            WHERE workspace = \(workspace) AND seq = \(entry.sequence) ORDER BY position
            """
        ).map { row in
            JournalEntry.Item(
                kind: JournalEntry.Item.Kind(rawValue: try row.string(0)) ?? .record, id: try row.string(1), before: row.optionalString(2),
                after: row.optionalString(3), versionBefore: try row.int(4), versionAfter: try row.int(5))
        }
        return entry
    }

    /// Every entry of a workspace's journal, oldest first, without items (read by `entry(_:)`).
    static func journalQuery(_ workspace: String) -> SQL {
        "SELECT seq, at, author, action, summary, undoes FROM grappe.journal WHERE workspace = \(workspace) ORDER BY seq"
    }

    /// The newest entry's number in a workspace's journal, 0 for none.
    static func headQuery(_ workspace: String) -> SQL {
        "SELECT coalesce(max(seq), 0)::bigint FROM grappe.journal WHERE workspace = \(workspace)"
    }

    static func entry(_ row: PQRow) throws -> JournalEntry {
        JournalEntry(
            sequence: try row.int(0), at: try row.string(1), author: try row.string(2),
            action: Change.Action(rawValue: try row.string(3)) ?? .edit, summary: try row.string(4), undoes: try row.optionalInt(5), items: [])
    }

    static func recordState(_ row: PQRow) throws -> ItemState {
        ItemState(body: try row.string(0), version: try row.int(1), updatedAt: try row.string(2), updatedBy: try row.string(3))
    }

    static func entityState(_ row: PQRow) throws -> ItemState {
        ItemState(
            body: try row.string(0), version: try row.int(1), updatedAt: try row.string(2), updatedBy: try row.string(3),
            recordedWith: row.optionalString(4))
    }

    /// The workspaces the database holds anything for, by name.
    func workspaces() throws -> [String] {
        try withConnection { connection in
            try rows(
                connection,
                """
                SELECT workspace FROM grappe.records UNION SELECT workspace FROM grappe.entities UNION SELECT workspace FROM grappe.journal
                UNION SELECT workspace FROM grappe.drafts ORDER BY 1
                """
            ).map { try $0.string(0) }
        }
    }

    func drafts() throws -> [StoredDraft] {
        try withConnection { connection in
            try rows(
                connection,
                """
                SELECT key, body, updated_at FROM grappe.drafts WHERE workspace = \(workspace) ORDER BY updated_at DESC
                """
            ).map { row in
                StoredDraft(key: try row.string(0), json: try row.string(1), updatedAt: try row.string(2))
            }
        }
    }

    // MARK: Writing

    func transaction<T>(_ body: (any StoreTransaction) throws -> T) throws -> T {
        if let readOnlyReason { throw StoreError.readOnly(readOnlyReason) }
        return try withConnection { connection in
            let transaction = PostgresTransaction(backend: self, connection: connection, now: StoreTime.now())
            do {
                // BEGIN and the workspace's lock go out with the transaction's first read: one round trip.
                try transaction.send("BEGIN")
                try transaction.send("SELECT pg_advisory_xact_lock(hashtextextended(\("grappe workspace " + workspace), 0))")
                let result = try body(transaction)
                // COMMIT goes out with the statements still held; in a pipeline, a COMMIT behind a failed
                // statement is skipped, never run as a rollback that reads as success.
                try transaction.send("COMMIT")
                try transaction.settle()
                return result
            } catch {
                try? transaction.settle()
                if !connection.isClosed { try? execute(connection, "ROLLBACK") }
                throw error
            }
        }
    }

    var savesOneRecordInOneStep: Bool { true }

    /// One statement, its own transaction: grappe.save_record (PostgresSchema) takes the workspace's
    /// lock, checks the version, writes the record and the journal entry and announces it.
    func save(_ record: Record, body: String, expected: Int, entry: JournalEntry) throws -> JournalEntry? {
        if let readOnlyReason { throw StoreError.readOnly(readOnlyReason) }
        let row = RecordColumns(record)
        let parameters: [String?] = [
            workspace, row.id, String(expected), row.kind, row.title, row.status, row.start, row.end,
            row.budgetCents.map { String($0) }, row.budgetCurrency, entry.at, entry.author, body, entry.action.rawValue,
            entry.summary, Self.channel,
        ]
        return try withConnection { connection in
            guard let answer = try savedRows(connection, parameters).first else { return nil }
            let (sequence, versionBefore, before) = (try answer.int(0), try answer.int(1), answer.optionalString(2))
            var saved = entry
            saved.sequence = sequence
            saved.items = [
                JournalEntry.Item(
                    kind: .record, id: record.id, before: before, after: body, versionBefore: versionBefore,
                    versionAfter: versionBefore + 1)
            ]
            return saved
        }
    }

    static let saveStatement = """
        SELECT entry_seq, version_before, body_before FROM grappe.save_record($1, $2, $3::integer, $4, $5, $6::text, $7::text,
                                                                              $8::text, $9::bigint, $10::text, $11, $12, $13, $14, $15, $16)
        """

    /// Runs the prepared save, preparing it on this connection first when it is not (both in one round
    /// trip). A statement the server no longer knows as prepared (`DEALLOCATE ALL`, a pooler's other
    /// session), or whose plan a migration changed, is prepared again once.
    private func savedRows(_ connection: PQConnection, _ parameters: [String?]) throws -> [PQRow] {
        func run() throws -> [PQRow] {
            var statements: [PQConnection.Statement] = []
            if !connection.prepared.contains(Self.saveName) { statements.append(.prepare(name: Self.saveName, sql: Self.saveStatement)) }
            statements.append(.prepared(name: Self.saveName, binds: parameters))
            let answers = try connection.run(statements, timeout: answerTimeout)
            connection.prepared.insert(Self.saveName)
            return answers.last ?? []
        }
        do {
            return try run()
        } catch  where ["26000", "0A000"].contains(PostgresErrors.sqlState(error)) {
            connection.prepared.remove(Self.saveName)
            return try run()
        } catch  where PostgresErrors.sqlState(error) == "42P05" {
            // Prepared already on this session (a pooler gave it back): use it.
            connection.prepared.insert(Self.saveName)
            return try run()
        }
    }

    /// What `NOTIFY grappe` says of a change: the workspace and the journal entry, tab-separated.
    static func announcement(workspace: String, sequence: Int) -> String { "\(workspace)\t\(sequence)" }

    func saveDraft(_ draft: StoredDraft) throws {
        if let readOnlyReason { throw StoreError.readOnly(readOnlyReason) }
        try withConnection { connection in
            try execute(
                connection,
                """
                INSERT INTO grappe.drafts (workspace, key, updated_at, body) VALUES (\(workspace), \(draft.key), \(draft.updatedAt), \(draft.json))
                ON CONFLICT (workspace, key) DO UPDATE SET updated_at = excluded.updated_at, body = excluded.body
                """)
        }
    }

    func deleteDraft(key: String) throws {
        if let readOnlyReason { throw StoreError.readOnly(readOnlyReason) }
        try withConnection { connection in
            try execute(connection, "DELETE FROM grappe.drafts WHERE workspace = \(workspace) AND key = \(key)")
        }
    }
}
