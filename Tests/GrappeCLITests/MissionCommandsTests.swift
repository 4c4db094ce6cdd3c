import Foundation
import GrappeTestSupport
import Testing

/// Mission planners at the command line: record, list, show, edit, cancel, undo, export, with a real
/// store file in a temporary folder.
@Suite struct MissionCommandsTests {
    let cli = CLITests()

    final class Workspace: Sendable {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("grappe-missions-\(UUID().uuidString)")
        var store: String { folder.appendingPathComponent("store/workspace.sqlite").path }
        var environment: [String: String] { ["GRAPPE_STORE": store, "USER": "zoé"] }
        init() throws { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: folder) }
    }

    func add(_ workspace: Workspace, title: String = "Mission numérique à Lyon", _ extra: [String] = []) throws -> CLITests.Run {
        try cli.grappe(
            [
                "mission", "add", "--title", title, "--leader", "Marc Demers", "--on-behalf-of", "cqic", "--origin", "laval",
                "--destination", "Lyon", "--from", "2027-03-10", "--to", "2027-03-14",
                "--delegate", "alain-dumas:delegate:confirmed", "--budget", "25000 CAD",
            ] + extra,
            environment: workspace.environment)
    }

    @Test func addShowExportAndLoadAsSeeds() throws {
        let workspace = try Workspace()
        let added = try add(workspace, ["--new-partner", "Minalogic | cluster | lyon", "--follow-up", "rappeler en avril"])
        #expect(added.status == 0, "\(added.error)")
        // Standard output holds only the new id, for scripts; the journal line is a status on standard error.
        #expect(added.output == "mission-numerique-a-lyon\n")
        #expect(added.error.contains("#1 add mission mission-numerique-a-lyon"))
        let attributes = try FileManager.default.attributesOfItem(atPath: workspace.store)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)

        let shown = try cli.grappe(["mission", "show", "mission-numerique-a-lyon"], environment: workspace.environment)
        #expect(shown.status == 0)
        #expect(shown.output.contains("delegate     Alain Dumas  · confirmed"))
        #expect(shown.output.contains("outcome: partner met Minalogic"))
        #expect(shown.output.contains("zoé  add mission mission-numerique-a-lyon"))
        #expect(shown.output.contains("\nversion 1\n"), "the version --if-version takes")

        // Everywhere the network is read, the recorded mission and its new partner are in it; analysis
        // counts the partner met from the day the mission begins (March 2027), not before.
        let summary = try cli.grappe(["summary", "--format", "json", "--as-of", "2027-03-10"], environment: workspace.environment)
        #expect(summary.output.contains("\"nodes\" : 48"))
        let today = try cli.grappe(["summary", "--format", "json", "--as-of", "2027-03-09"], environment: workspace.environment)
        #expect(today.output.contains("\"nodes\" : 47"))
        let metrics = try cli.grappe(["metrics", "--as-of", "2027-03"], environment: workspace.environment)
        #expect(metrics.output.contains("\nminalogic,Minalogic,cluster,"))
        let path = try cli.grappe(["path", "minalogic", "picom"], environment: workspace.environment)
        #expect(path.status == 0 && path.output.contains("Mission numérique à Lyon"), "\(path.output)")

        let exported = workspace.folder.appendingPathComponent("seeds")
        try FileManager.default.copyItem(at: CLITests.repository.appendingPathComponent("seeds"), to: exported)
        let export = try cli.grappe(
            ["mission", "export", "--output", exported.appendingPathComponent("recorded.yaml").path],
            environment: workspace.environment)
        #expect(export.status == 0)
        let check = try cli.grappe(["check", "--seeds", exported.path, "--no-store"])
        #expect(check.status == 0 && check.output.contains("0 errors"), "\(check.output)")
        let listed = try cli.grappe(["mission", "list", "--seeds", exported.path, "--no-store", "--format", "csv"])
        #expect(listed.output.contains("mission-numerique-a-lyon,planned,2027-03-10,2027-03-14,Lyon,Marc Demers,Mission numérique à Lyon,true,0"))
    }

    @Test func everyFieldErrorIsReportedAndNothingIsSaved() throws {
        let workspace = try Workspace()
        let run = try cli.grappe(
            [
                "mission", "add", "--title", "Mission", "--leader", "Marc Demrs", "--destination", "lion",
                "--from", "2027-03-10", "--to", "2027-03-01", "--delegate", "alain-dumas:boss",
                "--delegate", "guy-rochon", "--delegate", "Guy Rochon", "--delegate", "picom", "--delegate", "mathieu-halle:chef de mission",
                "--delegate", "benoit:leader",
                "--budget", "25000 XYZ", "--agreement", "entente-tripartite",
                "--status", "maybe",
            ], environment: workspace.environment)
        #expect(run.status == 65)
        for expected in [
            "--leader: unknown id 'Marc Demrs'; did you mean 'marc-demers'?",
            "--destination #1: unknown id 'lion'; did you mean 'lyon'?",
            "--to: the mission ends (2027-03-01) before it starts (2027-03-10)",
            "--delegate #1: unknown role 'boss'",
            "--delegate #3: 'guy-rochon' is already in the delegation",
            "--delegate #4: 'picom' is a pole; expected person; a delegation is made of people: name it under \"On behalf of\"",
            "--delegate #6: a mission has one leader: 'mathieu-halle' already is; choose another role",
            "--budget: ", "XYZ",
            "--agreement #1: unknown agreement 'entente-tripartite'; did you mean 'entente-tripartite-lille'?",
            "--status: unknown status 'maybe'", "nothing was saved",
        ] {
            #expect(run.error.contains(expected), "\(expected)\n\(run.error)")
        }
        let empty = try cli.grappe(["mission", "add", "--title", "Sans délégation"], environment: workspace.environment)
        #expect(empty.status == 65 && empty.error.contains("the delegation is empty"))
        let history = try cli.grappe(["history"], environment: workspace.environment)
        #expect(history.output.contains("no changes recorded"))
    }

    @Test func editCancelUndoAndStaleVersions() throws {
        let workspace = try Workspace()
        #expect(try add(workspace).status == 0)
        let id = "mission-numerique-a-lyon"
        let edited = try cli.grappe(
            ["mission", "edit", id, "--status", "confirmed", "--notes", "hôtel réservé", "--author", "léo"],
            environment: workspace.environment)
        #expect(edited.status == 0, "\(edited.error)")
        // An edit based on version 1, now that the mission is at version 2, is refused.
        let stale = try cli.grappe(["mission", "edit", id, "--notes", "autre chose", "--if-version", "1"], environment: workspace.environment)
        #expect(stale.status == 75)
        #expect(stale.error.contains("changed since you opened it (your version 1, now 2, saved by léo"))
        let cancelled = try cli.grappe(["mission", "cancel", id], environment: workspace.environment)
        #expect(cancelled.status == 0)
        #expect(
            try cli.grappe(["mission", "list", "--status", "cancelled", "--format", "csv"], environment: workspace.environment)
                .output.contains(id))
        let undo = try cli.grappe(["undo"], environment: workspace.environment)
        #expect(undo.status == 0 && undo.output.contains("undone: the cancellation of 'Mission numérique à Lyon' by you (#3, "), "\(undo.output)")
        let shown = try cli.grappe(["mission", "show", id], environment: workspace.environment)
        #expect(shown.output.contains("status: confirmed") && shown.output.contains("notes: hôtel réservé"))
        let history = try cli.grappe(["history", "--format", "json"], environment: workspace.environment)
        #expect(history.output.contains("\"undoes\" : 3"))
        // Each item's states are JSON objects, not JSON text in a string; times stay UTC stamps.
        let entries = try JSONSerialization.jsonObject(with: Data(history.output.utf8)) as? [[String: Any]]
        let item = (entries?.last?["items"] as? [[String: Any]])?.first
        #expect((item?["after"] as? [String: Any])?["title"] as? String == "Mission numérique à Lyon")
        #expect((entries?.last?["at"] as? String)?.hasSuffix("Z") == true)
        // For people, times to the minute in the machine's time zone, dates in words.
        var paris = workspace.environment
        paris["TZ"] = "Europe/Paris"
        let stamp = try #require(entries?.last?["at"] as? String)
        let utc = try Date(stamp, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "Europe/Paris"))
        let hour = calendar.component(.hour, from: utc), minute = calendar.component(.minute, from: utc)
        let text = try cli.grappe(["history"], environment: paris).output
        #expect(text.contains(String(format: " %02d:%02d  ", hour, minute)) && !text.contains("Z "), "\(text)")
        let listed = try cli.grappe(["mission", "list", "--lang", "fr"], environment: workspace.environment).output
        #expect(listed.contains("oct., année inconnue") && listed.contains("10 mars 2027") && !listed.contains("XXXX"), "\(listed)")
        // A seed mission can be cancelled too, and the undo brings the seed back.
        #expect(try cli.grappe(["mission", "cancel", "mission-laval-lille"], environment: workspace.environment).status == 0)
        #expect(try cli.grappe(["undo"], environment: workspace.environment).status == 0)
        let seed = try cli.grappe(["mission", "list", "--format", "csv"], environment: workspace.environment)
        #expect(seed.output.contains("mission-laval-lille,completed,XXXX-10,XXXX-10,Lille,Marc Demers,Mission économique de Laval à Lille,false,0"))
        #expect(
            try cli.grappe(["mission", "cancel", "mission-numerique-lyon"], environment: workspace.environment).error
                .contains("did you mean 'mission-numerique-a-lyon'"))
    }

    /// An edit that started from an older version is merged with what others saved since, field by
    /// field; a field both changed differently stops it with both values (exit 75), and nothing is
    /// written over.
    @Test func anEditFromAnOlderVersionMergesByField() throws {
        let workspace = try Workspace()
        #expect(try add(workspace).status == 0)
        let id = "mission-numerique-a-lyon"
        #expect(try cli.grappe(["mission", "edit", id, "--status", "confirmed", "--author", "léo"], environment: workspace.environment).status == 0)
        let merged = try cli.grappe(
            ["mission", "edit", id, "--from-version", "1", "--title", "Mission numérique à Lyon, printemps"],
            environment: workspace.environment)
        #expect(
            merged.status == 0 && merged.error.contains("merged with what was saved since your version (last by léo): kept their status"),
            "\(merged.error)")
        let shown = try cli.grappe(["mission", "show", id], environment: workspace.environment)
        #expect(shown.output.contains("status: confirmed") && shown.output.contains("Mission numérique à Lyon, printemps"), "\(shown.output)")
        let conflict = try cli.grappe(["mission", "edit", id, "--from-version", "1", "--status", "completed"], environment: workspace.environment)
        #expect(conflict.status == 75, "\(conflict.error)")
        #expect(
            conflict.error.contains("status: became 'confirmed' since your version (last saved by zoé, ")
                && conflict.error.contains("; yours: 'completed'"),
            "\(conflict.error)")
        #expect(try cli.grappe(["mission", "show", id], environment: workspace.environment).output.contains("status: confirmed"), "not written over")
        let strict = try cli.grappe(["mission", "edit", id, "--if-version", "1", "--notes", "x"], environment: workspace.environment)
        #expect(strict.status == 75, "--if-version keeps its strict meaning: \(strict.error)")
        let never = try cli.grappe(["mission", "edit", id, "--from-version", "9", "--notes", "x"], environment: workspace.environment)
        #expect(never.status == 66 && never.error.contains("never had version 9"), "\(never.error)")
    }

    /// Recording into a store an older Grappe made upgrades it, as the dashboard does and docs/store.md
    /// says; reading commands still leave it as it is and say how to upgrade it.
    @Test func recordingUpgradesAStoreAnOlderGrappeMade() throws {
        let workspace = try Workspace()
        try FileManager.default.createDirectory(atPath: (workspace.store as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let made = TestPostgres.run([
            "/usr/bin/sqlite3", workspace.store,
            "PRAGMA application_id = \(0x4772_7070); CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)",
        ])
        try #require(made.status == 0, "\(made.output)")
        let listed = try cli.grappe(["mission", "list"], environment: workspace.environment)
        #expect(listed.status != 0 && listed.error.contains("grappe store migrate"), "\(listed.error)")
        let added = try add(workspace)
        #expect(added.status == 0, "\(added.error)")
        #expect(
            try cli.grappe(["mission", "list", "--format", "csv"], environment: workspace.environment).output.contains("mission-numerique-a-lyon"))
    }

    /// Undo and redo take back one's own changes; someone else's needs --any, and, with no terminal to
    /// ask on, --yes; both are recorded in the journal and say what they did in people's words.
    @Test func undoAndRedoAreEachPersonsOwn() throws {
        let workspace = try Workspace()
        #expect(try add(workspace).status == 0)
        let leo = try cli.grappe(["undo", "--author", "léo"], environment: workspace.environment)
        #expect(leo.status == 1 && leo.error.contains("nothing to undo of yours; the newest is zoé's: add --any"), "\(leo.error)")
        let unasked = try cli.grappe(["undo", "--author", "léo", "--any"], environment: workspace.environment)
        #expect(unasked.status == 1, "\(unasked.error)")
        #expect(
            unasked.error.contains("Undo the addition of 'Mission numérique à Lyon' by zoé (#1, ") && unasked.error.contains("Add --yes"),
            "\(unasked.error)")
        #expect(
            try cli.grappe(["mission", "list", "--format", "csv"], environment: workspace.environment).output.contains("mission-numerique-a-lyon"))
        let undone = try cli.grappe(["undo", "--author", "léo", "--any", "--yes"], environment: workspace.environment)
        #expect(
            undone.status == 0 && undone.output.contains("#2 undone: the addition of 'Mission numérique à Lyon' by zoé (#1, "), "\(undone.output)")
        #expect(
            try !cli.grappe(["mission", "list", "--format", "csv"], environment: workspace.environment).output.contains("mission-numerique-a-lyon"))
        let redone = try cli.grappe(["redo", "--author", "léo"], environment: workspace.environment)
        #expect(
            redone.status == 0 && redone.output.contains("#3 redone: the addition of 'Mission numérique à Lyon' by zoé (#1, "), "\(redone.output)")
        #expect(
            try cli.grappe(["mission", "list", "--format", "csv"], environment: workspace.environment).output.contains("mission-numerique-a-lyon"))
        let nothing = try cli.grappe(["redo", "--author", "léo"], environment: workspace.environment)
        #expect(nothing.status == 1 && nothing.error.contains("nothing to redo"), "\(nothing.error)")
        let french = workspace.environment.merging(["LANG": "fr_FR.UTF-8"]) { $1 }
        let history = try cli.grappe(["history"], environment: french)
        #expect(history.output.contains("léo  rétabli") && history.output.contains("léo  retour sur #1"), "\(history.output)")
    }

    /// The list, the card and the history speak the report's language (`--lang`, else the locale);
    /// CSV and JSON keep the stored values; a status is typed in either language.
    @Test func listShowAndHistoryInFrench() throws {
        let workspace = try Workspace()
        #expect(try add(workspace).status == 0)
        let french = workspace.environment.merging(["LANG": "fr_FR.UTF-8"]) { $1 }
        let listed = try cli.grappe(["mission", "list"], environment: french)
        #expect(listed.status == 0, "\(listed.error)")
        #expect(listed.output.contains("STATUT") && listed.output.contains("À venir") && listed.output.contains("Passées"), "\(listed.output)")
        #expect(listed.output.contains("prévue") && listed.output.contains("terminée") && listed.output.contains("graines"), "\(listed.output)")
        #expect(try cli.grappe(["mission", "list", "--lang", "en"], environment: french).output.contains("STATUS"))
        let csv = try cli.grappe(["mission", "list", "--format", "csv", "--status", "terminée"], environment: french)
        #expect(csv.output.contains("mission-laval-lille,completed,") && !csv.output.contains("mission-numerique-a-lyon"), "\(csv.output)")
        let unknown = try cli.grappe(["mission", "list", "--status", "bof"], environment: french)
        #expect(unknown.status == 64 && unknown.error.contains("statut inconnu «\u{00A0}bof\u{00A0}»"), "\(unknown.error)")
        let shown = try cli.grappe(["mission", "show", "mission-laval-lille"], environment: french)
        #expect(shown.output.contains("statut\u{00A0}: terminée") && shown.output.contains("Historique"), "\(shown.output)")
        #expect(shown.output.contains("issue des graines\u{00A0}; jamais modifiée dans le registre"), "\(shown.output)")
        let recorded = try cli.grappe(["mission", "show", "mission-numerique-a-lyon", "--lang", "fr"], environment: workspace.environment)
        #expect(
            recorded.output.contains("statut\u{00A0}: prévue") && recorded.output.contains("ajout\u{00A0}: mission-numerique-a-lyon"),
            "\(recorded.output)")
        // The journal's lines are worded from the entry in French (the store keeps its summary in English).
        let edited = try cli.grappe(["mission", "edit", "mission-numerique-a-lyon", "--status", "confirmée"], environment: french)
        #expect(edited.status == 0 && edited.error.contains("#2 modification\u{00A0}: mission-numerique-a-lyon  (zoé, "), "\(edited.error)")
        let undone = try cli.grappe(["undo"], environment: french)
        #expect(
            undone.output.contains("#3 annulé\u{00A0}: la modification de «\u{00A0}Mission numérique à Lyon\u{00A0}» par vous (#2, "),
            "\(undone.output)")
        let history = try cli.grappe(["history"], environment: french)
        #expect(
            history.output.contains("zoé  retour sur #2") && history.output.contains("zoé  ajout\u{00A0}: mission-numerique-a-lyon"),
            "\(history.output)")
        #expect(
            try cli.grappe(["history", "--lang", "en"], environment: french).output.contains("zoé  undo #2: edit mission mission-numerique-a-lyon"))
    }

    @Test func addFromASeedFileReportsItsOwnLines() throws {
        let workspace = try Workspace()
        let file = workspace.folder.appendingPathComponent("mission.yaml")
        try """
        organisations:
          - id: lyon-french-tech
            name: Lyon French Tech
            type: association
        missions:
          - id: mission-lyon-2027
            title: Mission à Lyon
            status: planned
            destinations: [lyon]
            parties:
              - {id: marc-demers, role: leader}
              - {id: lyon-french-tech, role: host}
            outcomes:
              - partner: lyon-french-tech
        """.write(to: file, atomically: true, encoding: .utf8)
        let run = try cli.grappe(["mission", "add", "--file", file.path], environment: workspace.environment)
        #expect(run.status == 0, "\(run.error)")
        let card = try cli.grappe(["show", "lyon french tech"], environment: workspace.environment)
        #expect(card.output.contains("Mission à Lyon"))
        let again = try cli.grappe(["mission", "add", "--file", file.path], environment: workspace.environment)
        #expect(again.status == 65 && again.error.contains("'mission-lyon-2027' is already in the network"))

        let broken = workspace.folder.appendingPathComponent("broken.yaml")
        try """
        missions:
          - id: mission-lille-2028
            title: Retour à Lille
            status: planned
            destinations: [lile]
            parties:
              - {id: marc-demers, role: leader}
        """.write(to: broken, atomically: true, encoding: .utf8)
        let bad = try cli.grappe(["mission", "add", "--file", broken.path], environment: workspace.environment)
        #expect(bad.status == 65)
        #expect(bad.error.contains("\(broken.path):5:"), "\(bad.error)")
        #expect(bad.error.contains("did you mean 'lille'"))
    }

    @Test func foreignReadOnlyAndUnwritableStores() throws {
        let workspace = try Workspace()
        // Not a database: refused, untouched; the analysts' commands say so instead of leaving the
        // recorded missions out in silence, and run on the seeds alone with --no-store.
        try FileManager.default.createDirectory(atPath: (workspace.store as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data("carnet de notes".utf8).write(to: URL(fileURLWithPath: workspace.store))
        let refused = try add(workspace)
        #expect(refused.status == 65 && refused.error.contains("is not a Grappe workspace"))
        #expect(try String(contentsOfFile: workspace.store, encoding: .utf8) == "carnet de notes")
        let summary = try cli.grappe(["summary"], environment: workspace.environment)
        #expect(summary.status == 65 && summary.error.contains("is not a Grappe workspace") && summary.error.contains("--no-store"))
        #expect(try cli.grappe(["summary", "--no-store"], environment: workspace.environment).status == 0)

        // Read-only: the mission is listed, a change is refused with 77.
        try FileManager.default.removeItem(atPath: workspace.store)
        #expect(try add(workspace).status == 0)
        _ = try cli.grappe(["mission", "list"], environment: workspace.environment)
        chmod(workspace.store, 0o400)
        let before = try Data(contentsOf: URL(fileURLWithPath: workspace.store))
        let readOnly = try cli.grappe(["mission", "cancel", "mission-numerique-a-lyon"], environment: workspace.environment)
        #expect(readOnly.status == 77 && readOnly.error.contains("read-only"), "\(readOnly.error)")
        let listed = try cli.grappe(["mission", "list", "--format", "csv"], environment: workspace.environment)
        #expect(listed.output.contains("mission-numerique-a-lyon"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: workspace.store)) == before)

        let nowhere = try cli.grappe(["mission", "add", "--title", "x", "--leader", "marc-demers", "--store", "/dev/null/grappe/w.sqlite"])
        #expect(nowhere.status == 73 && nowhere.error.contains("cannot"), "\(nowhere.error)")
    }

    @Test func twoProcessesRecordingAtOnceBothSucceed() throws {
        let workspace = try Workspace()
        #expect(try add(workspace, title: "Première").status == 0)
        let results = Locked<[Int32]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            for index in 0..<8 {
                let run = try? add(workspace, title: "Mission \(writer)-\(index)")
                results.withLock { $0.append(run?.status ?? -1) }
            }
        }
        #expect(results.withLock { $0 } == [Int32](repeating: 0, count: 16))
        let listed = try cli.grappe(["mission", "list", "--recorded", "--format", "csv"], environment: workspace.environment)
        #expect(listed.output.split(separator: "\n").count == 1 + 17)
    }

    /// Kills `grappe mission add` with SIGKILL at random moments, many times: every mission whose
    /// command finished is there, the file passes `PRAGMA integrity_check`, and no half-written
    /// mission (a record without its parties) is left.
    @Test func killedAtRandomMomentsLosesNothingAcknowledged() throws {
        let workspace = try Workspace()
        var generator = SystemRandomNumberGenerator()
        var acknowledged: [String] = []
        var killed = 0
        // Kill moments are spread over a whole run, however long a run takes on this machine now (a
        // debug build on a busy machine can take several times the usual quarter second).
        let clock = ContinuousClock()
        let started = clock.now
        #expect(try add(workspace, title: "Mission repère").status == 0)
        let elapsed = clock.now - started
        let window = max(0.25, 1.5 * (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
        acknowledged.append("mission-repere")
        for round in 0..<40 {
            let process = try startAdd("Mission \(round)", in: workspace, ["--delegate", "alain-dumas"])
            Thread.sleep(forTimeInterval: Double.random(in: 0.0...window, using: &generator))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killed += 1
            }
            process.waitUntilExit()
            if process.terminationReason == .exit, process.terminationStatus == 0 { acknowledged.append("mission-\(round)") }
        }
        #expect(killed > 0, "some runs must be killed for the test to mean anything")
        #expect(!acknowledged.isEmpty)
        let integrity = try sqlite(workspace.store, "PRAGMA integrity_check;")
        #expect(integrity == "ok")
        let ids = Set(try sqlite(workspace.store, "SELECT id FROM records;").split(separator: "\n").map(String.init))
        #expect(Set(acknowledged).isSubset(of: ids), "lost: \(Set(acknowledged).subtracting(ids))")
        let orphans = try sqlite(
            workspace.store, "SELECT count(*) FROM records r WHERE NOT EXISTS (SELECT 1 FROM record_parties p WHERE p.record_id = r.id);")
        #expect(orphans == "0")
        let journal = try sqlite(workspace.store, "SELECT count(*) FROM journal;")
        #expect(journal == String(ids.count))
        let check = try cli.grappe(["store", "check"], environment: workspace.environment)
        #expect(check.status == 0, "the journal's chain and the mirrors hold after every kill: \(check.error)")
    }

    /// Kills `grappe mission add` with SIGKILL at random moments while it makes a new store, many
    /// times: each time, either there is no store or a whole one, and the next add (not killed) works.
    @Test func aStoreKilledWhileBeingMadeIsWholeOrAbsent() throws {
        var generator = SystemRandomNumberGenerator()
        let clock = ContinuousClock()
        var killed = 0, existing = 0
        var window = 0.3
        for round in 0..<40 {
            let workspace = try Workspace()
            let started = clock.now
            let process = try startAdd("Mission \(round)", in: workspace)
            Thread.sleep(forTimeInterval: Double.random(in: 0.0...window, using: &generator))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killed += 1
            } else {
                // Spread the kills over a whole run, however long one takes on this machine now.
                let elapsed = clock.now - started
                window = max(window, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            }
            process.waitUntilExit()
            if FileManager.default.fileExists(atPath: workspace.store) {
                existing += 1
                #expect(try sqlite(workspace.store, "PRAGMA integrity_check;") == "ok", "round \(round)")
            }
            let next = try add(workspace, title: "Mission suivante")
            #expect(next.status == 0, "round \(round): \(next.error)")
        }
        #expect(killed > 0, "some runs must be killed for the test to mean anything (\(existing) stores were there after a kill)")
    }

    /// `grappe mission add` started (to Lyon, led by Marc Demers), for a test to kill it.
    func startAdd(_ title: String, in workspace: Workspace, _ extra: [String] = []) throws -> Process {
        let process = Process()
        process.executableURL = CLITests.binary
        process.arguments =
            [
                "mission", "add", "--title", title, "--leader", "marc-demers", "--destination", "lyon",
                "--seeds", CLITests.repository.appendingPathComponent("seeds").path,
            ] + extra
        process.environment = ProcessInfo.processInfo.environment.merging(workspace.environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    func sqlite(_ database: String, _ sql: String) throws -> String { try SQLiteShell.run(database, sql) }
}

extension MissionCommandsTests {
    /// Analysis is time-correct: a mission planned for a later year has not happened, so today's
    /// metrics do not change; --as-of a date after it brings it in. The report says which date it is.
    @Test func aFutureMissionDoesNotChangeTodaysMetrics() throws {
        let workspace = try Workspace()
        let before = try cli.grappe(["metrics"], environment: workspace.environment)
        let added = try cli.grappe(
            [
                "mission", "add", "--title", "Grande mission de 2099", "--leader", "Benoit", "--delegate", "amazon:host",
                "--delegate", "picom:partner met", "--destination", "lyon", "--from", "2099-05-01", "--to", "2099-05-09",
            ],
            environment: workspace.environment)
        try #require(added.status == 0, "\(added.error)")
        let today = try cli.grappe(["metrics"], environment: workspace.environment)
        #expect(today.output == before.output, "a mission in 2099 changes nothing today")
        let later = try cli.grappe(["metrics", "--as-of", "2099-12-31"], environment: workspace.environment)
        #expect(later.output != before.output, "as of the end of 2099 it links its delegation")
        let summary = try cli.grappe(["summary"], environment: workspace.environment)
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        #expect(summary.output.contains("as of \(parts.day!) \(months[parts.month! - 1]) \(parts.year!)"), "\(summary.output.prefix(200))")
    }
}

extension MissionCommandsTests {
    /// `store check` finds a mission's title edited by hand with sqlite3, names it (exit 65);
    /// `--repair` writes it again from the body and the next check is clean.
    @Test func storeCheckFindsAHandEditAndRepairsIt() throws {
        let workspace = try Workspace()
        try #require(try add(workspace).status == 0)
        try sqlite(workspace.store, "UPDATE records SET title = 'Retouché' WHERE kind = 'mission'")
        let found = try cli.grappe(["store", "check"], environment: workspace.environment)
        #expect(found.status == 65)
        #expect(found.error.contains("column title: 'Retouché' where the body says 'Mission numérique à Lyon'"), "\(found.error)")
        let repaired = try cli.grappe(["store", "check", "--repair"], environment: workspace.environment)
        #expect(repaired.status == 0, "\(repaired.error)")
        #expect(repaired.output.contains("mirrors written again from the bodies of 1 record"), "\(repaired.output)")
        #expect(try sqlite(workspace.store, "SELECT title FROM records WHERE kind = 'mission'") == "Mission numérique à Lyon")
        #expect(try cli.grappe(["store", "check"], environment: workspace.environment).status == 0)
    }
}

extension MissionCommandsTests {
    /// `mission show` takes a title as well as an id (accents and case aside); two missions with the
    /// same title are listed with their ids, and the exit says that was no answer (64).
    @Test func aMissionIsShownByItsTitle() throws {
        let workspace = try Workspace()
        let byTitle = try cli.grappe(["mission", "show", "MISSION ECONOMIQUE DE LAVAL A LILLE"], environment: workspace.environment)
        #expect(byTitle.status == 0, "\(byTitle.error)")
        #expect(byTitle.output.contains("Mission économique de Laval à Lille"))
        try #require(try add(workspace, title: "Mission jumelle").status == 0)
        let second = try add(workspace, title: "Mission jumelle", ["--from", "2027-09-01", "--to", "2027-09-05"])
        try #require(second.status == 0, "\(second.error)")
        let twins = try cli.grappe(["mission", "show", "mission jumelle"], environment: workspace.environment)
        #expect(twins.status == 64)
        #expect(twins.error.contains("is the title of 2 missions; give one of these ids:"), "\(twins.error)")
    }
}

extension MissionCommandsTests {
    /// `check` counts the store's warnings (recorded missions naming partners the seeds no longer
    /// have) with the seeds' own, and `--no-warnings` hides them too.
    @Test func checkCountsTheStoresWarningsAndHidesThemOnRequest() throws {
        let workspace = try Workspace()
        try #require(try add(workspace).status == 0)
        let seeds = workspace.folder.appendingPathComponent("other-seeds")
        try FileManager.default.createDirectory(at: seeds, withIntermediateDirectories: true)
        try "documents: [{id: d, title: D}]\ncities: [{id: lille, name: Lille, sources: [d]}]\nrelations: []\n"
            .write(to: seeds.appendingPathComponent("seeds.yaml"), atomically: true, encoding: .utf8)
        let arguments = ["check", "--seeds", seeds.path, "--workspace", "grappe-reference"]
        let shown = try cli.grappe(arguments, environment: workspace.environment)
        // The seeds' diagnostics go to standard output, the store's warnings to standard error.
        let printed = (shown.output + shown.error).split(separator: "\n").count { $0.contains(": warning: ") }
        #expect(printed > 0, "\(shown.error)")
        #expect(shown.output.contains("0 errors, \(printed) warning"), "the count is what was printed: \(shown.output)\n\(shown.error)")
        let hidden = try cli.grappe(arguments + ["--no-warnings"], environment: workspace.environment)
        #expect(!(hidden.output + hidden.error).contains(": warning: "), "\(hidden.output)\(hidden.error)")
        #expect(hidden.output.contains("0 errors, \(printed) warning"), "\(hidden.output)")
    }
}
