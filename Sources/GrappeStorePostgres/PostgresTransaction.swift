import Foundation
import GrappeModel
import GrappeWords
import GrappeWorkspace

/// One transaction on the server, holding the workspace's advisory lock, as the journal rules see it.
/// Statements whose answer is not needed (the inserts and deletes of a save) are held until the
/// transaction next reads, then go out together with that read in one pipeline (libpq's pipeline
/// mode): one round trip, failing with the first error, before anything is read or committed.
final class PostgresTransaction: StoreTransaction {
    let backend: PostgresStoreBackend
    let connection: PQConnection
    let now: String

    init(backend: PostgresStoreBackend, connection: PQConnection, now: String) {
        self.backend = backend
        self.connection = connection
        self.now = now
    }

    /// Statements held until the next read (see `settle`), oldest first.
    private var pending: [SQL] = []

    private var workspace: String { backend.workspace }

    /// Holds a statement whose answer is not needed; it goes out with the next read.
    func send(_ query: SQL) throws {
        pending.append(query)
    }

    /// Sends the held statements and this one together and waits for all of them: one round trip.
    private func rows(_ query: SQL) throws -> [PQRow] {
        let sent = pending + [query]
        pending = []
        return try connection.run(sent.map { .query($0) }, timeout: backend.answerTimeout).last ?? []
    }

    /// Sends every held statement and waits; the first that failed is thrown (the server has then
    /// skipped the rest, so nothing after it took effect).
    func settle() throws {
        let sent = pending
        pending = []
        guard !sent.isEmpty else { return }
        _ = try connection.run(sent.map { .query($0) }, timeout: backend.answerTimeout)
    }

    func state(of kind: JournalEntry.Item.Kind, id: ID) throws -> ItemState? {
        switch kind {
        case .record:
            return try rows(
                """
                SELECT body, version, updated_at, updated_by FROM grappe.records WHERE workspace = \(workspace) AND id = \(id)
                """
            ).first.map(PostgresStoreBackend.recordState)
        case .entity:
            return try rows(
                """
                SELECT body, version, updated_at, updated_by, recorded_with FROM grappe.entities WHERE workspace = \(workspace) AND id = \(id)
                """
            ).first.map(PostgresStoreBackend.entityState)
        }
    }

    func put(_ record: Record, body: String, version: Int, author: String) throws {
        let row = RecordColumns(record)
        // One call (grappe.put_record, PostgresSchema); the views that mirror the body follow it.
        try send(
            """
            SELECT grappe.put_record(\(workspace), \(row.id), \(row.kind), \(row.title), \(row.status)::text, \(row.start)::text,
                                     \(row.end)::text, \(row.budgetCents)::bigint, \(row.budgetCurrency)::text, \(version)::integer,
                                     \(now), \(author), \(body))
            """)
    }

    /// Rows as a JSON array, which the server's functions read with `jsonb_to_recordset`.
    static func json<T: Encodable>(_ rows: [T]) throws -> String {
        String(decoding: try JSONEncoder().encode(rows), as: UTF8.self)
    }

    func put(_ entity: Entity, body: String, version: Int, recordedWith: ID?, author: String) throws {
        try send(
            """
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

    func journalLinks() throws -> [JournalEntry] {
        try rows(PostgresStoreBackend.journalQuery(workspace)).map(PostgresStoreBackend.entry)
    }

    func entry(_ sequence: Int) throws -> JournalEntry? {
        try PostgresStoreBackend.entry(sequence, workspace: workspace, rows: rows)
    }

    /// Numbers count within the workspace: the advisory lock held by this transaction makes the next
    /// number this one's alone. One call writes the entry and its items and announces it
    /// (grappe.append_journal, PostgresSchema); the announcement is delivered at commit.
    func append(_ entry: JournalEntry) throws -> Int {
        let items = entry.items.enumerated().map { position, item in
            ItemJSON(
                position: position, object_kind: item.kind.rawValue, object_id: item.id, before: item.before, after: item.after,
                version_before: item.versionBefore, version_after: item.versionAfter)
        }
        guard
            let row = try rows(
                """
                SELECT grappe.append_journal(\(workspace), \(entry.at), \(entry.author), \(entry.action.rawValue), \(entry.summary),
                                             \(entry.undoes)::integer, \(try Self.json(items)), \(PostgresStoreBackend.channel))
                """
            ).first
        else { throw StoreError.failed(Wording("le serveur n'a pas donné de numéro de journal", "the server gave no journal number")) }
        return try row.int(0)
    }

    /// A journal item as grappe.append_journal reads it from its JSON argument (PostgresSchema).
    private struct ItemJSON: Encodable {
        var position: Int
        var object_kind: String
        var object_id: String
        var before: String?
        var after: String?
        var version_before: Int
        var version_after: Int
    }
}
