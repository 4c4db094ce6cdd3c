import Foundation
import GrappeDashboard
import GrappeModel
import GrappeSeeds

/// The start from a snapshot, on its own and repeated: the seeds are parsed once and a snapshot
/// written, then the snapshot is read `runs` times, each time timing reading and decoding it, then
/// the catalogue and the first Home frame. Prints JSON (middle and worst of the runs).
///
///     grappe-bench SEEDS --snapshot [--runs 7]
enum SnapshotBench {
    static func run(path: String, runs: Int) {
        let clock = ContinuousClock()
        let result = try! SeedLoader.load(path: path)
        let snapshot = FileManager.default.temporaryDirectory.path + "/grappe-bench-\(getpid()).snapshot"
        defer { try? FileManager.default.removeItem(atPath: snapshot) }
        guard let fingerprint = SeedSnapshot.Fingerprint.of(path: path), SeedSnapshot.save(result, fingerprint: fingerprint, to: snapshot) else {
            FileHandle.standardError.write(Data("grappe-bench: could not write a snapshot of \(path)\n".utf8))
            exit(74)
        }
        var decode: [Double] = [], catalogue: [Double] = [], total: [Double] = []
        for _ in 0..<max(runs, 1) {
            let start = clock.now
            let warm = try! SeedSnapshot.load(path: path, snapshot: snapshot)
            guard warm.fromSnapshot else {
                FileHandle.standardError.write(Data("grappe-bench: the snapshot was not used\n".utf8))
                exit(70)
            }
            let loaded = clock.now
            let state = DashboardState(
                catalogue: Catalogue(network: warm.result.network, warnings: warm.result.diagnostics.warningCount),
                language: .fr, width: 160, height: 50, today: DayStamp(2026, 11, 22))
            _ = Views.render(state)
            let frame = clock.now
            decode.append(milliseconds(loaded - start))
            catalogue.append(milliseconds(frame - loaded))
            total.append(milliseconds(frame - start))
        }
        func summary(_ values: [Double]) -> [String: Double] {
            let sorted = values.sorted()
            return ["middle": sorted[sorted.count / 2], "worst": sorted.last!]
        }
        let report: [String: Any] = [
            "runs": decode.count, "entities": result.network.entities.count, "relations": result.network.relations.count,
            "snapshot_read_and_decode_ms": summary(decode), "catalogue_and_first_frame_ms": summary(catalogue),
            "snapshot_start_to_first_frame_ms": summary(total),
        ]
        print(String(decoding: try! JSONSerialization.data(withJSONObject: report, options: [.sortedKeys]), as: UTF8.self))
    }
}
