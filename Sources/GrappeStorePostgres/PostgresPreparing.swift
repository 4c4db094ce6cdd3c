import Foundation
import GrappeModel
import GrappeWords
import GrappeWorkspace

/// Making the server's schema current before the first read or write: created when there is none
/// and a write is coming, migrated when older, refused when newer.
extension PostgresStoreBackend {
    /// Whether there is a store: checks who wrote the schema, migrates it when this build knows more,
    /// and finds out whether this role may write.
    func prepare(for access: StoreAccess) throws -> Bool {
        try withConnection { connection in
            let first = try one(
                connection,
                """
                SELECT to_regclass('grappe.migrations') IS NOT NULL, current_user::text, pg_is_in_recovery()
                """)
            let (hasSchema, user, standby) = (try first.bool(0), try first.string(1), try first.bool(2))
            identity = user
            var applied: Set<String> = []
            if hasSchema {
                applied = Set(try rows(connection, "SELECT name FROM grappe.migrations").map { try $0.string(0) })
            }
            let known = PostgresSchema.migrations.map(\.name)
            let unknown = applied.subtracting(known)
            if !unknown.isEmpty { throw StoreError.newerVersion(path: location, unknown: unknown.sorted()) }
            if !hasSchema, access == .read { return false }
            if known.contains(where: { !applied.contains($0) }) {
                guard access != .read, !standby else {
                    throw StoreError.cannotOpen(
                        path: location,
                        detail: Wording(
                            "son schéma est plus ancien que ce Grappe\u{00A0}: lancez «\u{00A0}grappe store migrate \(location)\u{00A0}»",
                            "its schema is older than this Grappe: run 'grappe store migrate \(location)'"))
                }
                do {
                    try migrate(connection)
                } catch let error where PostgresErrors.storeError(error, location: location).isPermissionDenied {
                    throw StoreError.cannotOpen(
                        path: location,
                        detail: Wording(
                            "le rôle «\u{00A0}\(user)\u{00A0}» ne peut pas créer les tables de Grappe ici\u{00A0}; "
                                + "un administrateur lance une fois «\u{00A0}grappe store migrate \(location)\u{00A0}» (docs/store.md)",
                            "the role '\(user)' may not create Grappe's tables here; an administrator runs 'grappe store migrate \(location)' once (docs/store.md)"
                        ))
                }
            }
            if access == .read {
                readOnlyReason = Wording("ouvert en lecture", "opened for reading")
            } else if standby {
                readOnlyReason = Wording("le serveur est un secours en lecture seule", "the server is a read-only standby")
            } else if try !one(connection, "SELECT has_table_privilege('grappe.records', 'INSERT')").bool(0) {
                readOnlyReason = Wording(
                    "le rôle «\u{00A0}\(user)\u{00A0}» ne peut que lire (droits PostgreSQL)", "the role '\(user)' may only read (PostgreSQL grants)")
            }
            return true
        }
    }

    /// Applies the migrations not yet applied, once, even when several clients start together.
    func migrate(_ connection: PQConnection) throws {
        try execute(connection, "BEGIN")
        do {
            try execute(connection, "SELECT pg_advisory_xact_lock(\(PostgresSchema.migrationLock))")
            try execute(connection, "CREATE SCHEMA IF NOT EXISTS grappe")
            try execute(
                connection,
                """
                CREATE TABLE IF NOT EXISTS grappe.migrations (
                    name text PRIMARY KEY,
                    applied_at timestamptz NOT NULL DEFAULT now(),
                    applied_by text NOT NULL DEFAULT current_user
                )
                """)
            let applied = Set(try rows(connection, "SELECT name FROM grappe.migrations").map { try $0.string(0) })
            var made: [String] = []
            for migration in PostgresSchema.migrations where !applied.contains(migration.name) {
                for statement in migration.statements { try execute(connection, SQL(unsafeSQL: statement)) }
                try execute(connection, "INSERT INTO grappe.migrations (name) VALUES (\(migration.name))")
                made.append(migration.name)
            }
            try execute(connection, SQL(unsafeSQL: PostgresSchema.grants))
            try execute(connection, "COMMIT")
            migrationsApplied += made
        } catch {
            if !connection.isClosed { try? execute(connection, "ROLLBACK") }
            throw error
        }
    }
}
