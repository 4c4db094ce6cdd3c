import GrappeAnalysis
import GrappeModel
import GrappeWords
import GrappeWorkspace

/// The mission form as a value: one line of text per field, a list of delegates with roles, the
/// field in focus, completions for it, and the errors of the last attempt to save. `draft` turns the
/// texts into a `MissionDraft`, which the validator checks and the store keeps while typing.
public struct MissionForm: Sendable, Equatable {
    /// A row of the form. Delegates are rows of their own; the last delegate row adds one.
    public enum Field: Hashable, Sendable {
        case text(MissionField)
        case delegate(Int)
    }

    /// One completion: what is inserted (an id) and what is shown.
    public struct Completion: Hashable, Sendable {
        /// What is inserted: an id.
        public var value: String
        /// What is shown: a name.
        public var label: String
    }

    /// The fields of the form's first part, in order.
    public static let textFields: [MissionField] = [.title, .status, .leader, .onBehalfOf, .origin, .destinations, .start, .end, .objectives]
    /// The fields after the delegation, in order.
    public static let laterFields: [MissionField] = [
        .toMeet, .budget, .funders, .agreements, .newAgreements, .partnersMet, .newPartners,
        .followUps, .notes, .sources,
    ]

    /// The text of each field as typed.
    public var texts: [MissionField: String]
    /// The delegation as typed.
    public var delegates: [MissionDraft.Delegate]
    /// The draft as opened, to tell whether anything changed.
    public let original: MissionDraft
    /// The row of the field the keys go to.
    public var focus = 0
    /// Where typing goes in the focused field, in characters from its start; nil is its end (where a
    /// field is entered, and where completions apply).
    public var cursor: Int?
    /// The problems the last try to save found, each at its field.
    public var issues: [FieldIssue] = []
    /// A save is on its way to the store: the form waits for the answer (keys are not taken meanwhile,
    /// so nothing typed is lost when it closes, and a second Ctrl-S cannot save twice).
    public var saving = false
    /// What the focused field's text could complete to.
    public var completions: [Completion] = []
    /// The completion selected.
    public var completionIndex = 0
    /// Whether Esc asked to drop changes and waits for an answer.
    public var confirmingDiscard = false
    /// This edit merged with a version someone else saved meanwhile, while fields both changed wait
    /// to be settled (theirs or mine, one at a time); nil when there is none.
    public var merge: DraftMerge?
    /// Who saved the version merged with.
    public var mergeAuthor = ""
    /// What a merge took from the other version, said again once the save is done.
    public var mergeNote: String?
    /// The draft's base, kept for what the form does not show (ids, titles, notes on sources…).
    private var base: MissionDraft

    /// A form on `draft`; `original` is what it started from, to tell whether anything changed.
    /// Statuses are shown, completed and read in `language`.
    public init(draft: MissionDraft, original: MissionDraft? = nil, language: Language = .en) {
        base = draft
        self.original = original ?? draft
        self.language = language
        delegates = draft.delegates
        texts = [:]
        for field in Self.textFields + Self.laterFields { texts[field] = field.text(in: draft) }
        if let status = MissionStatus(rawValue: draft.status) { texts[.status] = Words(language).status(status.rawValue) }
    }

    /// The interface's language, for statuses.
    private let language: Language
    private var words: Words { Words(language) }

    /// Whether it records a new mission (else it edits one).
    public var isNew: Bool { base.id == nil }
    /// The key its draft is kept under: `edit:` and the mission's id, or `new`.
    public var draftKey: String { base.id.map { "edit:" + $0 } ?? "new" }
    /// The mission edited.
    public var missionID: ID? { base.id }
    /// The store version the edit started from.
    public var baseVersion: Int { base.baseVersion }
    /// Whether anything changed since it was opened.
    public var isDirty: Bool { draft != original }

    /// The form's rows: its fields, then a row per delegate and one to add another.
    public var fields: [Field] {
        Self.textFields.map(Field.text) + (0...delegates.count).map(Field.delegate) + Self.laterFields.map(Field.text)
    }

    /// The row the keys go to.
    public var focused: Field { fields[min(focus, fields.count - 1)] }

    /// The form's content as a draft.
    public var draft: MissionDraft {
        var draft = base
        for field in MissionField.allCases {
            let text = texts[field] ?? ""
            switch field.slot {
            // A status typed in either language is kept as its stored value.
            case .text(let path): draft[keyPath: path] = field == .status ? Words.missionStatus(text)?.rawValue ?? text.trimmingSpaces() : text
            case .list(let path):
                draft[keyPath: path] = text.split(separator: field.listSeparator).map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
            case .delegates: draft.delegates = delegates.filter { !$0.who.trimmingSpaces().isEmpty }
            }
        }
        return draft
    }

    // MARK: editing

    /// The text of the focused row (for a delegate, who it is).
    public var focusedText: String {
        get {
            switch focused {
            case .text(let field): texts[field] ?? ""
            case .delegate(let index): delegates[safe: index]?.who ?? ""
            }
        }
        set {
            switch focused {
            case .text(let field): texts[field] = newValue
            case .delegate(let index):
                if index == delegates.count {
                    guard !newValue.isEmpty else { return }
                    delegates.append(MissionDraft.Delegate(who: newValue))
                } else {
                    delegates[index].who = newValue
                }
            }
        }
    }

    /// The cursor's place in the focused text, in characters.
    public var cursorOffset: Int { min(cursor ?? Int.max, focusedText.count) }

    /// Edits the focused text as every prompt edits its line (`LineEditor`).
    mutating func edit(_ edit: LineEditor.Edit) {
        var editor = LineEditor(focusedText)
        editor.cursor = cursor
        editor.apply(edit)
        focusedText = editor.text
        cursor = editor.cursor
    }

    mutating func type(_ character: Character) {
        // A field with a fixed list of values (the status) that holds one of them whole: typing after
        // it could only make a value that does not exist ("prévueconfirmé"), so typing starts anew.
        if cursor == nil, case .words(let values)? = completionSource, values.contains(focusedText) {
            focusedText = ""
        }
        edit(.insert(String(character)))
    }

    /// Tab and Shift-Tab: the next or previous field, a list (the delegation) taken as one field:
    /// Tab from any of its rows leaves it, Shift-Tab from the field after it comes to its first row.
    /// ↓ and ↑ walk its rows one by one.
    mutating func moveField(by delta: Int) {
        let first = fields.firstIndex(of: .delegate(0))!
        let after = fields.firstIndex(of: .text(Self.laterFields[0]))!
        switch focused {
        case .delegate where delta > 0: moveFocus(by: after - focus)
        case .delegate: moveFocus(by: first - 1 - focus)
        case .text where delta < 0 && focus == after: moveFocus(by: first - focus)
        case .text: moveFocus(by: delta)
        }
    }

    /// Enter on a delegate row that names someone: on to the next row (a new one after the last),
    /// so that the next name typed is the next delegate's. False elsewhere.
    mutating func nextDelegateRow() -> Bool {
        guard case .delegate(let index) = focused, let delegate = delegates[safe: index], !delegate.who.trimmingSpaces().isEmpty else {
            return false
        }
        moveFocus(by: 1)
        return true
    }

    mutating func moveFocus(by delta: Int) {
        // An emptied delegate row leaves the list when the focus moves on.
        if case .delegate(let index) = focused, index < delegates.count, delegates[index].who.trimmingSpaces().isEmpty {
            delegates.remove(at: index)
            if delta > 0 { focus -= 1 }
        }
        focus = (focus + delta + fields.count) % fields.count
        cursor = nil
        completions = []
        completionIndex = 0
        confirmingDiscard = false
    }

    /// Cycles the focused delegate's role (leader, delegate, host, partner met); leader only while
    /// the mission has none (the leader's field, or another delegate).
    mutating func cycleRole() {
        guard case .delegate(let index) = focused, delegates.indices.contains(index) else { return }
        let led =
            !(texts[.leader] ?? "").trimmingSpaces().isEmpty
            || delegates.indices.contains { $0 != index && delegates[$0].role == PartyRole.leader.rawValue }
        let roles = MissionValidator.delegateRoles.map(\.rawValue).filter { !led || $0 != PartyRole.leader.rawValue }
        let current = roles.firstIndex(of: delegates[index].role) ?? -1
        delegates[index].role = roles[(current + 1) % roles.count]
    }

    /// Cycles the focused delegate's attendance, through "not said".
    mutating func cycleAttendance() {
        guard case .delegate(let index) = focused, delegates.indices.contains(index) else { return }
        let values = [""] + Attendance.allCases.filter { $0 != .unknown }.map(\.rawValue)
        let current = values.firstIndex(of: delegates[index].attendance) ?? 0
        delegates[index].attendance = values[(current + 1) % values.count]
    }

    /// Ctrl-D on a delegate row: the delegate leaves, with its errors; the errors of the rows after
    /// it stay with their rows.
    mutating func removeDelegate() {
        guard case .delegate(let index) = focused, delegates.indices.contains(index) else { return }
        // Delegate issues count the rows that name someone (the draft leaves out empty ones).
        let filled = delegates.indices.filter { !delegates[$0].who.trimmingSpaces().isEmpty }
        let entry = filled.firstIndex(of: index)
        delegates.remove(at: index)
        guard let entry else { return }
        issues = issues.compactMap { issue in
            guard issue.field == .delegates, let at = issue.index else { return issue }
            if at == entry { return nil }
            var moved = issue
            if at > entry { moved.index = at - 1 }
            return moved
        }
    }

    // MARK: completion

    /// What the focused field takes: which kinds of entity, or a fixed list.
    var completionSource: CompletionSource? {
        switch focused {
        case .delegate: return .entities(MissionField.delegates.entityKinds)
        case .text(let field):
            switch field {
            case .status: return .words(MissionStatus.allCases.map { words.status($0.rawValue) })
            case .agreements: return .agreements
            case .sources: return .documents
            case .newAgreements, .newPartners: return nil
            default: return field.entityKinds.map { .entities($0) }
            }
        }
    }

    enum CompletionSource {
        case entities(Set<EntityKind>?)
        case words([String])
        case agreements
        case documents
    }

    /// The part of the focused text being completed: after the last comma of a list.
    var segment: (prefix: String, word: String) {
        let text = focusedText
        if case .text(let field) = focused, case .list = field.slot, field.listSeparator == ",", let comma = text.lastIndex(of: ",") {
            let after = text[text.index(after: comma)...]
            let spaces = after.prefix { $0 == " " }
            return (String(text[...comma]) + spaces, String(after.dropFirst(spaces.count)))
        }
        return ("", text)
    }

    /// Up to six completions for the segment, accent- and case-insensitive: names that start with it
    /// first, then names with a word that starts with it.
    mutating func refreshCompletions(in catalogue: Catalogue) {
        completionIndex = 0
        let word = TextFolding.fold(segment.word.trimmingSpaces())
        // Completions finish the text's end; while the cursor is inside it, none is offered.
        guard !word.isEmpty, cursor == nil, let source = completionSource else { completions = []; return }
        let network = catalogue.network
        switch source {
        case .words(let words):
            completions = words.filter { TextFolding.fold($0).hasPrefix(word) }.map { Completion(value: $0, label: $0) }
        case .entities(let kinds):
            completions = catalogue.lookup.completions(for: word, limit: 6) { item in
                guard case .entity(let id) = item, let entity = network.entity(id) else { return false }
                return kinds?.contains(entity.kind) ?? true
            }.map { Completion(value: $0.id, label: network.entity($0.id)?.name ?? $0.id) }
        case .agreements:
            completions = catalogue.lookup.completions(for: word, limit: 6) { item in
                if case .record(let id) = item { network.record(id)?.kind == .agreement } else { false }
            }.map { Completion(value: $0.id, label: network.record($0.id)?.title ?? $0.id) }
        case .documents:
            completions = network.documents.filter { $0.id.hasPrefix(word) || TextFolding.fold($0.title).hasPrefix(word) }
                .prefix(6).map { Completion(value: $0.id, label: $0.title) }
        }
        // Nothing to offer once the text is exactly the only choice.
        if completions.count == 1, completions[0].value == segment.word { completions = [] }
    }

    /// Takes the completion selected; on a delegate row, goes on to the next row (what is typed next
    /// is another delegate, never glued onto this one).
    mutating func acceptCompletion() {
        guard let choice = completions[safe: completionIndex] else { return }
        focusedText = segment.prefix + choice.value
        completions = []
        completionIndex = 0
        if case .delegate = focused { moveFocus(by: 1) }
    }

    /// Errors of the last save attempt that belong to a row.
    public func issues(for field: Field) -> [FieldIssue] {
        switch field {
        case .text(let name): issues.filter { $0.field == name }
        case .delegate(let index):
            issues.filter { issue in
                guard issue.field == .delegates else { return false }
                // Delegate issues count entries of the draft, which leaves out empty rows.
                let filled = delegates.indices.filter { !delegates[$0].who.trimmingSpaces().isEmpty }
                return issue.index.flatMap { filled[safe: $0] } == index
            }
        }
    }

    /// The same form on another base: `draft` (a merge) as edited from `original` (the version it
    /// merged with), the focus kept.
    func rebased(_ draft: MissionDraft, original: MissionDraft) -> MissionForm {
        var form = MissionForm(draft: draft, original: original, language: language)
        form.focus = min(focus, form.fields.count - 1)
        return form
    }

    /// The row that shows a field (a delegation conflict shows under its first row).
    func row(of field: MissionField) -> Int? {
        fields.firstIndex { $0 == (field == .delegates ? .delegate(0) : .text(field)) }
    }

    /// The row of the first error, to move the focus there.
    var firstIssueRow: Int? {
        fields.firstIndex { !issues(for: $0).isEmpty }
    }
}
