import GrappeModel
import GrappeWorkspace
import PostgresNIO

/// One transaction on the server, holding the workspace's advisory lock, as the journal rules see it.
/// Statements whose answer is not needed (the inserts and deletes of a save) are sent without waiting
/// for each: the connection runs them in order while the next is prepared, and the transaction waits
/// for all of them, failing with the first error, before it reads anything or commits. A save is then
/// a few waits instead of one per row.
final class PostgresTransaction: StoreTransaction {
    let backend: PostgresStoreBackend
    let connection: PostgresConnection
    let now: String
    /// The journal entries appended, for the announcement after commit.
    private(set) var appended: [Int] = []

    init(backend: PostgresStoreBackend, connection: PostgresConnection, now: String) {
        self.backend = backend
        self.connection = connection
        self.now = now
    }

    /// Statements sent and not yet answered, oldest first.
    private var inFlight: [EventLoopFuture<PostgresQueryResult>] = []

    private var workspace: String { backend.workspace }

    /// Sends a statement without waiting for its answer (see `settle`).
    func send(_ query: PostgresQuery) throws {
        inFlight.append(connection.query(query, logger: PostgresStoreBackend.logger))
    }

    private func rows(_ query: PostgresQuery) throws -> [PostgresRow] {
        try settle()
        return try backend.rows(connection, query)
    }

    /// Waits for every statement sent; the first that failed is thrown (the server has then aborted the
    /// transaction, so nothing after it took effect).
    func settle() throws {
        let sent = inFlight
        inFlight = []
        try backend.awaitAll(connection, sent)
    }

    func state(of kind: JournalEntry.Item.Kind, id: ID) throws -> ItemState? {
        switch kind {
        case .record:
            return try rows("""
                SELECT body, version, updated_at, updated_by FROM grappe.records WHERE workspace = \(workspace) AND id = \(id)
                """).first.map { row in
                let (body, version, at, by) = try row.decode((String, Int, String, String).self)
                return ItemState(body: body, version: version, updatedAt: at, updatedBy: by)
            }
        case .entity:
            return try rows("""
                SELECT body, version, updated_at, updated_by, recorded_with FROM grappe.entities WHERE workspace = \(workspace) AND id = \(id)
                """).first.map { row in
                let (body, version, at, by, recordedWith) = try row.decode((String, Int, String, String, String?).self)
                return ItemState(body: body, version: version, updatedAt: at, updatedBy: by, recordedWith: recordedWith)
            }
        }
    }

    func put(_ record: Record, body: String, version: Int, author: String) throws {
        let row = RecordRow(record, workspace: workspace, body: body, version: version, now: now, author: author)
        try send("""
            INSERT INTO grappe.records (workspace, id, kind, title, status, start, "end", budget_cents, budget_currency, version,
                                        created_at, created_by, updated_at, updated_by, body)
            VALUES (\(workspace), \(row.id), \(row.kind), \(row.title), \(row.status), \(row.start), \(row.end), \(row.budget_cents),
                    \(row.budget_currency), \(row.version), \(row.created_at), \(row.created_by), \(row.updated_at), \(row.updated_by), \(row.body))
            ON CONFLICT (workspace, id) DO UPDATE SET kind = excluded.kind, title = excluded.title, status = excluded.status,
                start = excluded.start, "end" = excluded."end", budget_cents = excluded.budget_cents,
                budget_currency = excluded.budget_currency, version = excluded.version, updated_at = excluded.updated_at,
                updated_by = excluded.updated_by, body = excluded.body
            """)
        try removeChildren(of: record.id)
        for (position, party) in record.parties.enumerated() {
            try send("""
                INSERT INTO grappe.record_parties (workspace, record_id, position, entity_id, role, title, attendance)
                VALUES (\(workspace), \(record.id), \(position), \(party.entity), \(party.role.rawValue), \(party.title), \(party.attendance?.rawValue))
                """)
        }
        let mission = record.mission
        for (position, city) in record.places.enumerated() {
            try send("""
                INSERT INTO grappe.record_places (workspace, record_id, position, city_id, is_origin)
                VALUES (\(workspace), \(record.id), \(position), \(city), \(mission?.origin != nil && position == 0))
                """)
        }
        for (position, outcome) in (mission?.outcomes ?? []).enumerated() {
            try send("""
                INSERT INTO grappe.mission_outcomes (workspace, record_id, position, agreement_id, partner_id, text)
                VALUES (\(workspace), \(record.id), \(position), \(outcome.agreement), \(outcome.partner), \(outcome.text))
                """)
        }
        for (position, objective) in (mission?.objectives ?? []).enumerated() {
            try send("""
                INSERT INTO grappe.mission_objectives (workspace, record_id, position, text) VALUES (\(workspace), \(record.id), \(position), \(objective))
                """)
        }
    }

    func put(_ entity: Entity, body: String, version: Int, recordedWith: ID?, author: String) throws {
        try send("""
            INSERT INTO grappe.entities (workspace, id, kind, name, recorded_with, version, created_at, created_by, updated_at, updated_by, body)
            VALUES (\(workspace), \(entity.id), \(entity.kind.rawValue), \(entity.name), \(recordedWith), \(version), \(now), \(author), \(now),
                    \(author), \(body))
            ON CONFLICT (workspace, id) DO UPDATE SET kind = excluded.kind, name = excluded.name, version = excluded.version,
                updated_at = excluded.updated_at, updated_by = excluded.updated_by, body = excluded.body
            """)
    }

    func remove(_ kind: JournalEntry.Item.Kind, id: ID) throws {
        switch kind {
        case .record:
            try removeChildren(of: id)
            try send("DELETE FROM grappe.records WHERE workspace = \(workspace) AND id = \(id)")
        case .entity:
            try send("DELETE FROM grappe.entities WHERE workspace = \(workspace) AND id = \(id)")
        }
    }

    func newestUndoable() throws -> JournalEntry? {
        guard let row = try rows("""
            SELECT seq, at, author, action, summary, undoes FROM grappe.journal j
            WHERE workspace = \(workspace) AND action <> 'undo'
              AND NOT EXISTS (SELECT 1 FROM grappe.journal u WHERE u.workspace = j.workspace AND u.undoes = j.seq)
            ORDER BY seq DESC LIMIT 1
            """).first else { return nil }
        var entry = try PostgresStoreBackend.entry(row)
        entry.items = try rows("""
            SELECT object_kind, object_id, before, after, version_before, version_after FROM grappe.journal_items
            WHERE workspace = \(workspace) AND seq = \(entry.sequence) ORDER BY position
            """).map { row in
            let (kind, id, before, after, versionBefore, versionAfter) = try row.decode((String, String, String?, String?, Int, Int).self)
            return JournalEntry.Item(kind: JournalEntry.Item.Kind(rawValue: kind) ?? .record, id: id, before: before, after: after,
                                     versionBefore: versionBefore, versionAfter: versionAfter)
        }
        return entry
    }

    /// Numbers count within the workspace: the advisory lock held by this transaction makes the next
    /// number this one's alone.
    func append(_ entry: JournalEntry) throws -> Int {
        guard let row = try rows("""
            INSERT INTO grappe.journal (workspace, seq, at, author, action, summary, undoes)
            SELECT \(workspace), COALESCE(MAX(seq), 0) + 1, \(entry.at), \(entry.author), \(entry.action.rawValue), \(entry.summary), \(entry.undoes)
            FROM grappe.journal WHERE workspace = \(workspace)
            RETURNING seq
            """).first else { throw StoreError.failed("the server gave no journal number") }
        let sequence = try row.decode(Int.self)
        for (position, item) in entry.items.enumerated() {
            try send("""
                INSERT INTO grappe.journal_items (workspace, seq, position, object_kind, object_id, before, after, version_before, version_after)
                VALUES (\(workspace), \(sequence), \(position), \(item.kind.rawValue), \(item.id), \(item.before), \(item.after),
                        \(item.versionBefore), \(item.versionAfter))
                """)
        }
        appended.append(sequence)
        return sequence
    }

    /// The rows of the child tables that mirror a record's body.
    private func removeChildren(of id: ID) throws {
        for table in PostgresSchema.recordChildren {
            try send(PostgresQuery(unsafeSQL: "DELETE FROM grappe.\(table) WHERE workspace = $1 AND record_id = $2",
                                      binds: PostgresStoreBackend.binds(workspace, id)))
        }
    }
}
