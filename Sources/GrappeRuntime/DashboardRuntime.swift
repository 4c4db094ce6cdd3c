import Dispatch
import Foundation
import GrappeDashboard
import GrappeModel
import GrappeSeeds
import GrappeWords
import GrappeWorkspace

/// The dashboard's event loop: terminal events become messages for the pure core
/// (`DashboardState.update`), the effects it returns are carried out (`perform`, EffectRunner.swift),
/// and what background work found comes back through the inbox. The store is never called from the
/// loop once it runs: saves, undos, the journal's follow-up and reconnection run on the store's own
/// queue (`storeWork`), so a server that stops answering holds that work, never the keys. The rooms:
/// the loop (here), the effects (EffectRunner.swift), the journal (JournalFollower.swift), the
/// store's health and reopening (StoreWatch.swift) and the drafts left by an earlier session
/// (DraftRecovery.swift). Talks only to a `TerminalIO`, a `WorkspaceStore`, a `SeedSource` and a
/// clock, so a whole session runs in tests on a fake terminal.
public final class DashboardRuntime {
    /// How a session ended.
    public enum Outcome: Equatable, Sendable {
        case quit
        /// The terminal went away.
        case hangup
        /// There were no seeds to read at all (the terminal is closed already).
        case noSeeds(SeedLoadError)
    }

    /// How long the loop waits for input before it looks at the clock again (milliseconds).
    static let tickInterval: Int32 = 60_000
    /// With a store, how often it is asked what others saved (milliseconds): a look costs nothing on a
    /// listening team store and one small query on SQLite, and runs off the loop.
    static let liveInterval: Int32 = 250
    /// While background work is under way, how often the loop looks for its result (milliseconds).
    static let busyInterval: Int32 = 8
    /// Results of background work, for the loop to take between keys.
    let inbox = Inbox()

    let terminal: any TerminalIO
    var store: (any WorkspaceStore)?
    var storeNotice: Wording?
    /// Opens the store again when it could not be reached at start (a server down); nil: no retry.
    let reopen: (() throws -> (any WorkspaceStore)?)?
    /// Seconds between attempts to reopen.
    let retryEvery: TimeInterval
    /// What this dashboard has applied of the journal.
    let follower = JournalFollower()
    /// When the store was last looked at, its health then, and the last try to open it again.
    var lastLook = ContinuousClock.now
    var lastHealth = ConnectionHealth.unknown
    var lastReopen = Date.distantPast
    /// A try to open the store again is under way.
    var reopening = false
    /// Who else edits what, as last told to the core; what this dashboard said it edits.
    var lastEditors: [ID: [String]] = [:]
    var announcedEditing: ID?
    let seeds: any SeedSource
    let language: Language
    let mouse: Bool
    let author: String
    let today: () -> DayStamp
    /// Runs background work (catalogues, maps, snapshots).
    let background: (@escaping @Sendable () -> Void) -> Void
    /// Runs store work, one job after another (a save, then the look that follows it), off the loop.
    let storeWork: (@escaping @Sendable () -> Void) -> Void
    /// Where the form's drafts are kept: given (files on this machine, for a team store), else the
    /// store's own drafts.
    let localDrafts: (any DraftKeeping)?
    var draftKeeper: (any DraftKeeping)? { localDrafts ?? store }
    /// Opens a web address in the system's browser; nil when done, else why not.
    let openLink: (String) -> LinkProblem?

    /// `store` is nil when there is none to use (`--no-store`, or it could not be opened); `storeNotice`
    /// then says why, as it does for a store that opened read-only.
    /// `reopen`, when given, is tried every few seconds while there is no store (its server was down).
    /// `background`, when given (tests run it at once), also runs the store's work; else catalogues
    /// and maps go to the system's pool and store work to a queue of its own, one job at a time.
    public init(
        terminal: any TerminalIO, store: (any WorkspaceStore)?, storeNotice: Wording?, seeds: any SeedSource,
        language: Language, mouse: Bool, author: String, today: @escaping () -> DayStamp,
        reopen: (() throws -> (any WorkspaceStore)?)? = nil, retryEvery: TimeInterval = 5,
        background: ((@escaping @Sendable () -> Void) -> Void)? = nil,
        openLink: @escaping (String) -> LinkProblem? = SystemBrowser.open, drafts: (any DraftKeeping)? = nil
    ) {
        self.terminal = terminal
        self.store = store
        self.storeNotice = storeNotice
        self.reopen = reopen
        self.retryEvery = retryEvery
        self.seeds = seeds
        self.language = language
        self.mouse = mouse
        self.author = author
        self.today = today
        if let background {
            self.background = background
            storeWork = background
        } else {
            self.background = { DispatchQueue.global(qos: .background).async(execute: $0) }
            let queue = DispatchQueue(label: "grappe.store", qos: .userInitiated)
            storeWork = { queue.async(execute: $0) }
        }
        self.openLink = openLink
        localDrafts = drafts
    }

    /// Runs the session until the user quits or the terminal goes away.
    public func run() -> Outcome {
        let size = terminal.size
        var loading = Canvas(width: size.width, height: size.height)
        loading.put(Strings(language)[.loading], x: 2, y: 1, style: .accent)
        terminal.draw(loading)
        let first: LoadResult
        do {
            first = try seeds.load()
        } catch {
            terminal.close()
            return .noSeeds(error)
        }
        var state = DashboardState(
            catalogue: Catalogue(network: Network(name: first.network.name)), language: language,
            width: size.width, height: size.height, today: today())
        state.mouse = mouse
        // The store first, so that the catalogue is built once, when the seeds arrive; before the first
        // frame (there is nothing to show before it), the store is read here.
        var workspace: [Message] = [.storeState(notice: storeNotice)]
        if let store {
            // A store that cannot be read at start is used for nothing: it says why, as a read-only one does.
            switch JournalFollower.whole(store) {
            case .failed(let failure):
                workspace += [.storeState(notice: Wording(failure.description(in: .fr), failure.description(in: .en))), .storeFailed(failure)]
            case let fetched: workspace += follower.accept(fetched).messages
            }
        }
        for message in workspace + [Self.seedsMessage(first, reload: false)] + offeredDraft() {
            for effect in state.update(message) {
                if case .buildCatalogue(let request) = effect { _ = state.update(.catalogueBuilt(request.build())) }
            }
        }
        return loop(&state)
    }

    private func loop(_ state: inout DashboardState) -> Outcome {
        var prepared: UInt64?
        while true {
            takeResults(&state)
            announceEditing(state)
            terminal.draw(Views.render(state))
            // A list still being built shows so; the frame is drawn again as soon as it is there.
            let waiting = state.waitsForBackground
            // Once a frame is up, the lists nobody has opened yet are built while the user reads it,
            // and freshly parsed seeds are kept as a snapshot for the next start.
            if prepared != state.catalogue.serial {
                prepared = state.catalogue.serial
                state.catalogue.prepareRowsInBackground()
            }
            if let write = seeds.afterFirstFrame() { background(write) }
            var queue: [Message]
            let live = store != nil || reopen != nil
            // While background work is under way, the loop looks for its result often
            // (a result that came while the frame was drawn is taken at once).
            let timeout = inbox.isBusy || waiting ? Self.busyInterval : live ? Self.liveInterval : Self.tickInterval
            let event = terminal.next(timeout: inbox.hasMessages ? 0 : timeout)
            if case .timeout = event, waiting, !state.waitsForBackground { continue }
            switch event {
            case .timeout where inbox.isBusy:
                // Others' changes are still looked for while background work runs (a catalogue being
                // built after the last change must not hold up the notice of the next one).
                guard live, lastLook.duration(to: .now) >= .milliseconds(Int(Self.liveInterval)) else { continue }
                queue = lookAtStore()
                if queue.isEmpty { continue }
            case .timeout:
                let changes = live ? lookAtStore() : []
                // Past midnight, "upcoming" and "recent" change: the next frame shows it.
                let now = today()
                guard now != state.today || !changes.isEmpty else { continue }
                queue = changes + [.tick(today: now)]
            case .hangup: return .hangup
            case .resize(let width, let height): queue = [.resize(width: width, height: height)]
            case .key(let key): queue = [.key(key)]
            }
            while !queue.isEmpty {
                for effect in state.update(queue.removeFirst()) {
                    if effect == .quit { return .quit }
                    if effect == .reload { terminal.draw(Views.render(state)) }
                    queue += perform(effect)
                }
            }
        }
    }

    /// What background work finished since the last frame (a map laid out, a save answered), given
    /// to the core, and what that starts carried out.
    private func takeResults(_ state: inout DashboardState) {
        var results = messages(from: inbox.take())
        while !results.isEmpty {
            let message = results.removeFirst()
            var replaced: Catalogue? = state.catalogue
            for effect in state.update(message) where effect != .quit { results += perform(effect) }
            // A catalogue replaced is freed in the background: freeing a big one takes tens of
            // milliseconds, which a key would wait for.
            // (No other strong reference is bound here, so the background's release is the last.)
            if replaced !== state.catalogue {
                let last = Unmanaged.passRetained(replaced!)
                replaced = nil
                background { last.release() }
            }
            // Work these messages started that has already answered (a plan, then its undo) is
            // taken in the same frame.
            if results.isEmpty { results = messages(from: inbox.take()) }
        }
    }

    /// What the inbox brought, as messages for the core: the journal's reads go through the follower
    /// (which may ask for the whole workspace), a store opened at last replaces the missing one.
    private func messages(from deliveries: [Delivery]) -> [Message] {
        var messages: [Message] = []
        for delivery in deliveries {
            switch delivery {
            case .messages(let more): messages += more
            case .own(let sequence): follower.markOwn(sequence)
            case .followed(let fetched):
                follower.looking = false
                let (more, readWhole) = follower.accept(fetched)
                messages += more
                if readWhole { readWorkspace() }
            case .reopenFailed: reopening = false
            case .reopened(let reopened):
                reopening = false
                store = reopened
                storeNotice = reopened.readOnlyReason
                messages.append(.storeState(notice: reopened.readOnlyReason))
                readWorkspace()
            }
        }
        return messages
    }

    /// Stores throw `StoreError`; anything else is reported as a failure of the store.
    static func storeError(_ error: any Error) -> StoreError {
        error as? StoreError ?? .failed(.same("\(error)"))
    }

    /// Seeds as the core takes them: on a reload with errors the last good network stays; on the
    /// first load, what was valid is shown with the diagnostics.
    static func seedsMessage(_ result: LoadResult, reload: Bool) -> Message {
        let errors = result.diagnostics.filter { $0.severity == .error }.map { Wording($0.description(in: .fr), $0.description) }
        let keep = reload && !errors.isEmpty
        return .seedsLoaded(keep ? nil : result.network, warnings: result.diagnostics.warningCount, errors: errors, reload: reload)
    }
}
