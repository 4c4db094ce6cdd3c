import GrappeModel
import GrappeWorkspace

/// Keys while the mission form is open, and what comes back from the store.
extension DashboardState {
    /// A key while the form is open: the form's commands, or typing into the focused field. Any
    /// change is kept as a draft (the effect `keepDraft`).
    mutating func handleForm(_ key: Key) -> Effect? {
        guard var form else { return nil }
        if form.saving {
            message = strings[.saving]
            return nil
        }
        message = nil
        if form.confirmingDiscard { return answerDiscard(key, form: form) }
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
            // Enter takes a suggestion; without one it stays in the field (what is typed next would
            // otherwise land in the next field) and says how to move.
            message = strings[.enterStays]
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

    /// Validates the form against the network; a valid mission goes to the store, else the errors
    /// show at their fields and the focus moves to the first.
    mutating func save() -> Effect? {
        guard var form else { return nil }
        switch MissionValidator(network: network, wording: .init(strings.language), lookup: catalogue.lookup).validate(form.draft) {
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
            message = strings[.saving]
            self.form = form
            return .saveMission(change, draftKey: form.draftKey)
        }
    }

    /// The store saved the mission: the form closes on its card.
    public mutating func missionSaved(_ id: ID, summary: String) {
        form = nil
        message = "\(strings[.saved]) — \(summary)"
        navigate(to: .card(.record(id)))
    }

    /// The store refused: a stale edit arms an overwrite; anything else is shown, and the form stays.
    public mutating func missionNotSaved(_ error: StoreError) {
        form?.saving = false
        if case .stale(_, _, let found, let by, let at) = error {
            form?.overwriteArmed = true
            form?.staleVersion = found
            message = "\(strings[.staleEdit]) (\(by), \(at))"
        } else {
            message = "\(strings[.storeFailed]): \(strings.describe(error))"
        }
    }

    /// A restored draft opens in the form, with a word saying so.
    public mutating func restore(draft: MissionDraft, savedAt: String) {
        var original = draft
        if let id = draft.id, let record = network.record(id) {
            original = MissionDraft(editing: record, version: draft.baseVersion)
        } else {
            original = MissionDraft()
        }
        form = MissionForm(draft: draft, original: original, language: strings.language)
        message = "\(strings[.draftRestored]) (\(savedAt))"
    }
}

extension MissionForm {
    /// The form's own commands that change only the form: focus, completion, delegates, editing.
    mutating func run(_ command: Command, in catalogue: Catalogue) {
        switch command {
        case .nextField: moveFocus(by: 1)
        case .previousField: moveFocus(by: -1)
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
            deleteWord()
            refreshCompletions(in: catalogue)
        case .deleteForward:
            deleteForward()
            refreshCompletions(in: catalogue)
        case .cursor(let move):
            moveCursor(move)
            refreshCompletions(in: catalogue)
        case .clearField:
            focusedText = ""
            cursor = nil
            completions = []
        default: break
        }
    }

    /// A key that is not a command: typed into the focused field (a paste as text, never as keys).
    mutating func type(_ key: Key, in catalogue: Catalogue) {
        switch key {
        case .character(let character): type(character)
        case .paste(let text): Key.typedText(ofPaste: text).forEach { type($0) }
        case .backspace: deleteBackward()
        default: return
        }
        refreshCompletions(in: catalogue)
    }
}
