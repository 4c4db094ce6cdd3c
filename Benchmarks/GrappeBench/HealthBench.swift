import Foundation
import GrappeStore
import GrappeTestSupport
import GrappeWorkspace

/// How soon a dashboard's store knows that its server is gone, and that it is back: a throwaway
/// PostgreSQL server (`.ci/postgres`, run from the repository's root) is frozen (SIGSTOP on every
/// process: connections stay open, nothing answers), thawed, stopped as in a power cut and started
/// again, ROUNDS times; each time, the seconds until `health` says so. Also how long a save on the
/// frozen server takes to fail (the dashboard's answer timeout).
///
///     grappe-bench --health [--rounds 5]
enum HealthBench {
    static func run(rounds: Int) {
        let script = FileManager.default.currentDirectoryPath + "/.ci/postgres"
        let folder = NSTemporaryDirectory() + "grappe-health-bench-\(getpid())"
        let port = 45_000 + Int(getpid() % 5_000)
        guard let url = shell([script, "start", folder, String(port)]).split(separator: "\n").last.map(String.init), url.hasPrefix("postgres://"),
            let taken = URLComponents(string: url)?.port
        else {
            FileHandle.standardError.write(Data("grappe-bench: could not start a server with \(script)\n".utf8))
            exit(69)
        }
        defer {
            _ = shell([script, "thaw", folder])
            _ = shell([script, "stop", folder])
        }
        let store = try! WorkspaceStores.open(url, for: .write, workspace: "health-bench", interactive: true)!
        _ = try? store.journalHead()
        func seconds(until done: () -> Bool) -> Double {
            let start = Date()
            while !done(), Date().timeIntervalSince(start) < 30 { usleep(10_000) }
            return Date().timeIntervalSince(start)
        }
        func offline() -> Bool { if case .offline = store.health { true } else { false } }
        _ = seconds { store.health == .online }
        var frozen: [Double] = [], thawed: [Double] = [], stopped: [Double] = [], restarted: [Double] = [], saveFailed: [Double] = []
        for round in 0..<rounds {
            _ = shell([script, "freeze", folder])
            frozen.append(seconds(until: offline))
            if round == 0 {
                let start = Date()
                _ = try? store.save(LiveBench.sample(round), author: "bench")
                saveFailed.append(Date().timeIntervalSince(start))
            }
            _ = shell([script, "thaw", folder])
            thawed.append(seconds { store.health == .online })
            _ = shell([script, "crash", folder])
            stopped.append(seconds(until: offline))
            _ = shell([script, "restart", folder, String(taken)])
            restarted.append(seconds { store.health == .online })
        }
        func summary(_ values: [Double]) -> [String: Double] {
            let sorted = values.sorted()
            return ["median": (sorted[sorted.count / 2] * 100).rounded() / 100, "max": (sorted.last! * 100).rounded() / 100]
        }
        let report: [String: Any] = [
            "rounds": rounds, "frozen_known_s": summary(frozen), "thawed_known_s": summary(thawed),
            "stopped_known_s": summary(stopped), "restarted_known_s": summary(restarted),
            "save_on_frozen_server_fails_after_s": summary(saveFailed),
        ]
        print(String(decoding: try! JSONSerialization.data(withJSONObject: report, options: [.sortedKeys, .prettyPrinted]), as: UTF8.self))
    }

    /// Runs a program to its end (posix_spawn: a server it starts keeps no pipe of ours); what it printed.
    static func shell(_ arguments: [String]) -> String { TestPostgres.run(arguments).output }
}
