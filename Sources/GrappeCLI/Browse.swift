import ArgumentParser
import Foundation
import GrappeDashboard
import GrappeModel
import GrappeSeeds
import GrappeStore
import GrappeTerminal
import GrappeWorkspace

/// `grappe` and `grappe browse`: the dashboard.
struct Browse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the dashboard (the default command): browse partners, cards, neighbourhoods and paths.",
        discussion: "Needs a terminal; for a report in a pipe or a file, use 'grappe summary'. Keys: ? in the dashboard."
    )

    enum LanguageOption: String, ExpressibleByArgument, CaseIterable { case fr, en }

    @OptionGroup var seedOptions: SeedOptions

    @Option(name: .long, help: "Interface language (default: from LC_ALL, LC_MESSAGES or LANG).")
    var lang: LanguageOption?

    @Flag(name: .long, help: "Monochrome interface (also with NO_COLOR).")
    var noColor = false

    @Flag(name: .long, help: "Do not capture the mouse.")
    var noMouse = false

    @Flag(name: .long, help: "Parse the seeds even when the cache holds a snapshot of them, and write none.")
    var noCache = false

    @OptionGroup var author: AuthorOption

    func run() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            Output.error("grappe: the dashboard needs a terminal; for a report, run 'grappe summary'")
            throw ExitCode.failure
        }
        let environment = ProcessInfo.processInfo.environment
        let language = lang.flatMap { Language(rawValue: $0.rawValue) } ?? Language.fromEnvironment(environment)
        let terminal = Terminal(colors: !noColor && environment["NO_COLOR"] == nil, mouse: !noMouse)
        defer { terminal.close() }
        var size = terminal.size
        var loading = Canvas(width: size.width, height: size.height)
        loading.put(Strings(language)[.loading], x: 2, y: 1, style: .accent)
        terminal.draw(loading)

        let snapshot = noCache ? nil : SeedSnapshot.location(for: seedOptions.path)
        let first: LoadResult
        var pendingSnapshot: (@Sendable () -> Void)?
        do {
            let loaded = try SeedSnapshot.load(path: seedOptions.path, snapshot: snapshot)
            first = loaded.result
            pendingSnapshot = Self.snapshotWriter(loaded, to: snapshot)
        } catch {
            terminal.close()
            Output.error("grappe: \(error)")
            throw Exit.noInput
        }
        var workbench = DashboardStore(options: seedOptions, author: author.name)
        var seeds = first.network
        // `refresh` builds the catalogue of the seeds with the store laid over them; until then, an empty one.
        var state = DashboardState(catalogue: Catalogue(network: Network(name: seeds.name)),
                                   language: language, width: size.width, height: size.height, today: Self.today())
        state.mouse = !noMouse
        workbench.refresh(seeds: seeds, warnings: first.diagnostics.warningCount, state: &state)
        if let notice = state.storeNotice { state.message = "\(state.strings[.readOnlyStore]): \(notice)" }
        if first.hasErrors { Self.showDiagnostics(first, in: &state) }
        workbench.offerDraft(to: &state)
        var prepared: ObjectIdentifier?
        while true {
            terminal.draw(Views.render(state))
            // Once a frame is up, the lists nobody has opened yet are built while the user reads it,
            // and freshly parsed seeds are kept as a snapshot for the next start.
            if prepared != ObjectIdentifier(state.catalogue) {
                prepared = ObjectIdentifier(state.catalogue)
                state.catalogue.prepareRowsInBackground()
            }
            if let write = pendingSnapshot {
                pendingSnapshot = nil
                DispatchQueue.global(qos: .background).async(execute: write)
            }
            switch terminal.next() {
            case .timeout: continue
            case .hangup: return
            case .resize(let width, let height):
                size = (width, height)
                state.resize(width: width, height: height)
            case .key(let key):
                switch state.handle(key) {
                case .quit: return
                case .reload:
                    state.message = state.strings[.loading]
                    terminal.draw(Views.render(state))
                    guard let loaded = try? SeedSnapshot.load(path: seedOptions.path, snapshot: snapshot) else {
                        state.message = "\(state.strings[.reloadFailed]): \(seedOptions.path)"
                        continue
                    }
                    let result = loaded.result
                    pendingSnapshot = Self.snapshotWriter(loaded, to: snapshot)
                    if result.hasErrors {
                        Self.showDiagnostics(result, in: &state)
                    } else {
                        seeds = result.network
                        workbench.refresh(seeds: seeds, warnings: result.diagnostics.warningCount, state: &state)
                        state.diagnostics = []
                        if state.place.screen == .diagnostics { _ = state.run(.historyBack) }
                        state.resize(width: state.width, height: state.height)
                        state.message = state.strings[.reloaded]
                    }
                case .saveMission(let change, let key):
                    workbench.save(change, draftKey: key, seeds: seeds, state: &state)
                case .keepDraft(let key, let draft):
                    workbench.keep(draft, key: key, state: &state)
                case .forgetDraft(let key):
                    workbench.forget(key: key)
                case .undo:
                    workbench.undo(seeds: seeds, state: &state)
                case nil: break
                }
            }
        }
    }

    /// Networks smaller than this parse in well under a tenth of a second: no snapshot for them.
    static let snapshotThreshold = 20_000

    /// Writes the snapshot of seeds that were just parsed, when they are big enough to be worth it.
    static func snapshotWriter(_ loaded: (result: LoadResult, fromSnapshot: Bool, fingerprint: SeedSnapshot.Fingerprint?),
                               to location: String?) -> (@Sendable () -> Void)? {
        let network = loaded.result.network
        guard !loaded.fromSnapshot, let location, let fingerprint = loaded.fingerprint,
              network.entities.count + network.relations.count >= snapshotThreshold else { return nil }
        let result = loaded.result
        return { SeedSnapshot.save(result, fingerprint: fingerprint, to: location) }
    }

    /// Seeds with errors: the last good network stays (on the first load, what was valid), and the
    /// diagnostics open in their own screen.
    static func showDiagnostics(_ result: LoadResult, in state: inout DashboardState) {
        state.diagnostics = result.diagnostics.filter { $0.severity == .error }.map(\.description)
        state.message = state.strings[.reloadFailed]
        state.navigate(to: .diagnostics)
    }

    static func today() -> DayStamp {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return DayStamp(parts.year ?? 2000, parts.month ?? 1, parts.day ?? 1)
    }
}
