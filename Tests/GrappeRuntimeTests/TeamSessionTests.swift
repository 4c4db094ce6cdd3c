import Foundation
import GrappeDashboard
import GrappeModel
@testable import GrappeRuntime
import GrappeSeeds
import GrappeStore
import GrappeTestSupport
import GrappeWorkspace
import Testing

/// Team mode on a real PostgreSQL server: dashboards and a command-line writer on one workspace, each
/// through its own connection, see each other's changes without a key press.
@Suite(.serialized) struct TeamSessionTests {
    func dashboard(_ store: any WorkspaceStore, _ script: [TerminalEvent]) -> (terminal: FakeTerminal, runtime: DashboardRuntime) {
        let terminal = FakeTerminal(width: 110, height: 30, script: script)
        terminal.waitsOnTimeouts = true
        let runtime = DashboardRuntime(terminal: terminal, store: store, storeNotice: nil, seeds: FixedSeeds(SessionTests.reference),
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
        // A sits on the Missions list; the writer records a mission; A undoes it once it has seen it.
        // B only watches, from its own connection, on another thread.
        let a = dashboard(storeA, [.key(.character("7"))] + Self.waits(100) + [.key(.character("u"))] + Self.waits(100) + [.key(.character("q"))])
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
        #expect(seenByA.contains("Changed by grappe_planner — #1 add mission mission-numerique-a-lyon"), "\(seenByA)")
        #expect(seenByA.contains("Mission numérique à Lyon"), "A's list shows the writer's mission: \(seenByA)")
        let framesB = b.terminal.frames.map(\.text)
        #expect(framesB.contains { $0.contains("Mission numérique à Lyon") }, "B saw the writer's mission")
        let lastB = try #require(framesB.last)
        #expect(lastB.contains("Changed by postgres — #2"), "B saw A's undo: \(lastB)")
        #expect(!lastB.contains("Mission numérique à Lyon"), "and the mission left B's list: \(lastB)")
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
        #expect(screen.contains("Changed meanwhile by someone else"), "\(screen)")
        #expect(screen.contains("grappe_planner"), "\(screen)")
    }
}
