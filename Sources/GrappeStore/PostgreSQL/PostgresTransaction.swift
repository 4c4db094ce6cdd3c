import Foundation
import GrappeModel
import GrappeWords
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

    /// Sends a statement behind those in flight and waits for all of them: one round trip.
    private func rows(_ query: PostgresQuery) throws -> [PostgresRow] {
        let answer = connection.query(query, logger: PostgresStoreBackend.logger)
        let sent = inFlight + [answer]
        inFlight = []
        try backend.awaitAll(connection, sent)
        return try answer.wait().rows
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
        // One call (grappe.put_record, PostgresSchema); the views that mirror the body follow it.
        try send("""
            SELECT grappe.put_record(\(workspace), \(row.id), \(row.kind), \(row.title), \(row.status)::text, \(row.start)::text,
                                     \(row.end)::text, \(row.budget_cents)::bigint, \(row.budget_currency)::text, \(row.version)::integer,
                                     \(now), \(author), \(row.body))
            """)
    }

    /// Rows as a JSON array, which the server's functions read with `jsonb_to_recordset`.
    static func json<T: Encodable>(_ rows: [T]) throws -> String {
        String(decoding: try JSONEncoder().encode(rows), as: UTF8.self)
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
            // The rows that mirror its body go with it (ON DELETE CASCADE).
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
    /// number this one's alone. One call writes the entry and its items and announces it
    /// (grappe.append_journal, PostgresSchema); the announcement is delivered at commit.
    func append(_ entry: JournalEntry) throws -> Int {
        let items = entry.items.enumerated().map { position, item in
            JournalItemRow(workspace: workspace, seq: 0, position: position, object_kind: item.kind.rawValue, object_id: item.id,
                           before: item.before, after: item.after, version_before: item.versionBefore, version_after: item.versionAfter)
        }
        guard let row = try rows("""
            SELECT grappe.append_journal(\(workspace), \(entry.at), \(entry.author), \(entry.action.rawValue), \(entry.summary),
                                         \(entry.undoes)::integer, \(try Self.json(items)), \(PostgresStoreBackend.channel))
            """).first else { throw StoreError.failed(Wording("le serveur n'a pas donné de numéro de journal", "the server gave no journal number")) }
        return try row.decode(Int.self)
    }
}
