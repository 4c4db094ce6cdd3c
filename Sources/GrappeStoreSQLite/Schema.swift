import Foundation
import GRDB

/// The store's tables, as named migrations. Each record and entity is kept whole as canonical JSON
/// (`body`), which is what the application reads back; the other columns and the child tables are
/// kept in step with it in the same transaction, for analysts who query the file with `sqlite3`
/// (see docs/store.md). Migrations are only ever added, never edited.
enum Schema {
    /// `PRAGMA application_id`: "Grpp". A database without it, holding tables, is someone else's.
    static let applicationID: Int32 = 0x4772_7070
    /// `PRAGMA user_version` after the newest migration this build knows.
    static let userVersion = 4

    /// Every migration; `adopting` names the workspace that what an older store holds is moved into
    /// (the network it is opened with, which is the network it was used with).
    static func migrator(adopting workspace: String = "default") -> DatabaseMigrator {  // sizes: table (the migrations, as written)
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 missions, journal and drafts") { db in
            try db.execute(
                sql: """
                    CREATE TABLE records (
                        id TEXT PRIMARY KEY NOT NULL,
                        kind TEXT NOT NULL CHECK (kind IN ('agreement', 'mission', 'project', 'event')),
                        title TEXT NOT NULL,
                        status TEXT,
                        start TEXT,
                        "end" TEXT,
                        budget_cents INTEGER,
                        budget_currency TEXT,
                        version INTEGER NOT NULL CHECK (version > 0),
                        created_at TEXT NOT NULL,
                        created_by TEXT NOT NULL,
                        updated_at TEXT NOT NULL,
                        updated_by TEXT NOT NULL,
                        body TEXT NOT NULL CHECK (json_valid(body))
                    );
                    CREATE TABLE record_parties (
                        record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        entity_id TEXT NOT NULL,
                        role TEXT NOT NULL,
                        title TEXT,
                        attendance TEXT,
                        PRIMARY KEY (record_id, position)
                    );
                    CREATE INDEX record_parties_by_entity ON record_parties(entity_id);
                    CREATE TABLE record_places (
                        record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        city_id TEXT NOT NULL,
                        is_origin INTEGER NOT NULL CHECK (is_origin IN (0, 1)),
                        PRIMARY KEY (record_id, position)
                    );
                    CREATE TABLE mission_outcomes (
                        record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        agreement_id TEXT,
                        partner_id TEXT,
                        text TEXT,
                        PRIMARY KEY (record_id, position)
                    );
                    CREATE TABLE mission_objectives (
                        record_id TEXT NOT NULL REFERENCES records(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        text TEXT NOT NULL,
                        PRIMARY KEY (record_id, position)
                    );
                    CREATE TABLE entities (
                        id TEXT PRIMARY KEY NOT NULL,
                        kind TEXT NOT NULL CHECK (kind IN ('city', 'cluster', 'pole', 'organisation', 'person')),
                        name TEXT NOT NULL,
                        recorded_with TEXT,
                        version INTEGER NOT NULL CHECK (version > 0),
                        created_at TEXT NOT NULL,
                        created_by TEXT NOT NULL,
                        updated_at TEXT NOT NULL,
                        updated_by TEXT NOT NULL,
                        body TEXT NOT NULL CHECK (json_valid(body))
                    );
                    CREATE TABLE journal (
                        seq INTEGER PRIMARY KEY AUTOINCREMENT,
                        at TEXT NOT NULL,
                        author TEXT NOT NULL,
                        action TEXT NOT NULL CHECK (action IN ('add', 'edit', 'cancel', 'undo')),
                        summary TEXT NOT NULL,
                        undoes INTEGER UNIQUE REFERENCES journal(seq)
                    );
                    CREATE TABLE journal_items (
                        seq INTEGER NOT NULL REFERENCES journal(seq),
                        position INTEGER NOT NULL,
                        object_kind TEXT NOT NULL CHECK (object_kind IN ('record', 'entity')),
                        object_id TEXT NOT NULL,
                        before TEXT CHECK (before IS NULL OR json_valid(before)),
                        after TEXT CHECK (after IS NULL OR json_valid(after)),
                        version_before INTEGER NOT NULL,
                        version_after INTEGER NOT NULL,
                        PRIMARY KEY (seq, position)
                    );
                    CREATE INDEX journal_items_by_object ON journal_items(object_id);
                    CREATE TABLE drafts (
                        key TEXT PRIMARY KEY NOT NULL,
                        updated_at TEXT NOT NULL,
                        body TEXT NOT NULL CHECK (json_valid(body))
                    );
                    PRAGMA application_id = \(applicationID);
                    PRAGMA user_version = 1;
                    """)
        }
        migrator.registerMigration("v2 budgets in each currency's minor units") { db in
            let blocked = try Row.fetchAll(db, sql: Schema.budgetsWithCents)
            if let row = blocked.first {
                throw BudgetMigrationError(record: row["id"], cents: row["budget_cents"], currency: row["budget_currency"])
            }
            try db.execute(sql: Schema.budgetsToMinorUnits + "; PRAGMA user_version = 2;")
        }
        // Each table is made again with `workspace` leading its key, as on the team server, and its rows
        // copied in their order; GRDB turns foreign keys off meanwhile and checks them all before commit.
        // Its table names are written out here, as they were then (GRDB's guide: a migration never
        // reads the application's current list, which later versions may change).
        migrator.registerMigration("v3 one workspace per network") { db in
            let tablesInOrder = [
                "records", "record_parties", "record_places", "mission_outcomes", "mission_objectives", "entities",
                "journal", "journal_items", "drafts",
            ]
            try db.execute(sql: Schema.workspaceTables)
            for table in tablesInOrder {
                let columns = try db.columns(in: table).map { "\"\($0.name)\"" }.joined(separator: ", ")
                try db.execute(
                    sql: "INSERT INTO new_\(table) (workspace, \(columns)) SELECT ?, \(columns) FROM \(table) ORDER BY rowid",
                    arguments: [workspace])
            }
            for table in tablesInOrder.reversed() { try db.execute(sql: "DROP TABLE \(table)") }
            for table in tablesInOrder { try db.execute(sql: "ALTER TABLE new_\(table) RENAME TO \(table)") }
            try db.execute(sql: Schema.workspaceIndexes + "; PRAGMA user_version = 3;")
        }
        // Every entry linked into the journal's hash chain (JournalChain), workspace by workspace.
        migrator.registerMigration("v4 journal hash chain") { db in
            try db.execute(sql: "ALTER TABLE journal ADD COLUMN hash TEXT")
            for workspace in try String.fetchAll(db, sql: "SELECT DISTINCT workspace FROM journal") {
                try SQLiteJournal.chain(db, workspace: workspace, from: 1)
            }
            try db.execute(sql: "PRAGMA user_version = 4")
        }
        return migrator
    }

    /// The tables that mirror a record's body.
    static let recordChildren = ["record_parties", "record_places", "mission_outcomes", "mission_objectives"]

    /// The tables, each before those that refer to it.
    static let tablesInOrder = [
        "records", "record_parties", "record_places", "mission_outcomes", "mission_objectives", "entities",
        "journal", "journal_items", "drafts",
    ]

    /// Version 3's tables, made under temporary names (`new_…`) and renamed once filled. Journal numbers
    /// count within a workspace, so a workspace copied between stores keeps them.
    static let workspaceTables = """
        CREATE TABLE new_records (
            workspace TEXT NOT NULL,
            id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('agreement', 'mission', 'project', 'event')),
            title TEXT NOT NULL,
            status TEXT,
            start TEXT,
            "end" TEXT,
            budget_cents INTEGER,
            budget_currency TEXT,
            version INTEGER NOT NULL CHECK (version > 0),
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL,
            body TEXT NOT NULL CHECK (json_valid(body)),
            PRIMARY KEY (workspace, id)
        );
        CREATE TABLE new_record_parties (
            workspace TEXT NOT NULL,
            record_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            entity_id TEXT NOT NULL,
            role TEXT NOT NULL,
            title TEXT,
            attendance TEXT,
            PRIMARY KEY (workspace, record_id, position),
            FOREIGN KEY (workspace, record_id) REFERENCES records (workspace, id) ON DELETE CASCADE
        );
        CREATE TABLE new_record_places (
            workspace TEXT NOT NULL,
            record_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            city_id TEXT NOT NULL,
            is_origin INTEGER NOT NULL CHECK (is_origin IN (0, 1)),
            PRIMARY KEY (workspace, record_id, position),
            FOREIGN KEY (workspace, record_id) REFERENCES records (workspace, id) ON DELETE CASCADE
        );
        CREATE TABLE new_mission_outcomes (
            workspace TEXT NOT NULL,
            record_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            agreement_id TEXT,
            partner_id TEXT,
            text TEXT,
            PRIMARY KEY (workspace, record_id, position),
            FOREIGN KEY (workspace, record_id) REFERENCES records (workspace, id) ON DELETE CASCADE
        );
        CREATE TABLE new_mission_objectives (
            workspace TEXT NOT NULL,
            record_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (workspace, record_id, position),
            FOREIGN KEY (workspace, record_id) REFERENCES records (workspace, id) ON DELETE CASCADE
        );
        CREATE TABLE new_entities (
            workspace TEXT NOT NULL,
            id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('city', 'cluster', 'pole', 'organisation', 'person')),
            name TEXT NOT NULL,
            recorded_with TEXT,
            version INTEGER NOT NULL CHECK (version > 0),
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            updated_by TEXT NOT NULL,
            body TEXT NOT NULL CHECK (json_valid(body)),
            PRIMARY KEY (workspace, id)
        );
        CREATE TABLE new_journal (
            workspace TEXT NOT NULL,
            seq INTEGER NOT NULL CHECK (seq > 0),
            at TEXT NOT NULL,
            author TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('add', 'edit', 'cancel', 'undo')),
            summary TEXT NOT NULL,
            undoes INTEGER,
            PRIMARY KEY (workspace, seq),
            UNIQUE (workspace, undoes),
            FOREIGN KEY (workspace, undoes) REFERENCES journal (workspace, seq)
        );
        CREATE TABLE new_journal_items (
            workspace TEXT NOT NULL,
            seq INTEGER NOT NULL,
            position INTEGER NOT NULL,
            object_kind TEXT NOT NULL CHECK (object_kind IN ('record', 'entity')),
            object_id TEXT NOT NULL,
            before TEXT CHECK (before IS NULL OR json_valid(before)),
            after TEXT CHECK (after IS NULL OR json_valid(after)),
            version_before INTEGER NOT NULL,
            version_after INTEGER NOT NULL,
            PRIMARY KEY (workspace, seq, position),
            FOREIGN KEY (workspace, seq) REFERENCES journal (workspace, seq)
        );
        CREATE TABLE new_drafts (
            workspace TEXT NOT NULL,
            key TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            body TEXT NOT NULL CHECK (json_valid(body)),
            PRIMARY KEY (workspace, key)
        )
        """

    static let workspaceIndexes = """
        CREATE INDEX record_parties_by_entity ON record_parties (workspace, entity_id);
        CREATE INDEX journal_items_by_object ON journal_items (workspace, object_id)
        """

    /// Version 1 kept every budget in hundredths; version 2 keeps it in its currency's minor units
    /// (ISO 4217). Of the currencies version 1 accepted, JPY and XOF have none and TND has three.
    static let budgetsToMinorUnits = """
        UPDATE records SET budget_cents = CASE budget_currency WHEN 'TND' THEN budget_cents * 10 ELSE budget_cents / 100 END
        WHERE budget_currency IN ('JPY', 'XOF', 'TND') AND budget_cents IS NOT NULL
        """
    /// Budgets that cannot be moved without losing their cents: the migration stops and names them.
    static let budgetsWithCents = """
        SELECT id, budget_cents, budget_currency FROM records
        WHERE budget_currency IN ('JPY', 'XOF') AND budget_cents % 100 <> 0 ORDER BY id
        """
}

/// A budget in yen or CFA francs with cents, which its currency does not have: nothing is changed, and
/// the record is named so that a person corrects it with the Grappe that wrote it.
struct BudgetMigrationError: Error, CustomStringConvertible {
    let record: String
    let cents: Int64
    let currency: String

    var description: String {
        "record '\(record)' has a budget of \(cents / 100).\(String(format: "%02d", abs(cents % 100))) \(currency), but \(currency) has no "
            + "minor unit; correct it to a whole amount with the Grappe that wrote the file, then open it again"
    }
}
