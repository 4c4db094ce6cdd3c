import Foundation
import GrappeAnalysis
import GrappeModel
import GrappeWords
import GrappeWorkspace

/// How each message changes the state, and what the runtime must do next.
extension DashboardState {
    /// Applies one message; returns the effects it asks the runtime for, in order.
    public mutating func update(_ message: Message) -> [Effect] {
        let effects = apply(message)
        // A screen that needs something computed before it can be drawn (a map's layout, when it is
        // opened, resized or the data changed): ask for it.
        return effects + (place.screen.type.needs(state: &self).map { [$0] } ?? [])
    }

    private mutating func apply(_ message: Message) -> [Effect] {
        switch message {
        case .key(let key): return handle(key).map { [$0] } ?? []
        case .resize(let width, let height): resize(width: width, height: height)
        case .tick(let today):
            let was = moment
            self.today = today
            // Counts are taken today: a new day may count a mission that has now begun.
            if moment != was, loaded.network != nil { return [rebuildCatalogue()] }
        case .seedsLoaded(let network, let warnings, let errors, let reload):
            return seedsLoaded(network, warnings: warnings, errors: errors, reload: reload)
        case .reloadFailed(let path): self.message = "\(strings[.reloadFailed])\(strings.colon)\(path)"
        case .workspaceLoaded(let workspace, let journal, let location):
            store.workspace = workspace
            store.journal = Self.journalLines(journal)
            store.versions = Dictionary(workspace.records.map { ($0.record.id, $0.version) }, uniquingKeysWith: { $1 })
            store.location = location
            if loaded.network != nil { return [rebuildCatalogue()] }
        case .journalCaughtUp(let entries): return journalCaughtUp(entries)
        case .storeState(let notice):
            if notice == nil, store.notice != nil { self.message = strings[.storeBack] }
            store.notice = notice
            if let notice { self.message = "\(strings[.readOnlyStore])\(strings.colon)\(notice(strings))" }
        case .storeFailed(let error): self.message = "\(strings[.storeFailed])\(strings.colon)\(strings.describe(error))"
        case .saved(let id, let entry):
            missionSaved(id, summary: "\(entry.change(title: entry.recordTitle ?? network.record(id)?.title)(strings)) (#\(entry.sequence))")
        case .saveFailed(let error): return missionNotSaved(error).map { [$0] } ?? []
        case .takeBackPlanned(let direction, let mine, let theirs): return takeBackPlanned(direction, mine: mine, theirs: theirs)
        case .undone(_, let plan):
            store.takeBack = .idle
            tookBack(plan)
        case .undoFailed(let error):
            store.takeBack = .idle
            self.message = strings.describe(error)
        case .presence(let editors): store.presence = editors
        case .health(let health): healthChanged(to: health)
        case .copied(let what, let done):
            self.message = done ? "\(strings[.copied])\(strings.colon)\(what)" : "\(strings[.cannotCopy]) — \(what)"
        case .draftFound(let draft, let savedAt): return restore(draft: draft, savedAt: savedAt).map { [$0] } ?? []
        case .draftsUnreadable(let problems):
            let what = problems.map { $0(strings) }.joined(separator: Wording("\u{00A0}; ", "; ")(strings))
            self.message = "\(strings[problems.count == 1 ? .draftUnreadable : .draftsUnreadable])\(strings.colon)\(what)"
        case .storeChanged(let entries): changedByOthers(entries)
        case .mapLaidOut(let layout): mapLaidOut(layout)
        case .catalogueBuilt(let built): catalogueBuilt(built)
        case .linkOpened(let address, let problem): linkOpened(address, problem: problem)
        }
        return []
    }

    /// Seeds loaded (at start or on `r`): a new catalogue; the diagnostics of a load that failed.
    private mutating func seedsLoaded(_ network: Network?, warnings: Int, errors: [Wording], reload: Bool) -> [Effect] {
        var effects: [Effect] = []
        if let network {
            loaded.network = network
            loaded.warnings = warnings
            effects.append(rebuildCatalogue())
        }
        if errors.isEmpty {
            loaded.diagnostics = []
            if place.screen == .diagnostics { _ = run(.historyBack) }
            clampSelection()
            if reload { self.message = strings[.reloaded] }
        } else {
            loaded.diagnostics = errors
            self.message = strings[.reloadFailed]
            navigate(to: .diagnostics)
        }
        return effects
    }

    /// The journal's new entries, applied to the workspace: a catalogue mended for the records they
    /// touch, or built anew when partners changed; the whole workspace read again when they do not
    /// apply.
    private mutating func journalCaughtUp(_ entries: [JournalEntry]) -> [Effect] {
        guard let workspace = try? store.workspace.applying(entries) else { return [.rereadWorkspace] }
        store.workspace = workspace
        for (id, lines) in Self.journalLines(entries) { store.journal[id, default: []] += lines }
        for entry in entries {
            for item in entry.items where item.kind == .record { store.versions[item.id] = item.after == nil ? nil : item.versionAfter }
        }
        guard loaded.network != nil else { return [] }
        let partnersChanged = entries.contains { $0.items.contains { $0.kind == .entity } }
        let records = Set(entries.flatMap { $0.items.filter { $0.kind == .record }.map(\.id) })
        return [partnersChanged ? rebuildCatalogue() : updateCatalogue(records: records)]
    }

    /// What an undo or redo would take back: carried out at once when it is this person's own, asked
    /// first otherwise; nothing to take back says so.
    private mutating func takeBackPlanned(_ direction: UndoRules.Direction, mine: TakeBackPlan?, theirs: TakeBackPlan?) -> [Effect] {
        guard case .planning = store.takeBack else { return [] }
        guard var plan = mine ?? theirs else {
            store.takeBack = .idle
            self.message = strings.describe(direction == .undo ? .nothingToUndo : .nothingToRedo)
            return []
        }
        plan.title = title(of: plan) ?? plan.title
        if plan.asksFirst {
            store.takeBack = .asking(plan)
            self.message = nil
            return []
        }
        store.takeBack = .running(plan)
        self.message = strings[.saving]
        return [.takeBack(plan)]
    }

    /// The server's health as its watcher last found it; a change is announced once.
    private mutating func healthChanged(to health: ConnectionHealth) {
        let was = store.health
        store.health = health
        switch (was, health) {
        case (.offline, .offline): break
        case (_, .offline): self.message = strings[.offline]
        case (.offline, .online): self.message = strings[.backOnline]
        default: break
        }
    }

    private mutating func linkOpened(_ address: String, problem: LinkProblem?) {
        switch problem {
        case nil: self.message = "\(strings[.opened])\(strings.colon)\(address)"
        case .noOpener: self.message = "\(strings[.cannotOpen])\(strings.colon)\(strings[.noOpener]) — \(address)"
        case .failed(let reason): self.message = "\(strings[.cannotOpen])\(strings.colon)\(reason) — \(address)"
        }
    }

    /// Asks for the catalogue of the seeds with the store laid over them, built off the main thread
    /// (a big network takes a second or more): the screen keeps the last one until it comes.
    mutating func rebuildCatalogue() -> Effect {
        catalogueGeneration += 1
        catalogueBehind = .more
        return .buildCatalogue(
            CatalogueRequest(
                generation: catalogueGeneration, seeds: loaded.network ?? Network(), workspace: store.workspace,
                seedWarnings: loaded.warnings, location: store.location, moment: moment))
    }

    /// Asks for the catalogue once these records changed in the store, made from the one shown (with
    /// every record changed since it) unless it must be built anew anyway.
    private mutating func updateCatalogue(records: Set<ID>) -> Effect {
        guard case .records(let behind) = catalogueBehind else { return rebuildCatalogue() }
        let changed = behind.union(records)
        catalogueBehind = .records(changed)
        catalogueGeneration += 1
        return .buildCatalogue(
            CatalogueRequest(
                generation: catalogueGeneration, seeds: loaded.network ?? Network(), workspace: store.workspace,
                seedWarnings: loaded.warnings, location: store.location,
                base: CatalogueRequest.Base(catalogue: catalogue, changed: changed), moment: moment))
    }

    /// A catalogue came back: kept when it is the newest asked for; the store's warnings (a recorded
    /// mission whose partner left the seeds) are shown, never dropped.
    private mutating func catalogueBuilt(_ built: BuiltCatalogue) {
        guard built.generation == catalogueGeneration else { return }
        // The newest request covered every change until now.
        catalogueBehind = .records([])
        let anchor = selectionAnchor
        catalogue = built.catalogue
        if !follow(anchor) {
            let gone = strings[.selectionGone]
            message = message.map { "\($0) · \(gone)" } ?? gone
        }
        if !built.warnings.isEmpty {
            loaded.diagnostics = built.warnings.map {
                // The location leads as compilers write it (`place: warning: …`), in both languages.
                Wording(built.location + ": " + "avertissement\u{00A0}: \($0.french)", "\(built.location): warning: \($0.description)")
            }
            message =
                strings.say(built.warnings[0].french, built.warnings[0].description)
                + (built.warnings.count > 1 ? " (+\(built.warnings.count - 1))" : "")
        }
        clampSelection()
    }

    /// An undo or a redo was recorded: what it took back, in words, with the redo it allows; a card
    /// of a mission it took out of the store is left for the list it came from.
    private mutating func tookBack(_ plan: TakeBackPlan) {
        let what = plan.what()(strings)
        message =
            "\(strings[plan.direction == .undo ? .undone : .redone])\(strings.colon)\(what)"
            + (plan.direction == .undo ? " · \(strings[.offerRedo])" : "")
        if plan.removesARecord, let id = plan.origin.items.first(where: { $0.kind == .record })?.id, place.screen == .card(.record(id)) {
            leaveGoneCard()
        }
    }

    /// Back from a card whose item is gone: to where the user came from, else to its section.
    mutating func leaveGoneCard() {
        if back.isEmpty { navigate(to: .section(.missions)) } else { goBack() }
    }

    /// What the selection is on, to find it again when the rows change: a list's row, else the link,
    /// mark or item under the cursor.
    var selectionAnchor: Lookup.Item? {
        if let section, section != .home { return visibleRows(section)[safe: place.selection]?.item }
        return selectedLink
    }

    /// Puts the selection back on `anchor` after the rows changed (a teammate's save, an undo); false
    /// when it is no longer there (the selection then stays where it was, on the nearest row). A card
    /// whose own record is gone is left.
    mutating func follow(_ anchor: Lookup.Item?) -> Bool {
        if case .card(.record(let id)) = place.screen, network.record(id) == nil {
            leaveGoneCard()
            clampSelection()
            return false
        }
        guard let anchor else { return true }
        return place.screen.type.select(anchor, state: &self)
    }

    /// A journal entry in people's words: who, what (the mission's title), when.
    func said(_ entry: JournalEntry) -> String {
        let id = entry.items.first { $0.kind == .record }?.id
        let title = id.flatMap { network.record($0)?.title } ?? entry.recordTitle ?? id ?? "#\(entry.sequence)"
        let verb: (String, String) =
            switch entry.action {
            case .add: ("a ajouté", "added")
            case .edit: ("a modifié", "edited")
            case .cancel: ("a annulé la mission", "cancelled")
            case .undo: entry.summary.hasPrefix("redo") ? ("a rétabli", "redid") : ("a annulé un changement de", "undid a change to")
            }
        let when = StoreTime.clock(entry.at)(strings)
        return strings.say(
            "\(entry.author) \(verb.0) \(strings.quoted(title)) (\(when))", "\(entry.author) \(verb.1) \(strings.quoted(title)) (\(when))")
    }

    /// A short notice says who changed what; a form open on a mission someone else just saved says
    /// now which fields they changed (and which of them this edit changed too), not at ^S.
    private mutating func changedByOthers(_ entries: [JournalEntry]) {
        guard let newest = entries.first else { return }
        message = said(newest) + (entries.count > 1 ? " (+\(entries.count - 1))" : "")
        // A form whose save was reported lost (the server did not answer) while the server had it:
        // the mission is there as the form holds it, so the form closes and says so.
        let arrived = entries.flatMap { $0.items.compactMap(\.recordAfter) }
        if let form, !form.saving, let record = validatedRecord(form.draft), let stored = storedAlready(record, new: form.isNew, in: arrived) {
            self.form = nil
            message = "\(strings[.savedAfterAll])\(strings.colon)\(strings.quoted(stored.title))"
            return
        }
        guard let form, let id = form.missionID,
            let (entry, item) = entries.lazy.compactMap({ entry in entry.items.first { $0.kind == .record && $0.id == id }.map { (entry, $0) } })
                .first,
            item.versionAfter != form.baseVersion
        else { return }
        let when = StoreTime.clock(entry.at)(strings)
        guard let record = item.recordAfter else {
            message = strings.say(
                "\(entry.author) a retiré cette mission du registre (\(when))", "\(entry.author) took this mission out of the store (\(when))")
            return
        }
        let theirs = MissionDraft(editing: record, version: item.versionAfter)
        let changed = MissionField.allCases.filter { $0.value(in: form.original) != $0.value(in: theirs) }
        let both = changed.filter { $0.value(in: form.draft) != $0.value(in: form.original) && $0.value(in: form.draft) != $0.value(in: theirs) }
        let names = changed.map(strings.field).joined(separator: ", ")
        message =
            strings.say("\(entry.author) a modifié \(names) (\(when))", "\(entry.author) changed \(names) (\(when))")
            + strings.say("\u{00A0}; ", "; ") + strings[.changedFields]
            + (both.isEmpty
                ? ""
                : strings.say(" — en conflit\(strings.colon)", " — in conflict\(strings.colon)") + both.map(strings.field).joined(separator: ", "))
    }

    /// One line per journal entry, under each item it touched, oldest first.
    static func journalLines(_ entries: [JournalEntry]) -> [ID: [JournalLine]] {
        var lines: [ID: [JournalLine]] = [:]
        for entry in entries {
            let line = JournalLine(entry)
            for item in entry.items { lines[item.id, default: []].append(line) }
        }
        return lines
    }
}

/// What a catalogue is built from: the seeds, the store's workspace laid over them, and which request
/// it answers (only the newest is kept).
public struct CatalogueRequest: Sendable, Equatable {
    /// A catalogue to make the new one from, and the records changed since it was made.
    public struct Base: Sendable {
        /// The catalogue shown, which the new one is made from.
        public let catalogue: Catalogue
        /// The records changed since it was made.
        public let changed: Set<ID>

        /// A base of `catalogue`, with the records `changed` since.
        public init(catalogue: Catalogue, changed: Set<ID>) {
            self.catalogue = catalogue
            self.changed = changed
        }
    }

    /// The request's number: only the answer to the newest is kept.
    public let generation: Int
    /// The network as the seeds give it.
    public let seeds: Network
    /// What the store holds, laid over the seeds.
    public let workspace: Workspace
    /// How many warnings the seeds had.
    public let seedWarnings: Int
    /// The store's location, for its warnings.
    public let location: String
    /// The catalogue to make the new one from; nil builds it anew.
    public var base: Base?
    /// The day its counts are taken at.
    public let moment: Moment?

    /// A request for the catalogue of `seeds` with `workspace` over them, counted at `moment`.
    public init(
        generation: Int, seeds: Network, workspace: Workspace, seedWarnings: Int, location: String, base: Base? = nil,
        moment: Moment? = nil
    ) {
        self.generation = generation
        self.moment = moment
        self.seeds = seeds
        self.workspace = workspace
        self.seedWarnings = seedWarnings
        self.location = location
        self.base = base
    }

    /// Two requests are the same when they have the same number.
    public static func == (a: CatalogueRequest, b: CatalogueRequest) -> Bool { a.generation == b.generation }

    /// Makes it: from the base catalogue for the records changed since it, else by laying the
    /// workspace over the seeds and building the catalogue. Pure, and heavy on a big network; the
    /// runtime calls it off the main thread.
    public func build() -> BuiltCatalogue {
        if let base, base.catalogue.moment == moment {
            let network = Overlay.update(base.catalogue.network, records: base.changed, from: workspace, seeds: seeds)
            let warnings = Overlay.warnings(of: workspace, in: network)
            if let catalogue = base.catalogue.updating(to: network, changed: base.changed, warnings: seedWarnings + warnings.count) {
                return BuiltCatalogue(generation: generation, catalogue: catalogue, warnings: warnings, location: location)
            }
        }
        let (network, warnings) = Overlay.apply(workspace, to: seeds)
        return BuiltCatalogue(
            generation: generation, catalogue: Catalogue(network: network, warnings: seedWarnings + warnings.count, at: moment),
            warnings: warnings, location: location)
    }
}

/// What changed since the catalogue on screen was asked for.
enum CatalogueBehind: Equatable {
    /// Only these records.
    case records(Set<ID>)
    /// The seeds, the whole workspace or partners.
    case more
}

/// A catalogue built for a request, with the store's warnings.
public struct BuiltCatalogue: Sendable {
    /// The number of the request it answers.
    public let generation: Int
    /// The catalogue.
    public let catalogue: Catalogue
    /// What the store holds that the seeds do not know (a missing partner).
    public let warnings: [OverlayWarning]
    /// The store's location, for those warnings.
    public let location: String
}

extension Strings {
    /// What a journal entry did, in the interface's language (`JournalEntry.summary`).
    public func summary(of line: JournalLine) -> String {
        JournalEntry.summary(
            action: line.action, records: line.records, partners: line.partners, undoes: line.undoes,
            english: line.summary, in: self)
    }
}
