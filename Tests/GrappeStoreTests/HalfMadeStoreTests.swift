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
