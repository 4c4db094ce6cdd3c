import GrappeModel
import GrappeTestSupport
import GrappeWords
import GrappeWorkspace
import Testing

/// What a mission's delegation and new partners may be, in either language.
@Suite struct MissionRulesTests {
    func issues(_ draft: MissionDraft, _ language: Language = .en) -> [FieldIssue] {
        switch MissionValidator(network: referenceNetwork, language: language).validate(draft) {
        case .success: []
        case .failure(let invalid): invalid.issues
        }
    }

    @Test func delegatesArePeopleAndOrganisationsGoOnBehalf() {
        var draft = lyonDraft()
        draft.delegates = [MissionDraft.Delegate(who: "picom"), MissionDraft.Delegate(who: "Amazon", role: "hôte")]
        #expect(
            issues(draft).map(\.description) == [
                "--delegate #1: 'picom' is a pole; expected person; a delegation is made of people: name it under \"On behalf of\""
            ], "a host may be an organisation")
        draft.leader = "cqic"
        #expect(issues(draft, .fr).first { $0.field == .leader }?.message.contains("attendu\u{00A0}: personne") == true)
    }

    @Test func aMissionHasOneLeader() {
        var draft = lyonDraft()
        draft.delegates = [MissionDraft.Delegate(who: "alain-dumas", role: "leader")]
        #expect(issues(draft).map(\.message) == ["a mission has one leader: 'marc-demers' already is; choose another role"])
        draft.leader = ""
        #expect(issues(draft).isEmpty, "one leader among the delegates is enough")
    }

    @Test func typesAndRolesAreReadInEitherLanguage() throws {
        var draft = lyonDraft()
        draft.newPartners = ["Minalogic | pôle | lyon", "Café Lumière | entreprise", "Jeanne | Personne", "Club X | grappe"]
        draft.delegates = [MissionDraft.Delegate(who: "alain-dumas", role: "partenaire rencontré")]
        let change = try MissionValidator(network: referenceNetwork).validate(draft).get()
        #expect(change.entities.map(\.kind) == [.pole, .organisation, .person, .cluster])
        #expect(change.entities[1].organisationType == .company)
        #expect(change.records[0].parties.last?.role == .partnerMet)
        draft.newPartners = ["Ville | ville"]
        #expect(
            issues(draft, .fr).map(\.message) == [
                "type inconnu «\u{00A0}ville\u{00A0}»\u{00A0}; un type d'organisation (entreprise, association…), personne, grappe ou pôle"
            ])
    }
}
