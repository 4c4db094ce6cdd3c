import GrappeModel
import GrappeWords
import GrappeWorkspace

/// Keys while the mission form is open, and what comes back from the store.
extension DashboardState {
    /// A key while the form is open: the form's commands, or typing into the focused field. Any
    /// change is kept as a draft (the effect `keepDraft`).
    mutating func handleForm(_ key: Key) -> Effect? {
        guard var form else { return nil }
        if form.saving {
            // Keys are answered while the store works: Esc closes the form (the save goes on, and the
            // form comes back if it fails); typing waits, so nothing typed is lost to the save.
            if key == .escape {
                formSaving = form
                self.form = nil
                message = strings[.savingGoesOn]
            } else {
                message = "\(strings[.saving]) — \(strings[.escLeavesSaving])"
            }
            return nil
        }
        message = nil
        if form.confirmingDiscard { return answerDiscard(key, form: form) }
        if let merge = form.merge, let conflict = merge.conflicts.first { return settle(conflict, key: key, form: form, merge: merge) }
        let before = form.draft
        if key == .character("?") && form.focusedText.isEmpty {
            help.isShown = true
            help.scroll = 0
            return nil
        }
        switch KeyMap.command(for: key, in: .form) {
        case .closeForm?:
            if !form.completions.isEmpty {
                form.completions = []
            } else if form.isDirty {
                form.confirmingDiscard = true
            } else {
                self.form = nil
                return .forgetDraft(key: form.draftKey)
            }
        case .saveForm?:
            self.form = form
            return save()
        case .acceptCompletion? where form.completions.isEmpty:
            // Enter takes a suggestion; on a filled delegate row it opens the next row; elsewhere it
            // stays in the field (what is typed next would otherwise land in the next field) and says how to move.
            if !form.nextDelegateRow() { message = strings[.enterStays] }
        case let command?:
            form.run(command, in: catalogue)
        case nil:
            form.type(key, in: catalogue)
        }
        self.form = form
        let after = form.draft
        return after != before ? .keepDraft(key: form.draftKey, after) : nil
    }

    /// "Discard your changes?": yes (y, or o for oui) forgets the form and its draft; anything else goes back to it.
    private mutating func answerDiscard(_ key: Key, form: MissionForm) -> Effect? {
        switch key {
        case .character("y"), .character("Y"), .character("o"), .character("O"):
            self.form = nil
            return .forgetDraft(key: form.draftKey)
        default:
            var form = form
            form.confirmingDiscard = false
            self.form = form
            return nil
        }
    }

    /// A field both changed: 1 (or t) takes theirs, 2 (or m, v) keeps mine; once none is left the
    /// merge is saved. Esc goes back to the form as it was, nothing saved.
    private mutating func settle(_ conflict: DraftMerge.Conflict, key: Key, form: MissionForm, merge: DraftMerge) -> Effect? {
        var form = form, merge = merge
        switch key {
        case .character("1"), .character("t"), .character("T"): merge.settle(conflict.field, theirs: true)
        case .character("2"), .character("m"), .character("M"), .character("v"), .character("V"): merge.settle(conflict.field, theirs: false)
        case .escape:
            form.merge = nil
            self.form = form
            message = strings[.mergeLeft]
            return nil
        default:
            self.form = form
            return nil
        }
        guard merge.conflicts.isEmpty else {
            form.merge = merge
            if let next = merge.conflicts.first, let row = form.row(of: next.field) { form.focus = row }
            self.form = form
            return nil
        }
        let theirs = conflict.theirs
        self.form = form.rebased(merge.merged, original: theirs)
        return save()
    }

    /// Before saving an edit: when the store holds a newer version of the mission than the form
    /// started from (someone saved it meanwhile), the two are merged field by field. What only they
    /// changed is taken; fields both changed are shown side by side, to settle one by one. True when
    /// the save must wait for that.
    private mutating func mergeWithNewerVersion() -> Bool {
        guard var form, let id = form.missionID,
            let stored = store.workspace.records.first(where: { $0.record.id == id }), stored.version != form.baseVersion
        else { return false }
        let theirs = MissionDraft(editing: stored.record, version: stored.version)
        let merge = DraftMerge(base: form.original, mine: form.draft, theirs: theirs)
        let taken = merge.taken.map(strings.field).joined(separator: ", ")
        if merge.conflicts.isEmpty {
            var rebased = form.rebased(merge.merged, original: theirs)
            message = taken.isEmpty ? nil : "\(strings[.mergedTheirs]) (\(stored.updatedBy))\(strings.colon)\(taken)"
            rebased.mergeNote = message
            self.form = rebased
            return false
        }
        form.merge = merge
        form.mergeAuthor = stored.updatedBy
        if let row = form.row(of: merge.conflicts[0].field) { form.focus = row }
        form.completions = []
        self.form = form
        return true
    }

    /// The question for a field both changed, keys first so that a narrow screen keeps them: "Statut
    /// — 1 : le leur · 2 : le vôtre · Échap : revenir — le leur (léo) : « confirmée » · le vôtre :
    /// « terminée »" (both values also stand under the field).
    func conflictQuestion(_ form: MissionForm) -> String? {
        guard let merge = form.merge, let conflict = merge.conflicts.first else { return nil }
        let s = strings
        return "\(s.field(conflict.field))" + (merge.conflicts.count > 1 ? " (1/\(merge.conflicts.count))" : "") + " — \(s[.settleKeys])"
            + " — \(s[.theirs]) (\(form.mergeAuthor))\(s.colon)\(s.quoted(shown(conflict.field, in: conflict.theirs)))"
            + " · \(s[.yours])\(s.colon)\(s.quoted(shown(conflict.field, in: conflict.mine)))"
    }

    /// A field's value as the form would show it.
    func shown(_ field: MissionField, in draft: MissionDraft) -> String {
        switch field.slot {
        case .delegates: draft.delegates.map { network.entity($0.who)?.name ?? $0.who }.joined(separator: ", ")
        case .text(let path) where field == .status:
            MissionStatus(rawValue: draft[keyPath: path]).map { Words(strings.language).status($0.rawValue) } ?? draft[keyPath: path]
        default: field.text(in: draft)
        }
    }

    /// Validates the form against the network; a valid mission goes to the store, else the errors
    /// show at their fields and the focus moves to the first.
    mutating func save() -> Effect? {
        if mergeWithNewerVersion() { return nil }
        guard var form else { return nil }
        switch MissionValidator(network: network, language: strings.language, lookup: catalogue.lookup).validate(form.draft) {
        case .failure(let invalid):
            form.issues = invalid.issues
            if let row = form.firstIssueRow { form.focus = row }
            form.completions = []
            message = strings[.fixErrors]
            self.form = form
            return nil
        case .success(let change):
            form.issues = []
            form.saving = true
            message = message.map { "\($0) — \(strings[.saving])" } ?? strings[.saving]
            self.form = form
            return .saveMission(change, draftKey: form.draftKey)
        }
    }

    /// The store saved the mission: the form closes on its card.
    public mutating func missionSaved(_ id: ID, summary: String) {
        let merged = (form ?? formSaving)?.mergeNote
        let wasOpen = form != nil
        form = nil
        formSaving = nil
        message = "\(strings[.saved])\(strings.colon)\(summary)" + (merged.map { " · \($0)" } ?? "")
        // The form closes on the mission's card; a form closed while saving leaves the user where they went.
        if wasOpen { navigate(to: .card(.record(id))) }
    }

    /// The store refused: a stale edit is merged with the version that came meanwhile (once the
    /// journal is followed, which the runtime does first) and saved again, or its conflicts shown;
    /// anything else is shown, and the form stays.
    public mutating func missionNotSaved(_ error: StoreError) -> Effect? {
        // A form closed while saving comes back with what went wrong: nothing typed is lost.
        if form == nil, let closed = formSaving { form = closed }
        formSaving = nil
        form?.saving = false
        if case .stale(_, _, _, let by, let at) = error {
            if let id = form?.missionID, let stored = store.workspace.records.first(where: { $0.record.id == id }),
                stored.version != form?.baseVersion
            {
                return save()
            }
            message = "\(strings[.staleEdit]) (\(by), \(StoreTime.minute(at)))"
        } else {
            message = "\(strings[.storeFailed])\(strings.colon)\(strings.describe(error))"
        }
        return nil
    }

    /// The store's record that holds exactly what `record` would save, if there is one. A new
    /// mission's id is made from its title, and the one made now may differ (the saved one took it):
    /// the comparison leaves the id of a new record aside.
    func storedAlready(_ record: Record, new: Bool, in records: [Record]? = nil) -> Record? {
        (records ?? store.workspace.records.map(\.record)).first { stored in
            var candidate = record
            if new { candidate.id = stored.id }
            return candidate == stored
        }
    }

    /// The record a draft would save, if it is valid.
    func validatedRecord(_ draft: MissionDraft) -> Record? {
        guard
            case .success(let change) = MissionValidator(network: network, language: strings.language, lookup: catalogue.lookup)
                .validate(draft)
        else { return nil }
        return change.records.first
    }

    /// A restored draft opens in the form, with a word saying so; a draft whose mission the store
    /// already holds as the draft has it (its save went through after all, as a frozen server that
    /// resumed does) is forgotten instead, and said.
    public mutating func restore(draft: MissionDraft, savedAt: String) -> Effect? {
        if let record = validatedRecord(draft), let stored = storedAlready(record, new: draft.id == nil) {
            message = "\(strings[.draftAlreadySaved])\(strings.colon)\(strings.quoted(stored.title)) (\(savedAt))"
            return .forgetDraft(key: draft.id.map { "edit:" + $0 } ?? "new")
        }
        var original = draft
        if let id = draft.id, let record = network.record(id) {
            original = MissionDraft(editing: record, version: draft.baseVersion)
        } else {
            original = MissionDraft()
        }
        form = MissionForm(draft: draft, original: original, language: strings.language)
        message = "\(strings[.draftRestored]) (\(savedAt))"
        return nil
    }
}

extension MissionForm {
    /// The form's own commands that change only the form: focus, completion, delegates, editing.
    mutating func run(_ command: Command, in catalogue: Catalogue) {
        switch command {
        case .nextField: moveField(by: 1)
        case .previousField: moveField(by: -1)
        case .completionDown:
            if completions.isEmpty { moveFocus(by: 1) } else { completionIndex = (completionIndex + 1) % completions.count }
        case .completionUp:
            if completions.isEmpty { moveFocus(by: -1) } else { completionIndex = (completionIndex + completions.count - 1) % completions.count }
        case .acceptCompletion:
            if !completions.isEmpty { acceptCompletion() }
        case .cycleRole: cycleRole()
        case .cycleAttendance: cycleAttendance()
        case .removeDelegate: removeDelegate()
        case .deleteWord:
            edit(.deleteWord)
            refreshCompletions(in: catalogue)
        case .deleteForward:
            edit(.deleteForward)
            refreshCompletions(in: catalogue)
        case .cursor(let move):
            edit(.move(move))
            refreshCompletions(in: catalogue)
        case .clearField:
            edit(.deleteToStart)
            refreshCompletions(in: catalogue)
        default: break
        }
    }

    /// A key that is not a command: typed into the focused field (a paste as text, never as keys).
    mutating func type(_ key: Key, in catalogue: Catalogue) {
        switch key {
        case .character(let character): type(character)
        case .paste(let text): for character in Key.typedText(ofPaste: text) { type(character) }
        case .backspace: edit(.deleteBackward)
        default: return
        }
        refreshCompletions(in: catalogue)
    }
}
