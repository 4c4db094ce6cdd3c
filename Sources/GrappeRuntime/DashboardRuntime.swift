import Dispatch
import Foundation
import GrappeDashboard
import GrappeModel
import GrappeWords
import GrappeSeeds
import GrappeWorkspace

/// The dashboard's event loop and effect runner: terminal events become messages for the pure core
/// (`DashboardState.update`), the effects it returns are carried out against the store and the seeds,
/// and their results come back as messages. Talks only to a `TerminalIO`, a `WorkspaceStore`, a
/// `SeedSource` and a clock, so a whole session runs in tests on a fake terminal.
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
    /// listening team store and one small query on SQLite.
    static let liveInterval: Int32 = 250
    /// While background work is under way, how often the loop looks for its result (milliseconds).
    static let busyInterval: Int32 = 8
    /// Results of background work, for the loop to take between keys.
    private let inbox = Inbox()

    let terminal: any TerminalIO
    private(set) var store: (any WorkspaceStore)?
    private(set) var storeNotice: Wording?
    /// Opens the store again when it could not be reached at start (a server down); nil: no retry.
    let reopen: (() throws -> (any WorkspaceStore)?)?
    /// Seconds between attempts to reopen.
    let retryEvery: TimeInterval
    /// The newest journal entry this dashboard has shown, and the entries it saved itself.
    private var knownHead = 0
    private var ownEntries = Set<Int>()
    let seeds: any SeedSource
    let language: Language
    let mouse: Bool
    let author: String
    let today: () -> DayStamp
    /// Runs background work (section lists, snapshots); tests may run it at once.
    let background: (@escaping @Sendable () -> Void) -> Void
    /// Where the form's drafts are kept: given (files on this machine, for a team store), else the
    /// store's own drafts.
    let localDrafts: (any DraftKeeping)?
    private var draftKeeper: (any DraftKeeping)? { localDrafts ?? store }
    /// Opens a web address in the system's browser; nil when done, else why not.
    let openLink: (String) -> LinkProblem?

    /// `store` is nil when there is none to use (`--no-store`, or it could not be opened); `storeNotice`
    /// then says why, as it does for a store that opened read-only.
    /// `reopen`, when given, is tried every few seconds while there is no store (its server was down).
    public init(terminal: any TerminalIO, store: (any WorkspaceStore)?, storeNotice: Wording?, seeds: any SeedSource,
                language: Language, mouse: Bool, author: String, today: @escaping () -> DayStamp,
                reopen: (() throws -> (any WorkspaceStore)?)? = nil, retryEvery: TimeInterval = 5,
                background: @escaping (@escaping @Sendable () -> Void) -> Void = { DispatchQueue.global(qos: .background).async(execute: $0) },
                openLink: @escaping (String) -> LinkProblem? = SystemBrowser.open, drafts: (any DraftKeeping)? = nil) {
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
        self.background = background
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
        var state = DashboardState(catalogue: Catalogue(network: Network(name: first.network.name)), language: language,
                                   width: size.width, height: size.height, today: today())
        state.mouse = mouse
        // The store first, so that the catalogue is built once, when the seeds arrive.
        // The first catalogue is built here, before the first frame (there is nothing to show before it).
        for message in [.storeState(notice: storeNotice)] + readWorkspace() + [Self.seedsMessage(first, reload: false)] + offeredDraft() {
            for effect in state.update(message) {
                if case .buildCatalogue(let request) = effect { _ = state.update(.catalogueBuilt(request.build())) }
            }
        }
        return loop(&state)
    }

    private func loop(_ state: inout DashboardState) -> Outcome {
        var prepared: UInt64?
        while true {
            // What background work finished since the last frame (a map laid out).
            var results = inbox.take()
            while !results.isEmpty {
                let message = results.removeFirst()
                var messages = [message]
                // This dashboard's own change: followed through the journal like anyone's, without a
                // notice saying someone changed something.
                if case .saved(_, let entry) = message { ownEntries.insert(entry.sequence); messages = followJournal() + messages }
                if case .undone(let entry, _) = message { ownEntries.insert(entry.sequence); messages = followJournal() + messages }
                for message in messages {
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
                }
                // Work these messages started that has already answered (a plan, then its undo) is
                // taken in the same frame.
                if results.isEmpty { results = inbox.take() }
            }
            terminal.draw(Views.render(state))
            // Once a frame is up, the lists nobody has opened yet are built while the user reads it,
            // and freshly parsed seeds are kept as a snapshot for the next start.
            if prepared != state.catalogue.serial {
                prepared = state.catalogue.serial
                state.catalogue.prepareRowsInBackground()
            }
            if let write = seeds.afterFirstFrame() { background(write) }
            var queue: [Message]
            let live = store != nil || reopen != nil
            // While background work is under way, the loop looks for its result often.
            // (a result that came while the frame was drawn is taken at once).
            let timeout = inbox.isBusy ? Self.busyInterval : live ? Self.liveInterval : Self.tickInterval
            switch terminal.next(timeout: inbox.hasMessages ? 0 : timeout) {
            case .timeout where inbox.isBusy:
                // Others' changes are still looked for while background work runs (a catalogue being
                // built after the last change must not hold up the notice of the next one).
                guard live, lastLook.duration(to: .now) >= .milliseconds(Int(Self.liveInterval)) else { continue }
                queue = storeChanges()
                if queue.isEmpty { continue }
            case .timeout:
                let changes = live ? storeChanges() : []
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

    // MARK: Effects

    /// Carries out one effect; what came of it, as messages.
    func perform(_ effect: Effect) -> [Message] {
        switch effect {
        case .quit: return []
        case .reload:
            do {
                return [Self.seedsMessage(try seeds.load(), reload: true)]
            } catch {
                return [.reloadFailed(path: seeds.path)]
            }
        case .saveMission(let change, let draftKey):
            guard let store else { return [.saveFailed(.readOnly(storeNotice ?? Wording("pas de registre", "no store")))] }
            // Off the main thread: a server that stopped answering holds the save, never the keys
            // (the form says it is saving and waits for the answer).
            inbox.expect()
            nonisolated(unsafe) let keeper = draftKeeper
            background { [inbox, author] in
                do {
                    let entry = try store.save(change, author: author)
                    // Saved: a draft left behind would be offered again at the next start, so a
                    // failure to remove it is said.
                    var result: [Message] = [.saved(change.records[0].id, entry)]
                    do { try keeper?.deleteDraft(key: draftKey) } catch { result.append(.storeFailed(Self.storeError(error))) }
                    inbox.deliver(result)
                } catch {
                    inbox.deliver(.saveFailed(Self.storeError(error)))
                }
            }
            return []
        case .keepDraft(let key, let draft):
            guard let store, store.readOnlyReason == nil, let keeper = draftKeeper, let json = try? JSONEncoder().encode(draft) else { return [] }
            do {
                try keeper.saveDraft(StoredDraft(key: key, json: String(decoding: json, as: UTF8.self), updatedAt: StoreTime.now()))
                return []
            } catch {
                return [.storeFailed(Self.storeError(error))]
            }
        case .forgetDraft(let key):
            do {
                try draftKeeper?.deleteDraft(key: key)
                return []
            } catch {
                return [.storeFailed(Self.storeError(error))]
            }
        case .copy(let text, let what):
            return [.copied(what: what, done: terminal.copy(text))]
        case .openLink(let address):
            return [.linkOpened(address, problem: openLink(address))]
        case .rereadWorkspace:
            return readWorkspace()
        case .buildCatalogue(let request):
            // Off the main thread: keys are answered with the last catalogue until the new one comes.
            inbox.expect()
            background { [inbox] in inbox.deliver(.catalogueBuilt(request.build())) }
            return []
        case .layOutMap(let request):
            // Off the main thread: the loop keeps reading keys, and takes the map when it is ready.
            inbox.expect()
            background { [inbox] in inbox.deliver(.mapLaidOut(NetworkMap.layOut(request))) }
            return []
        case .planTakeBack(let direction):
            return offLoop { [author] store in
                let mine = try store.plan(direction, author: author, anyone: false)
                let theirs = mine == nil ? try store.plan(direction, author: author, anyone: true) : nil
                return .takeBackPlanned(direction, mine: mine, theirs: theirs)
            }
        case .takeBack(let plan):
            return offLoop { [author] store in .undone(try store.takeBack(plan, author: author), plan) }
        }
    }

    /// Runs an undo's store work off the event loop: its answer, or why it failed, comes back through
    /// the inbox, and keys are answered meanwhile.
    private func offLoop(_ work: @escaping @Sendable (any WorkspaceStore) throws -> Message) -> [Message] {
        guard let store else { return [.undoFailed(.readOnly(storeNotice ?? Wording("pas de registre", "no store")))] }
        inbox.expect()
        background { [inbox] in
            do {
                inbox.deliver(try work(store))
            } catch {
                inbox.deliver(.undoFailed(Self.storeError(error)))
            }
        }
        return []
    }

    /// What others did since the last look: the store's new content and who changed what. A store
    /// that could not be reached at start is tried again every `retryEvery` seconds.
    private func storeChanges() -> [Message] {
        lastLook = .now
        guard let store else {
            guard let reopen, Date().timeIntervalSince(lastReopen) >= retryEvery else { return [] }
            lastReopen = Date()
            guard let reopened = try? reopen() else { return [] }
            self.store = reopened
            storeNotice = reopened.readOnlyReason
            return [.storeState(notice: reopened.readOnlyReason)] + readWorkspace()
        }
        var messages: [Message] = []
        let health = store.health
        if health != lastHealth {
            lastHealth = health
            messages.append(.health(health))
        }
        guard let head = try? store.journalHead(), head != knownHead else { return messages }
        return messages + followJournal(head: head)
    }

    /// Entries committed since the last look, applied to what the dashboard holds (cheap: a few
    /// entries, not the whole workspace), with a notice for those others made. When they cannot be
    /// followed one by one (the journal was replaced, or too much came at once), the workspace is
    /// read again whole.
    /// `head`: the journal's newest number when the caller has just read it (else it is read here).
    private func followJournal(head known: Int? = nil) -> [Message] {
        guard let store else { return [] }
        let before = knownHead
        guard let head = known ?? (try? store.journalHead()), head > before,
              let read = try? store.history(limit: head - before + Self.followSlack) else {
            return readWorkspace()
        }
        let unseen = read.filter { $0.sequence > before }
        let others = unseen.filter { !ownEntries.contains($0.sequence) }
        let notice: [Message] = others.isEmpty ? [] : [.storeChanged(others)]
        guard let newest = unseen.first?.sequence, unseen.map(\.sequence) == Array((before + 1...newest).reversed()) else {
            return readWorkspace() + notice
        }
        knownHead = newest
        return [.journalCaughtUp(unseen.reversed())] + notice
    }

    /// Entries that may land between reading the journal's head and reading the entries after it.
    static let followSlack = 16

    private var lastReopen = Date.distantPast
    /// Whether the server answered at the last look (told to the core when it changes).
    private var lastHealth = ConnectionHealth.unknown
    /// When the store was last asked for others' changes.
    private var lastLook = ContinuousClock.now

    /// The store's content and journal, or why they cannot be read.
    private func readWorkspace() -> [Message] {
        guard let store else { return [] }
        do {
            let journal = try store.journalIndex()
            knownHead = max(knownHead, journal.last?.sequence ?? 0)
            return [.workspaceLoaded(try store.load(), journal: journal, location: store.location)]
        } catch {
            let failure = Self.storeError(error)
            return [.storeState(notice: Wording(failure.description(in: .fr), failure.description(in: .en))), .storeFailed(failure)]
        }
    }

    /// The newest unsaved draft, if a session ended before saving it; drafts that cannot be read back
    /// are named (and left where they are), and a store that cannot list its drafts says why.
    private func offeredDraft() -> [Message] {
        guard let store, store.readOnlyReason == nil, let keeper = draftKeeper else { return [] }
        do {
            let read = try keeper.readDrafts()
            var unreadable = read.unreadable
            var found: [Message] = []
            for stored in read.drafts {
                guard let draft = try? JSONDecoder().decode(MissionDraft.self, from: Data(stored.json.utf8)) else {
                    let when = StoreTime.minute(stored.updatedAt)
                    unreadable.append(Wording("le brouillon «\u{00A0}\(stored.key)\u{00A0}» du \(when) n'est pas un formulaire de mission",
                                              "the draft '\(stored.key)' of \(when) is not a mission form"))
                    continue
                }
                found = [.draftFound(draft, savedAt: StoreTime.minute(stored.updatedAt))]
                break
            }
            return found + (unreadable.isEmpty ? [] : [.draftsUnreadable(unreadable)])
        } catch {
            return [.storeFailed(Self.storeError(error))]
        }
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

/// Messages from background work to the event loop, with how many are still expected.
final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [Message] = []
    private var expected = 0

    /// One more result will come.
    func expect() { lock.withLock { expected += 1 } }

    func deliver(_ message: Message) { deliver([message]) }

    /// One result that comes as several messages, in order.
    func deliver(_ result: [Message]) {
        lock.withLock {
            messages += result
            expected = max(0, expected - 1)
        }
    }

    func take() -> [Message] {
        lock.withLock {
            defer { messages.removeAll() }
            return messages
        }
    }

    /// Results are expected or have come and are not taken yet.
    var isBusy: Bool { lock.withLock { expected > 0 || !messages.isEmpty } }
    var hasMessages: Bool { lock.withLock { !messages.isEmpty } }
}

/// The system's way of opening a web address: `$BROWSER`, else `xdg-open`, found on the PATH and
/// started without a shell (the address is one argument), its output sent nowhere.
public enum SystemBrowser {
    public static func open(_ address: String) -> LinkProblem? {
        let environment = ProcessInfo.processInfo.environment
        let candidates = [environment["BROWSER"], "xdg-open"].compactMap { $0 }.filter { !$0.isEmpty }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        let found = candidates.lazy.compactMap { name -> String? in
            if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
            return folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        }.first
        guard let found else { return .noOpener }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: found)
        process.arguments = [address]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            return nil
        } catch {
            return .failed("\(found): \(error.localizedDescription)")
        }
    }
}
