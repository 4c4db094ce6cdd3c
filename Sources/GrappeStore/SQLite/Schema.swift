import GRDB

/// The store's tables, as named migrations. Each record and entity is kept whole as canonical JSON
/// (`body`), which is what the application reads back; the other columns and the child tables are
/// kept in step with it in the same transaction, for analysts who query the file with `sqlite3`
/// (see docs/store.md). Migrations are only ever added, never edited.
enum Schema {
    /// `PRAGMA application_id`: "Grpp". A database without it, holding tables, is someone else's.
    static let applicationID: Int32 = 0x4772_7070
    /// `PRAGMA user_version` after the newest migration this build knows.
    static let userVersion = 1

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 missions, journal and drafts") { db in
            try db.execute(sql: """
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
        return migrator
    }
}
