import Foundation
import GrappeDashboard
import GrappeModel
import GrappeSeeds
import GrappeStore
import GrappeWorkspace

/// The workspace store's speed, on the disk of `folder`:
/// - save latency (one mission per transaction, `synchronous = FULL`) over `count` missions, beside a
///   plain `write` + `fsync` of 4 KiB to a file in the same folder, in the same run;
/// - start-up to the first dashboard frame with `startup` recorded missions: seeds, store, journal,
///   overlay, catalogue and the first render, as `grappe` does them.
/// With `server` (a `postgres://` URL), both run on that server instead, in two workspaces of their
/// own (emptied first); `Benchmarks/store_pg.py` runs pgbench beside it for comparison.
/// Prints JSON.
enum StoreBench {
    /// The mission saved `index`-th: new ids, as a planner would record them.
    static func change(_ index: Int, _ validator: MissionValidator) -> Change {
        var draft = MissionDraft(
            title: "Mission d'essai n° \(index)", status: "planned", leader: "marc-demers", onBehalfOf: ["cqic"],
            origin: "laval", destinations: [index.isMultiple(of: 2) ? "lyon" : "lille"],
            start: "2027-\(String(format: "%02d", index % 12 + 1))-10", budget: "\(10_000 + index) CAD")
        draft.delegates = [MissionDraft.Delegate(who: "technomontreal", role: "delegate", attendance: "confirmed")]
        return try! validator.validate(draft).get()
    }

    /// Saves alone, each latency printed (JSON `save_ms_all`): `Benchmarks/store_pg.py` runs rounds of
    /// these between rounds of pgbench, so that both meet the same weather. Missions `first` to
    /// `first + count - 1`; the workspace is emptied when `first` is 0.
    ///
    ///     grappe-bench SEEDS --store-saves --server URL [--count 100] [--first 0]
    static func saves(seeds: String, server: String, count: Int, first: Int) {
        let clock = ContinuousClock()
        let validator = MissionValidator(network: try! SeedLoader.load(path: seeds).network)
        let store = try! WorkspaceStores.open(server, for: .write, workspace: "bench-rounds")!
        if first == 0 { try! store.restore(WorkspaceDump(items: [], journal: [], drafts: []), replacing: true) }
        let changes = (first..<(first + count)).map { change($0, validator) }
        var saves: [Double] = []
        for change in changes {
            let before = clock.now
            try! store.save(change, author: "bench")
            saves.append(milliseconds(clock.now - before))
        }
        print(String(decoding: try! JSONSerialization.data(withJSONObject: ["save_ms_all": saves]), as: UTF8.self))
    }

    static func run(seeds: String, folder: String, count: Int, startup: Int, server: String? = nil) {
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let bench = StoreRun(seeds: seeds, folder: folder, server: server)
        let (saves, fsyncs) = bench.saveLatency(count: count)
        let validations = (0..<min(count, 200)).map { index in bench.timed { _ = bench.change(index) } }
        let startupPath = folder + "/bench-startup.sqlite"
        let (fill, startups, phases, shown) = bench.startup(missions: startup, path: startupPath)
        let followed = shown.map(bench.catalogueFollowing) ?? (anew: [0, 0, 0], updated: [0, 0, 0])
        // From another client's commit to a dashboard's screen, over the workspace filled above.
        let watched = try! WorkspaceStores.open(server ?? startupPath, for: .write, workspace: "bench-startup")!
        let liveWriter = try! WorkspaceStores.open(server ?? startupPath, for: .write, workspace: "bench-startup")!
        let live = LiveBench.run(
            seeds: try! SeedLoader.load(path: seeds), dashboardStore: watched, writer: liveWriter,
            changes: (0..<20).map { bench.change(startup + $0) })
        let percentiles = StoreRun.percentiles
        let report: [String: Any] = [
            "catalogue_after_one_saved_mission_ms": [
                "built_anew": followed.anew.sorted()[2], "made_from_the_one_shown": followed.updated.sorted()[2],
            ],
            "commit_to_screen_ms": live.notice.isEmpty ? ["missing": 1] : percentiles(live.notice), "commit_to_screen_count": live.notice.count,
            "commit_to_list_ms": live.list.isEmpty ? ["missing": 1] : percentiles(live.list),
            "saves": count, "save_ms": percentiles(saves),
            "fsync_4k_ms": fsyncs.isEmpty ? ["not timed on a server": 1] : percentiles(fsyncs),
            "validate_ms": percentiles(validations),
            "save_p99_over_fsync_p99": fsyncs.isEmpty ? 0 : percentiles(saves)["p99"]! / max(percentiles(fsyncs)["p99"]!, 1e-9),
            "startup_missions": startup, "fill_seconds": fill / 1000, "startup_to_first_frame_ms": percentiles(startups),
            "startup_last_run_phases": phases, "store_bytes": (try? FileManager.default.attributesOfItem(atPath: startupPath)[.size] as? Int) ?? 0,
            "store": server.map { PostgresLocationDisplay.strip($0) } ?? "sqlite in \(folder)",
        ]
        print(String(decoding: try! JSONSerialization.data(withJSONObject: report, options: [.sortedKeys, .prettyPrinted]), as: UTF8.self))
        for path in [folder + "/bench-save.sqlite", startupPath] { StoreRun.remove(path) }
    }
}

/// One run of the store bench: its seeds, its folder, its server if any; one method per part.
struct StoreRun {
    let seeds: String
    let folder: String
    let server: String?
    let validator: MissionValidator
    let clock = ContinuousClock()

    init(seeds: String, folder: String, server: String?) {
        self.seeds = seeds
        self.folder = folder
        self.server = server
        validator = MissionValidator(network: try! SeedLoader.load(path: seeds).network)
    }

    func change(_ index: Int) -> Change { StoreBench.change(index, validator) }

    /// Milliseconds `work` took.
    func timed(_ work: () -> Void) -> Double {
        let before = clock.now
        work()
        return milliseconds(clock.now - before)
    }

    static func percentiles(_ values: [Double]) -> [String: Double] {
        let sorted = values.sorted()
        func at(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
        return ["p50": at(0.5), "p90": at(0.9), "p99": at(0.99), "max": sorted.last ?? 0]
    }

    /// A store file and its WAL and shared-memory files, removed.
    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// A fresh store: a new file, or the workspace on the server emptied.
    func openStore(_ path: String, workspace: String) -> any WorkspaceStore {
        guard let server else {
            Self.remove(path)
            return try! WorkspaceStores.open(path, for: .write, workspace: workspace)!
        }
        let store = try! WorkspaceStores.open(server, for: .write, workspace: workspace)!
        try! store.restore(WorkspaceDump(items: [], journal: [], drafts: []), replacing: true)
        return store
    }

    /// Each save's latency, and beside each a plain fsync of 4 KiB appended to a file in the same
    /// folder, so that both meet the same disk weather. Not on a server: there the peer is pgbench,
    /// which runs without it, and its flushes would fall between the server's own.
    func saveLatency(count: Int) -> (saves: [Double], fsyncs: [Double]) {
        let store = openStore(folder + "/bench-save.sqlite", workspace: "bench-save")
        let changes = (0..<count).map(change)
        let syncPath = folder + "/bench-fsync.bin"
        let descriptor = open(syncPath, O_CREAT | O_TRUNC | O_WRONLY, 0o600)
        defer {
            close(descriptor)
            try? FileManager.default.removeItem(atPath: syncPath)
        }
        let block = [UInt8](repeating: 0x47, count: 4096)
        var saves: [Double] = []
        var fsyncs: [Double] = []
        for change in changes {
            saves.append(timed { try! store.save(change, author: "bench") })
            guard server == nil else { continue }
            fsyncs.append(
                timed {
                    _ = block.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                    fsync(descriptor)
                })
        }
        return (saves, fsyncs)
    }

    /// Start-up to the first frame with `missions` recorded, five times: seeds, store, journal,
    /// overlay, catalogue and the first render, as `grappe` does them; the phases of the last run.
    func startup(
        missions: Int, path: String
    )
        -> (fill: Double, times: [Double], phases: [String: Double], shown: (seeds: Network, workspace: Workspace, catalogue: Catalogue)?)
    {
        let big = openStore(path, workspace: "bench-startup")
        let fill = timed { for index in 0..<missions { try! big.save(change(index), author: "bench") } }
        var startups: [Double] = []
        var phases: [String: Double] = [:]
        var shown: (seeds: Network, workspace: Workspace, catalogue: Catalogue)?
        for _ in 0..<5 {
            let start = clock.now
            let seedResult = try! SeedLoader.load(path: seeds)
            let seeded = clock.now
            let opened = try! WorkspaceStores.open(server ?? path, for: .write, workspace: "bench-startup")!
            let workspace = try! opened.load()
            let recordsRead = clock.now
            let journal = try! opened.journalIndex()
            let read = clock.now
            let (overlaid, _) = Overlay.apply(workspace, to: seedResult.network)
            let catalogue = Catalogue(network: overlaid, warnings: 0)
            let catalogued = clock.now
            shown = (seedResult.network, workspace, catalogue)
            var state = DashboardState(catalogue: catalogue, language: .fr, width: 160, height: 50, today: DayStamp(2026, 11, 22))
            state.store.journal = Dictionary(
                grouping: journal.flatMap { entry in entry.items.map { ($0.id, JournalLine(entry)) } },
                by: \.0
            ).mapValues { $0.map(\.1) }
            _ = Views.render(state)
            let end = clock.now
            startups.append(milliseconds(end - start))
            phases = [
                "seeds_ms": milliseconds(seeded - start), "store_records_ms": milliseconds(recordsRead - seeded),
                "store_journal_ms": milliseconds(read - recordsRead), "overlay_catalogue_ms": milliseconds(catalogued - read),
                "first_frame_ms": milliseconds(end - catalogued), "missions_in_network": Double(overlaid.records(ofKind: .mission).count),
            ]
        }
        return (fill, startups, phases, shown)
    }

    /// The catalogue once one more mission is saved, its Missions list shown: built anew, then made
    /// from the one shown (its lists and indexes built); five times each.
    func catalogueFollowing(_ shown: (seeds: Network, workspace: Workspace, catalogue: Catalogue)) -> (anew: [Double], updated: [Double]) {
        var followed = (anew: [Double](), updated: [Double]())
        for section in Section.allCases { _ = shown.catalogue.rows(section) }
        _ = shown.catalogue.lookup
        var made: [Catalogue] = []
        for round in 0..<5 {
            var workspace = shown.workspace
            let record = Record(
                id: "mission-bench-\(round)", title: "Mission suivie \(round)", parties: [Party(entity: "technomontreal", role: .leader)],
                body: .mission(Mission(status: .planned, destinations: ["lyon"])))
            workspace.records.append(StoredRecord(record: record, version: 1, updatedAt: "", updatedBy: "bench"))
            let request = CatalogueRequest(generation: 1, seeds: shown.seeds, workspace: workspace, seedWarnings: 0, location: "bench")
            followed.anew.append(
                timed {
                    made.append(request.build().catalogue)
                    _ = made.last!.rows(.missions)
                })
            followed.updated.append(
                timed {
                    made.append(
                        CatalogueRequest(
                            generation: 1, seeds: shown.seeds, workspace: workspace, seedWarnings: 0, location: "bench",
                            base: CatalogueRequest.Base(catalogue: shown.catalogue, changed: [record.id])
                        ).build().catalogue)
                    _ = made.last!.rows(.missions)
                })
        }
        return followed
    }
}

/// The server URL without its query, for the report.
enum PostgresLocationDisplay {
    static func strip(_ url: String) -> String { String(url.prefix { $0 != "?" }) }
}
