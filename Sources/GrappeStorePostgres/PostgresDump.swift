import Foundation
import GrappeModel
import GrappeWords
import GrappeWorkspace

/// Checking, copying and restoring a workspace on the server.
extension PostgresStoreBackend {
    /// The server's view of the tables: every journal item's record is consistent (a record stored
    /// now has the version and body its newest journal item says), and no foreign key is broken.
    func integrityCheck() throws -> [String] {
        try withConnection { connection in
            try rows(
                connection,
                """
                SELECT 'record ' || r.id || ': stored version ' || r.version || ', journal says ' || i.version_after
                FROM grappe.records r
                JOIN LATERAL (SELECT ji.version_after, ji.after FROM grappe.journal_items ji
                              WHERE ji.workspace = r.workspace AND ji.object_kind = 'record' AND ji.object_id = r.id
                              ORDER BY ji.seq DESC LIMIT 1) i ON true
                WHERE r.workspace = \(workspace) AND (i.version_after <> r.version OR i.after IS DISTINCT FROM r.body)
                """
            ).map { try $0.string(0) }
        }
    }

    func dump() throws -> WorkspaceDump {
        let journal = try history(limit: nil).reversed() as [JournalEntry]
        let drafts = try drafts()
        return try withConnection { connection in
            var items: [WorkspaceDump.Item] = []
            for (table, kind) in [("records", JournalEntry.Item.Kind.record), ("entities", .entity)] {
                let recordedWith = kind == .entity ? "recorded_with" : "NULL::text"
                for row in try rows(
                    connection,
                    SQL(
                        unsafeSQL: """
                            SELECT id, body, version, updated_at, updated_by, \(recordedWith), created_at, created_by FROM grappe.\(table)
                            WHERE workspace = $1 ORDER BY ord
                            """, binds: [workspace]))
                {
                    let (id, body, version, at, by, with, createdAt, createdBy) = (
                        try row.string(0), try row.string(1), try row.int(2), try row.string(3),
                        try row.string(4), row.optionalString(5), try row.string(6), try row.string(7)
                    )
                    items.append(
                        WorkspaceDump.Item(
                            kind: kind, id: id,
                            state: ItemState(
                                body: body, version: version, updatedAt: at,
                                updatedBy: by, recordedWith: with),
                            createdAt: createdAt, createdBy: createdBy))
                }
            }
            return WorkspaceDump(items: items, journal: journal, drafts: drafts)
        }
    }

    func restore(_ dump: WorkspaceDump, replacing: Bool) throws {
        if let readOnlyReason { throw StoreError.readOnly(readOnlyReason) }
        try withConnection { connection in
            try execute(connection, "BEGIN")
            do {
                try execute(connection, "SELECT pg_advisory_xact_lock(hashtextextended(\("grappe workspace " + workspace), 0))")
                try restore(dump, replacing: replacing, on: connection)
                try execute(
                    connection,
                    "SELECT pg_notify(\(Self.channel), \(Self.announcement(workspace: workspace, sequence: dump.journal.last?.sequence ?? 0)))")
                try execute(connection, "COMMIT")
            } catch {
                if !connection.isClosed { try? execute(connection, "ROLLBACK") }
                throw error
            }
        }
    }

    func restore(_ dump: WorkspaceDump, replacing: Bool, on connection: PQConnection) throws {
        if replacing {
            for table in PostgresSchema.workspaceTables {
                try execute(connection, SQL(unsafeSQL: "DELETE FROM grappe.\(table) WHERE workspace = $1", binds: [workspace]))
            }
        } else {
            let held = try one(
                connection,
                """
                SELECT (SELECT count(*) FROM grappe.records WHERE workspace = \(workspace)) + (SELECT count(*) FROM grappe.entities WHERE workspace = \(workspace))
                     + (SELECT count(*) FROM grappe.journal WHERE workspace = \(workspace)) + (SELECT count(*) FROM grappe.drafts WHERE workspace = \(workspace))
                """
            ).int(0)
            if held != 0 {
                throw StoreError.failed(
                    Wording(
                        "\(location) (espace de travail «\u{00A0}\(workspace)\u{00A0}») n'est pas vide",
                        "\(location) (workspace '\(workspace)') is not empty"))
            }
        }
        try StoreRestore.items(dump) { item, write in
            let transaction = PostgresTransaction(backend: self, connection: connection, now: item.state.updatedAt)
            try write(transaction)
            try transaction.settle()
            try execute(
                connection,
                SQL(
                    unsafeSQL: """
                        UPDATE grappe.\(item.kind == .record ? "records" : "entities") SET created_at = $1, created_by = $2 WHERE workspace = $3 AND id = $4
                        """, binds: [item.createdAt, item.createdBy, workspace, item.id]))
        }
        for entry in dump.journal {
            try execute(
                connection,
                """
                INSERT INTO grappe.journal (workspace, seq, at, author, action, summary, undoes)
                VALUES (\(workspace), \(entry.sequence), \(entry.at), \(entry.author), \(entry.action.rawValue), \(entry.summary), \(entry.undoes))
                """)
            for (position, item) in entry.items.enumerated() {
                try execute(
                    connection,
                    """
                    INSERT INTO grappe.journal_items (workspace, seq, position, object_kind, object_id, before, after, version_before, version_after)
                    VALUES (\(workspace), \(entry.sequence), \(position), \(item.kind.rawValue), \(item.id), \(item.before), \(item.after),
                            \(item.versionBefore), \(item.versionAfter))
                    """)
            }
        }
        for draft in dump.drafts {
            try execute(
                connection,
                """
                INSERT INTO grappe.drafts (workspace, key, updated_at, body) VALUES (\(workspace), \(draft.key), \(draft.updatedAt), \(draft.json))
                """)
        }
    }
}
