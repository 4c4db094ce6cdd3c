import Foundation
import GrappeDashboard
import GrappeModel
import GrappeSeeds
import GrappeStore
import GrappeWorkspace

/// The dashboard's speed: from start to the first real frame (loading, the catalogue, the first
/// render), then a scripted key sequence replayed through the real update and render path, each key
/// timed. Prints JSON.
enum DashboardBench {
    static func run(path: String) {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try! SeedLoader.load(path: path)
        let loaded = clock.now
        let catalogue = Catalogue(network: result.network, warnings: result.diagnostics.warningCount)
        var state = DashboardState(catalogue: catalogue, language: .fr, width: 160, height: 50, today: DayStamp(2026, 11, 22))
        _ = Views.render(state)
        let firstFrame = clock.now
        // As grappe does after its first frame; a person reads it for a moment before the first key.
        catalogue.prepareRowsInBackground()
        Thread.sleep(forTimeInterval: 1)
        var script: [Key] = []
        for section in ["2", "3", "4", "5", "6", "7", "8", "2"] { script.append(.character(Character(section))) }
        script += Array(repeating: .down, count: 30) + [.pageDown, .pageDown, .end, .home]
        script += [.enter] + Array(repeating: .down, count: 5) + [.enter, .escape, .escape]
        script += [.character("/")] + "montreal".map { Key.character($0) } + [.backspace, .backspace, .enter, .enter, .escape, .escape]
        script += [.character("s"), .character("s"), .character("S"), .character("1"), .character("2"), .tab, .down, .down, .tab]
        script += [.character("?"), .escape, .character("n"), .character("+"), .escape, .character("3"), .enter, .character("["), .character("]")]
        var durations: [Double] = []
        for key in script {
            let before = clock.now
            _ = state.handle(key)
            _ = Views.render(state)
            durations.append(milliseconds(clock.now - before))
        }
        // The same keys again while a save is always in flight: another thread records missions into a
        // workspace store (SQLite, in a folder of its own) one after another, as the dashboard's store
        // queue does, competing for the cores. (A frozen server's save holds no core: the keys then
        // cost what they cost alone.)
        let busyFolder = FileManager.default.temporaryDirectory.appendingPathComponent("grappe-bench-busy-\(getpid())")
        try? FileManager.default.createDirectory(at: busyFolder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: busyFolder) }
        let busyStore = try! WorkspaceStores.open(busyFolder.path + "/w.sqlite", for: .write)!
        let stopSaving = Shared(false), savesDone = Shared(0)
        let saver = Thread {
            var index = 0
            while !stopSaving.withLock({ $0 }) {
                _ = try? busyStore.save(LiveBench.sample(index), author: "bench")
                index += 1
                savesDone.withLock { $0 += 1 }
            }
        }
        saver.start()
        Thread.sleep(forTimeInterval: 0.2)
        var busyState = DashboardState(catalogue: catalogue, language: .fr, width: 160, height: 50, today: DayStamp(2026, 11, 22))
        _ = Views.render(busyState)
        var busyDurations: [Double] = []
        for key in script {
            let before = clock.now
            _ = busyState.handle(key)
            _ = Views.render(busyState)
            busyDurations.append(milliseconds(clock.now - before))
        }
        stopSaving.withLock { $0 = true }
        while !saver.isFinished { usleep(1000) }
        let busySorted = busyDurations.sorted()
        let busyReport = "p50 \(String(format: "%.2f", busySorted[busySorted.count / 2])) ms, "
            + "p99 \(String(format: "%.2f", busySorted[min(busySorted.count - 1, Int(Double(busySorted.count) * 0.99))])) ms, "
            + "max \(String(format: "%.2f", busySorted.last ?? 0)) ms (\(savesDone.withLock { $0 }) saves meanwhile)"
        // What is built in the background after the first frame, timed on a fresh catalogue, one piece
        // at a time: each section's rows, then the indexes of cards and finding.
        let fresh = Catalogue(network: result.network)
        var built: [String] = []
        for section in Section.allCases where section != .home {
            let mark = clock.now
            _ = fresh.rows(section)
            built.append("\(section)=\(Int(milliseconds(clock.now - mark).rounded()))")
        }
        var mark = clock.now
        _ = fresh.lookup
        built.append("indexes=\(Int(milliseconds(clock.now - mark).rounded()))")
        // The first filter letter over the biggest list: filtering alone, then filtering and rendering.
        var probe = DashboardState(catalogue: catalogue, language: .fr, width: 160, height: 50, today: DayStamp(2026, 11, 22))
        probe.navigate(to: .section(.partners))
        _ = Views.render(probe)
        probe.lists.filters[.partners] = "e"
        mark = clock.now
        let matched = probe.visibleRows(.partners).count
        let filterOnly = milliseconds(clock.now - mark)
        probe.lists.filters[.partners] = "a"
        mark = clock.now
        _ = Views.render(probe)
        let filterAndRender = milliseconds(clock.now - mark)
        // A second start on the same seeds, from the snapshot the first one left (as `grappe` does).
        let snapshot = FileManager.default.temporaryDirectory.path + "/grappe-bench-\(getpid()).snapshot"
        defer { try? FileManager.default.removeItem(atPath: snapshot) }
        mark = clock.now
        let saved = SeedSnapshot.Fingerprint.of(path: path).map { SeedSnapshot.save(result, fingerprint: $0, to: snapshot) } ?? false
        let saveTime = milliseconds(clock.now - mark)
        let snapshotSize = (try? FileManager.default.attributesOfItem(atPath: snapshot)[.size] as? Int) ?? 0
        let warmStart = clock.now
        let warm = try! SeedSnapshot.load(path: path, snapshot: snapshot)
        let warmLoaded = clock.now
        let warmState = DashboardState(catalogue: Catalogue(network: warm.result.network, warnings: warm.result.diagnostics.warningCount),
                                       language: .fr, width: 160, height: 50, today: DayStamp(2026, 11, 22))
        _ = Views.render(warmState)
        let warmFrame = clock.now
        let slowest = durations.indices.sorted { durations[$0] > durations[$1] }.prefix(5).map { index in
            "\(script[index].label(in: .en))=\(String(format: "%.1f", durations[index]))ms"
        }
        // Searching everything from Home as someone types "mont", letter by letter (the index built first).
        _ = catalogue.lookup
        var searchTimes: [String] = []
        var searchState = DashboardState(catalogue: catalogue, language: .en, width: 160, height: 50, today: DayStamp(2026, 11, 22))
        _ = searchState.handle(.character("/"))
        for letter in "mont" {
            let before = clock.now
            _ = searchState.handle(.character(letter))
            _ = Views.render(searchState)
            searchTimes.append("\(letter)=\(String(format: "%.1f", milliseconds(clock.now - before)))ms")
        }
        // The map of the best connected partner: its layout (off the main thread in grappe), the first
        // frame with it, then keys on it; and the timeline of every record, built then scrolled.
        let graph = catalogue.graph
        let hub = (0..<graph.nodeCount).max { graph.degree($0) < graph.degree($1) } ?? 0
        var mapReport: [String] = ["hub=\(graph.degree(hub)) links"]
        var mapKeys: [Double] = []
        var mapState = DashboardState(catalogue: catalogue, language: .fr, width: 160, height: 50, today: DayStamp(2026, 11, 22))
        mapState.navigate(to: .card(.entity(graph.ids[hub])))
        for hops in 1...2 {
            var effects = mapState.update(.key(.character(hops == 1 ? "M" : "+")))
            guard case .layOutMap(let request)? = effects.first else { break }
            let before = clock.now
            let layout = NetworkMap.layOut(request)
            let laidOut = clock.now
            effects = mapState.update(.mapLaidOut(layout))
            _ = Views.render(mapState)
            mapReport.append("\(hops) hop(s): layout \(String(format: "%.1f", milliseconds(laidOut - before))) ms, "
                             + "first frame \(String(format: "%.1f", milliseconds(clock.now - laidOut))) ms, \(layout.nodes.count) drawn")
        }
        for key in [Key.right, .down, .down, .left, .up, .tab, .tab, .character("t"), .character("t"), .right, .down] {
            let before = clock.now
            _ = mapState.update(.key(key))
            _ = Views.render(mapState)
            mapKeys.append(milliseconds(clock.now - before))
        }
        var timelineState = DashboardState(catalogue: catalogue, language: .fr, width: 160, height: 50, today: DayStamp(2026, 11, 22))
        var before = clock.now
        _ = timelineState.update(.key(.character("T")))
        _ = Views.render(timelineState)
        let timelineFirst = milliseconds(clock.now - before)
        var timelineKeys: [Double] = []
        for key in Array(repeating: Key.down, count: 20) + [.pageDown, .pageDown, .end, .home, .character("t"), .up, .down] {
            before = clock.now
            _ = timelineState.update(.key(key))
            _ = Views.render(timelineState)
            timelineKeys.append(milliseconds(clock.now - before))
        }
        let timelineItems = Pages.lines(for: timelineState.place.screen, state: timelineState).count
        // One first frame is one sample on a noisy machine: thirty more, each on a fresh state (no page
        // kept from the one before).
        var opens: [Double] = []
        for _ in 0..<30 {
            var fresh = DashboardState(catalogue: catalogue, language: .fr, width: 160, height: 50, today: DayStamp(2026, 11, 22))
            before = clock.now
            _ = fresh.update(.key(.character("T")))
            _ = Views.render(fresh)
            opens.append(milliseconds(clock.now - before))
        }
        opens.sort()
        // The catalogue once one mission is saved (by anyone): built anew, as before, then made from the
        // catalogue shown (its lists and indexes built), five times each; the middle time of each.
        let partners = (0..<4).map { graph.ids[($0 * 7_919 + hub) % graph.nodeCount] }
        var saveTimes = (anew: [Double](), updated: [Double]())
        // Kept until the end: grappe frees a replaced catalogue in the background, not on the clock.
        var made: [Catalogue] = []
        for section in Section.allCases { _ = catalogue.rows(section) }
        for round in 0..<5 {
            let mission = Record(id: "bench-mission-\(round)", title: "Mission de mesure \(round)",
                                 parties: [Party(entity: graph.ids[hub], role: .leader)] + partners.map { Party(entity: $0, role: .participant) },
                                 body: .mission(Mission(status: .planned, destinations: [partners[0]])))
            let workspace = Workspace(records: [StoredRecord(record: mission, version: 1, updatedAt: "", updatedBy: "bench")])
            let request = CatalogueRequest(generation: 1, seeds: result.network, workspace: workspace, seedWarnings: 0, location: "bench")
            before = clock.now
            made.append(request.build().catalogue)
            _ = made.last!.rows(.missions)
            saveTimes.anew.append(milliseconds(clock.now - before))
            var incremental = request
            incremental.base = CatalogueRequest.Base(catalogue: catalogue, changed: [mission.id])
            before = clock.now
            made.append(incremental.build().catalogue)
            _ = made.last!.rows(.missions)
            saveTimes.updated.append(milliseconds(clock.now - before))
        }
        made.removeAll()
        let saveReport = "built anew \(String(format: "%.1f", saveTimes.anew.sorted()[2])) ms, "
            + "made from the one shown \(String(format: "%.1f", saveTimes.updated.sorted()[2])) ms (middle of 5)"
        let sorted = durations.sorted()
        func percentile(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
        let report: [String: Any] = [
            "entities": result.network.entities.count, "relations": result.network.relations.count,
            "load_ms": milliseconds(loaded - start), "catalogue_and_first_frame_ms": milliseconds(firstFrame - loaded),
            "start_to_first_frame_ms": milliseconds(firstFrame - start), "keys": durations.count,
            "snapshot": saved && warm.fromSnapshot ? "\(snapshotSize / 1_000_000) MB, written in \(Int(saveTime.rounded())) ms" : "not used",
            "snapshot_load_ms": milliseconds(warmLoaded - warmStart), "snapshot_start_to_first_frame_ms": milliseconds(warmFrame - warmStart),
            "slowest_keys": slowest.joined(separator: " "), "background_ms": built.joined(separator: " "),
            "keys_while_a_save_is_in_flight": busyReport,
            "search_everything_per_letter": searchTimes.joined(separator: " "),
            "map": mapReport.joined(separator: "; ") + "; keys max \(String(format: "%.2f", mapKeys.max() ?? 0)) ms",
            "timeline": "\(catalogue.network.records.count) records: first frame \(String(format: "%.1f", timelineFirst)) ms, "
                + "keys max \(String(format: "%.2f", timelineKeys.max() ?? 0)) ms (\(timelineItems) lines after t); "
                + "30 more first frames: median \(String(format: "%.1f", opens[15])) ms, 95th \(String(format: "%.1f", opens[28])) ms",
            "catalogue_after_one_saved_mission": saveReport,
            "first_filter_letter": "\(catalogue.rows(.partners).count) rows, \(matched) matched: filter \(String(format: "%.1f", filterOnly)) ms, filter and render \(String(format: "%.1f", filterAndRender)) ms", "key_p50_ms": percentile(0.5), "key_p99_ms": percentile(0.99), "key_max_ms": sorted.last ?? 0,
        ]
        print(String(decoding: try! JSONSerialization.data(withJSONObject: report, options: [.sortedKeys]), as: UTF8.self))
    }
}

/// A value shared between the bench's threads, behind a lock.
final class Shared<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func withLock<T>(_ body: (inout Value) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
