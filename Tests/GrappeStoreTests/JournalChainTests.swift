import Foundation
import GrappeModel
import GrappeStore
import GrappeTestSupport
import GrappeWorkspace
import Testing

@testable import GrappeStoreSQLite

/// The journal's hash chain: every entry linked when it is written (a save, an undo, a restore), a
/// hand edit of an entry or of a hash found and named by `store check`, the same hashes on both
/// backends.
@Suite struct JournalChainTests {
    /// Three entries: two saves and an undo.
    static func filled(_ harness: StoreHarness) throws -> any WorkspaceStore {
        let store = try harness.open()
        _ = try store.save(try change(lyonDraft(title: "Mission numérique à Lyon 🇫🇷")), author: "zoé")
        _ = try store.save(try change(lyonDraft(title: "Deuxième mission")), author: "léo")
        let plan = try #require(try store.plan(.undo, author: "léo", anyone: false))
        _ = try store.takeBack(plan, author: "léo")
        return store
    }

    @Test(arguments: [StoreKind.sqlite, .postgres])
    func aHandEditedEntryOrHashIsFound(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        let store = try Self.filled(harness)
        #expect(try store.journalChainProblems().isEmpty, "every entry is linked as it is written")
        try harness.edit("UPDATE journal SET author = 'quelqu''un' WHERE seq = 2", table: "journal")
        #expect(try store.journalChainProblems().map(\.english) == [JournalChain.problem(2, hash: "x").english])
        try harness.edit("UPDATE journal SET hash = NULL WHERE seq = 3", table: "journal")
        #expect(
            try store.journalChainProblems().map(\.english) == [
                JournalChain.problem(2, hash: "x").english, JournalChain.problem(3, hash: nil).english,
            ])
    }

    /// The server hashes the same text the same way as the file does.
    @Test func theServerAndAFileGiveTheSameHashes() throws {
        let harness = try StoreHarness(.postgres)
        let store = try Self.filled(harness)
        let stored = try TestPostgres.psql("SELECT string_agg(hash, ',' ORDER BY seq) FROM grappe.journal WHERE workspace = '\(harness.workspace)'")
        var previous: String?
        var computed: [String] = []
        for entry in try store.dump().journal.sorted(by: { $0.sequence < $1.sequence }) {
            let hash = Digest.sha256Hex(JournalChain.text(previous: previous, entry: entry))
            computed.append(hash)
            previous = hash
        }
        #expect(computed.count == 3)
        #expect(stored == computed.joined(separator: ","))
    }

    /// A copy keeps the entries and links them in its own chain.
    @Test func aCopyIsLinkedWhole() throws {
        let from = try Self.filled(try StoreHarness(.postgres))
        let target = try StoreHarness(.sqlite)
        let to = try target.open()
        try to.restore(try from.dump(), replacing: false)
        #expect(try to.journalChainProblems().isEmpty)
        #expect(try SQLiteShell.run(target.path, "SELECT count(*) FROM journal WHERE hash IS NULL") == "0")
    }

    /// A store from before the chain (schema v3) is linked whole by its upgrade.
    @Test func anOlderStoreIsLinkedByItsUpgrade() throws {
        let harness = try StoreHarness(.sqlite)
        _ = try Self.filled(harness)
        try SQLiteShell.run(
            harness.path, "ALTER TABLE journal DROP COLUMN hash; DELETE FROM grdb_migrations WHERE identifier LIKE 'v4%'; PRAGMA user_version = 3;")
        let upgraded = try #require(try WorkspaceStores.open(harness.path, for: .update))
        #expect(upgraded.migrationsApplied == ["v4 journal hash chain"])
        #expect(try upgraded.journalChainProblems().isEmpty)
        #expect(try SQLiteShell.run(harness.path, "SELECT count(*) FROM journal WHERE hash IS NOT NULL") == "3")
    }
}
