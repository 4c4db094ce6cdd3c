import GrappeModel
import GrappeTestSupport
import GrappeWorkspace
import Testing

/// The rules two people editing at once rely on, as values: merging two edits of one mission, and
/// which change an undo or a redo takes back.
@Suite struct DraftMergeTests {
    let base = lyonDraft()

    @Test func fieldsOnlyOneSideChangedAreTakenFromThatSide() {
        var mine = base, theirs = base
        mine.title = "Mission numérique à Lyon, printemps"
        theirs.status = "confirmed"
        theirs.baseVersion = 4
        let merge = DraftMerge(base: base, mine: mine, theirs: theirs)
        #expect(merge.conflicts.isEmpty)
        #expect(merge.taken == [.status])
        #expect(merge.merged.title == "Mission numérique à Lyon, printemps" && merge.merged.status == "confirmed")
        #expect(merge.merged.baseVersion == 4, "the next save expects the other person's version")
    }

    @Test func theSameChangeOnBothSidesIsNoConflict() {
        var mine = base, theirs = base
        mine.notes = "hôtel réservé"
        theirs.notes = "hôtel réservé"
        let merge = DraftMerge(base: base, mine: mine, theirs: theirs)
        #expect(merge.conflicts.isEmpty && merge.taken.isEmpty && merge.merged.notes == "hôtel réservé")
    }

    @Test func differentChangesToOneFieldAreAConflictUntilSettled() {
        var mine = base, theirs = base
        mine.status = "completed"
        mine.destinations = ["Lyon", "Lille"]
        theirs.status = "confirmed"
        theirs.delegates = [MissionDraft.Delegate(who: "alain-dumas")]
        var merge = DraftMerge(base: base, mine: mine, theirs: theirs)
        #expect(merge.conflicts.map(\.field) == [.status])
        #expect(merge.taken == [.delegates])
        #expect(merge.merged.status == "completed", "one's own value until settled")
        #expect(merge.merged.destinations == ["Lyon", "Lille"] && merge.merged.delegates == theirs.delegates)
        merge.settle(.status, theirs: true)
        #expect(merge.conflicts.isEmpty && merge.merged.status == "confirmed")
        var keep = DraftMerge(base: base, mine: mine, theirs: theirs)
        keep.settle(.status, theirs: false)
        #expect(keep.conflicts.isEmpty && keep.merged.status == "completed")
    }
}

/// Text no store keeps the same way is refused before any store sees it, in either language.
@Suite struct NulTextTests {
    @Test func aNulCharacterIsRefusedAtItsFieldAndEntry() {
        var draft = lyonDraft(title: "Mission\u{0}cachée")
        draft.objectives = ["rencontrer", "visiter\u{0}"]
        guard case .failure(let invalid) = MissionValidator(network: referenceNetwork).validate(draft) else {
            Issue.record("a NUL was accepted")
            return
        }
        #expect(invalid.issues.contains { $0.field == .title && $0.index == nil && $0.message.contains("NUL") })
        #expect(invalid.issues.contains { $0.field == .objectives && $0.index == 1 }, "\(invalid.issues)")
        guard case .failure(let french) = MissionValidator(network: referenceNetwork, language: .fr).validate(draft) else { return }
        #expect(french.issues.first { $0.field == .title }?.message.contains("caractère NUL") == true)
    }
}

@Suite struct UndoRulesTests {
    func entry(_ sequence: Int, _ author: String, _ action: Change.Action = .add, undoes: Int? = nil) -> JournalEntry {
        JournalEntry(sequence: sequence, at: "2026-12-06T10:00:00.000Z", author: author, action: action, summary: "", undoes: undoes, items: [])
    }

    @Test func undoTakesBackOnesOwnNewestChangeInEffect() {
        let journal = [entry(1, "ana"), entry(2, "léo"), entry(3, "ana", .edit), entry(4, "ana", .undo, undoes: 3)]
        #expect(UndoRules.target(journal, .undo, scope: .mine("ana"))?.sequence == 1, "3 is undone already")
        #expect(UndoRules.target(journal, .undo, scope: .mine("léo"))?.sequence == 2)
        #expect(UndoRules.target(journal, .undo, scope: .anyone)?.sequence == 2)
        #expect(UndoRules.target(journal, .undo, scope: .mine("zoé")) == nil)
    }

    @Test func redoTakesBackAnUndoUntilANewChange() {
        var journal = [entry(1, "ana"), entry(2, "ana", .undo, undoes: 1)]
        #expect(UndoRules.target(journal, .redo, scope: .mine("ana"))?.sequence == 2)
        #expect(UndoRules.target(journal, .redo, scope: .mine("léo")) == nil)
        // The redo (an undo of the undo) is a change in effect: undo takes it back, redo has nothing.
        journal.append(entry(3, "ana", .undo, undoes: 2))
        #expect(UndoRules.target(journal, .redo, scope: .mine("ana")) == nil)
        #expect(UndoRules.target(journal, .undo, scope: .mine("ana"))?.sequence == 3)
        #expect(UndoRules.origin(of: journal[2], in: journal).sequence == 1)
        #expect(UndoRules.isRedo(of: journal[1], in: journal) && !UndoRules.isRedo(of: journal[2], in: journal))
        // A new change of one's own ends what can be redone; someone else's does not.
        journal += [entry(4, "ana", .undo, undoes: 3), entry(5, "léo")]
        #expect(UndoRules.target(journal, .redo, scope: .mine("ana"))?.sequence == 4)
        journal.append(entry(6, "ana", .edit))
        #expect(UndoRules.target(journal, .redo, scope: .mine("ana")) == nil)
    }

    @Test func whatMayBeTakenBackFollowsTheJournal() {
        let journal = [entry(1, "ana"), entry(2, "léo", .undo, undoes: 1)]
        #expect(!UndoRules.canTakeBack(journal[0], in: journal, .undo), "undone by léo meanwhile")
        #expect(UndoRules.canTakeBack(journal[1], in: journal, .redo))
        #expect(!UndoRules.canTakeBack(journal[1], in: journal, .undo))
    }
}
