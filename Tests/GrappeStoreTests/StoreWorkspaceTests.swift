import Foundation
import GRDB
import GrappeModel
import GrappeSeeds
import GrappeTestSupport
import GrappeWorkspace
import Testing

@testable import GrappeStore
@testable import GrappeStoreSQLite

/// One store, a workspace per network: what one network records never shows in another, and a store
/// written before workspaces existed moves whole into the workspace of the network it is opened with.
@Suite struct StoreWorkspaceTests {
    @Test(arguments: [StoreKind.sqlite, .postgres])
    func workspacesInOneStoreAreSeparate(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        let location = try harness.location
        let lyon = "lyon-\(harness.workspace)", other = "other-\(harness.workspace)"
        let first = try #require(try WorkspaceStores.open(location, for: .write, workspace: lyon))
        try first.save(change(lyonDraft()), author: "ana")
        try first.saveDraft(StoredDraft(key: "mission-form", json: "{}", updatedAt: "2026-12-03T10:00:00.000Z"))
        let second = try #require(try WorkspaceStores.open(location, for: .write, workspace: other))
        #expect(try second.load().records.isEmpty)
        #expect(try second.journalIndex().isEmpty)
        #expect(try second.drafts().isEmpty)
        #expect(try second.journalHead() == 0)
        #expect(try second.save(change(lyonDraft()), author: "ana").sequence == 1, "journal numbers count within a workspace")
        #expect(try second.undoLast(author: "ana").sequence == 2)
        // The same id in both, each with its own history; undo in one leaves the other alone.
        #expect(try first.load().records.map(\.record.id) == ["mission-numerique-a-lyon"])
        #expect(try second.load().records.isEmpty)
        let held = try WorkspaceStores.workspaces(at: location)
        #expect(held.contains(lyon) && held.contains(other))
        for store in [first, second] {
            #expect(try store.integrityCheck() == [])
            #expect(try store.dump().replayProblems() == [])
        }
    }

    /// A version 2 file (before workspaces), with a mission, its journal entry and a draft, as that
    /// Grappe left them.
    @Test func aStoreFromBeforeWorkspacesMovesIntoTheNetworkItIsOpenedWith() throws {
        let folder = try TemporaryFolder()
        // The rows a save writes, taken from a current store.
        let current = folder.path + "/current.sqlite"
        let made = try #require(try WorkspaceStores.open(current, for: .write, workspace: "x"))
        try made.save(change(lyonDraft()), author: "ana")
        let body = try #require(try made.dump().items.first?.state.body)
        let after = try #require(try made.history(limit: 1).first?.items.first?.after)

        let path = folder.path + "/old.sqlite"
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator().migrate(queue, upTo: "v2 budgets in each currency's minor units")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO records (id, kind, title, version, created_at, created_by, updated_at, updated_by, body)
                    VALUES ('mission-numerique-a-lyon', 'mission', 'Mission numérique à Lyon', 1, '2025-01-02T10:00:00.000Z', 'ana',
                            '2025-01-02T10:00:00.000Z', 'ana', ?);
                    INSERT INTO record_parties VALUES ('mission-numerique-a-lyon', 0, 'marc-demers', 'leader', NULL, NULL);
                    INSERT INTO journal (at, author, action, summary) VALUES ('2025-01-02T10:00:00.000Z', 'ana', 'add', 'add mission');
                    INSERT INTO journal_items VALUES (1, 0, 'record', 'mission-numerique-a-lyon', NULL, ?, 0, 1);
                    INSERT INTO drafts VALUES ('mission-form', '2025-01-02T11:00:00.000Z', '{"title": "à moitié"}');
                    """, arguments: [body, after])
        }
        try queue.close()

        // Reading does not upgrade; opening to record does, into the network's workspace.
        #expect(throws: StoreError.self) { try WorkspaceStores.open(path, for: .read, workspace: "grappe-reference") }
        let store = try #require(try WorkspaceStores.open(path, for: .write, workspace: "grappe-reference"))
        #expect(try folder.sqlite(path, "PRAGMA user_version;") == "4")
        #expect(try store.journalChainProblems().isEmpty, "its journal is linked into the hash chain by the upgrade")
        #expect(try store.load().records.map(\.record.id) == ["mission-numerique-a-lyon"])
        #expect(try store.journalIndex().map(\.sequence) == [1])
        #expect(try store.drafts().map(\.json) == [#"{"title": "à moitié"}"#])
        #expect(
            try folder.sqlite(path, "SELECT workspace || ' ' || record_id || ' ' || role FROM record_parties;")
                == "grappe-reference mission-numerique-a-lyon leader")
        #expect(try store.integrityCheck() == [])
        #expect(try store.dump().replayProblems() == [])
        #expect(try WorkspaceStores.workspaces(at: path) == ["grappe-reference"])
        // The next change follows on; another network starts empty.
        #expect(try store.undoLast(author: "ana").sequence == 2)
        let other = try #require(try WorkspaceStores.open(path, for: .write, workspace: "generated-600-3000-7"))
        #expect(try other.load().records.isEmpty)
        #expect(try other.journalIndex().isEmpty)
    }
}

/// The journal's time: ISO 8601 in UTC to the millisecond, which sorts as text.
@Suite struct StoreTimeTests {
    @Test func theJournalWritesUTCToTheMillisecond() throws {
        let now = StoreTime.now()
        #expect(now.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/) != nil, "\(now)")
        let parsed = try #require(ISO8601DateFormatter.withFractionalSeconds.date(from: now))
        #expect(abs(parsed.timeIntervalSinceNow) < 5)
    }
}

extension ISO8601DateFormatter {
    static var withFractionalSeconds: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
