import Foundation
import GrappeDashboard
import GrappeModel
import GrappeSeeds
import GrappeTestSupport
import GrappeWords
import GrappeWorkspace
import Testing

@testable import GrappeRuntime

/// A terminal that plays a script of events and keeps every frame, as ratatui's `TestBackend` does.
final class FakeTerminal: TerminalIO {
    /// What was put on the clipboard, in order; `acceptsClipboard` false plays a terminal without OSC 52.
    var copies: [String] = []
    var acceptsClipboard = true
    var waitsOnTimeouts = false
    func copy(_ text: String) -> Bool {
        guard acceptsClipboard else { return false }
        copies.append(text)
        return true
    }
    var size: (width: Int, height: Int)
    var script: [TerminalEvent]
    private(set) var frames: [Canvas] = []
    private(set) var closed = false
    /// Called before each event is handed out, with the frames so far: a test's checkpoint.
    var checkpoints: [Int: (FakeTerminal) -> Void] = [:]
    private var handedOut = 0

    init(width: Int = 100, height: Int = 30, script: [TerminalEvent]) {
        size = (width, height)
        self.script = script
    }

    var screen: String { frames.last?.text ?? "" }

    func draw(_ canvas: Canvas) { frames.append(canvas) }

    func next(timeout milliseconds: Int32?) -> TerminalEvent {
        checkpoints[handedOut]?(self)
        handedOut += 1
        guard !script.isEmpty else { return .hangup }
        let event = script.removeFirst()
        // A timeout takes the time it says (20 ms at most), when the test plays work finishing in the background.
        if case .timeout = event, waitsOnTimeouts, let milliseconds {
            Thread.sleep(forTimeInterval: Double(min(milliseconds, 20)) / 1000)
        }
        if case .resize(let width, let height) = event { size = (width, height) }
        return event
    }

    func close() { closed = true }
}

/// Seeds held in memory.
final class FixedSeeds: SeedSource {
    let path = "seeds"
    var result: LoadResult
    init(_ result: LoadResult) { self.result = result }
    func load() throws(SeedLoadError) -> LoadResult { result }
    func afterFirstFrame() -> (@Sendable () -> Void)? { nil }
}

/// Whole dashboard sessions through the runtime, without a real terminal: keys in, frames and store
/// contents out.
@Suite struct SessionTests {
    static let seedsPath = Repository.seeds.path
    static let reference = try! SeedLoader.load(path: seedsPath)

    static func keys(_ text: String) -> [TerminalEvent] { text.map { .key(.character($0)) } }

    /// Keys that open the form and fill a new mission to Lille led by Marc Demers: title, leader,
    /// destination and start (the focus ends on the start date).
    static func newMission(title: String, start: String) -> [TerminalEvent] {
        [.key(.character("m"))] + keys(title) + [.key(.tab), .key(.tab)] + keys("marc-demers") + [.key(.tab), .key(.tab), .key(.tab)]
            + keys("lille") + [.key(.tab)] + keys(start)
    }

    func runtime(
        _ terminal: FakeTerminal, store: (any WorkspaceStore)?, notice: Wording? = nil,
        seeds: any SeedSource = FixedSeeds(SessionTests.reference), language: Language = .en
    ) -> DashboardRuntime {
        DashboardRuntime(
            terminal: terminal, store: store, storeNotice: notice, seeds: seeds, language: language, mouse: true,
            author: "zoé", today: { DayStamp(2026, 11, 22) }, background: { $0() })
    }

    @Test func openFilterCardRecordUndoQuit() throws {
        let store = JournaledStore(backend: InMemoryStoreBackend())
        var script: [TerminalEvent] = []
        var marks: [String: Int] = [:]
        func mark(_ name: String) { marks[name] = script.count }
        mark("home")
        script += [.key(.character("2")), .key(.character("/"))] + Self.keys("ecrit") + [.key(.enter)]
        mark("filtered")
        script += [.key(.enter)]
        mark("card")
        script += [.key(.character("7")), .key(.character("m"))] + Self.keys("Mission numérique à Lyon")
        script += [.key(.tab), .key(.tab)] + Self.keys("demers") + [.key(.enter)]
        mark("typed")
        script += [.key(.control("s"))]
        mark("saved")
        script += [.key(.character("u"))]
        mark("asked")
        script += [.key(.character("y"))]
        mark("undone")
        script += [.key(.character("U"))]
        mark("redone")
        script += [.key(.character("q"))]
        let terminal = FakeTerminal(script: script)
        var seen: [String: String] = [:]
        var recorded: [String: Int] = [:]
        for (name, index) in marks {
            terminal.checkpoints[index] = { terminal in
                seen[name] = terminal.screen
                recorded[name] = (try? store.load().records.count) ?? -1
            }
        }
        #expect(runtime(terminal, store: store).run() == .quit)

        #expect(seen["home"]?.contains("Most connected partners") == true)
        let filtered = try #require(seen["filtered"])
        #expect(filtered.contains("Ecritel") && !filtered.contains("Devrun"), "\(filtered)")
        let card = try #require(seen["card"])
        #expect(card.contains("Ecritel") && card.contains("Mathieu Halle"), "\(card)")
        #expect(seen["typed"]?.contains("Mission numérique à Lyon") == true)
        #expect(recorded["typed"] == 0)
        let saved = try #require(seen["saved"])
        #expect(saved.contains("Saved: the addition of 'Mission numérique à Lyon' (#1)"), "\(saved)")
        #expect(recorded["saved"] == 1)
        #expect(try store.history(limit: nil).map(\.author) == ["zoé", "zoé", "zoé"])
        // Undoing an add removes a mission: asked first, in people's words.
        let asked = try #require(seen["asked"])
        #expect(asked.contains("Undo the addition of 'Mission numérique à Lyon' by you (#1, "), "\(asked)")
        #expect(recorded["asked"] == 1)
        let undone = try #require(seen["undone"])
        #expect(undone.contains("Undone: the addition of 'Mission numérique à Lyon' by you (#1, "), "\(undone)")
        #expect(recorded["undone"] == 0)
        // U redoes it, and the journal says so.
        let redone = try #require(seen["redone"])
        #expect(redone.contains("Redone: the addition of 'Mission numérique à Lyon' by you (#1, "), "\(redone)")
        #expect(recorded["redone"] == 1)
        #expect(try store.history(limit: nil).map(\.summary).first?.hasPrefix("redo #1: add mission") == true)
        #expect(try store.drafts().isEmpty, "the saved form's draft is forgotten")
    }

    /// A mission saved in the store by someone else, as a second planner's Grappe would.
    static func othersSave(
        _ store: any WorkspaceStore, title: String = "Mission numérique à Lyon", author: String = "ana",
        start: String = "2027-03-10"
    ) throws -> Record {
        var draft = MissionDraft()
        draft.title = title
        draft.start = start
        draft.destinations = ["lyon"]
        draft.delegates = [MissionDraft.Delegate(who: "alain-dumas")]
        guard case .success(let change) = MissionValidator(network: reference.network).validate(draft) else {
            throw StoreError.failed(.same("the test draft does not validate"))
        }
        try store.save(change, author: author)
        return change.records[0]
    }

    /// `y` copies the id under the cursor, `Y` the card in front as text, through the terminal's
    /// clipboard; a terminal without one is said, with what would have been copied.
    @Test func copiesGoThroughTheTerminalsClipboard() throws {
        var script: [TerminalEvent] = [.key(.character("2")), .key(.character("/"))] + Self.keys("ecrit") + [.key(.enter)]
        script += [.key(.character("y"))]
        let copiedID = script.count
        script += [.key(.enter), .key(.character("Y"))]
        let copiedCard = script.count
        script += [.key(.character("q"))]
        let terminal = FakeTerminal(script: script)
        var screens: [String] = []
        terminal.checkpoints[copiedID] = { screens.append($0.screen) }
        terminal.checkpoints[copiedCard] = { screens.append($0.screen) }
        _ = runtime(terminal, store: nil).run()
        #expect(terminal.copies.first == "ecritel")
        let card = try #require(terminal.copies.last)
        #expect(card.hasPrefix("Ecritel") && card.contains("Mathieu Halle") && card.contains("\n"), "\(card)")
        #expect(!card.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "no control character but line breaks")
        #expect(screens.first?.contains("Copied: ecritel") == true)
        #expect(screens.last?.contains("Copied: the card of ecritel") == true)

        let bare = FakeTerminal(script: [.key(.character("2")), .key(.character("y")), .key(.character("q"))])
        bare.acceptsClipboard = false
        var said = ""
        bare.checkpoints[2] = { said = $0.screen }
        _ = runtime(bare, store: nil, language: .fr).run()
        #expect(bare.copies.isEmpty)
        #expect(said.contains("Copie impossible"), "\(said)")
    }

    /// The selection keeps its item, not its row number: a teammate's mission that lands above the
    /// selected one leaves the cursor (and `e`) on the mission the user was on.
    @Test func theSelectionFollowsItsItemWhenOthersAddRowsAbove() throws {
        let store = JournaledStore(backend: InMemoryStoreBackend())
        _ = try Self.othersSave(store, title: "Mission à Lyon", start: "2027-03-10")
        _ = try Self.othersSave(store, title: "Mission à Nantes", start: "2027-05-10")
        // On the Missions list: the two upcoming missions, then the seed mission to Lille, selected.
        let terminal = FakeTerminal(script: [
            .key(.character("7")), .key(.character("G")), .timeout, .key(.character("e")), .key(.escape),
            .key(.character("q")),
        ])
        var before = "", after = ""
        terminal.checkpoints[2] = { terminal in
            before = terminal.screen
            _ = try? Self.othersSave(store, title: "Mission à Bordeaux", author: "léo", start: "2027-01-15")
        }
        terminal.checkpoints[3] = { after = $0.screen }
        #expect(runtime(terminal, store: store).run() == .quit)
        #expect(before.contains("3/3") && before.contains("│ Mission économique de Laval à L"), "\(before)")
        #expect(after.contains("4/4") && after.contains("│ Mission économique de Laval à L"), "still on the same mission: \(after)")
        let form = try #require(terminal.frames.first { $0.text.contains("Edit mission") }?.text)
        #expect(form.contains("Mission économique de Laval à Lille"), "e edits the mission the cursor stayed on: \(form)")
    }

    /// A mission taken out of the store while its card is open (someone undid its addition): the
    /// dashboard leaves the empty card for the list, and says why.
    @Test func aCardWhoseMissionIsGoneIsLeftWithANotice() throws {
        let store = JournaledStore(backend: InMemoryStoreBackend())
        _ = try Self.othersSave(store, title: "Mission à Lyon")
        let terminal = FakeTerminal(script: [.key(.character("7")), .key(.enter), .timeout, .key(.character("q"))])
        var card = ""
        terminal.checkpoints[2] = { terminal in
            card = terminal.screen
            _ = try? store.undoLast(author: "ana")
        }
        #expect(runtime(terminal, store: store).run() == .quit)
        #expect(card.contains("Mission à Lyon") && card.contains("Missions ›"), "\(card)")
        let last = try #require(terminal.frames.last?.text)
        #expect(last.contains("1/1") && last.contains("The selected item is gone"), "\(last)")
    }

    @Test func othersSavesShowWithoutAKey() throws {
        let store = JournaledStore(backend: InMemoryStoreBackend())
        // The dashboard sits on the Missions list; while it waits, Ana saves a mission elsewhere.
        let terminal = FakeTerminal(script: [.key(.character("7")), .timeout, .key(.character("q"))])
        terminal.checkpoints[1] = { _ in _ = try? Self.othersSave(store) }
        #expect(runtime(terminal, store: store).run() == .quit)
        let after = try #require(terminal.frames.last?.text)
        #expect(after.contains("ana added 'Mission numérique à Lyon' ("), "the notice names the mission by its title: \(after)")
        #expect(after.contains("Mission numérique à Lyon"), "the list shows the new mission: \(after)")
    }

    @Test func aFormOnAMissionSomeoneElseSavedWarnsAtOnce() throws {
        let store = JournaledStore(backend: InMemoryStoreBackend())
        let mission = try Self.othersSave(store)
        // Léo's save comes while the form is open; then I change the title and save: both are kept.
        let terminal = FakeTerminal(
            width: 140, height: 30,
            script: [.key(.character("7")), .key(.character("e")), .timeout] + Self.keys(" (suite)")
                + [.key(.control("s")), .key(.character("q"))])
        var warned = ""
        terminal.checkpoints[3] = { warned = $0.screen }
        terminal.checkpoints[2] = { _ in
            // Léo edits the same mission from his machine and saves while the form is open here.
            var draft = MissionDraft(editing: mission, version: 1)
            draft.notes = "hôtel confirmé"
            if case .success(let change) = MissionValidator(network: Self.reference.network).validate(draft) {
                _ = try? store.save(change, author: "léo")
            }
        }
        #expect(runtime(terminal, store: store).run() == .quit)
        #expect(warned.contains("léo changed Notes (") && warned.contains("^S will merge them with yours"), "\(warned)")
        let saved = try #require(try store.load().records.first)
        #expect(saved.record.title == "Mission numérique à Lyon (suite)" && saved.record.mission?.notes == "hôtel confirmé", "\(saved.record)")
        #expect(saved.version == 3)
        #expect(try store.history(limit: nil).map(\.author) == ["zoé", "léo", "ana"])
        let screen = try #require(terminal.frames.last?.text)
        #expect(
            screen.contains("Saved: the edit of 'Mission numérique à Lyon (suite)' (#3) · Merged with the version saved meanwhile (léo): Notes"),
            "\(screen)")
    }

    @Test func aStoreThatWasUnreachableIsPickedUpWhenItComesBack() throws {
        let store = JournaledStore(backend: InMemoryStoreBackend())
        _ = try Self.othersSave(store)
        var attempts = 0
        let terminal = FakeTerminal(script: [.key(.character("7")), .timeout, .timeout, .key(.character("q"))])
        let runtime = DashboardRuntime(
            terminal: terminal, store: nil, storeNotice: Wording("le serveur est injoignable", "the server cannot be reached"),
            seeds: FixedSeeds(Self.reference),
            language: .en, mouse: true, author: "zoé", today: { DayStamp(2026, 11, 22) },
            reopen: {
                attempts += 1
                if attempts == 1 { throw StoreError.unavailable(location: "postgres://x", detail: .same("refused")) }
                return store
            }, retryEvery: 0, background: { $0() })
        #expect(runtime.run() == .quit)
        #expect(attempts == 2)
        let screen = try #require(terminal.frames.last?.text)
        #expect(screen.contains("Mission numér"), "the store's mission is listed: \(screen)")
        // The selection stays on the mission it was on (now second, below the upcoming one).
        #expect(screen.contains("2/2") && screen.contains("│ Mission économique de Laval à L"), "\(screen)")
        #expect(!screen.contains("READ-ONLY") && !screen.contains("Read-only"), "\(screen)")
    }

    @Test func aReadOnlyStoreSaysSoAndRecordsNothing() throws {
        let store = JournaledStore(backend: InMemoryStoreBackend(readOnlyReason: Wording("le rôle d'une lectrice", "a viewer's role")))
        let terminal = FakeTerminal(script: [.key(.character("7")), .key(.character("m")), .key(.character("q"))])
        #expect(runtime(terminal, store: store, notice: store.readOnlyReason).run() == .quit)
        #expect(terminal.frames.first { $0.text.contains("Read-only store: a viewer's role") } != nil)
        // In French, the reason too.
        let french = FakeTerminal(script: [.key(.character("7")), .key(.character("m")), .key(.character("q"))])
        #expect(runtime(french, store: store, notice: store.readOnlyReason, language: .fr).run() == .quit)
        #expect(french.frames.first { $0.text.contains("Registre en lecture seule\u{00A0}: le rôle d'une lectrice") } != nil)
        #expect(try store.load().records.isEmpty)
    }

    @Test func aDraftLeftBehindIsOfferedBack() throws {
        let backend = InMemoryStoreBackend()
        var draft = MissionDraft()
        draft.title = "Retour à Lille"
        let json = String(decoding: try JSONEncoder().encode(draft), as: UTF8.self)
        try backend.saveDraft(StoredDraft(key: "new", json: json, updatedAt: "2026-11-21T09:30:00.000Z"))
        let terminal = FakeTerminal(script: [])
        #expect(runtime(terminal, store: JournaledStore(backend: backend)).run() == .hangup)
        #expect(terminal.screen.contains("Retour à Lille"))
        #expect(terminal.screen.contains("Unsaved draft restored (2026-11-21 09:30)"))
    }

    /// A draft that cannot be read is named even when a newer one is offered: none is passed over in
    /// silence.
    @Test func anUnreadableDraftOlderThanTheOneOfferedIsNamed() throws {
        let backend = InMemoryStoreBackend()
        var draft = MissionDraft()
        draft.title = "Retour à Lille"
        let json = String(decoding: try JSONEncoder().encode(draft), as: UTF8.self)
        try backend.saveDraft(StoredDraft(key: "edit:ancien", json: "[1, 2]", updatedAt: "2026-11-20T08:00:00.000Z"))
        try backend.saveDraft(StoredDraft(key: "new", json: json, updatedAt: "2026-11-21T09:30:00.000Z"))
        let terminal = FakeTerminal(script: [])
        #expect(runtime(terminal, store: JournaledStore(backend: backend)).run() == .hangup)
        #expect(terminal.screen.contains("Retour à Lille"), "the newest readable draft is offered")
        #expect(
            terminal.frames.contains { $0.text.contains("the draft 'edit:ancien' of 2026-11-20 08:00 is not a mission form") },
            "the older one that cannot be read is named")
    }

    @Test func resizesRedrawAtTheNewSizeAndNoSeedsCloseTheTerminal() throws {
        let terminal = FakeTerminal(script: [.resize(width: 80, height: 24), .key(.control("c"))])
        #expect(runtime(terminal, store: nil, notice: Wording("--no-store", "--no-store")).run() == .quit)
        #expect(terminal.frames.last?.width == 80 && terminal.frames.last?.height == 24)

        final class Missing: SeedSource {
            let path = "/nowhere"
            func load() throws(SeedLoadError) -> LoadResult { throw .notFound("/nowhere") }
            func afterFirstFrame() -> (@Sendable () -> Void)? { nil }
        }
        let empty = FakeTerminal(script: [])
        #expect(runtime(empty, store: nil, seeds: Missing()).run() == .noSeeds(.notFound("/nowhere")))
        #expect(empty.closed)
    }

    @Test func storeProblemsAreToldInTheInterfacesLanguage() throws {
        let terminal = FakeTerminal(script: [.key(.character("u"))])
        #expect(runtime(terminal, store: JournaledStore(backend: InMemoryStoreBackend()), language: .fr).run() == .hangup)
        #expect(terminal.screen.contains("rien à annuler"), "\(terminal.screen)")
        #expect(Strings(.en).describe(.nothingToUndo) == "nothing to undo")
    }

    @Test func aTickAfterMidnightMovesAMissionFromUpcomingToRecent() throws {
        let yaml = """
            documents: [{id: d, title: D}]
            cities: [{id: lyon, name: Lyon, sources: [d]}]
            people: [{id: ana, name: Ana, sources: [d]}]
            missions:
              - {id: m, title: Mission du jour, status: planned, start: 2026-11-22, end: 2026-11-22, destinations: [lyon], parties: [{id: ana, role: leader}], sources: [d]}
            """
        final class Clock: @unchecked Sendable { var day = DayStamp(2026, 11, 22) }
        let clock = Clock()
        let terminal = FakeTerminal(width: 70, height: 60, script: [.timeout, .timeout])
        var before = "", after = ""
        terminal.checkpoints[1] = { terminal in
            before = terminal.screen; clock.day = DayStamp(2026, 11, 23)
        }
        terminal.checkpoints[2] = { terminal in after = terminal.screen }
        let runtime = DashboardRuntime(
            terminal: terminal, store: nil, storeNotice: nil,
            seeds: FixedSeeds(SeedLoader.load(files: [(path: "m.yaml", contents: yaml)])), language: .en,
            mouse: true, author: "zoé", today: { clock.day }, background: { $0() })
        #expect(runtime.run() == .hangup)
        func order(_ screen: String) -> (upcoming: Int, recent: Int, mission: Int) {
            let lines = screen.split(separator: "\n").map(String.init)
            func line(_ text: String) -> Int { lines.firstIndex { $0.contains(text) } ?? -1 }
            return (line("Upcoming missions"), line("Recent missions"), line("Mission du jour"))
        }
        let first = order(before), second = order(after)
        #expect(first.mission > first.upcoming && first.mission < first.recent, "\(before)")
        #expect(second.mission > second.recent, "\(after)")
    }
}

/// The map is laid out off the main thread: the loop keeps reading keys and draws it when it comes.
@Suite struct MapSessionTests {
    func session(
        _ script: [TerminalEvent], background: @escaping (@escaping @Sendable () -> Void) -> Void,
        width: Int = 80, height: Int = 24
    ) -> FakeTerminal {
        let terminal = FakeTerminal(width: width, height: height, script: script)
        terminal.waitsOnTimeouts = true
        let runtime = DashboardRuntime(
            terminal: terminal, store: nil, storeNotice: Wording("aucun", "none"), seeds: FixedSeeds(SessionTests.reference),
            language: .fr, mouse: true, author: "zoé", today: { DayStamp(2026, 11, 22) },
            background: background)
        _ = runtime.run()
        return terminal
    }

    static func palette(_ text: String) -> [TerminalEvent] {
        [.key(.character(":"))] + SessionTests.keys(text) + [.key(.enter)]
    }

    @Test func theMapOfACardIsDrawnWhenItsLayoutComesBack() throws {
        let script = Self.palette("show ville-de-laval") + [.key(.character("M")), .key(.character("+")), .key(.character("q"))]
        let seen = session(script, background: { $0() }).frames.map(\.text)
        let map = try #require(seen.last { $0.contains("Carte · Ville de Laval  1 saut") })
        #expect(map.contains("◉ Ville de Laval"), "\(map)")
        #expect(map.contains("▸ ◉ Ville de Laval · organisation · 5 liens"), "\(map)")
        let twoHops = try #require(seen.last { $0.contains("Carte · Ville de Laval  2 sauts") })
        #expect(!twoHops.contains("Placement des partenaires"), "\(twoHops)")
    }

    @Test func aSlowLayoutLeavesKeysAnsweredAndArrivesLater() throws {
        // A queue of its own, as in the real dashboard: the layout finishes while the loop waits.
        let queue = DispatchQueue(label: "layout")
        let script =
            Self.palette("show ville-de-laval") + [.key(.character("M"))] + Array(repeating: .timeout, count: 40)
            + [.key(.character("q"))]
        let done = session(
            script,
            background: { work in
                queue.async {
                    Thread.sleep(forTimeInterval: 0.05); work()
                }
            })
        let frames = done.frames.map(\.text)
        #expect(frames.contains { $0.contains("Placement des partenaires") }, "a notice while it is laid out")
        #expect(frames.last?.contains("◉ Ville de Laval") == true, "\(frames.last ?? "")")
    }
}
