import ArgumentParser
import Foundation
import GrappeAnalysis
import GrappeModel
import GrappeSeeds
import GrappeStore
import GrappeWorkspace

/// `--seeds DIR`, shared by every command that reads the network.
struct SeedOptions: ParsableArguments {
    @Option(
        name: .long, help: ArgumentHelp("Seed directory or file (default: $GRAPPE_SEEDS, else ./seeds).", valueName: "dir"),
        completion: .directory)
    var seeds: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The workspace store of recorded missions (default: $GRAPPE_STORE, else $XDG_DATA_HOME/grappe/workspace.sqlite).", valueName: "path"))
    var store: String?

    @Flag(name: .customLong("no-store"), help: "The seeds alone, without what the workspace store recorded.")
    var noStore = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The workspace in the store: one per network (default: $GRAPPE_WORKSPACE, else the id in the seeds' network.yaml, else the seed folder's name).",
            valueName: "name"))
    var workspace: String?

    var storePath: String { StoreLocation.resolve(option: store, environment: ProcessInfo.processInfo.environment) }
    /// The store's location as messages show it, without a password.
    var storeShown: String { WorkspaceStores.shown(storePath) }

    /// The workspace the seeds' records live in: `--workspace`, `GRAPPE_WORKSPACE`, else the network's
    /// identity (see `NetworkIdentity`). A broken network.yaml is an error, never a guess.
    func resolvedWorkspace() throws(NetworkIdentity.Problem) -> String {
        if let workspace, !workspace.isEmpty { return workspace }
        if let named = ProcessInfo.processInfo.environment["GRAPPE_WORKSPACE"], !named.isEmpty { return named }
        return try NetworkIdentity.of(seedsPath: path).id
    }

    /// The same, or exit 65 with where the declaration is wrong.
    var workspaceName: String {
        get throws {
            do {
                return try resolvedWorkspace()
            } catch {
                let words = Messages.words
                Output.error("grappe: \(error.diagnostic.description(in: words.language))")
                Output.error(
                    "grappe: "
                        + words.say(
                            "l'identité du réseau nomme son espace de travail dans le registre\u{00A0}; corrigez network.yaml ou nommez-en un avec --workspace",
                            "the network's identity names its workspace in the store; correct network.yaml, or name one with --workspace"))
                throw Exit.dataError
            }
        }
    }

    /// The store at `--store`, in the seeds' workspace, or nil when there is none and `access` creates none.
    func openStore(for access: StoreAccess, author: String? = nil, interactive: Bool = false) throws -> (any WorkspaceStore)? {
        try WorkspaceStores.open(storePath, for: access, workspace: try workspaceName, author: author, interactive: interactive)
    }

    var path: String {
        if let seeds { return seeds }
        if let fromEnvironment = ProcessInfo.processInfo.environment["GRAPPE_SEEDS"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return "seeds"
    }

    /// Loads the seeds and lays the workspace store over them (see `Overlay`), or exits 66 when there is
    /// nothing at the seeds' path. A store that cannot be read is an error (see `Workbench.fail`):
    /// the network without its recorded missions would mislead; `--no-store` reads the seeds alone.
    func load(timings: Bool = false) throws -> LoadResult {
        try loadWithStore(timings: timings).result
    }

    /// The same, with the store it read (nil when there is none or it cannot be read) and what it held.
    func loadWithStore(
        timings: Bool = false, progress: (@Sendable (Double) -> Void)? = nil
    ) throws -> (result: LoadResult, store: (any WorkspaceStore)?, workspace: Workspace) {
        let loaded = try loadOverlaid(timings: timings, printingStoreWarnings: true, progress: progress)
        return (loaded.result, loaded.store, loaded.workspace)
    }

    /// The same, with how many warnings the store gave (what it holds that the seeds no longer
    /// know), printed only when `printingStoreWarnings` (`check --no-warnings` counts them, silently).
    func loadOverlaid(
        timings: Bool, printingStoreWarnings: Bool, progress: (@Sendable (Double) -> Void)? = nil
    ) throws
        -> (result: LoadResult, store: (any WorkspaceStore)?, workspace: Workspace, storeWarnings: Int)
    {
        var result = try loadSeeds(timings: timings, progress: progress)
        guard !noStore else { return (result, nil, .empty, 0) }
        do {
            guard let store = try openStore(for: .read) else { return (result, nil, .empty, 0) }
            let workspace = try store.load()
            let (network, warnings) = Overlay.apply(workspace, to: result.network)
            result.network = network
            if printingStoreWarnings { for warning in warnings { Output.error(Messages.storeWarning(storeShown, warning)) } }
            return (result, store, workspace, warnings.count)
        } catch let error as StoreError {
            let code = Workbench.fail(error, reading: true)
            Output.error(
                "grappe: "
                    + Messages.words.say(
                        "--no-store lit les graines sans les missions enregistrées", "--no-store reads the seeds without the recorded missions"))
            throw code
        }
    }

    /// The seeds alone; `progress` hears the share loaded.
    func loadSeeds(timings: Bool = false, progress: (@Sendable (Double) -> Void)? = nil) throws -> LoadResult {
        do {
            let clock = ContinuousClock()
            let started = clock.now
            var report: ((String, Duration) -> Void)? =
                timings ? { phase, duration in Output.error("\(Output.milliseconds(duration)) \(phase)") } : nil
            if let profile = Profile.active { report = { phase, duration in profile.record("load: " + phase, duration) } }
            let result = try SeedLoader.load(path: path, timing: report, progress: progress)
            if timings { Output.error("\(Output.milliseconds(clock.now - started)) total") }
            return result
        } catch {
            Output.error("grappe: " + Messages.words.say(error.french, error.description))
            throw Exit.noInput
        }
    }
}

/// How metrics are computed: exact up to a size, sampled above; for the commands that compute them.
struct SamplingOptions: ParsableArguments {
    @Option(name: .long, help: "Up to this many nodes betweenness and closeness are exact; above, sampled.")
    var exactLimit = 10_000

    @Option(name: .long, help: "Pivots for sampled betweenness and closeness.")
    var pivots = 256

    @Option(name: .long, help: "Seed for sampling and community detection.")
    var seed: UInt64 = 1

    var options: NodeMetrics.Options { NodeMetrics.Options(exactLimit: exactLimit, pivots: pivots, seed: seed) }

    func validate() throws {
        guard pivots > 0 else { throw ValidationError(Messages.words.say("--pivots doit valoir au moins 1", "--pivots must be at least 1")) }
    }
}

/// The date the network is taken at, for the commands that read it as it was (`--as-of`).
struct AnalysisOptions: ParsableArguments {
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp("The network as it was at this date (EDTF: 2015, 2015-06…); summary and metrics default to today.", valueName: "date"))
    var asOf: String?

    func validate() throws {
        if let asOf {
            switch PartialDate.parse(asOf) {
            case .failure(let error):
                throw ValidationError(Messages.words.say("--as-of\(Messages.words.colon)\(error.french)", "--as-of\(Messages.words.colon)\(error)"))
            case .success(let date) where date.year == nil:
                throw ValidationError(Messages.words.say("--as-of demande une année", "--as-of needs a year"))
            case .success: break
            }
        }
    }

    /// Loads the seeds (exit 65 on errors) and applies --as-of.
    func network(from seeds: SeedOptions) throws -> Network {
        try networkWithStore(from: seeds).network
    }

    /// The date analysis takes the network at: --as-of, else today. A mission planned for next
    /// year has not happened: it must not change today's metrics.
    var analysisDate: PartialDate {
        if let asOf, case .success(let date) = PartialDate.parse(asOf) { return date }
        let today = Browse.today()
        return PartialDate(year: today.year, month: today.month, day: today.day)
    }

    /// The network for metrics and summaries: as it stands at `analysisDate`, and the whole of it
    /// (for comparisons between two dates).
    func networkForAnalysis(from seeds: SeedOptions) throws -> (atDate: Network, whole: Network) {
        let whole = try networkWithStore(from: seeds, applyingAsOf: false).network
        let date = analysisDate
        return (Profile.active?.measure("as of \(date)") { whole.asOf(date) } ?? whole.asOf(date), whole)
    }

    /// The network as it stands at `analysisDate`, alone: the whole of it is let go as soon as the
    /// copy is made (on a national register that is a gigabyte less for the rest of the run).
    func networkAtDate(from seeds: SeedOptions) throws -> Network {
        try networkForAnalysis(from: seeds).atDate
    }

    /// The same, with the store that was read and what it held, for commands that show versions or history.
    func networkWithStore(
        from seeds: SeedOptions, applyingAsOf: Bool = true
    ) throws -> (network: Network, store: (any WorkspaceStore)?, workspace: Workspace) {
        let (network, store, workspace) = try seeds.checkedNetworkWithStore()
        guard applyingAsOf, let asOf, case .success(let date) = PartialDate.parse(asOf) else { return (network, store, workspace) }
        return (network.asOf(date), store, workspace)
    }
}

extension SeedOptions {
    /// The seeds with what the store recorded laid over them; exit 65 (with the errors) when the seeds
    /// have errors.
    func checkedNetworkWithStore() throws -> (network: Network, store: (any WorkspaceStore)?, workspace: Workspace) {
        let (result, store, workspace) = try Progress.run(
            Messages.words.say("lecture de \(path)", "loading \(path)"),
            measured: { report in
                try loadWithStore(progress: report)
            })
        if result.hasErrors {
            Output.diagnostics(result.diagnostics, includeWarnings: false, toStandardError: true)
            Output.error(Messages.seedsHaveErrors)
            throw Exit.dataError
        }
        return (result.network, store, workspace)
    }
}
