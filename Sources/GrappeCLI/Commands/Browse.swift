import ArgumentParser
import Foundation
import GrappeDashboard
import GrappeModel
import GrappeRuntime
import GrappeSeeds
import GrappeStore
import GrappeTerminal
import GrappeWords
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
        let environment = ProcessInfo.processInfo.environment
        let language = lang.flatMap { Language(rawValue: $0.rawValue) } ?? Language.fromEnvironment(environment)
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            Output.error(
                "grappe: "
                    + Words(language).say(
                        "le tableau de bord a besoin d'un terminal\u{00A0}; pour un rapport, lancez «\u{00A0}grappe summary\u{00A0}»",
                        "the dashboard needs a terminal; for a report, run 'grappe summary'"))
            // A usage error, as sysexits says (64), like every other refusal of how grappe was run.
            throw Exit.usage
        }
        // What any library writes on standard error while the dashboard is up (libpq's warning about a
        // password file others may read) goes to a log, not over the screen; it is named at the end.
        let log = StandardErrorLog(environment: environment)
        defer { log?.restore(language) }
        let (store, notice, unreachable) = Self.openStore(seedOptions, author: author.requested)
        let terminal = Terminal(colors: !noColor && environment["NO_COLOR"] == nil, mouse: !noMouse)
        defer { terminal.close() }
        let seeds = SeedFolderSource(path: seedOptions.path, snapshot: noCache ? nil : SeedSnapshot.location(for: seedOptions.path))
        // A server that could not be reached is tried again while the dashboard runs.
        let reopen: (() throws -> (any WorkspaceStore)?)? =
            unreachable ? { [seedOptions, author] in try seedOptions.openStore(for: .write, author: author.requested, interactive: true) } : nil
        // A team server's form drafts stay on this machine (its URL never holds a password): a key never
        // waits for the network, and a draft survives the server being lost during a save.
        let location = seedOptions.storePath
        let drafts: (any DraftKeeping)? =
            WorkspaceStores.isServer(location)
            ? (try? seedOptions.resolvedWorkspace()).map {
                LocalDrafts(folder: LocalDrafts.folder(location: location, workspace: $0, environment: environment))
            }
            : nil
        let runtime = DashboardRuntime(
            terminal: terminal, store: store, storeNotice: notice, seeds: seeds, language: language,
            mouse: !noMouse, author: author.name, today: Self.today, reopen: reopen, drafts: drafts)
        let outcome = runtime.run()
        terminal.close()
        log?.restore(language)
        if case .noSeeds(let error) = outcome {
            Output.error("grappe: \(error)")
            throw Exit.noInput
        }
    }

    /// The store to record into, or why there is none: a store that cannot be written leaves the
    /// dashboard browsing read-only with a notice; a damaged one is read, never written.
    /// `unreachable`: its server could not be reached, so the dashboard tries again as it runs.
    static func openStore(_ options: SeedOptions, author: String? = nil) -> (store: (any WorkspaceStore)?, notice: Wording?, unreachable: Bool) {
        guard !options.noStore else { return (nil, Wording("--no-store", "--no-store"), false) }
        do {
            _ = try options.resolvedWorkspace()
        } catch {
            return (
                nil,
                Wording(
                    "\(error.diagnostic.description(in: .fr)) — l'identité du réseau nomme son espace de travail\u{00A0}; consultation des graines seules",
                    "\(error) — the network's identity names its workspace; browsing the seeds alone"), false
            )
        }
        do {
            let store = try options.openStore(for: .write, author: author, interactive: true)
            return (store, store?.readOnlyReason, false)
        } catch {
            let notice =
                (error as? StoreError).map {
                    Wording("\($0.reason(in: .fr)) — \(options.storeShown)", "\($0.reason(in: .en)) — \(options.storeShown)")
                }
                ?? Wording("\(error)", "\(error)")
            if case .damaged? = error as? StoreError, let readable = try? options.openStore(for: .read, interactive: true) {
                return (readable, notice, false)
            }
            if case .unavailable? = error as? StoreError { return (nil, notice, true) }
            return (nil, notice, false)
        }
    }

    static func today() -> DayStamp {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return DayStamp(parts.year ?? 2000, parts.month ?? 1, parts.day ?? 1)
    }
}

/// Standard error sent to a file while the dashboard owns the terminal, when it is that terminal:
/// `$XDG_STATE_HOME/grappe/dashboard.log`, else `~/.local/state/grappe/dashboard.log`. Put back at the
/// end, with a line naming the log when anything was written to it.
final class StandardErrorLog {
    let path: String
    private var saved: Int32

    init?(environment: [String: String]) {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        let folder = Folders.state(environment)
        guard Folders.make(folder) == nil else { return nil }
        path = folder + "/dashboard.log"
        let file = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard file >= 0 else { return nil }
        saved = dup(STDERR_FILENO)
        guard saved >= 0, dup2(file, STDERR_FILENO) >= 0 else {
            close(file)
            return nil
        }
        close(file)
    }

    /// Puts standard error back (once) and names the log if anything was written to it.
    func restore(_ language: Language) {
        guard saved >= 0 else { return }
        dup2(saved, STDERR_FILENO)
        close(saved)
        saved = -1
        var info = stat()
        if stat(path, &info) == 0, info.st_size > 0 {
            Output.error(
                "grappe: "
                    + Words(language).say(
                        "ce qui a été écrit sur la sortie d'erreur pendant le tableau de bord est dans \(path)",
                        "what was written on standard error while the dashboard ran is in \(path)"))
        }
    }
}
