import Foundation
import GrappeDashboard
import GrappeModel
import GrappeSeeds
import GrappeStore
import GrappeTestSupport
import GrappeWords
import GrappeWorkspace
import Testing

@testable import GrappeRuntime

/// Team mode on a real PostgreSQL server: dashboards and a command-line writer on one workspace, each
/// through its own connection, see each other's changes without a key press.
@Suite(.serialized) struct TeamSessionTests {
    func dashboard(_ store: any WorkspaceStore, _ script: [TerminalEvent]) -> (terminal: FakeTerminal, runtime: DashboardRuntime) {
        let terminal = FakeTerminal(width: 110, height: 30, script: script)
        terminal.waitsOnTimeouts = true
        let runtime = DashboardRuntime(
            terminal: terminal, store: store, storeNotice: nil, seeds: FixedSeeds(SessionTests.reference),
            language: .en, mouse: true, author: "ignored", today: { DayStamp(2026, 11, 22) },
            background: { $0() })
        return (terminal, runtime)
    }

    /// Waits of at most 20 ms each (the fake terminal's timeouts): `count` of them is up to count × 20 ms.
    static func waits(_ count: Int) -> [TerminalEvent] { Array(repeating: .timeout, count: count) }

    @Test func twoDashboardsAndAWriterSeeEachOthersChangesLive() throws {
        let workspace = TestPostgres.freshWorkspace()
        let planner = try TestPostgres.url(as: "grappe_planner")
        let storeA = try #require(try WorkspaceStores.open(try TestPostgres.url(), for: .write, workspace: workspace))
        let storeB = try #require(try WorkspaceStores.open(planner, for: .write, workspace: workspace))
        let writer = try #require(try WorkspaceStores.open(planner, for: .write, workspace: workspace))
        // A sits on the Missions list; the writer records a mission; A undoes it once it has seen it
        // (someone else's, so A is asked first, and answers yes). B only watches, from its own
        // connection, on another thread.
        let a = dashboard(
            storeA,
            [.key(.character("7"))] + Self.waits(100) + [.key(.character("u"))] + [.key(.character("y"))] + Self.waits(100)
                + [.key(.character("q"))])
        var askedA = ""
        a.terminal.checkpoints[102] = { askedA = $0.screen }
        let b = dashboard(storeB, [.key(.character("7"))] + Self.waits(300) + [.key(.character("q"))])
        var seenByA = ""
        a.terminal.checkpoints[1] = { _ in _ = try? SessionTests.othersSave(writer) }
        a.terminal.checkpoints[101] = { seenByA = $0.screen }
        let bDone = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var bOutcome: DashboardRuntime.Outcome?
        // B's runtime and terminal are used only on its thread until it signals.
        nonisolated(unsafe) let bRuntime = b.runtime
        let thread = Thread {
            bOutcome = bRuntime.run()
            bDone.signal()
        }
        thread.start()
        #expect(a.runtime.run() == .quit)
        bDone.wait()
        #expect(bOutcome == .quit)
        #expect(seenByA.contains("grappe_planner added 'Mission numérique à Lyon' ("), "\(seenByA)")
        #expect(askedA.contains("Undo the addition of 'Mission numérique à Lyon' by grappe_planner (#1, "), "\(askedA)")
        #expect(seenByA.contains("Mission numérique à Lyon"), "A's list shows the writer's mission: \(seenByA)")
        let framesB = b.terminal.frames.map(\.text)
        #expect(framesB.contains { $0.contains("Mission numérique à Lyon") }, "B saw the writer's mission")
        let lastB = try #require(framesB.last)
        #expect(lastB.contains("postgres undid a change to 'Mission numérique à Lyon' ("), "B saw A's undo: \(lastB)")
        #expect(lastB.contains("1/1"), "and the mission left B's list (the seed mission alone): \(lastB)")
        let journal = try writer.history(limit: 10)
        #expect(journal.map(\.author).sorted() == ["grappe_planner", "postgres"], "authors are the database users")
    }

    @Test func aFormOpenOnAMissionAnotherPlannerSavesWarnsAtOnce() throws {
        let workspace = TestPostgres.freshWorkspace()
        let planner = try TestPostgres.url(as: "grappe_planner")
        let writer = try #require(try WorkspaceStores.open(planner, for: .write, workspace: workspace))
        let mission = try SessionTests.othersSave(writer)
        let store = try #require(try WorkspaceStores.open(try TestPostgres.url(), for: .write, workspace: workspace))
        let a = dashboard(store, [.key(.character("7")), .key(.character("e"))] + Self.waits(100) + [.key(.control("c"))])
        a.terminal.checkpoints[2] = { _ in
            var draft = MissionDraft(editing: mission, version: 1)
            draft.notes = "hôtel confirmé"
            if case .success(let change) = MissionValidator(network: SessionTests.reference.network).validate(draft) {
                _ = try? writer.save(change, author: "ignored")
            }
        }
        #expect(a.runtime.run() == .quit)
        let screen = try #require(a.terminal.frames.last?.text)
        #expect(screen.contains("grappe_planner changed Notes (") && screen.contains("^S will merge them with yours"), "\(screen)")
    }
}

/// A server found gone is shown at once, and recording is neither offered nor taken while it is.
@Suite struct ConnectionHealthTests {
    @Test(arguments: [Language.en, .fr]) func anOfflineServerIsShownAndRecordingWaits(_ language: Language) throws {
        let store = LostServerStore(JournaledStore(backend: InMemoryStoreBackend()))
        let terminal = FakeTerminal(
            width: 110, height: 30,
            script: [
                .key(.character("7")), .timeout, .key(.character("m")), .timeout,
                .key(.character("q")),
            ])
        var offline = "", refused = ""
        terminal.checkpoints[1] = { _ in store.lost = true }
        terminal.checkpoints[2] = { offline = $0.screen }
        terminal.checkpoints[3] = { terminal in
            refused = terminal.screen
            store.lost = false
        }
        let runtime = DashboardRuntime(
            terminal: terminal, store: store, storeNotice: nil, seeds: FixedSeeds(SessionTests.reference),
            language: language, mouse: true, author: "zoé", today: { DayStamp(2026, 11, 22) }, background: { $0() })
        #expect(runtime.run() == .quit)
        let s = Strings(language)
        #expect(offline.contains(s[.offlineBadge]) && offline.contains(s[.offline]), "\(offline)")
        #expect(!offline.contains(s[.newMission]), "m is not offered while offline: \(offline)")
        #expect(refused.contains(s[.offline]) && !refused.contains(s[.newMissionTitle]), "m opens no form: \(refused)")
        let back = try #require(terminal.frames.last?.text)
        #expect(back.contains(s[.backOnline]) && !back.contains(s[.offlineBadge]), "\(back)")
        #expect(back.contains(s[.newMission]), "m is offered again: \(back)")
    }
}

/// Who else is editing a mission shows on its card and in the form, and this dashboard says which
/// mission its form is open on, and when it closes.
@Suite struct PresenceTests {
    @Test func othersEditingShowsAndOwnEditingIsAnnounced() throws {
        let store = LostServerStore(JournaledStore(backend: InMemoryStoreBackend()))
        let mission = try SessionTests.othersSave(store.inner)
        let terminal = FakeTerminal(
            width: 110, height: 30,
            script: [
                .key(.character("7")), .key(.enter), .timeout, .key(.character("e")),
                .key(.escape), .timeout, .key(.character("q")),
            ])
        var card = "", form = ""
        terminal.checkpoints[2] = { _ in store.editors = [mission.id: ["léo"]] }
        terminal.checkpoints[3] = { card = $0.screen }
        terminal.checkpoints[4] = { form = $0.screen }
        terminal.checkpoints[5] = { _ in store.editors = [:] }
        let runtime = DashboardRuntime(
            terminal: terminal, store: store, storeNotice: nil, seeds: FixedSeeds(SessionTests.reference),
            language: .en, mouse: true, author: "zoé", today: { DayStamp(2026, 11, 22) }, background: { $0() })
        #expect(runtime.run() == .quit)
        #expect(card.contains("✎ léo is editing this mission right now"), "\(card)")
        #expect(form.contains("Edit mission") && form.contains("✎ léo is editing this mission right now"), "\(form)")
        #expect(!(terminal.frames.last?.text.contains("is editing") ?? true), "gone once they left")
        #expect(store.announced == [mission.id, nil], "the form's mission, then none once it closed")
    }
}

/// A team store whose server stopped answering: reads still come from what was loaded, every write
/// fails as the real backend reports a lost server.
final class LostServerStore: WorkspaceStore, @unchecked Sendable {
    let inner: any WorkspaceStore
    var lost = false
    var draftWrites = 0
    /// How many times the whole workspace was read.
    var loads = 0
    /// When set, a save waits for it: a server that stopped answering in the middle of a save.
    var hold: DispatchSemaphore?

    init(_ inner: any WorkspaceStore) { self.inner = inner }

    private func check() throws {
        if lost { throw StoreError.unavailable(location: "postgres://team", detail: .same("server closed the connection")) }
    }

    var readOnlyReason: Wording? { inner.readOnlyReason }
    var location: String { "postgres://team/grappe" }
    func load() throws -> Workspace { loads += 1; try check(); return try inner.load() }
    /// The changes asked to be saved, in order (whether or not they were).
    var attempted: [Change] = []
    /// Saves that returned or threw.
    var answered = 0
    func save(_ change: Change, author: String) throws -> JournalEntry {
        attempted.append(change)
        defer { answered += 1 }
        hold?.wait()
        try check()
        return try inner.save(change, author: author)
    }
    func history(limit: Int?) throws -> [JournalEntry] { try check(); return try inner.history(limit: limit) }
    func journalIndex() throws -> [JournalEntry] { try check(); return try inner.journalIndex() }
    func journalHead() throws -> Int { try check(); return try inner.journalHead() }
    func undoLast(author: String) throws -> JournalEntry { try check(); return try inner.undoLast(author: author) }
    func plan(_ direction: UndoRules.Direction, author: String, anyone: Bool) throws -> TakeBackPlan? {
        try check()
        return try inner.plan(direction, author: author, anyone: anyone)
    }
    func takeBack(_ plan: TakeBackPlan, author: String) throws -> JournalEntry { try check(); return try inner.takeBack(plan, author: author) }
    var health: ConnectionHealth { lost ? .offline(.same("server closed the connection")) : .online }
    /// Who else edits what, as a server would say; what this session said it edits, in order.
    var editors: [ID: [String]] = [:]
    var announced: [ID?] = []
    func announceEditing(_ id: ID?) { announced.append(id) }
    var othersEditing: [ID: [String]] { editors }
    func drafts() throws -> [StoredDraft] { try check(); return try inner.drafts() }
    func saveDraft(_ draft: StoredDraft) throws { draftWrites += 1; try check(); try inner.saveDraft(draft) }
    func deleteDraft(key: String) throws { try check(); try inner.deleteDraft(key: key) }
    func integrityCheck() throws -> [String] { try inner.integrityCheck() }
    var migrationsApplied: [String] { inner.migrationsApplied }
    func journalChainProblems() throws -> [Wording] { try check(); return try inner.journalChainProblems() }
    func mirrorProblems() throws -> [(id: ID, differences: [Wording])] { try check(); return try inner.mirrorProblems() }
    func repairMirrors() throws -> [ID] { try check(); return try inner.repairMirrors() }
    func dump() throws -> WorkspaceDump { try inner.dump() }
    func restore(_ dump: WorkspaceDump, replacing: Bool) throws { try inner.restore(dump, replacing: replacing) }
}

/// Others' saves and undos, and this dashboard's own, are followed through the journal: the whole
/// workspace is read once, at the start, however many changes come.
@Suite struct FollowingTheJournalTests {
    @Test func changesAreFollowedWithoutReadingTheWholeWorkspaceAgain() throws {
        let store = LostServerStore(JournaledStore(backend: InMemoryStoreBackend()))
        _ = try SessionTests.othersSave(store.inner, title: "Mission à Lille")
        // Zoé made none of these changes: u offers the newest (Léo's) with a question, and y takes it back.
        let terminal = FakeTerminal(script: [
            .key(.character("7")), .timeout, .timeout, .key(.character("u")), .key(.character("y")), .timeout,
            .key(.character("q")),
        ])
        terminal.checkpoints[1] = { _ in _ = try? SessionTests.othersSave(store.inner) }
        terminal.checkpoints[2] = { _ in _ = try? SessionTests.othersSave(store.inner, title: "Mission à Lyon, suite", author: "léo") }
        var afterOthers = ""
        terminal.checkpoints[3] = { afterOthers = $0.screen }
        let runtime = DashboardRuntime(
            terminal: terminal, store: store, storeNotice: nil, seeds: FixedSeeds(SessionTests.reference),
            language: .en, mouse: true, author: "zoé", today: { DayStamp(2026, 11, 22) },
            background: { $0() })
        #expect(runtime.run() == .quit)
        #expect(afterOthers.contains("Missions") && afterOthers.contains("1/4"), "three recorded missions and the seed one: \(afterOthers)")
        #expect(afterOthers.contains("léo added 'Mission à Lyon, suite' ("), "\(afterOthers)")
        let last = try #require(terminal.frames.last?.text)
        #expect(last.contains("Undone"), "\(last)")
        #expect(last.contains("1/3"), "the undone mission left the list: \(last)")
        #expect(store.loads == 1, "read whole once, at the start; then followed entry by entry")
    }
}

/// A server that stops answering in the middle of a save (a black-holed network) holds the save, never
/// the dashboard: keys are answered, the form says it is saving, and the answer arrives when it comes.
@Suite struct SavingOffTheMainThreadTests {
    @Test func aSaveTheServerHoldsNeverHoldsTheKeys() throws {
        let store = LostServerStore(JournaledStore(backend: InMemoryStoreBackend()))
        store.hold = DispatchSemaphore(value: 0)
        // Should the save hold the loop after all, the test fails after 10 s instead of waiting for ever.
        DispatchQueue.global().asyncAfter(deadline: .now() + 10) { store.hold?.signal() }
        var script = SessionTests.newMission(title: "Mission à Lille, avril", start: "2027-04-10")
        let savedAt = script.count
        script += [.key(.control("s")), .key(.character("x")), .key(.control("s"))] + TeamSessionTests.waits(40) + [.key(.character("q"))]
        let terminal = FakeTerminal(width: 110, height: 30, script: script)
        terminal.waitsOnTimeouts = true
        var whileHeld = "", typedWhileHeld = ""
        terminal.checkpoints[savedAt + 1] = { whileHeld = $0.screen }
        terminal.checkpoints[savedAt + 3] = { terminal in
            typedWhileHeld = terminal.screen
            store.hold?.signal()
        }
        // The save, let go, commits in the background: the waits that follow are for the loop to take
        // its answer, not for the commit (which, on a loaded machine, can take longer than they last).
        terminal.checkpoints[savedAt + 4] = { _ in
            let deadline = Date().addingTimeInterval(20)
            while (try? store.inner.load().records.isEmpty) ?? true, Date() < deadline { usleep(5_000) }
        }
        let runtime = DashboardRuntime(
            terminal: terminal, store: store, storeNotice: nil, seeds: FixedSeeds(SessionTests.reference),
            language: .en, mouse: true, author: "zoé", today: { DayStamp(2026, 11, 22) },
            background: { work in DispatchQueue.global().async(execute: work) })
        #expect(runtime.run() == .quit)
        #expect(whileHeld.contains("Saving… the form waits for the store's answer"), "\(whileHeld)")
        #expect(typedWhileHeld.contains("Saving…"), "keys are answered while the save is held: \(typedWhileHeld)")
        #expect(!typedWhileHeld.contains("avrilx"), "and typing waits: \(typedWhileHeld)")
        let last = try #require(terminal.frames.last?.text)
        #expect(last.contains("Saved: the addition of 'Mission"), "\(last)")
        #expect(try store.inner.load().records.map(\.record.title) == ["Mission à Lille, avril"], "saved once, not twice")
    }
}

/// Esc while a save hangs on a server that stopped answering: the form closes at once and the user
/// goes on; when the save fails, the form comes back with what went wrong, nothing typed lost.
@Suite struct SaveInFlightTests {
    @Test func escClosesAFormWhoseSaveHangsAndItComesBackWhenTheSaveFails() throws {
        let store = LostServerStore(JournaledStore(backend: InMemoryStoreBackend()))
        store.hold = DispatchSemaphore(value: 0)
        DispatchQueue.global().asyncAfter(deadline: .now() + 10) { store.hold?.signal() }
        var script = SessionTests.newMission(title: "Mission à Lille, mai", start: "2027-05-10")
        let savedAt = script.count
        script += [.key(.control("s")), .key(.escape), .key(.character("2"))] + TeamSessionTests.waits(60) + [.key(.control("c"))]
        let terminal = FakeTerminal(width: 110, height: 30, script: script)
        terminal.waitsOnTimeouts = true
        var closed = "", elsewhere = ""
        terminal.checkpoints[savedAt + 2] = { closed = $0.screen }
        terminal.checkpoints[savedAt + 3] = { terminal in
            elsewhere = terminal.screen
            store.lost = true
            store.hold?.signal()
        }
        // The save, let go, fails in the background: the waits that follow are for the loop to take its
        // answer, not for the failure (which, on a loaded machine, can take longer than they last).
        terminal.checkpoints[savedAt + 4] = { _ in
            let deadline = Date().addingTimeInterval(20)
            while store.answered == 0, Date() < deadline { usleep(5_000) }
        }
        let runtime = DashboardRuntime(
            terminal: terminal, store: store, storeNotice: nil, seeds: FixedSeeds(SessionTests.reference),
            language: .en, mouse: true, author: "zoé", today: { DayStamp(2026, 11, 22) },
            background: { work in DispatchQueue.global().async(execute: work) })
        #expect(runtime.run() == .quit)
        #expect(closed.contains("Form closed, the save goes on; if it fails, the form comes back") && !closed.contains("New mission"), "\(closed)")
        #expect(elsewhere.contains("Partners"), "keys work while the save hangs: \(elsewhere)")
        let last = try #require(terminal.frames.last?.text)
        #expect(last.contains("New mission") && last.contains("Mission à Lille, mai"), "the form is back: \(last)")
        #expect(last.contains("cannot be reached") || last.contains("Server offline, reconnecting"), "with why: \(last)")
        #expect(try store.inner.load().records.isEmpty)
    }

    /// A save reported failed that the server wrote all the same (a frozen server that resumed): when
    /// the journal brings the mission as the form holds it, the form closes and says so.
    @Test func aSaveReportedLostThatTheServerWroteClosesTheForm() throws {
        let store = LostServerStore(JournaledStore(backend: InMemoryStoreBackend()))
        var script = SessionTests.newMission(title: "Mission à Lille, juin", start: "2027-06-10")
        let savedAt = script.count
        script += [.key(.control("s"))] + TeamSessionTests.waits(3) + [.timeout] + TeamSessionTests.waits(10) + [.key(.control("c"))]
        let terminal = FakeTerminal(width: 110, height: 30, script: script)
        var failed = ""
        terminal.checkpoints[savedAt] = { _ in store.lost = true }
        terminal.checkpoints[savedAt + 4] = { terminal in
            failed = terminal.screen
            store.lost = false
            // The server had it: the same change is written after all.
            if let change = store.attempted.last { _ = try? store.inner.save(change, author: "zoé") }
        }
        let runtime = DashboardRuntime(
            terminal: terminal, store: store, storeNotice: nil, seeds: FixedSeeds(SessionTests.reference),
            language: .en, mouse: true, author: "zoé", today: { DayStamp(2026, 11, 22) }, background: { $0() })
        #expect(runtime.run() == .quit)
        #expect(failed.contains("New mission") && failed.contains("Mission à Lille, juin"), "the form came back: \(failed)")
        let last = try #require(terminal.frames.last?.text)
        #expect(last.contains("Saved after all (the server had it): 'Mission à Lille, juin'") && !last.contains("New mission"), "\(last)")
        #expect(try store.inner.load().records.count == 1, "once")
    }
}

/// The form's drafts on this machine when the store is a team server: typing never touches the
/// server, and a save that fails because the server is gone keeps the draft for the next start.
@Suite struct LocalDraftTests {
    @Test func aSaveLostWithTheServerKeepsTheDraftLocallyAndARetrySucceeds() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("grappe-drafts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let drafts = LocalDrafts(folder: folder)
        let store = LostServerStore(JournaledStore(backend: InMemoryStoreBackend()))
        let title = "Mission à Lille, mars"
        // Title, status, leader, on behalf of, origin, destinations, start.
        var script = SessionTests.newMission(title: title, start: "2027-03-10")
        let lostAt = script.count
        script += [.key(.control("s")), .key(.control("c"))]
        let terminal = FakeTerminal(script: script)
        terminal.checkpoints[lostAt] = { _ in store.lost = true }
        let runtime = DashboardRuntime(
            terminal: terminal, store: store, storeNotice: nil, seeds: FixedSeeds(SessionTests.reference),
            language: .en, mouse: true, author: "zoé", today: { DayStamp(2026, 11, 22) },
            background: { $0() }, drafts: drafts)
        #expect(runtime.run() == .quit)
        let failed = try #require(terminal.frames.last?.text)
        #expect(failed.contains("server closed the connection"), "the save is reported failed: \(failed)")
        #expect(store.draftWrites == 0, "no key waited for the server")
        #expect(try store.inner.load().records.isEmpty, "nothing half written")
        let kept = try drafts.drafts()
        #expect(kept.count == 1 && kept[0].json.contains("Mission à Lille, mars"), "\(kept)")

        // The server is back; the next start offers the draft, and saving it works.
        store.lost = false
        let again = FakeTerminal(script: [.key(.control("s")), .key(.control("c"))])
        var offered = ""
        again.checkpoints[0] = { offered = $0.screen }
        let second = DashboardRuntime(
            terminal: again, store: store, storeNotice: nil, seeds: FixedSeeds(SessionTests.reference),
            language: .en, mouse: true, author: "zoé", today: { DayStamp(2026, 11, 22) },
            background: { $0() }, drafts: drafts)
        #expect(second.run() == .quit)
        #expect(offered.contains("Unsaved draft restored") && offered.contains(title), "\(offered)")
        #expect(try store.inner.load().records.map(\.record.title) == [title])
        #expect(try drafts.drafts().isEmpty, "a saved draft is forgotten")
    }

    @Test func draftsThatCannotBeReadBackAreNamedAndLeftInPlace() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("grappe-drafts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let drafts = LocalDrafts(folder: folder)
        #expect(try drafts.drafts().isEmpty && (try drafts.unreadableDrafts()).isEmpty, "no folder yet: no drafts, nothing wrong")
        var form = MissionDraft()
        form.title = "Mission à Lyon 🇫🇷"
        let json = String(decoding: try JSONEncoder().encode(form), as: UTF8.self)
        try drafts.saveDraft(StoredDraft(key: "mission-form", json: json, updatedAt: "2026-12-04T10:00:00Z"))
        try drafts.saveDraft(StoredDraft(key: "newer", json: "[1, 2]", updatedAt: "2026-12-05T09:00:00Z"))
        let cut = folder.appendingPathComponent("6375742e.json")
        try Data("{\"key\": \"cut".utf8).write(to: cut)
        var mode = stat()
        #expect(stat(folder.path, &mode) == 0 && mode.st_mode & 0o777 == 0o700, "the folder is the owner's alone")
        #expect(try drafts.drafts().map(\.key) == ["newer", "mission-form"], "newest first")
        let unreadable = try drafts.unreadableDrafts()
        #expect(unreadable.map(\.english) == ["\(cut.path): not a Grappe draft (12 bytes)"])
        #expect(unreadable.map(\.french) == ["\(cut.path)\u{00A0}: pas un brouillon de Grappe (12 octets)"])

        // A start offers the newest draft that reads as a form and names the two it cannot read, which
        // stay on disk.
        for language in [Language.en, .fr] {
            let terminal = FakeTerminal(width: 200, height: 30, script: [.key(.control("c"))])
            var shown = ""
            terminal.checkpoints[0] = { shown = $0.screen }
            let runtime = DashboardRuntime(
                terminal: terminal, store: JournaledStore(backend: InMemoryStoreBackend()), storeNotice: nil,
                seeds: FixedSeeds(SessionTests.reference), language: language, mouse: true, author: "zoé",
                today: { DayStamp(2026, 11, 22) }, background: { $0() }, drafts: drafts)
            #expect(runtime.run() == .quit)
            #expect(shown.contains("Mission à Lyon"), "the newest draft is restored: \(shown)")
            if language == .en {
                #expect(
                    shown.contains("Unreadable drafts, left in place: \(cut.path): not a Grappe draft (12 bytes); the draft 'newer' of"), "\(shown)")
            } else {
                #expect(shown.contains("Brouillons illisibles, laissés en place\u{00A0}: \(cut.path)\u{00A0}: pas un brouillon"), "\(shown)")
                #expect(shown.contains("le brouillon «\u{00A0}newer\u{00A0}» du"), "\(shown)")
            }
        }
        let left = try drafts.drafts().count
        #expect(FileManager.default.fileExists(atPath: cut.path) && left == 2, "nothing was thrown away")
    }

    @Test func aDraftFolderThatCannotBeMadeSaysWhyInBothLanguages() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("grappe-not-a-folder-\(UUID().uuidString)")
        try Data("x".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let drafts = LocalDrafts(folder: file.appendingPathComponent("drafts"))
        let draft = StoredDraft(key: "mission-form", json: "{}", updatedAt: "2026-12-04T10:00:00Z")
        let error = try #require(throws: StoreError.self) { try drafts.saveDraft(draft) }
        #expect(error.description(in: .en).contains("cannot keep a draft in \(file.path)/drafts: Not a directory"), "\(error.description(in: .en))")
        #expect(
            error.description(in: .fr).contains("impossible de garder un brouillon dans \(file.path)/drafts\u{00A0}: n'est pas un répertoire"),
            "\(error.description(in: .fr))")
        #expect(throws: StoreError.self, "a folder that cannot be listed is said, not taken as empty") { try drafts.drafts() }
    }

    @Test func eachStoreAndWorkspaceHasItsOwnFolderUnderTheStateHome() {
        let a = LocalDrafts.folder(location: "postgres://planner@db/grappe", workspace: "laval", environment: ["XDG_STATE_HOME": "/state"])
        let b = LocalDrafts.folder(location: "postgres://planner@db/grappe", workspace: "lyon", environment: ["XDG_STATE_HOME": "/state"])
        #expect(a != b)
        #expect(a.path.hasPrefix("/state/grappe/drafts/"))
        #expect(
            LocalDrafts.folder(location: "x", workspace: "y", environment: ["HOME": "/home/zoe"]).path.hasPrefix(
                "/home/zoe/.local/state/grappe/drafts/"))
        #expect(
            LocalDrafts.folder(location: "x", workspace: "y", environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]).path.hasPrefix(
                "/h/.local/state/"),
            "a relative XDG_STATE_HOME is ignored, as the spec says")
    }
}
