import Foundation
import GRDB
import GrappeStore
import GrappeTestSupport
import GrappeWorkspace
import Testing

@testable import GrappeStoreSQLite

/// Stores an older Grappe began and never finished (killed while it made them): `store migrate`
/// (an open for updating) finishes each, says which migrations it applied, and recording works after.
@Suite struct HalfMadeStoreTests {
    /// A file in the state an older Grappe could leave: GRDB's table of migrations and the first
    /// `applied` migrations committed (none: the table alone).
    static func halfMade(_ path: String, applied: Int) throws {
        let queue = try DatabaseQueue(path: path)
        let migrator = Schema.migrator()
        if applied == 0 {
            try queue.write { try $0.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)") }
        } else {
            try migrator.migrate(queue, upTo: migrator.migrations[applied - 1])
        }
    }

    @Test(arguments: [0, 1, 2]) func migrateFinishesAHalfMadeStore(_ applied: Int) throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/w.sqlite"
        try Self.halfMade(path, applied: applied)
        let all = Schema.migrator().migrations
        #expect(throws: StoreError.self, "reading refuses it and says to migrate") { try WorkspaceStores.open(path, for: .read) }
        let store = try #require(try WorkspaceStores.open(path, for: .update))
        #expect(store.migrationsApplied == Array(all.dropFirst(applied)), "it says what it applied")
        _ = try store.save(try change(lyonDraft()), author: "ana")
        #expect(try store.load().records.count == 1)
        #expect(try store.integrityCheck().isEmpty)
        #expect(try #require(try WorkspaceStores.open(path, for: .update)).migrationsApplied.isEmpty, "once finished, nothing more")
    }

    @Test func anEmptyFileIsMadeWhole() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/w.sqlite"
        FileManager.default.createFile(atPath: path, contents: Data())
        let store = try #require(try WorkspaceStores.open(path, for: .update))
        #expect(store.migrationsApplied == Schema.migrator().migrations)
        _ = try store.save(try change(lyonDraft()), author: "ana")
    }

    @Test func anotherApplicationsTableIsStillRefused() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/w.sqlite"
        try DatabaseQueue(path: path).write { db in
            try db.execute(
                sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY); INSERT INTO grdb_migrations VALUES ('someone else')")
        }
        #expect(throws: StoreError.self) { try WorkspaceStores.open(path, for: .update) }
    }
}

/// A writer killed in the middle of a transaction in SQLite's default mode (an older Grappe, the
/// sqlite3 shell) leaves a hot rollback journal: the next open, even a reading one, rolls it back
/// first, and nothing half written is seen.
@Suite struct HotJournalTests {
    @Test func aHotJournalIsRolledBackBeforeAnythingReads() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/w.sqlite"
        do {
            // Saved, then closed (the file leaves WAL mode only when no one else has it open).
            let saved = try #require(try WorkspaceStores.open(path, for: .write))
            _ = try saved.save(try change(lyonDraft()), author: "ana")
        }
        // Python's sqlite3 module (a test prerequisite) writes in rollback-journal mode and is killed
        // before it commits: a page cache of one page spills the changes into the file meanwhile.
        let script = """
            import sqlite3, os
            c = sqlite3.connect('\(path)', isolation_level=None)
            c.execute('PRAGMA journal_mode=DELETE')
            c.execute('PRAGMA cache_size=1')
            c.execute('BEGIN IMMEDIATE')
            c.execute("UPDATE records SET title = 'half written'")
            c.execute('CREATE TABLE filler(x)')
            for i in range(2000): c.execute('INSERT INTO filler VALUES (randomblob(500))')
            os._exit(0)
            """
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", script]
        try python.run()
        python.waitUntilExit()
        let journal = path + "-journal"
        try #require(FileManager.default.fileExists(atPath: journal), "the killed writer left its journal")
        let reader = try #require(try WorkspaceStores.open(path, for: .read))
        #expect(try reader.load().records.first?.record.title == "Mission numérique à Lyon")
        #expect(!FileManager.default.fileExists(atPath: journal), "rolled back")
        #expect(try SQLiteShell.run(path, "SELECT count(*) FROM sqlite_master WHERE name = 'filler'") == "0")
        #expect(try reader.mirrorProblems().isEmpty)
    }
}
