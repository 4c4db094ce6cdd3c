import GrappeModel

/// Two people's edits of one mission, merged field by field (a three-way merge, as version control
/// merges lines): a field only one of them changed from the version both started from takes that
/// change; a field both changed to the same value takes it; a field both changed differently is a
/// conflict for a person to settle, and the merge keeps their own value until then. Nothing is
/// written over in silence. Pure.
public struct DraftMerge: Sendable, Hashable {
    /// A field both changed, differently: the other person's value and one's own, as drafts hold them.
    public struct Conflict: Sendable, Hashable {
        /// The field both sides changed.
        public var field: MissionField
        /// The draft as the other person saved it.
        public var theirs: MissionDraft
        /// The draft as this person has it.
        public var mine: MissionDraft
    }

    /// The merged draft, at the other person's version (the one a save must now expect); conflicting
    /// fields hold one's own value.
    public var merged: MissionDraft
    /// Fields taken from the other person's version.
    public var taken: [MissionField]
    /// The fields both sides changed, each differently: the person settles them.
    public var conflicts: [Conflict]

    /// Merges `mine` and `theirs`, both edited from `base`.
    public init(base: MissionDraft, mine: MissionDraft, theirs: MissionDraft) {
        var merged = mine
        merged.baseVersion = theirs.baseVersion
        var taken: [MissionField] = [], conflicts: [Conflict] = []
        for field in MissionField.allCases {
            let (original, ours, other) = (field.value(in: base), field.value(in: mine), field.value(in: theirs))
            if other == original || other == ours { continue }
            if ours == original {
                field.copy(from: theirs, to: &merged)
                taken.append(field)
            } else {
                conflicts.append(Conflict(field: field, theirs: theirs, mine: mine))
            }
        }
        // What the form does not show follows the other person's version unless this edit changed it.
        if mine.summary == base.summary { merged.summary = theirs.summary }
        if mine.attributes == base.attributes { merged.attributes = theirs.attributes }
        if mine.sourceNotes == base.sourceNotes { merged.sourceNotes = theirs.sourceNotes }
        if mine.otherParties == base.otherParties { merged.otherParties = theirs.otherParties }
        self.merged = merged
        self.taken = taken
        self.conflicts = conflicts
    }

    /// Settles a conflict: `field` takes the other person's value (`theirs`) or keeps one's own.
    public mutating func settle(_ field: MissionField, theirs: Bool) {
        guard let index = conflicts.firstIndex(where: { $0.field == field }) else { return }
        if theirs { field.copy(from: conflicts[index].theirs, to: &merged) }
        conflicts.remove(at: index)
    }
}

extension MissionField {
    /// The field's value in a draft, comparable across drafts.
    public func value(in draft: MissionDraft) -> FieldValue {
        switch slot {
        case .text(let path): .text(draft[keyPath: path])
        case .list(let path): .list(draft[keyPath: path])
        case .delegates: .delegates(draft.delegates)
        }
    }

    /// The field as one line of text, as the form shows it and the command line takes it: lists
    /// joined with their separator (`a, b`, free texts `a; b`); the delegation, which has rows of its
    /// own, as `who:role:attendance` entries.
    public func text(in draft: MissionDraft) -> String {
        switch slot {
        case .text(let path): draft[keyPath: path]
        case .list(let path): draft[keyPath: path].joined(separator: "\(listSeparator) ")
        case .delegates: draft.delegates.map { [$0.who, $0.role, $0.attendance].joined(separator: ":") }.joined(separator: ", ")
        }
    }

    /// Sets the field in `target` to its value in `source` (the leader keeps the title that goes with it).
    public func copy(from source: MissionDraft, to target: inout MissionDraft) {
        switch slot {
        case .text(let path): target[keyPath: path] = source[keyPath: path]
        case .list(let path): target[keyPath: path] = source[keyPath: path]
        case .delegates: target.delegates = source.delegates
        }
        if self == .leader { target.leaderTitle = source.leaderTitle }
    }
}

/// A field's value, whatever its shape.
public enum FieldValue: Sendable, Hashable {
    case text(String)
    case list([String])
    case delegates([MissionDraft.Delegate])
}
