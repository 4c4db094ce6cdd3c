import Foundation
import GrappeAnalysis

/// `--timings`: each part's wall time and the process's memory once it is done (resident then, and
/// the peak so far), printed on standard error as a table at the end, so that where the time and
/// memory go is measured, not guessed.
final class Profile: @unchecked Sendable {
    private struct Row {
        let part: String
        let seconds: Double
        let residentMB: Double
        let peakMB: Double
    }

    /// The profile `--timings` asked for, which the seed loader reports to as well.
    nonisolated(unsafe) static var active: Profile?

    private let lock = NSLock()
    private let clock = ContinuousClock()
    private var rows: [Row] = []
    private var started: [String: ContinuousClock.Instant] = [:]
    private let begun = ContinuousClock().now

    /// A part that took `duration`, with the memory now.
    func record(_ part: String, _ duration: Duration) {
        let memory = Self.memory()
        lock.withLock { rows.append(Row(part: part, seconds: Output.seconds(duration), residentMB: memory.resident, peakMB: memory.peak)) }
    }

    /// `body`, recorded as `part`.
    func measure<T>(_ part: String, _ body: () throws -> T) rethrows -> T {
        let start = clock.now
        defer { record(part, clock.now - start) }
        return try body()
    }

    /// The analysis' parts, recorded as they end.
    var phases: Phases {
        Phases(
            started: { [self] name in lock.withLock { started[name] = clock.now } },
            finished: { [self] name in
                guard let start = lock.withLock({ started.removeValue(forKey: name) }) else { return }
                record("  " + name, clock.now - start)
            })
    }

    /// The table: part, seconds, resident and peak memory in MB, then the whole run.
    func write() {
        let memory = Self.memory()
        var text = "part                         seconds  resident MB  peak MB\n"
        for row in lock.withLock({ rows }) + [
            Row(part: "total", seconds: Output.seconds(clock.now - begun), residentMB: memory.resident, peakMB: memory.peak)
        ] {
            text +=
                row.part.padding(toLength: 28, withPad: " ", startingAt: 0)
                + String(format: " %7.2f  %11.0f  %7.0f\n", row.seconds, row.residentMB, row.peakMB)
        }
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Resident memory now (`/proc/self/statm`) and the peak so far (`getrusage`), in MB.
    private static func memory() -> (resident: Double, peak: Double) {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let peak = Double(usage.ru_maxrss) / 1024
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
            let pages = statm.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
        else { return (0, peak) }
        return (pages * Double(sysconf(Int32(_SC_PAGESIZE))) / 1_048_576, peak)
    }
}
