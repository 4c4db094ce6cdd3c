import Foundation
import GrappeModel
import GrappeTestSupport
import GrappeWords
import GrappeWorkspace
import Testing

@testable import GrappeStore
@testable import GrappeStorePostgres

/// Reading a server location through libpq, without a server.
@Suite struct PostgresLocationTests {
    @Test func theURLAndTheEnvironmentFillEachOtherIn() throws {
        let full = try PostgresLocation("postgres://ana@db.example.org:6543/cluster?sslmode=verify-full", environment: [:])
        #expect(full.display == "postgres://ana@db.example.org:6543/cluster")
        let bare = try PostgresLocation("postgresql://", environment: ["PGHOST": "h", "PGPORT": "7000", "PGUSER": "léo", "PGPASSWORD": "pw"])
        #expect(bare.display == "postgres://léo@h:7000/léo")
        #expect(bare.settings.contains { $0 == ("password", "pw") }, "the password reaches libpq, never the display")
        let conninfo = try PostgresLocation("host=db port=5433 user=ana dbname=cluster password=secret", environment: [:])
        #expect(conninfo.display == "postgres://ana@db:5433/cluster", "libpq's key=value strings are locations too")
    }

    @Test func grappesDefaultsComeFirstSoTheLocationOverridesThem() throws {
        let location = try PostgresLocation("postgres://a@h/d?connect_timeout=3", environment: [:])
        let keywords = location.settings.map(\.0)
        #expect(try #require(keywords.firstIndex(of: "connect_timeout")) < #require(keywords.firstIndex(of: "dbname")))
        #expect(location.settings.first { $0.0 == "dbname" }?.1 == "postgres://a@h/d?connect_timeout=3", "the URL reaches libpq untouched")
    }

    @Test func wrongLocationsSayWhatIsWrongWithoutThePassword() {
        for (url, expected) in [
            ("postgres://a:hunter2@h/d?timeout=3", "invalid URI query parameter: \"timeout\""),
            ("host=h password=hunter2 nonsense", "missing \"=\" after \"nonsense\""),
        ] {
            #expect {
                try PostgresLocation(url, environment: [:])
            } throws: { error in
                guard case StoreError.cannotOpen(let path, let detail) = error else { return false }
                return detail.english.contains(expected) && !path.contains("hunter2") && !detail.english.contains("hunter2")
                    && detail.french.contains("adresse de serveur illisible")
            }
        }
    }

    @Test func aPasswordIsNeverShown() {
        #expect(PostgresLocation.redacted("postgres://ana:hunter2@h:5432/d") == "postgres://ana:***@h:5432/d")
        #expect(PostgresLocation.redacted("postgres://ana@h/d?password=hunter2&sslmode=disable") == "postgres://ana@h/d?password=***&sslmode=disable")
        #expect(PostgresLocation.redacted("postgres://ana:hunter2@h:port/d") == "postgres://ana:***@h:port/d", "even when it does not parse")
        #expect(PostgresLocation.redacted("host=h password='a b' user=x") == "host=h password=*** user=x")
        #expect(PostgresLocation.redacted("postgres://ana@h/d") == "postgres://ana@h/d")
    }

    /// libpq's failures, in the store's terms.
    @Test func aLostConnectionIsUnavailableAndANulIsRefused() {
        if case .unavailable = PostgresErrors.storeError(
            PQFailure(kind: .lost, message: "server closed the connection unexpectedly"), location: "here")
        {
        } else {
            Issue.record("a lost connection is unavailable")
        }
        let silent = PostgresErrors.storeError(PQFailure(kind: .noAnswer(seconds: 10), message: ""), location: "here")
        #expect(silent == .noAnswer(location: "here", seconds: 10), "a server that does not answer leaves the outcome unknown")
        #expect(silent.description(in: .en).contains("may still be written") && silent.description(in: .fr).contains("peut encore être écrit"))
        let nul = PostgresErrors.storeError(PQFailure(kind: .unsendable, message: ""), location: "here")
        #expect(nul.description(in: .en).contains("NUL") && nul.description(in: .fr).contains("NUL"))
    }
}

/// The team store on a real PostgreSQL server (see `TestPostgres`): what the contract suite does not
/// cover because only a server has it.
@Suite struct PostgresServerTests {
    @Test func workspacesAreSeparate() throws {
        let lyon = try StoreHarness(.postgres), other = try StoreHarness(.postgres)
        try lyon.open().save(change(lyonDraft()), author: "ana")
        #expect(try lyon.open().load().records.count == 1)
        #expect(try other.open().load().records.isEmpty)
        #expect(try other.open().journalIndex().isEmpty)
        let entry = try other.open().save(change(lyonDraft()), author: "ana")
        #expect(entry.sequence == 1, "journal numbers count within a workspace")
    }

    @Test func aViewerReadsAndCannotWrite() throws {
        let harness = try StoreHarness(.postgres)
        try harness.open().save(change(lyonDraft()), author: "ana")
        let viewer = try harness.open(for: .write, role: "grappe_viewer")
        #expect(viewer.readOnlyReason?.english.contains("grappe_viewer") == true)
        #expect(viewer.readOnlyReason?.french.contains("ne peut que lire") == true)
        #expect(try viewer.load().records.count == 1)
        #expect(throws: StoreError.self) { try viewer.save(change(lyonDraft(title: "Autre")), author: "grappe_viewer") }
        let planner = try harness.open(for: .write, role: "grappe_planner")
        #expect(planner.readOnlyReason == nil)
        let entry = try planner.save(change(lyonDraft(title: "Autre mission")), author: "ana")
        #expect(entry.author == "grappe_planner", "the journal names the database user")
    }

    /// `--author` on a server: a role the login may act as (it is a member), with that role's grants;
    /// anything else is refused, never recorded under a name the server did not check.
    @Test func anAuthorIsARoleTheServerLetsTheLoginWriteAs() throws {
        let harness = try StoreHarness(.postgres)
        _ = try harness.open()  // the schema, made by the superuser
        let asGroup = try #require(
            try WorkspaceStores.open(
                try TestPostgres.url(as: "grappe_planner"), for: .write,
                workspace: harness.workspace, author: "grappe_planners"))
        #expect(asGroup.readOnlyReason == nil)
        #expect(try asGroup.save(change(lyonDraft()), author: "grappe_planners").author == "grappe_planners")
        #expect(try asGroup.load().records.first?.updatedBy == "grappe_planners")

        #expect {
            try WorkspaceStores.open(try TestPostgres.url(as: "grappe_viewer"), for: .write, workspace: harness.workspace, author: "grappe_planners")
        } throws: { error in
            guard case StoreError.readOnly(let reason) = error else { return false }
            return reason.english.contains("does not let 'grappe_viewer' write as 'grappe_planners'")
                && reason.french.contains("ne laisse pas «\u{00A0}grappe_viewer\u{00A0}» écrire")
        }
        #expect {
            try WorkspaceStores.open(try TestPostgres.url(as: "grappe_planner"), for: .write, workspace: harness.workspace, author: "nobody-at-all")
        } throws: { error in
            guard case StoreError.readOnly(let reason) = error else { return false }
            return reason.english.contains("there is no role 'nobody-at-all'")
        }
        // The login's own name is no change at all.
        let own = try #require(
            try WorkspaceStores.open(
                try TestPostgres.url(as: "grappe_planner"), for: .write,
                workspace: harness.workspace, author: "grappe_planner"))
        #expect(try own.save(change(lyonDraft(title: "Autre mission")), author: "grappe_planner").author == "grappe_planner")
    }

    @Test func thePasswordComesFromTheEnvironmentOrThePasswordFile() throws {
        let url = try TestPostgres.url(as: "grappe_secret")
        let workspace = TestPostgres.freshWorkspace()
        _ = try StoreHarness(.postgres).open()  // the schema, made by the superuser as an administrator would
        #expect {
            try PostgresStoreBackend.open(url, workspace: workspace, for: .write, environment: ["HOME": "/nonexistent"])
        } throws: { error in
            guard case StoreError.cannotOpen(_, let detail) = error else { return false }
            return detail.english.contains("PGPASSWORD") && detail.french.contains("PGPASSWORD")
        }
        let withVariable = try PostgresStoreBackend.open(url, workspace: workspace, for: .write, environment: ["PGPASSWORD": "grappe-secret"])
        #expect(withVariable?.identity == "grappe_secret")
        let folder = try TemporaryFolder()
        try "127.0.0.1:*:grappe_test:grappe_secret:grappe-secret\n".write(toFile: folder.path + "/.pgpass", atomically: true, encoding: .utf8)
        chmod(folder.path + "/.pgpass", 0o600)
        let withFile = try PostgresStoreBackend.open(url, workspace: workspace, for: .write, environment: ["HOME": folder.path])
        #expect(withFile?.readOnlyReason == nil)
        // As psql: a password file that others may read is not used (libpq warns on standard error).
        chmod(folder.path + "/.pgpass", 0o644)
        #expect {
            try PostgresStoreBackend.open(url, workspace: workspace, for: .write, environment: ["HOME": folder.path])
        } throws: { error in
            guard case StoreError.cannotOpen(_, let detail) = error else { return false }
            return detail.english.contains("the password file \(folder.path)/.pgpass is not used: others may read it (permissions 0644)")
                && detail.english.contains("chmod 600") && detail.french.contains("d'autres peuvent le lire")
        }
        // A password in the URL is libpq's to use and never shown.
        let inURL = url.replacingOccurrences(of: "grappe_secret@", with: "grappe_secret:grappe-secret@")
        let withURL = try #require(try PostgresStoreBackend.open(inURL, workspace: workspace, for: .write, environment: ["HOME": "/nonexistent"]))
        #expect(withURL.identity == "grappe_secret" && !withURL.location.contains("grappe-secret"))
    }

    @Test func aRoleThatMayNotCreateTheSchemaSaysWhoMust() throws {
        let database = "grappe_empty_" + String(UInt32.random(in: 0...UInt32.max))
        _ = try TestPostgres.psql("CREATE DATABASE \(database)")
        let url = try TestPostgres.url(as: "grappe_planner").replacingOccurrences(of: "/grappe_test", with: "/" + database)
        #expect(try WorkspaceStores.open(url, for: .read) == nil, "reading an empty database finds no store and creates nothing")
        #expect {
            try WorkspaceStores.open(url, for: .write)
        } throws: { error in
            guard case StoreError.cannotOpen(_, let detail) = error else { return false }
            return detail.english.contains("grappe store migrate") && detail.french.contains("grappe store migrate")
        }
    }

    @Test func anUnreachableServerIsUnavailable() throws {
        #expect {
            try WorkspaceStores.open("postgres://ana@127.0.0.1:9/grappe?sslmode=disable&connect_timeout=2", for: .read)
        } throws: { error in
            guard case StoreError.unavailable(let location, _) = error else { return false }
            return location == "postgres://ana@127.0.0.1:9/grappe"
        }
    }

    @Test func textThatLooksLikeSQLIsStoredVerbatim() throws {
        let harness = try StoreHarness(.postgres)
        let hostile = "Robert'); DROP TABLE grappe.records; -- \\ $1 \u{7}"
        var draft = lyonDraft(title: "Mission '; DELETE FROM grappe.journal; --")
        draft.notes = hostile
        draft.objectives = [hostile]
        let saved = try change(draft)
        try harness.open().save(saved, author: hostile)
        let stored = try harness.open().load().records[0].record
        #expect(stored == saved.records[0])
        #expect(try TestPostgres.psql("SELECT count(*) FROM grappe.mission_objectives WHERE workspace = '\(harness.workspace)'") == "1")
    }

    /// On the server, `record_parties`, `record_places`, `mission_outcomes` and `mission_objectives` are
    /// views of each record's body: the same rows, in the same order, as the tables SQLite fills.
    @Test func theAnalystsViewsHoldWhatSQLitesTablesHold() throws {
        var mission = try change(lyonDraft()).records[0]
        mission.parties[0].title = "maire de Laval"
        if case .mission(var body) = mission.body {
            body.destinations = ["lyon", "lille"]
            body.objectives = ["rencontrer", "signer"]
            body.outcomes = [Outcome(partner: "cqic", text: "une entente"), Outcome(agreement: "entente-tripartite")]
            mission.body = .mission(body)
        }
        var noOrigin = mission
        noOrigin.id = "mission-sans-origine"
        if case .mission(var body) = noOrigin.body {
            body.origin = nil
            noOrigin.body = .mission(body)
        }
        let agreement = Record(
            id: "entente-a-lille", title: "Entente", parties: [Party(entity: "picom", role: .signatory)],
            body: .agreement(Agreement(place: "lille", status: .signed)))
        let event = Record(id: "salon", title: "Salon", body: .event(Event(type: .tradeShow, place: "lyon")))
        let sqlite = try StoreHarness(.sqlite), server = try StoreHarness(.postgres)
        for harness in [sqlite, server] {
            let store = try harness.open()
            for record in [mission, noOrigin, agreement, event] {
                try store.save(Change(action: .add, records: [record], expectedVersions: [record.id: 0], summary: "add \(record.id)"), author: "ana")
            }
        }
        for query in [
            "SELECT record_id, position, entity_id, role, coalesce(title, '-'), coalesce(attendance, '-') FROM record_parties",
            "SELECT record_id, position, city_id, CASE WHEN is_origin THEN 1 ELSE 0 END FROM record_places",
            "SELECT record_id, position, coalesce(agreement_id, '-'), coalesce(partner_id, '-'), coalesce(text, '-') FROM mission_outcomes",
            "SELECT record_id, position, text FROM mission_objectives",
        ] {
            let order = " ORDER BY record_id, position"
            let onServer = try TestPostgres.psql(
                query.replacingOccurrences(of: " FROM ", with: " FROM grappe.") + " WHERE workspace = '\(server.workspace)'" + order)
            let inFile = try sqlite.folder.sqlite(sqlite.path, query + order + ";")
            #expect(onServer == inFile, "\(query)")
            #expect(!inFile.isEmpty, "\(query)")
        }
    }

    @Test func manyClientsMigrateOnceTogether() throws {
        // A fresh database: eight clients start at once; each sees the same schema, applied once.
        let database = "grappe_migrate_" + String(UInt32.random(in: 0...UInt32.max))
        _ = try TestPostgres.psql("CREATE DATABASE \(database)")
        let url = try TestPostgres.url().replacingOccurrences(of: "/grappe_test", with: "/" + database)
        let failures = GrappeTestSupport.Locked([String]())
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            do {
                _ = try WorkspaceStores.open(url, for: .write, workspace: "w")
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        let count = TestPostgres.run(["/usr/bin/psql", url, "-X", "-A", "-t", "-c", "SELECT count(*) FROM grappe.migrations"])
        #expect(count.output.trimmingCharacters(in: .whitespacesAndNewlines) == String(PostgresSchema.migrations.count))
    }
}

/// Moving a workspace between locations, and checking one by replaying its journal.
@Suite struct StoreCopyTests {
    /// A store with an add, a cancel, an undo and a draft.
    static func filled(_ store: any WorkspaceStore) throws {
        let added = try change(lyonDraft())
        try store.save(added, author: "ana")
        let network = Overlay.apply(try store.load(), to: referenceNetwork).network
        try store.save(try #require(Change.cancelling(network.record(added.records[0].id)!, version: 1)), author: "ana")
        try store.undoLast(author: "ana")
        var other = lyonDraft(title: "Mission '; DROP TABLE grappe.records; --")
        other.newPartners = ["Minalogic | cluster | lyon"]
        try store.save(change(other), author: "ana")
        try store.saveDraft(StoredDraft(key: "new", json: #"{"title":"brouillon"}"#, updatedAt: "2026-12-01T10:00:00.000Z"))
    }

    @Test func sqliteToPostgresAndBackIsTheSameWorkspace() throws {
        let file = try StoreHarness(.sqlite), server = try StoreHarness(.postgres), back = try StoreHarness(.sqlite)
        try Self.filled(file.open())
        let original = try file.open().dump()
        #expect(original.items.count == 3 && original.journal.count == 4 && original.drafts.count == 1)
        try server.open().restore(original, replacing: false)
        #expect(try server.open().dump() == original)
        try back.open().restore(try server.open().dump(), replacing: false)
        #expect(try back.open().dump() == original)
        #expect(try back.open().load().records.map(\.record) == file.open().load().records.map(\.record))
        #expect(original.replayProblems().isEmpty)
        #expect(try server.open().integrityCheck().isEmpty)
        // A store that holds something is not written over unless asked.
        #expect(throws: StoreError.self) { try server.open().restore(original, replacing: false) }
        try server.open().restore(original, replacing: true)
        #expect(try server.open().dump() == original)
    }

    @Test func replayFindsAStoredStateTheJournalDoesNotExplain() throws {
        let harness = try StoreHarness(.memory)
        try Self.filled(harness.open())
        var dump = try harness.open().dump()
        #expect(dump.replayProblems().isEmpty)
        dump.items[0].state.version += 1
        #expect(dump.replayProblems().count == 1)
        dump.journal.removeFirst()
        #expect(dump.replayProblems().count >= 2)
    }
}

/// Live changes and server faults, each on a server of its own where it must be stopped.
@Suite struct PostgresLiveAndFaultTests {
    @Test func anotherClientsSaveIsHeardThroughNotify() throws {
        let url = try TestPostgres.url(), workspace = TestPostgres.freshWorkspace() + "\tonglet"
        let watcher = try #require(try PostgresStoreBackend.open(url, workspace: workspace, for: .write))
        let writer = try #require(try WorkspaceStores.open(url, for: .write, workspace: workspace))
        #expect(try watcher.journalHead() == 0)
        let listening = Date().addingTimeInterval(3)
        while !watcher.isListening, Date() < listening { usleep(20_000) }
        #expect(watcher.isListening, "after the first look the head comes from LISTEN grappe, on a connection of its own")
        try writer.save(change(lyonDraft()), author: "ana")
        let deadline = Date().addingTimeInterval(2)
        var head = try watcher.journalHead()
        while head == 0, Date() < deadline {
            usleep(20_000)
            head = try watcher.journalHead()
        }
        #expect(head == 1)
        // Another workspace's saves are not this one's.
        try #require(try WorkspaceStores.open(url, for: .write, workspace: TestPostgres.freshWorkspace())).save(change(lyonDraft()), author: "x")
        usleep(200_000)
        #expect(try watcher.journalHead() == 1)
    }

    /// Who is editing what goes through the server: another session sees it within a heartbeat, and
    /// stops seeing it when the editor closes the form, or within `presenceLife` when it is gone.
    @Test func presenceIsHeardAndForgotten() throws {
        // A workspace whose name holds a TAB, the announcements' separator, is heard all the same.
        let url = try TestPostgres.url(), workspace = TestPostgres.freshWorkspace() + "\tonglet"
        var editor = try #require(try PostgresStoreBackend.open(try TestPostgres.url(as: "grappe_planner"), workspace: workspace, for: .write))
        let watcher = try #require(try PostgresStoreBackend.open(url, workspace: workspace, for: .write))
        _ = try editor.journalHead()
        _ = try watcher.journalHead()
        func wait(until done: () -> Bool, seconds: Double) -> Double {
            let start = Date()
            while !done(), Date().timeIntervalSince(start) < seconds { usleep(50_000) }
            return Date().timeIntervalSince(start)
        }
        _ = wait(until: { editor.isListening && watcher.isListening }, seconds: 5)
        editor.announceEditing("mission-a-lyon")
        let heard = wait(until: { watcher.othersEditing == ["mission-a-lyon": ["grappe_planner"]] }, seconds: 5)
        #expect(watcher.othersEditing == ["mission-a-lyon": ["grappe_planner"]], "heard after \(heard) s")
        #expect(editor.othersEditing.isEmpty, "one's own editing is not someone else's")
        editor.announceEditing(nil)
        let left = wait(until: { watcher.othersEditing.isEmpty }, seconds: 5)
        #expect(watcher.othersEditing.isEmpty && left < 3, "gone \(left) s after the form closed")
        editor.announceEditing("mission-a-lyon")
        _ = wait(until: { !watcher.othersEditing.isEmpty }, seconds: 5)
        // The editor goes without a word (its connection closed): forgotten within ten seconds.
        editor = try #require(try PostgresStoreBackend.open(url, workspace: workspace, for: .read))
        let forgotten = wait(until: { watcher.othersEditing.isEmpty }, seconds: 12)
        #expect(watcher.othersEditing.isEmpty && forgotten <= 10, "forgotten \(forgotten) s after the editor went")
    }

    /// A prepared save the server no longer knows (`DEALLOCATE ALL`, or a pooler that handed this
    /// client another session) is prepared again once, and the save goes through.
    @Test func aSaveWhoseStatementTheServerForgotIsPreparedAgain() throws {
        let url = try TestPostgres.url(), workspace = TestPostgres.freshWorkspace()
        let backend = try #require(try PostgresStoreBackend.open(url, workspace: workspace, for: .write))
        let store = JournaledStore(backend: backend)
        _ = try store.save(change(lyonDraft(title: "Première mission")), author: "ana")
        try backend.withConnection { try backend.execute($0, "DEALLOCATE ALL") }
        let second = try store.save(change(lyonDraft(title: "Seconde mission")), author: "ana")
        #expect(second.sequence == 2)
        #expect(try store.load().records.map(\.record.title).sorted() == ["Première mission", "Seconde mission"])
    }

    /// A refusal is read by its SQLSTATE (here 42P01, a missing table: the store cannot be opened as
    /// it is), for a prepared statement as for any other.
    @Test func aPreparedStatementsRefusalIsReadByItsState() throws {
        let url = try TestPostgres.url(), workspace = TestPostgres.freshWorkspace()
        let backend = try #require(try PostgresStoreBackend.open(url, workspace: workspace, for: .write))
        let refusal = try #require(throws: (any Error).self) {
            try backend.withConnection { _ = try $0.run([.prepare(name: "nothing", sql: "SELECT * FROM grappe.no_such_table")], timeout: 5) }
        }
        guard case StoreError.cannotOpen(_, let detail) = refusal else { Issue.record("\(refusal)"); return }
        #expect(detail.english.contains("no_such_table"), "\(detail.english)")
        // The connection is still usable after a refusal inside a pipeline.
        #expect(try backend.journalIndex().isEmpty)
    }

    /// A text holding NUL cannot be sent to PostgreSQL (libpq's texts end at one): the save says so
    /// and nothing is written, rather than a text cut short.
    @Test func aNulInATextIsRefusedAndNothingIsWritten() throws {
        let url = try TestPostgres.url(), workspace = TestPostgres.freshWorkspace()
        let store = try #require(try WorkspaceStores.open(url, for: .write, workspace: workspace))
        // Validation refuses it first (`NulTextTests`); the backend refuses it too, should a change
        // come some other way.
        var hidden = try change(lyonDraft())
        hidden.records[0].title = "Mission\u{0}cachée"
        #expect {
            try store.save(hidden, author: "ana")
        } throws: { error in
            (error as? StoreError)?.description(in: .en).contains("NUL") == true
        }
        #expect(try store.load().records.isEmpty)
        #expect(try store.history(limit: nil).isEmpty)
    }

    /// Eight planners record a hundred missions each at once, each from their own connection: every
    /// mission is stored, the journal has one entry per mission, numbered without a gap.
    @Test func eightWritersAtOnceLoseNothing() throws {
        let url = try TestPostgres.url(), workspace = TestPostgres.freshWorkspace()
        _ = try WorkspaceStores.open(url, for: .write, workspace: workspace)
        let writers = 8, perWriter = 100
        let failures = GrappeTestSupport.Locked([String]())
        let group = DispatchGroup()
        for writer in 0..<writers {
            group.enter()
            let thread = Thread {
                defer { group.leave() }
                do {
                    let store = try #require(try WorkspaceStores.open(url, for: .write, workspace: workspace))
                    for index in 0..<perWriter {
                        try store.save(change(lyonDraft(title: "Mission \(writer)-\(index)")), author: "planner \(writer)")
                    }
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
            thread.start()
        }
        group.wait()
        #expect(failures.withLock { $0 } == [])
        let store = try #require(try WorkspaceStores.open(url, for: .read, workspace: workspace))
        let dump = try store.dump()
        #expect(dump.items.count == writers * perWriter)
        #expect(dump.journal.count == writers * perWriter)
        #expect(dump.journal.map(\.sequence) == Array(1...(writers * perWriter)))
        #expect(dump.replayProblems().isEmpty)
    }

    /// A dashboard's connection knows within five seconds that its server froze (SIGSTOP: connections
    /// open, nothing answers) or stopped, and that it is back; a save on a frozen server fails within
    /// the dashboard's ten seconds instead of hanging, and nothing of it is written.
    @Test func aFrozenOrStoppedServerIsKnownWithinFiveSeconds() throws {
        let server = try PrivateServer("health")
        defer { server.stop() }
        let url = server.url
        let backend = try #require(try PostgresStoreBackend.open(url, workspace: "health", for: .write))
        backend.answerTimeout = WorkspaceStores.interactiveAnswer
        let store = JournaledStore(backend: backend)
        _ = try backend.journalHead()
        func seconds(until done: () -> Bool, within limit: Double) -> Double {
            let start = Date()
            while !done(), Date().timeIntervalSince(start) < limit { usleep(50_000) }
            return Date().timeIntervalSince(start)
        }
        func offline() -> Bool { if case .offline = backend.health { true } else { false } }
        _ = seconds(until: { backend.health == .online }, within: 5)
        #expect(backend.health == .online)

        server.run("freeze")
        let frozen = seconds(until: offline, within: 10)
        #expect(offline() && frozen <= 5.5, "a frozen server known after \(frozen) s")
        let saving = Date()
        #expect(throws: StoreError.noAnswer(location: backend.location, seconds: Int(WorkspaceStores.interactiveAnswer))) {
            try store.save(change(lyonDraft(title: "Pendant le gel")), author: "ana")
        }
        let failedAfter = Date().timeIntervalSince(saving)
        #expect(failedAfter <= WorkspaceStores.interactiveAnswer + 1, "the save failed after \(failedAfter) s")
        server.run("thaw")
        let thawed = seconds(until: { backend.health == .online }, within: 10)
        #expect(backend.health == .online && thawed <= 5, "back after \(thawed) s")
        // The frozen server had the save in hand: it may have written it once it resumed, as the
        // error said; whole or not at all, and the journal explains what is there.
        let afterThaw = try store.load().records.map(\.record.title)
        #expect(afterThaw.isEmpty || afterThaw == ["Pendant le gel"], "\(afterThaw)")
        #expect(try store.dump().replayProblems().isEmpty)

        server.run("crash")
        let stopped = seconds(until: offline, within: 10)
        #expect(offline() && stopped <= 5, "a stopped server known after \(stopped) s")
        server.run("restart")
        let restarted = seconds(until: { backend.health == .online }, within: 10)
        #expect(backend.health == .online && restarted <= 5, "back after \(restarted) s")
        _ = try store.save(change(lyonDraft(title: "Après redémarrage")), author: "ana")
        #expect(try store.load().records.map(\.record.title) == afterThaw + ["Après redémarrage"])
    }

    /// The server dies (as in a power cut) while a planner saves, then comes back: every save that
    /// was acknowledged is there, every other one was reported failed, and saving works again.
    @Test func aServerStoppedDuringSavesLosesNothingAcknowledged() throws {
        let server = try PrivateServer("fault")
        defer { server.stop() }
        let url = server.url
        let store = try #require(try WorkspaceStores.open(url, for: .write, workspace: "fault"))
        var acknowledged: [ID] = [], failed: [StoreError] = []
        for index in 0..<40 {
            if index == 15 { server.run("crash") }
            if index == 30 { server.run("restart") }
            let saved = try change(lyonDraft(title: "Mission \(index)"))
            do {
                try store.save(saved, author: "ana")
                acknowledged.append(saved.records[0].id)
            } catch let error as StoreError {
                failed.append(error)
            }
        }
        #expect(failed.count == 15, "saves while the server was down fail: \(failed.count)")
        #expect(failed.allSatisfy { if case .unavailable = $0 { true } else { false } }, "\(failed.first.map { "\($0)" } ?? "")")
        let stored = Set(try store.load().records.map(\.record.id))
        #expect(Set(acknowledged).isSubset(of: stored))
        #expect(stored.count == acknowledged.count, "nothing half written or unacknowledged")
        #expect(acknowledged.count == 25)
        #expect(try store.dump().replayProblems().isEmpty)
    }
}
