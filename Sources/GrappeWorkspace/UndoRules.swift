import Foundation
import GrappeModel
import GrappeWords

/// Which change an undo or a redo takes back, from the journal alone (pure).
///
/// Every change stays in the journal; undoing one records its inverse (`action: undo`, `undoes:` its
/// number), and redoing is undoing that undo. So each entry either moves the work forward (a change,
/// or a redo) or takes it back (an undo), and it is in effect unless an entry in effect took it back.
/// Undo takes back the newest forward entry in effect; redo takes back the newest undo in effect, as
/// long as its author has made no new change since (as in an editor, a new change ends what can be
/// redone). Both look at one author's entries (`mine`) unless asked for anyone's.
public enum UndoRules {
    /// Which way a change is taken back: an undo, or a redo (the undo of an undo).
    public enum Direction: Sendable, Hashable {
        case undo, redo
    }

    /// Whose entries count: the author's own, or anyone's.
    public enum Scope: Sendable, Hashable {
        case mine(String)
        case anyone
    }

    /// The entry that an undo (or a redo) in `scope` would take back, if any. `journal` is oldest
    /// first; the entries' items are not needed.
    public static func target(_ journal: [JournalEntry], _ direction: Direction, scope: Scope) -> JournalEntry? {
        let facts = Facts(journal)
        func counts(_ entry: JournalEntry) -> Bool {
            if case .mine(let author) = scope { return entry.author == author }
            return true
        }
        for entry in journal.reversed() where counts(entry) {
            switch direction {
            case .undo:
                if facts.forward(entry), facts.inEffect(entry) { return entry }
            case .redo:
                // A new change of one's own (not a redo) ends what can be redone.
                if entry.action != .undo { return nil }
                if !facts.forward(entry), facts.inEffect(entry) { return entry }
            }
        }
        return nil
    }

    /// Whether `entry` is one that `direction` may take back now: in effect, and of the right kind.
    public static func canTakeBack(_ entry: JournalEntry, in journal: [JournalEntry], _ direction: Direction) -> Bool {
        let facts = Facts(journal)
        return facts.inEffect(entry) && facts.forward(entry) == (direction == .undo)
    }

    /// Whether taking back `entry` redoes (it is itself an undo in effect).
    public static func isRedo(of entry: JournalEntry, in journal: [JournalEntry]) -> Bool {
        !Facts(journal).forward(entry)
    }

    /// The change an entry finally stands for: itself, or for an undo (or a redo) the change at the
    /// end of its chain.
    public static func origin(of entry: JournalEntry, in journal: [JournalEntry]) -> JournalEntry {
        let bySequence = Dictionary(journal.map { ($0.sequence, $0) }, uniquingKeysWith: { first, _ in first })
        var current = entry
        var seen: Set<Int> = [entry.sequence]
        while current.action == .undo, let target = current.undoes.flatMap({ bySequence[$0] }), seen.insert(target.sequence).inserted {
            current = target
        }
        return current
    }

    /// What the journal says of each entry.
    private struct Facts {
        /// Entries taken back by an entry in effect.
        var reverted: Set<Int> = []
        /// Entries that take work back (undos of forward entries).
        var backward: Set<Int> = []

        init(_ journal: [JournalEntry]) {
            // Oldest first: an undo's target is older than the undo.
            for entry in journal where entry.action == .undo {
                let targetBackward = entry.undoes.map { backward.contains($0) } ?? false
                if !targetBackward { backward.insert(entry.sequence) }
            }
            // Newest first: whether an entry is in effect depends only on newer ones.
            for entry in journal.reversed() where !reverted.contains(entry.sequence) {
                if let target = entry.undoes { reverted.insert(target) }
            }
        }

        func forward(_ entry: JournalEntry) -> Bool { !backward.contains(entry.sequence) }
        func inEffect(_ entry: JournalEntry) -> Bool { !reverted.contains(entry.sequence) }
    }
}

/// An undo or a redo about to be done: the entry it takes back and the change that entry stands for.
public struct TakeBackPlan: Sendable, Hashable {
    /// The entry taken back (without its items).
    public var target: JournalEntry
    /// The change it finally stands for (itself for a change; for an undo, what it undid).
    public var origin: JournalEntry
    /// Whether it undoes or redoes.
    public var direction: UndoRules.Direction
    /// Whether its author is the one asking.
    public var mine: Bool
    /// The title of the record it is about, when whoever asks knows it (for the words that say it).
    public var title: String?

    /// A plan to take back `target`; `origin` is the change the person sees it as (for a redo, the change first undone).
    public init(target: JournalEntry, origin: JournalEntry, direction: UndoRules.Direction, mine: Bool, title: String? = nil) {
        self.target = target
        self.origin = origin
        self.direction = direction
        self.mine = mine
        self.title = title
    }

    /// Whether doing it removes a record: undoing an add, or a redo that brought an add back (a redo
    /// of an undone add brings the record back instead).
    public var removesARecord: Bool { direction == .undo && origin.action == .add }

    /// Whether to ask before: someone else's change, or one that removes a record.
    public var asksFirst: Bool { !mine || removesARecord }
}

extension JournalEntry {
    /// What the entry did, named by its record's title (`title`, else the one in its states, else the
    /// id): "the addition of 'Après redémarrage'", « l'ajout de « Après redémarrage » ».
    public func change(title: String? = nil) -> Wording {
        let name = title ?? recordTitle ?? items.first { $0.kind == .record }?.id ?? "#\(sequence)"
        let (french, english): (String, String) =
            switch action {
            case .add: ("l'ajout", "the addition")
            case .edit: ("la modification", "the edit")
            case .cancel: ("l'annulation de la mission", "the cancellation")
            case .undo: ("le retour", "the undo")
            }
        return Wording("\(french) de «\u{00A0}\(name)\u{00A0}»", "\(english) of '\(name)'")
    }

    /// The title of the entry's first record, from its state after the change (before, for a
    /// removal); nil without states or records.
    public var recordTitle: String? {
        guard let item = items.first(where: { $0.kind == .record }) else { return nil }
        return (item.recordAfter ?? (item.before.flatMap(JournalEntry.Item.record)))?.title
    }
}

extension JournalEntry.Item {
    /// The record this item left behind (its state after the change), when it is a record that
    /// was not removed and its states were read.
    public var recordAfter: Record? { kind == .record ? after.flatMap(Self.record) : nil }

    /// A record from its canonical JSON.
    static func record(_ body: String) -> Record? { try? JSONDecoder().decode(Record.self, from: Data(body.utf8)) }
}

extension TakeBackPlan {
    /// What it takes back, in people's words: "the addition of 'Après redémarrage' by ana (#7, 17:40)",
    /// « l'ajout de « Après redémarrage » par vous (#7, 17:40) ». `title` is the record's title when
    /// known (else its id is shown).
    public func what(title: String? = nil) -> Wording {
        let change = origin.change(title: title ?? self.title)
        // Whose change it was: for a redo, the author of the change the undo took back.
        let yours = mine && origin.author == target.author
        let by = yours ? ("par vous", "by you") : ("par \(origin.author)", "by \(origin.author)")
        let when = StoreTime.clock(origin.at)
        return Wording(
            "\(change.french) \(by.0) (#\(origin.sequence), \(when.french))", "\(change.english) \(by.1) (#\(origin.sequence), \(when.english))")
    }

    /// The question before it: "Undo the addition of 'Après redémarrage' by ana (#7, 17:40)?"
    public func question(title: String? = nil) -> Wording {
        let what = what(title: title)
        let verb = direction == .undo ? ("Annuler", "Undo") : ("Rétablir", "Redo")
        return Wording("\(verb.0) \(what.french)\u{00A0}?", "\(verb.1) \(what.english)?")
    }
}
