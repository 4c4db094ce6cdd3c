import Foundation
import GrappeDashboard
import GrappeModel
import GrappeRuntime
import GrappeSeeds
import GrappeWorkspace

/// From another client's commit to the change on a dashboard's screen: a dashboard runs (the real
/// runtime, on a terminal that waits as a real one does and reads each frame), a writer saves one
/// mission at a time through its own connection, and the time from its commit to the first frame
/// showing "#N add mission" is taken.
enum LiveBench {
    /// A terminal of 160×50 that never types: it waits the time it is asked, and notes when a frame
    /// first shows the awaited text.
    final class WatchingTerminal: TerminalIO, @unchecked Sendable {
        private let lock = NSLock()
        private var awaited: String?
        private var seen: ContinuousClock.Instant?
        private var quitting = false
        let size = (width: 160, height: 50)

        func await(_ text: String) { lock.withLock { awaited = text; seen = nil } }
        var seenAt: ContinuousClock.Instant? { lock.withLock { seen } }
        func quit() { lock.withLock { quitting = true } }

        func draw(_ canvas: Canvas) {
            let text = canvas.text
            lock.withLock {
                if let awaited, seen == nil, text.contains(awaited) { seen = ContinuousClock.now }
            }
        }

        func next(timeout milliseconds: Int32?) -> TerminalEvent {
            if lock.withLock({ quitting }) { return .key(.character("q")) }
            usleep(UInt32(min(milliseconds ?? 1000, 1000)) * 1000)
            return .timeout
        }

        func copy(_ text: String) -> Bool { false }
        func close() {}
    }

    struct Seeds: SeedSource {
        let result: LoadResult
        var path: String { "bench" }
        func load() throws(SeedLoadError) -> LoadResult { result }
        func afterFirstFrame() -> (@Sendable () -> Void)? { nil }
    }

    /// Latencies in milliseconds, one per mission saved by the writer.
    static func run(seeds: LoadResult, dashboardStore: any WorkspaceStore, writer: any WorkspaceStore,
                    changes: [Change]) -> [Double] {
        let terminal = WatchingTerminal()
        nonisolated(unsafe) let runtime = DashboardRuntime(terminal: terminal, store: dashboardStore, storeNotice: nil, seeds: Seeds(result: seeds),
                                                           language: .en, mouse: false, author: "dashboard", today: { DayStamp(2026, 11, 22) })
        let done = DispatchSemaphore(value: 0)
        Thread { _ = runtime.run(); done.signal() }.start()
        // Let the dashboard start and settle before the first save.
        Thread.sleep(forTimeInterval: 2)
        var latencies: [Double] = []
        var head = (try? writer.journalHead()) ?? 0
        for change in changes {
            head += 1
            terminal.await("#\(head) add mission")
            guard (try? writer.save(change, author: "writer")) != nil else { break }
            let committed = ContinuousClock.now
            let deadline = committed + .seconds(20)
            while terminal.seenAt == nil, ContinuousClock.now < deadline { usleep(1000) }
            guard let seen = terminal.seenAt else { break }
            let elapsed = seen - committed
            latencies.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
            // A pause of its own length each time, so that saves do not fall in step with the polling.
            Thread.sleep(forTimeInterval: Double.random(in: 0.2...0.5))
        }
        terminal.quit()
        done.wait()
        return latencies
    }
}
