import GrappeModel
import GrappeWorkspace

/// Keys while the mission form is open, and what comes back from the store.
extension DashboardState {
    mutating func handleForm(_ key: Key) -> Effect? {
        guard var form else { return nil }
        message = nil
        if form.confirmingDiscard {
            switch key {
            case .character("y"), .character("Y"), .character("o"), .character("O"):
                self.form = nil
                return .forgetDraft(key: form.draftKey)
            default:
                form.confirmingDiscard = false
                self.form = form
                return nil
            }
        }
        let before = form.draft
        if key == .character("?") && form.focusedText.isEmpty {
            showsHelp = true
            helpScroll = 0
            return nil
        }
        switch KeyMap.command(for: key, in: .form) {
        case .nextField?:
            form.moveFocus(by: 1)
        case .previousField?:
            form.moveFocus(by: -1)
        case .completionDown?:
            if form.completions.isEmpty { form.moveFocus(by: 1) } else { form.completionIndex = (form.completionIndex + 1) % form.completions.count }
        case .completionUp?:
            if form.completions.isEmpty {
                form.moveFocus(by: -1)
            } else {
                form.completionIndex = (form.completionIndex + form.completions.count - 1) % form.completions.count
            }
        case .acceptCompletion?:
            if form.completions.isEmpty { form.moveFocus(by: 1) } else { form.acceptCompletion() }
        case .cycleRole?: form.cycleRole()
        case .cycleAttendance?: form.cycleAttendance()
        case .removeDelegate?: form.removeDelegate()
        case .deleteWord?:
            form.deleteWord()
            form.refreshCompletions(in: catalogue)
        case .clearField?:
            form.focusedText = ""
            form.completions = []
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
        default:
            switch key {
            case .character(let character):
                form.type(character)
                form.refreshCompletions(in: catalogue)
            case .paste(let text):
                Key.typedText(ofPaste: text).forEach { form.type($0) }
                form.refreshCompletions(in: catalogue)
            case .backspace:
                form.deleteBackward()
                form.refreshCompletions(in: catalogue)
            default:
                break
            }
        }
        self.form = form
        let after = form.draft
        return after != before ? .keepDraft(key: form.draftKey, after) : nil
    }

    /// Validates the form against the network; a valid mission goes to the store, else the errors
    /// show at their fields and the focus moves to the first.
    mutating func save() -> Effect? {
        guard var form else { return nil }
        switch MissionValidator(network: network, wording: strings.language == .fr ? .french : .english).validate(form.draft) {
        case .failure(let invalid):
            form.issues = invalid.issues
            if let row = form.firstIssueRow { form.focus = row }
            form.completions = []
            message = strings[.fixErrors]
            self.form = form
            return nil
        case .success(let change):
            form.issues = []
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
        form = MissionForm(draft: draft, original: original)
        message = "\(strings[.draftRestored]) (\(savedAt))"
    }
}
