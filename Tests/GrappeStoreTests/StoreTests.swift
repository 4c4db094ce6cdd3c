import Foundation
import GrappeModel
import GrappeSeeds
import GrappeStore
import GrappeTestSupport
import GrappeWords
import GrappeWorkspace
import Testing

func change(_ draft: MissionDraft, in network: Network = referenceNetwork) throws -> Change {
    try MissionValidator(network: network).validate(draft).get()
}

@Suite struct StoreOpeningTests {
    @Test func migratesFromEmpty() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/nested/workspace.sqlite"
        #expect(try WorkspaceStores.open(path, for: .read) == nil)
        #expect(!FileManager.default.fileExists(atPath: path), "reading must not create the store")
        let store = try #require(try WorkspaceStores.open(path, for: .write))
        #expect(store.readOnlyReason == nil)
        #expect(try store.load().isEmpty)
        #expect(try store.integrityCheck().isEmpty)
        #expect(try folder.mode(of: path) == 0o600)
        #expect(try folder.mode(of: folder.path + "/nested") == 0o700)
        // Opening again runs no migration twice and finds the same empty store.
        let again = try #require(try WorkspaceStores.open(path, for: .write))
        #expect(try again.history(limit: nil).isEmpty)
    }

    @Test func refusesAFileThatIsNotADatabase() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/notes.sqlite"
        let text = Data("Mission à Lille : ne pas écraser\n".utf8)
        try text.write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notAWorkspace(path: path, detail: Wording("pas une base SQLite", "not an SQLite database"))) {
            try WorkspaceStores.open(path, for: .write)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == text)
    }

    @Test func refusesAnotherApplicationsDatabase() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/other.sqlite"
        try folder.sqlite(path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Zoé');")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(
            throws: StoreError.notAWorkspace(
                path: path, detail: Wording("une base SQLite d'une autre application", "an SQLite database of another application"))
        ) {
            try WorkspaceStores.open(path, for: .write)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func refusesADatabaseFromANewerGrappe() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/workspace.sqlite"
        let store = try #require(try WorkspaceStores.open(path, for: .write))
        try store.save(change(lyonDraft()), author: "ana")
        try folder.sqlite(path, "INSERT INTO grdb_migrations VALUES ('v9 from the future'); PRAGMA user_version = 9;")
        #expect(throws: StoreError.newerVersion(path: path, unknown: ["v9 from the future"])) {
            try WorkspaceStores.open(path, for: .write)
        }
        #expect(try folder.sqlite(path, "SELECT count(*) FROM records;") == "1")
    }

    /// A version 1 file kept every budget in hundredths; version 2 keeps each currency's minor units.
    @Test func movesVersionOneBudgetsToEachCurrencysMinorUnits() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/workspace.sqlite"
        let store = try #require(try WorkspaceStores.open(path, for: .write))
        var yen = lyonDraft(title: "Mission à Osaka"), dinar = lyonDraft(title: "Mission à Tunis")
        yen.budget = "250000 JPY"
        dinar.budget = "1200.5 TND"
        try store.save(change(yen), author: "ana")
        try store.save(change(dinar), author: "ana")
        #expect(
            try folder.sqlite(path, "SELECT budget_cents || ' ' || budget_currency FROM records ORDER BY budget_currency;")
                == "250000 JPY\n1200500 TND")
        // As version 1 wrote them.
        let downgrade = "DELETE FROM grdb_migrations WHERE identifier LIKE 'v2 %'; PRAGMA user_version = 1;"
        try folder.sqlite(
            path,
            "UPDATE records SET budget_cents = 25000000 WHERE budget_currency = 'JPY';"
                + "UPDATE records SET budget_cents = 120050 WHERE budget_currency = 'TND';" + downgrade)
        let reopened = try #require(try WorkspaceStores.open(path, for: .write))
        #expect(
            try folder.sqlite(path, "SELECT budget_cents || ' ' || budget_currency FROM records ORDER BY budget_currency;")
                == "250000 JPY\n1200500 TND")
        #expect(try folder.sqlite(path, "PRAGMA user_version;") == "2")
        #expect(try reopened.load().records.compactMap { $0.record.mission?.budget?.description }.sorted() == ["1200.500 TND", "250000 JPY"])

        // Yen with cents cannot move: the file is left as it is and the record is named.
        try folder.sqlite(path, "UPDATE records SET budget_cents = 25000050 WHERE budget_currency = 'JPY';" + downgrade)
        let before = try folder.sqlite(path, ".dump")
        let id = try folder.sqlite(path, "SELECT id FROM records WHERE budget_currency = 'JPY';")
        do {
            _ = try WorkspaceStores.open(path, for: .write)
            Issue.record("opened a file whose yen budget has cents")
        } catch let error as StoreError {
            #expect("\(error)".contains("record '\(id)' has a budget of 250000.50 JPY, but JPY has no minor unit"), "\(error)")
        }
        #expect(try folder.sqlite(path, "SELECT budget_cents FROM records WHERE budget_currency = 'JPY';") == "25000050")
        #expect(try folder.sqlite(path, ".dump") == before, "every row as it was")
    }

    @Test func opensAReadOnlyFileReadOnly() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/workspace.sqlite"
        let store = try #require(try WorkspaceStores.open(path, for: .write))
        try store.save(change(lyonDraft()), author: "ana")
        try folder.sqlite(path, "PRAGMA wal_checkpoint(TRUNCATE);")
        chmod(path, 0o400)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let readOnly = try #require(try WorkspaceStores.open(path, for: .write))
        #expect(readOnly.readOnlyReason?.english.contains("read-only") == true)
        #expect(readOnly.readOnlyReason?.french.contains("lecture seule") == true)
        #expect(try readOnly.load().records.count == 1)
        #expect(throws: StoreError.self) { try readOnly.save(change(lyonDraft(title: "Autre")), author: "ana") }
        #expect(throws: StoreError.self) { try readOnly.undoLast(author: "ana") }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func reportsAnUnwritableLocation() throws {
        let folder = try TemporaryFolder()
        let blocker = folder.path + "/file"
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
        #expect(throws: StoreError.self) { try WorkspaceStores.open(blocker + "/grappe/workspace.sqlite", for: .write) }
        #expect(throws: StoreError.self) { try WorkspaceStores.open(folder.path, for: .write) }
    }

    @Test func findsTheLocation() {
        #expect(StoreLocation.resolve(option: "/x.sqlite", environment: ["GRAPPE_STORE": "/y"]) == "/x.sqlite")
        #expect(StoreLocation.resolve(option: nil, environment: ["GRAPPE_STORE": "/y", "XDG_DATA_HOME": "/d"]) == "/y")
        #expect(StoreLocation.resolve(option: nil, environment: ["XDG_DATA_HOME": "/d", "HOME": "/h"]) == "/d/grappe/workspace.sqlite")
        #expect(
            StoreLocation.resolve(option: nil, environment: ["XDG_DATA_HOME": "relative", "HOME": "/h"])
                == "/h/.local/share/grappe/workspace.sqlite")
    }
}

/// The backends a store can have. Every one passes the contract suite below.
enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, memory, postgres
    var testDescription: String { rawValue }
}

/// One store of a kind, and further connections to the same store (two planners, two processes).
final class StoreHarness: @unchecked Sendable {
    let kind: StoreKind
    let folder: TemporaryFolder
    private let memory = InMemoryStoreBackend()

    /// The PostgreSQL workspace of this harness: each harness has its own in the shared test database.
    let workspace = TestPostgres.freshWorkspace()

    init(_ kind: StoreKind) throws {
        self.kind = kind
        folder = try TemporaryFolder()
    }

    var path: String { folder.path + "/w.sqlite" }

    /// Runs an `UPDATE table SET … WHERE …` on the store as an analyst would, with sqlite3 or psql: on
    /// the server the table is in the `grappe` schema, and the statement is kept to this harness's
    /// workspace.
    func edit(_ sql: String, table: String) throws {
        switch kind {
        case .sqlite: try SQLiteShell.run(path, sql)
        case .postgres:
            _ = try TestPostgres.psql(
                sql.replacingOccurrences(of: "UPDATE \(table) ", with: "UPDATE grappe.\(table) ") + " AND workspace = '\(workspace)'")
        case .memory: break
        }
    }

    /// Where the store is: a file, or the test server.
    var location: String {
        get throws {
            switch kind {
            case .sqlite, .memory: path
            case .postgres: try TestPostgres.url()
            }
        }
    }

    /// A new connection to the store, ready to write.
    func open() throws -> any WorkspaceStore {
        try open(for: .write)
    }

    func open(for access: StoreAccess, role: String? = nil) throws -> any WorkspaceStore {
        switch kind {
        case .sqlite: try #require(try WorkspaceStores.open(path, for: access))
        case .memory: JournaledStore(backend: memory)
        case .postgres:
            try #require(
                try WorkspaceStores.open(
                    role.map { try TestPostgres.url(as: $0) } ?? TestPostgres.url(), for: access,
                    workspace: workspace))
        }
    }

    /// The author the journal names for a change saved as `given`: a server names its login instead.
    func author(_ given: String) -> String {
        kind == .postgres ? TestPostgres.superuser : given
    }
}

/// The workspace store's contract: what every backend must do, checked on each.
@Suite struct StoreContractTests {
    @Test(arguments: StoreKind.allCases) func savesLoadsAndJournals(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        defer { withExtendedLifetime(harness) {} }
        let store = try harness.open()
        let saved = try change(lyonDraft())
        let entry = try store.save(saved, author: "zoé")
        #expect(entry.action == .add && entry.author == harness.author("zoé") && entry.items.count == 1 && entry.items[0].before == nil)
        #expect(entry.sequence == 1)
        let workspace = try store.load()
        #expect(workspace.records.map(\.record) == saved.records)
        #expect(workspace.records[0].version == 1)
        #expect(workspace.records[0].updatedBy == harness.author("zoé"))
        #expect(try store.journalIndex().map(\.sequence) == [1])
        #expect(try store.journalIndex()[0].items.map(\.id) == [saved.records[0].id])
        #expect(try store.history(limit: nil)[0].items[0].after == entry.items[0].after)
        #expect(try store.integrityCheck().isEmpty)
    }

    @Test func sqliteKeepsTheAnalystsTablesInStep() throws {
        let harness = try StoreHarness(.sqlite)
        try harness.open().save(change(lyonDraft()), author: "zoé")
        let path = harness.path, folder = harness.folder
        #expect(
            try folder.sqlite(path, "SELECT role || ':' || entity_id FROM record_parties ORDER BY position;")
                == "leader:marc-demers\non_behalf_of:cqic\ndelegate:alain-dumas")
        #expect(
            try folder.sqlite(path, "SELECT status, start, \"end\", budget_cents, budget_currency FROM records;")
                == "planned|2027-03-10|2027-03-14|2500000|CAD")
        #expect(try folder.sqlite(path, "SELECT city_id || ':' || is_origin FROM record_places ORDER BY position;") == "laval:1\nlyon:0")
        #expect(try folder.sqlite(path, "PRAGMA journal_mode;") == "wal")
    }

    @Test(arguments: StoreKind.allCases) func aReadOnlyStoreRecordsNothing(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        try harness.open().save(change(lyonDraft()), author: "ana")
        let reader: any WorkspaceStore =
            switch kind {
            case .sqlite, .postgres: try harness.open(for: .read)
            case .memory: JournaledStore(backend: InMemoryStoreBackend(readOnlyReason: Wording("une lectrice", "a viewer")))
            }
        #expect(reader.readOnlyReason != nil)
        #expect(throws: StoreError.self) { try reader.save(change(lyonDraft(title: "Autre")), author: "ana") }
        #expect(throws: StoreError.self) { try reader.undoLast(author: "ana") }
        #expect(throws: StoreError.self) { try reader.saveDraft(StoredDraft(key: "new", json: "{}", updatedAt: "now")) }
    }

    @Test(arguments: StoreKind.allCases) func detectsAStaleEdit(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        defer { withExtendedLifetime(harness) {} }
        let first = try harness.open()
        let second = try harness.open()
        let added = try change(lyonDraft())
        try first.save(added, author: "ana")
        let network = Overlay.apply(try first.load(), to: referenceNetwork).network
        let id = added.records[0].id
        // Both open the mission at version 1; Ana saves first, Léo's save is refused.
        var ana = MissionDraft(editing: network.record(id)!, version: 1)
        var leo = ana
        ana.notes = "salle réservée"
        leo.notes = "hôtel à confirmer"
        try first.save(change(ana, in: network), author: "ana")
        #expect {
            try second.save(change(leo, in: network), author: "léo")
        } throws: { error in
            guard case StoreError.stale(id, 1, 2, let by, _) = error else { return false }
            return by == harness.author("ana")
        }
        #expect(try second.load().records[0].record.mission?.notes == "salle réservée")
        // Adding a second mission under a taken id is refused too.
        #expect(throws: StoreError.exists(id)) { try second.save(added, author: "léo") }
    }

    @Test(arguments: StoreKind.allCases) func undoRecordsTheInverse(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        defer { withExtendedLifetime(harness) {} }
        let store = try harness.open()
        let added = try change(lyonDraft())
        try store.save(added, author: "ana")
        let id = added.records[0].id
        let network = Overlay.apply(try store.load(), to: referenceNetwork).network
        let cancel = try #require(Change.cancelling(network.record(id)!, version: 1))
        try store.save(cancel, author: "ana")
        #expect(try store.load().records[0].record.mission?.status == .cancelled)

        // Undo takes back one's own changes: léo made none (on a server, the login is the author whatever is given).
        if kind != .postgres { #expect(throws: StoreError.nothingToUndo) { try store.undoLast(author: "léo") } }
        let undone = try store.undoLast(author: "ana")
        #expect(undone.action == .undo && undone.undoes == 2)
        #expect(try store.load().records[0].record.mission?.status == .planned)
        #expect(try store.load().records[0].version == 3)
        // The next undo reverts the add: the mission leaves the store, the journal keeps all of it.
        try store.undoLast(author: "ana")
        #expect(try store.load().records.isEmpty)
        let history = try store.history(limit: nil)
        #expect(history.map(\.action) == [.undo, .undo, .cancel, .add])
        #expect(history[0].items[0].before == history[3].items[0].after)
        #expect(throws: StoreError.nothingToUndo) { try store.undoLast(author: "ana") }
    }

    /// Undo and redo chains across two people: each takes back their own, someone else's only when
    /// asked for (`anyone`), a redo takes an undo back, a new change ends what can be redone, and a
    /// plan that someone else carried out first writes nothing. The journal replays at every step.
    @Test(arguments: StoreKind.allCases) func undoAndRedoRespectPeople(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        defer { withExtendedLifetime(harness) {} }
        // On a server the journal names the login whatever the author given: two logins there.
        let leo = try harness.open()
        let ana = try harness.open(for: .write, role: kind == .postgres ? "grappe_planner" : nil)
        let leoName = kind == .postgres ? TestPostgres.superuser : "léo"
        func titles() throws -> [String] { try ana.load().records.map(\.record.title).sorted() }
        try ana.save(change(lyonDraft(title: "Mission d'Ana")), author: "ana")
        try leo.save(change(lyonDraft(title: "Mission de Léo")), author: "léo")

        // Ana's undo takes back her mission, not Léo's newer one.
        let plan = try #require(try ana.plan(.undo, author: "ana", anyone: false))
        #expect(plan.mine && plan.origin.sequence == 1 && plan.removesARecord && plan.asksFirst, "an add removed is asked about")
        try ana.takeBack(plan, author: "ana")
        #expect(try titles() == ["Mission de Léo"])
        // Carried out already: the same plan again writes nothing.
        #expect(throws: StoreError.alreadyTakenBack(1)) { try ana.takeBack(plan, author: "ana") }
        #expect(throws: StoreError.nothingToUndo) { try ana.undoLast(author: "ana") }
        // Someone else's, when asked for: Léo's mission, named as his.
        let theirs = try #require(try ana.plan(.undo, author: "ana", anyone: true))
        #expect(!theirs.mine && theirs.target.author == leoName && theirs.asksFirst)
        #expect(theirs.question(title: "Mission de Léo").english.hasPrefix("Undo the addition of 'Mission de Léo' by \(leoName) (#2, "))

        // Ana redoes her undo: her mission is back; redo again has nothing left.
        let redo = try #require(try ana.plan(.redo, author: "ana", anyone: false))
        #expect(redo.direction == .redo && redo.origin.sequence == 1 && !redo.removesARecord && !redo.asksFirst)
        let redone = try ana.takeBack(redo, author: "ana")
        #expect(redone.summary.hasPrefix("redo #1: ") && redone.undoes == 3)
        #expect(try titles() == ["Mission d'Ana", "Mission de Léo"])
        #expect(try ana.plan(.redo, author: "ana", anyone: false) == nil)
        // Undo after a redo takes the redo back; redo again brings it back again.
        try ana.undoLast(author: "ana")
        #expect(try titles() == ["Mission de Léo"])
        let again = try #require(try ana.plan(.redo, author: "ana", anyone: false))
        try ana.takeBack(again, author: "ana")
        #expect(try titles() == ["Mission d'Ana", "Mission de Léo"])

        // A new change of Léo's ends what he can redo.
        try leo.undoLast(author: "léo")
        #expect(try titles() == ["Mission d'Ana"])
        #expect(try leo.plan(.redo, author: "léo", anyone: false) != nil)
        try leo.save(change(lyonDraft(title: "Autre mission de Léo")), author: "léo")
        #expect(try leo.plan(.redo, author: "léo", anyone: false) == nil)
        #expect(try ana.dump().replayProblems().isEmpty)
    }

    @Test(arguments: StoreKind.allCases) func undoOfAnEditedSeedMissionBringsTheSeedBack(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        defer { withExtendedLifetime(harness) {} }
        let store = try harness.open()
        let seed = try #require(referenceNetwork.record("mission-laval-lille"))
        var draft = MissionDraft(editing: seed, version: 0)
        draft.followUps.append("visite de retour à Laval")
        let edit = try change(draft)
        #expect(edit.action == .edit)
        try store.save(edit, author: "ana")
        let overlaid = Overlay.apply(try store.load(), to: referenceNetwork).network
        #expect(overlaid.records.count == referenceNetwork.records.count)
        #expect(overlaid.record("mission-laval-lille")?.mission?.outcomes.last?.text == "visite de retour à Laval")
        // Nothing else about the seed mission was lost on the way through the form.
        var expected = seed
        var mission = seed.mission!
        mission.outcomes.append(Outcome(text: "visite de retour à Laval"))
        expected.body = .mission(mission)
        #expect(overlaid.record("mission-laval-lille") == expected)
        try store.undoLast(author: "ana")
        #expect(Overlay.apply(try store.load(), to: referenceNetwork).network.record("mission-laval-lille") == seed)
    }

    @Test(arguments: StoreKind.allCases) func newPartnersAndAgreementsAreSavedWithTheMission(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        defer { withExtendedLifetime(harness) {} }
        let store = try harness.open()
        var draft = lyonDraft()
        draft.newPartners = ["Minalogic | cluster | lyon"]
        draft.newAgreements = ["Entente Laval–Lyon | 2027-03-12 | cqic, Minalogic"]
        let saved = try change(draft)
        #expect(saved.entities.map(\.id) == ["minalogic"])
        #expect(saved.records.map(\.id) == ["mission-numerique-a-lyon", "entente-laval-lyon"])
        try store.save(saved, author: "ana")
        let (network, warnings) = Overlay.apply(try store.load(), to: referenceNetwork)
        #expect(warnings.isEmpty)
        #expect(network.entity("minalogic")?.kind == .cluster)
        // Its city is a link, as a seed partner's is, not a word on its card.
        #expect(network.entity("minalogic")?.attributes["city"] == nil)
        #expect(network.relations.contains { $0.from == "minalogic" && $0.to == "lyon" && $0.type == .basedIn })
        #expect(network.record("entente-laval-lyon")?.parties.map(\.entity) == ["cqic", "minalogic"])
        #expect(network.records(involving: "minalogic").count == 2)
    }

    /// A dashboard follows the store by applying journal entries to what it holds: after any mix of
    /// adds, edits, cancels, new partners and undos, that gives exactly what reading the store gives.
    @Test(arguments: StoreKind.allCases) func followingTheJournalGivesWhatTheStoreHolds(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        defer { withExtendedLifetime(harness) {} }
        let store = try harness.open()
        var followed = Workspace.empty, seen = 0
        func follow() throws {
            let unseen = try store.history(limit: nil).filter { $0.sequence > seen }
            followed = try followed.applying(unseen.reversed())
            seen = unseen.first?.sequence ?? seen
            let held = try store.load()
            #expect(followed.records == held.records)
            #expect(followed.entities == held.entities)
        }
        var draft = lyonDraft()
        draft.newPartners = ["Minalogic | cluster | lyon"]
        try store.save(change(draft), author: "ana")
        try follow()
        try store.save(change(lyonDraft(title: "Mission à Lille")), author: "léo")
        let lyon = try #require(try store.load().records.first { $0.record.id == "mission-numerique-a-lyon" })
        var edit = MissionDraft(editing: lyon.record, version: lyon.version)
        edit.notes = "hôtel réservé"
        try store.save(MissionValidator(network: Overlay.apply(try store.load(), to: referenceNetwork).network).validate(edit).get(), author: "ana")
        try follow()
        let lille = try #require(try store.load().records.last?.record)
        try store.save(try #require(Change.cancelling(lille, version: 1)), author: "léo")
        // Anyone's newest, as a planner taking back the team's work would (with confirmation).
        func undoNewest() throws { try store.takeBack(try #require(try store.plan(.undo, author: "ana", anyone: true)), author: "ana") }
        try undoNewest()  // the cancel (léo's)
        try undoNewest()  // the edit
        try follow()
        try undoNewest()  // the mission to Lille (léo's)
        try undoNewest()  // the first mission and its new partner
        try follow()
        #expect(followed.records.isEmpty && followed.entities.isEmpty)
        try store.save(change(lyonDraft()), author: "ana")
        try follow()
    }

    @Test(arguments: StoreKind.allCases) func aRecordWhoseSeedEntityDisappearedIsKeptWithAWarning(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        defer { withExtendedLifetime(harness) {} }
        let store = try harness.open()
        try store.save(change(lyonDraft()), author: "ana")
        let shrunk = Network(
            name: "x", documents: referenceNetwork.documents,
            entities: referenceNetwork.entities.filter { $0.id != "alain-dumas" },
            relations: [], records: referenceNetwork.records)
        let (network, warnings) = Overlay.apply(try store.load(), to: shrunk)
        #expect(network.record("mission-numerique-a-lyon") != nil)
        #expect(warnings == [OverlayWarning(record: "mission-numerique-a-lyon", missing: "alain-dumas")])
    }

    @Test(arguments: StoreKind.allCases) func twoWritersBothSucceed(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        _ = try harness.open()
        let perWriter = 40
        let failures = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            do {
                let store = try harness.open()
                for index in 0..<perWriter {
                    try store.save(change(lyonDraft(title: "Mission \(writer)-\(index)")), author: "writer \(writer)")
                }
            } catch {
                failures.withLock { $0 += 1 }
            }
        }
        #expect(failures.withLock { $0 } == 0)
        let store = try harness.open()
        #expect(try store.load().records.count == 2 * perWriter)
        #expect(try store.history(limit: nil).count == 2 * perWriter)
        #expect(try store.integrityCheck().isEmpty)
    }

    @Test(arguments: StoreKind.allCases) func draftsSurviveUntilDeleted(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        let store = try harness.open()
        let json = String(decoding: try JSONEncoder().encode(lyonDraft()), as: UTF8.self)
        try store.saveDraft(StoredDraft(key: "new", json: json, updatedAt: "2026-11-22T10:00:00Z"))
        let reopened = try harness.open()
        let drafts = try reopened.drafts()
        #expect(drafts.count == 1)
        #expect(try JSONDecoder().decode(MissionDraft.self, from: Data(drafts[0].json.utf8)) == lyonDraft())
        try reopened.deleteDraft(key: "new")
        #expect(try store.drafts().isEmpty)
    }
}

/// A folder under the system's temporary folder, removed when the value goes.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "grappe-store-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func mode(of file: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    /// Runs SQL with the sqlite3 shell, as an analyst would; returns its output without the last newline.
    @discardableResult
    func sqlite(_ database: String, _ sql: String) throws -> String { try SQLiteShell.run(database, sql) }
}
