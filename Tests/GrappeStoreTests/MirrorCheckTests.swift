import Foundation
import GrappeModel
import GrappeStore
import GrappeTestSupport
import GrappeWords
import GrappeWorkspace
import Testing

/// `store check` sees a hand edit of any column or table that mirrors a record's body, names the
/// record and the column, and `--repair` writes them again from the body; on both backends.
@Suite struct MirrorCheckTests {
    @Test(arguments: [StoreKind.sqlite, .postgres])
    func aHandEditedColumnIsFoundNamedAndRepaired(_ kind: StoreKind) throws {
        let harness = try StoreHarness(kind)
        let store = try harness.open()
        var draft = lyonDraft()
        draft.objectives = ["rencontrer des partenaires", "signer une entente"]
        let saved = try store.save(try change(draft), author: "ana")
        let id = try #require(saved.items.first?.id)
        #expect(try store.mirrorProblems().isEmpty, "a saved record's mirrors agree with its body")

        try harness.edit("UPDATE records SET title = 'Titre changé', budget_cents = 1 WHERE id = '\(id)'", table: "records")
        let problems = try store.mirrorProblems()
        #expect(problems.map(\.id) == [id])
        let said = problems.first?.differences.map { $0.english } ?? []
        #expect(said.contains("column title: 'Titre changé' where the body says 'Mission numérique à Lyon'"), "\(said)")
        #expect(said.contains("column budget_cents: '1' where the body says '2500000'"), "\(said)")
        let french = problems.first?.differences.map { $0.french } ?? []
        #expect(french.allSatisfy { Typography.problems(inFrench: $0).isEmpty }, "\(french)")

        #expect(try store.repairMirrors() == [id])
        #expect(try store.mirrorProblems().isEmpty, "repaired from the body")
        #expect(try store.repairMirrors() == [], "nothing left to repair")
    }

    /// SQLite keeps the parties, places, outcomes and objectives as tables of their own (the server
    /// computes them from the body, so they cannot drift): a row edited, taken out or added is found.
    @Test func editedMirrorTablesAreFoundOnSQLite() throws {
        let harness = try StoreHarness(.sqlite)
        let store = try harness.open()
        var draft = lyonDraft()
        draft.objectives = ["rencontrer des partenaires", "signer une entente"]
        let id = try #require(try store.save(try change(draft), author: "ana").items.first?.id)
        try SQLiteShell.run(
            harness.path,
            """
            UPDATE record_parties SET role = 'host' WHERE record_id = '\(id)' AND position = 0;
            DELETE FROM mission_objectives WHERE record_id = '\(id)' AND position = 1;
            INSERT INTO record_places (workspace, record_id, position, city_id, is_origin)
                SELECT workspace, record_id, 9, 'lille', 0 FROM record_places WHERE record_id = '\(id)' LIMIT 1;
            """)
        let said = try store.mirrorProblems().flatMap(\.differences).map(\.english)
        #expect(said.contains("table record_parties: 1 row differs from the body"), "\(said)")
        #expect(said.contains("table mission_objectives: 1 row where the body gives 2"), "\(said)")
        #expect(said.contains { $0.hasPrefix("table record_places:") }, "\(said)")
        #expect(try store.repairMirrors() == [id])
        #expect(try store.mirrorProblems().isEmpty)
        #expect(try SQLiteShell.run(harness.path, "SELECT count(*) FROM mission_objectives WHERE record_id = '\(id)'") == "2")
    }

    @Test func aStoreOpenedForReadingCannotRepair() throws {
        let harness = try StoreHarness(.sqlite)
        _ = try harness.open().save(try change(lyonDraft()), author: "ana")
        let reader = try harness.open(for: .read)
        #expect(throws: StoreError.self) { try reader.repairMirrors() }
    }

    /// The mirrors the store writes and the ones `store check` expects come from one definition.
    @Test func theMirrorOfARecordFollowsItsBody() throws {
        let record = try #require(try change(lyonDraft()).records.first)
        let mirror = RecordMirror(record)
        #expect(mirror.columns.title == "Mission numérique à Lyon")
        #expect(mirror.columns.budgetCents == 2_500_000 && mirror.columns.budgetCurrency == "CAD")
        #expect(mirror.places?.first == RecordMirror.Place(city: "laval", isOrigin: true))
        #expect(mirror.places?.dropFirst().map(\.city) == ["lyon"])
        #expect(mirror.differences(from: mirror).isEmpty)
        var columnsOnly = mirror
        columnsOnly.parties = nil
        columnsOnly.objectives = []
        #expect(columnsOnly.differences(from: mirror).map(\.english) == ["table mission_objectives: 0 rows where the body gives 1"])
    }
}
