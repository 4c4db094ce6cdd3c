import Foundation
import GrappeDashboard
import GrappeModel
import GrappeRuntime
import GrappeSeeds
import GrappeWorkspace

/// From another client's commit to the change on a dashboard's screen: a dashboard runs (the real
/// runtime, on a terminal that waits as a real one does and reads each frame), a writer saves one
/// mission at a time through its own connection, and the time from its commit to the first frame
/// showing the notice of it ("writer added 'Mission 12'") is taken.
enum LiveBench {
    /// A terminal of 160×50 that never types: it waits the time it is asked, and notes when a frame
    /// first shows the awaited text.
    final class WatchingTerminal: TerminalIO, @unchecked Sendable {
        private let lock = NSLock()
        private var awaited: [String] = []
        private var seen: [String: ContinuousClock.Instant] = [:]
        private var quitting = false
        /// Keys typed at the start (to open the Missions list), then none.
        private var keys: [TerminalEvent]
        let size = (width: 160, height: 50)

        init(keys: [TerminalEvent]) { self.keys = keys }

        func await(_ texts: [String]) {
            lock.withLock {
                awaited = texts; seen = [:]
            }
        }
        func seenAt(_ text: String) -> ContinuousClock.Instant? { lock.withLock { seen[text] } }
        func quit() { lock.withLock { quitting = true } }

        func draw(_ canvas: Canvas) {
            let text = canvas.text
            let now = ContinuousClock.now
            lock.withLock {
                for awaited in awaited where seen[awaited] == nil && text.contains(awaited) { seen[awaited] = now }
            }
        }

        func next(timeout milliseconds: Int32?) -> TerminalEvent {
            if lock.withLock({ quitting }) { return .key(.character("q")) }
            if let key = lock.withLock({ keys.isEmpty ? nil : keys.removeFirst() }) { return key }
            usleep(UInt32(min(milliseconds ?? 1000, 1000)) * 1000)
            return .timeout
        }

        func copy(_ text: String) -> Bool { false }
        func close() {}
    }

    /// A mission of the bench's shape, valid on its own (no seed needed).
    static func sample(_ index: Int) -> Change {
        let record = Record(
            id: "mission-health-\(index)", title: "Mission de santé \(index)", parties: [Party(entity: "technomontreal", role: .leader)],
            body: .mission(Mission(status: .planned, destinations: ["lyon"])))
        return Change(action: .add, records: [record], entities: [], expectedVersions: [record.id: 0], summary: "add mission \(record.id)")
    }

    struct Seeds: SeedSource {
        let result: LoadResult
        var path: String { "bench" }
        func load() throws(SeedLoadError) -> LoadResult { result }
        func afterFirstFrame() -> (@Sendable () -> Void)? { nil }
    }

    /// Latencies in milliseconds, one per mission saved by the writer: until the notice of the change
    /// is on the screen, and until the Missions list counts the new mission (its catalogue rebuilt).
    static func run(
        seeds: LoadResult, dashboardStore: any WorkspaceStore, writer: any WorkspaceStore,
        changes: [Change]
    ) -> (notice: [Double], list: [Double]) {
        let terminal = WatchingTerminal(keys: [.key(.character("7"))])
        let held = (try? dashboardStore.load()) ?? .empty
        var missions = Overlay.apply(held, to: seeds.network).network.records(ofKind: .mission).count
        nonisolated(unsafe) let runtime = DashboardRuntime(
            terminal: terminal, store: dashboardStore, storeNotice: nil, seeds: Seeds(result: seeds),
            language: .en, mouse: false, author: "dashboard", today: { DayStamp(2026, 11, 22) })
        let done = DispatchSemaphore(value: 0)
        Thread {
            _ = runtime.run(); done.signal()
        }.start()
        // Let the dashboard start and settle before the first save.
        Thread.sleep(forTimeInterval: 2)
        var notices: [Double] = [], lists: [Double] = []
        for change in changes {
            missions += 1
            // The notice names the writer and the mission's title ("writer added 'Mission 12' (17:40)").
            let notice = "added '\(change.records[0].title)'", count = "/" + missions.formatted(.number.locale(Locale(identifier: "en_US")))
            terminal.await([notice, count])
            guard (try? writer.save(change, author: "writer")) != nil else { break }
            let committed = ContinuousClock.now
            let deadline = committed + .seconds(20)
            while terminal.seenAt(notice) == nil || terminal.seenAt(count) == nil, ContinuousClock.now < deadline { usleep(1000) }
            guard let seen = terminal.seenAt(notice), let listed = terminal.seenAt(count) else { break }
            notices.append(milliseconds(seen - committed))
            lists.append(milliseconds(listed - committed))
            // A pause of its own length each time, so that saves do not fall in step with the polling.
            Thread.sleep(forTimeInterval: Double.random(in: 0.2...0.5))
        }
        terminal.quit()
        done.wait()
        return (notices, lists)
    }
}
