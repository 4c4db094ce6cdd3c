import Foundation
import GrappeAnalysis
import GrappeDashboard
import GrappeModel
import GrappeSeeds
import GrappeStore
import GrappeWords
import GrappeWorkspace

/// The dashboard's speed: from start to the first real frame (loading, the catalogue, the first
/// render); the biggest list opened while the background builds it; once every list and index is
/// built, a scripted key sequence replayed through the real update and render path, each key timed;
/// then each screen's own costs, one part each. Prints JSON.
enum DashboardBench {
    static let clock = ContinuousClock()

    static func run(path: String) {
        let start = clock.now
        let result = try! SeedLoader.load(path: path)
        let loaded = clock.now
        let catalogue = Catalogue(network: result.network, warnings: result.diagnostics.warningCount)
        var state = fresh(catalogue)
        _ = Views.render(state)
        let firstFrame = clock.now
        // As grappe does after its first frame; a person reads it for a moment before the first key.
        catalogue.prepareRowsInBackground()
        Thread.sleep(forTimeInterval: 1)
        // The biggest list opened at once: it shows as being built, and comes when it is there.
        var opening = state
        let openedWhileBuilding = replay([.character("2")], on: &opening)[0]
        let building = opening.waitsForBackground
        while Section.allCases.contains(where: { $0 != .home && !catalogue.hasRows($0) }) { usleep(10_000) }
        _ = catalogue.lookup
        let listsReady = clock.now
        let durations = replay(script, on: &state)
        let slowest = durations.indices.sorted { durations[$0] > durations[$1] }.prefix(5).map { index in
            "\(script[index].label(in: .en))=\(String(format: "%.1f", durations[index]))ms"
        }
        let sorted = durations.sorted()
        func percentile(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
        var report: [String: Any] = [
            "entities": result.network.entities.count, "relations": result.network.relations.count,
            "load_ms": milliseconds(loaded - start), "catalogue_and_first_frame_ms": milliseconds(firstFrame - loaded),
            "start_to_first_frame_ms": milliseconds(firstFrame - start), "keys": durations.count,
            "slowest_keys": slowest.joined(separator: " "), "key_p50_ms": percentile(0.5), "key_p99_ms": percentile(0.99),
            "key_max_ms": sorted.last ?? 0,
            "partners_opened_while_built_ms": openedWhileBuilding, "partners_shown_as_being_built": building,
            "every_list_and_index_ready_after_first_frame_ms": milliseconds(listsReady - firstFrame),
            "keys_while_a_save_is_in_flight": keysWhileSaving(catalogue),
            "background_ms": background(result.network),
            "first_filter_letter": firstFilterLetter(catalogue),
            "search_everything_per_letter": searchEverything(catalogue),
            "map": map(catalogue),
            "timeline": timeline(catalogue),
            "catalogue_after_one_saved_mission": catalogueAfterSave(catalogue, seeds: result.network),
        ]
        report.merge(secondStart(path: path, result: result)) { $1 }
        print(String(decoding: try! JSONSerialization.data(withJSONObject: report, options: [.sortedKeys]), as: UTF8.self))
    }

    /// A dashboard on Home at 160×50, in French.
    static func fresh(_ catalogue: Catalogue, language: Language = .fr) -> DashboardState {
        DashboardState(catalogue: catalogue, language: language, width: 160, height: 50, today: DayStamp(2026, 11, 22))
    }

    /// The keys replayed: every section, moving, a card and back, a filter, sorting, the help, hops.
    static let script: [Key] = {
        var script: [Key] = []
        for section in ["2", "3", "4", "5", "6", "7", "8", "2"] { script.append(.character(Character(section))) }
        script += Array(repeating: .down, count: 30) + [.pageDown, .pageDown, .end, .home]
        script += [.enter] + Array(repeating: .down, count: 5) + [.enter, .escape, .escape]
        script += [.character("/")] + "montreal".map { Key.character($0) } + [.backspace, .backspace, .enter, .enter, .escape, .escape]
        script += [.character("s"), .character("s"), .character("S"), .character("1"), .character("2"), .tab, .down, .down, .tab]
        script += [.character("?"), .escape, .character("n"), .character("+"), .escape, .character("3"), .enter, .character("["), .character("]")]
        return script
    }()

    /// Each key through the update and a render, timed (milliseconds).
    static func replay(_ keys: [Key], on state: inout DashboardState) -> [Double] {
        keys.map { key in
            let before = clock.now
            _ = state.update(.key(key))
            _ = Views.render(state)
            return milliseconds(clock.now - before)
        }
    }

    /// The same keys again while a save is always in flight: another thread records missions into a
    /// workspace store (SQLite, in a folder of its own) one after another, as the dashboard's store
    /// queue does, competing for the cores. (A frozen server's save holds no core: the keys then
    /// cost what they cost alone.)
    static func keysWhileSaving(_ catalogue: Catalogue) -> String {
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
        var busyState = fresh(catalogue)
        _ = Views.render(busyState)
        let busySorted = replay(script, on: &busyState).sorted()
        stopSaving.withLock { $0 = true }
        while !saver.isFinished { usleep(1000) }
        return "p50 \(String(format: "%.2f", busySorted[busySorted.count / 2])) ms, "
            + "p99 \(String(format: "%.2f", busySorted[min(busySorted.count - 1, Int(Double(busySorted.count) * 0.99))])) ms, "
            + "max \(String(format: "%.2f", busySorted.last ?? 0)) ms (\(savesDone.withLock { $0 }) saves meanwhile)"
    }

    /// What is built in the background after the first frame, timed on a fresh catalogue, one piece
    /// at a time: each section's rows, then the indexes of cards and finding.
    static func background(_ network: Network) -> String {
        let fresh = Catalogue(network: network)
        var built: [String] = []
        for section in Section.allCases where section != .home {
            let mark = clock.now
            _ = fresh.rows(section)
            built.append("\(section)=\(Int(milliseconds(clock.now - mark).rounded()))")
        }
        let mark = clock.now
        _ = fresh.lookup
        built.append("indexes=\(Int(milliseconds(clock.now - mark).rounded()))")
        return built.joined(separator: " ")
    }

    /// The first filter letter over the biggest list: filtering alone, then filtering and rendering.
    static func firstFilterLetter(_ catalogue: Catalogue) -> String {
        var probe = fresh(catalogue)
        probe.navigate(to: .section(.partners))
        _ = Views.render(probe)
        probe.lists.filters[.partners] = "e"
        var mark = clock.now
        let matched = probe.visibleRows(.partners).count
        let filterOnly = milliseconds(clock.now - mark)
        probe.lists.filters[.partners] = "a"
        mark = clock.now
        _ = Views.render(probe)
        let filterAndRender = milliseconds(clock.now - mark)
        return "\(catalogue.rows(.partners).count) rows, \(matched) matched: filter \(String(format: "%.1f", filterOnly)) ms, "
            + "filter and render \(String(format: "%.1f", filterAndRender)) ms"
    }

    /// A second start on the same seeds, from the snapshot the first one left (as `grappe` does).
    static func secondStart(path: String, result: LoadResult) -> [String: Any] {
        let snapshot = FileManager.default.temporaryDirectory.path + "/grappe-bench-\(getpid()).snapshot"
        defer { try? FileManager.default.removeItem(atPath: snapshot) }
        let mark = clock.now
        let saved = SeedSnapshot.Fingerprint.of(path: path).map { SeedSnapshot.save(result, fingerprint: $0, to: snapshot) } ?? false
        let saveTime = milliseconds(clock.now - mark)
        let snapshotSize = (try? FileManager.default.attributesOfItem(atPath: snapshot)[.size] as? Int) ?? 0
        let warmStart = clock.now
        let warm = try! SeedSnapshot.load(path: path, snapshot: snapshot)
        let warmLoaded = clock.now
        _ = Views.render(fresh(Catalogue(network: warm.result.network, warnings: warm.result.diagnostics.warningCount)))
        let warmFrame = clock.now
        return [
            "snapshot": saved && warm.fromSnapshot ? "\(snapshotSize / 1_000_000) MB, written in \(Int(saveTime.rounded())) ms" : "not used",
            "snapshot_load_ms": milliseconds(warmLoaded - warmStart), "snapshot_start_to_first_frame_ms": milliseconds(warmFrame - warmStart),
        ]
    }

    /// Searching everything from Home as someone types "mont", letter by letter (the index built first).
    static func searchEverything(_ catalogue: Catalogue) -> String {
        _ = catalogue.lookup
        var searchState = fresh(catalogue, language: .en)
        _ = searchState.update(.key(.character("/")))
        return zip("mont", replay("mont".map { Key.character($0) }, on: &searchState))
            .map { "\($0)=\(String(format: "%.1f", $1))ms" }.joined(separator: " ")
    }

    /// The best connected partner.
    static func hub(_ graph: MetricsGraph) -> Int {
        (0..<graph.nodeCount).max { graph.degree($0) < graph.degree($1) } ?? 0
    }

    /// The map of the best connected partner: its layout (off the main thread in grappe), the first
    /// frame with it, then keys on it.
    static func map(_ catalogue: Catalogue) -> String {
        let graph = catalogue.graph
        let hub = hub(graph)
        var mapReport: [String] = ["hub=\(graph.degree(hub)) links"]
        var mapState = fresh(catalogue)
        mapState.navigate(to: .card(.entity(graph.ids[hub])))
        for hops in 1...2 {
            let effects = mapState.update(.key(.character(hops == 1 ? "M" : "+")))
            guard case .layOutMap(let request)? = effects.first else { break }
            let before = clock.now
            let layout = NetworkMap.layOut(request)
            let laidOut = clock.now
            _ = mapState.update(.mapLaidOut(layout))
            _ = Views.render(mapState)
            mapReport.append(
                "\(hops) hop(s): layout \(String(format: "%.1f", milliseconds(laidOut - before))) ms, "
                    + "first frame \(String(format: "%.1f", milliseconds(clock.now - laidOut))) ms, \(layout.nodes.count) drawn")
        }
        let mapKeys = replay([.right, .down, .down, .left, .up, .tab, .tab, .character("t"), .character("t"), .right, .down], on: &mapState)
        return mapReport.joined(separator: "; ") + "; keys max \(String(format: "%.2f", mapKeys.max() ?? 0)) ms"
    }

    /// The timeline of every record, built then scrolled; then thirty more first frames, each on a
    /// fresh state (no page kept from the one before): one first frame is one sample on a noisy machine.
    static func timeline(_ catalogue: Catalogue) -> String {
        var timelineState = fresh(catalogue)
        let timelineFirst = replay([.character("T")], on: &timelineState)[0]
        let timelineKeys = replay(
            Array(repeating: Key.down, count: 20) + [.pageDown, .pageDown, .end, .home, .character("t"), .up, .down],
            on: &timelineState)
        let timelineItems = Pages.lines(for: timelineState.place.screen, state: timelineState).count
        let opens = (0..<30).map { _ in
            var state = fresh(catalogue)
            return replay([.character("T")], on: &state)[0]
        }.sorted()
        return "\(catalogue.network.records.count) records: first frame \(String(format: "%.1f", timelineFirst)) ms, "
            + "keys max \(String(format: "%.2f", timelineKeys.max() ?? 0)) ms (\(timelineItems) lines after t); "
            + "30 more first frames: median \(String(format: "%.1f", opens[15])) ms, 95th \(String(format: "%.1f", opens[28])) ms"
    }

    /// The catalogue once one mission is saved (by anyone): built anew, as before, then made from the
    /// catalogue shown (its lists and indexes built), five times each; the middle time of each.
    static func catalogueAfterSave(_ catalogue: Catalogue, seeds: Network) -> String {
        let graph = catalogue.graph
        let hub = hub(graph)
        let partners = (0..<4).map { graph.ids[($0 * 7_919 + hub) % graph.nodeCount] }
        var saveTimes = (anew: [Double](), updated: [Double]())
        // Kept until the end: grappe frees a replaced catalogue in the background, not on the clock.
        var made: [Catalogue] = []
        for section in Section.allCases { _ = catalogue.rows(section) }
        for round in 0..<5 {
            let mission = Record(
                id: "bench-mission-\(round)", title: "Mission de mesure \(round)",
                parties: [Party(entity: graph.ids[hub], role: .leader)] + partners.map { Party(entity: $0, role: .participant) },
                body: .mission(Mission(status: .planned, destinations: [partners[0]])))
            let workspace = Workspace(records: [StoredRecord(record: mission, version: 1, updatedAt: "", updatedBy: "bench")])
            let request = CatalogueRequest(generation: 1, seeds: seeds, workspace: workspace, seedWarnings: 0, location: "bench")
            var before = clock.now
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
        return "built anew \(String(format: "%.1f", saveTimes.anew.sorted()[2])) ms, "
            + "made from the one shown \(String(format: "%.1f", saveTimes.updated.sorted()[2])) ms (middle of 5)"
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
