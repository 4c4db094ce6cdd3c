import GrappeModel
import GrappeWords

/// One run of `MissionValidator.validate`: the draft's fields checked in order, each step adding
/// what it builds and the problems it finds. New partners come first, since other fields may name them.
final class DraftCheck {
    let validator: MissionValidator
    let draft: MissionDraft
    var network: Network { validator.network }
    private(set) var issues: [FieldIssue] = []
    /// New partners, by the id they will have: other fields may name them.
    private var extra: [ID: Entity] = [:]
    /// Ids given to new items during this check.
    private var taken = Set<ID>()

    init(validator: MissionValidator, draft: MissionDraft) {
        self.validator = validator
        self.draft = draft
    }

    private func say(_ french: String, _ english: String) -> String { validator.say(french, english) }
    private func quoted(_ text: String) -> String { validator.quoted(text) }
    private var colon: String { validator.colon }

    private func problem(_ field: MissionField, _ index: Int?, _ message: String) {
        issues.append(FieldIssue(field, index, message))
    }

    private func problem(_ field: MissionField, _ message: String) {
        issues.append(FieldIssue(field, message))
    }

    /// A NUL character in any text: no store keeps one the same way (SQLite would, PostgreSQL cannot),
    /// so both refuse it here, before anything is written, at the field and entry that holds it.
    private func checkNoNul() {
        for field in MissionField.allCases {
            let entries: [String] =
                switch field.value(in: draft) {
                case .text(let text): [text]
                case .list(let list): list
                case .delegates(let delegates): delegates.map { [$0.who, $0.role, $0.attendance, $0.title].joined() }
                }
            for (index, text) in entries.enumerated() where text.unicodeScalars.contains("\u{0}") {
                issues.append(
                    FieldIssue(
                        field, entries.count > 1 || field.slot.isList ? index : nil,
                        validator.say(
                            "contient un caractère NUL (\\0), qu'aucun registre ne garde\u{00A0}: retirez-le",
                            "holds a NUL character (\\0), which no store keeps: remove it")))
            }
        }
    }

    func run() -> Result<Change, DraftIssues> {
        let title = draft.title.trimmingSpaces()
        let status = checkStatus()
        let existing = checkExisting()
        let missionID = draft.id ?? validator.freshID(for: title, prefix: "mission-", taken: [])
        taken.insert(missionID)
        var newEntities = newPartners()
        let parties = delegation() + others()
        let origin = draft.origin.trimmingSpaces().isEmpty ? nil : one(draft.origin, .origin, nil)
        let destinations = many(draft.destinations, .destinations)
        let (start, end) = dates()
        let budget = checkBudget()
        var (outcomes, newRecords) = agreements(signedIn: destinations.first)
        outcomes += many(draft.partnersMet, .partnersMet).map { Outcome(partner: $0) }
        outcomes += newEntities.map { Outcome(partner: $0.id) }
        outcomes += draft.followUps.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }.map { Outcome(text: $0) }
        let sources = checkSources()
        checkNoNul()
        guard issues.isEmpty, let status else { return .failure(DraftIssues(issues: issues)) }

        let notes = draft.notes.trimmingSpaces()
        let mission = Mission(
            status: status, origin: origin, destinations: destinations, start: start, end: end,
            objectives: draft.objectives.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }, outcomes: outcomes,
            budget: budget, notes: notes.isEmpty ? nil : notes)
        let record = Record(
            id: missionID, title: title, summary: draft.summary, parties: parties, attributes: draft.attributes,
            sources: sources, body: .mission(mission))
        for index in newRecords.indices { newRecords[index].sources = sources }
        for index in newEntities.indices { newEntities[index].sources = sources }
        let action: Change.Action =
            existing == nil
            ? .add
            : status == .cancelled && existing?.mission?.status != .cancelled ? .cancel : .edit
        var expected: [ID: Int] = [missionID: draft.baseVersion]
        for agreement in newRecords { expected[agreement.id] = 0 }
        return .success(
            Change(
                action: action, records: [record] + newRecords, entities: newEntities, expectedVersions: expected,
                summary: "\(action.rawValue) mission \(missionID)"))
    }

    // MARK: Steps

    private func checkStatus() -> MissionStatus? {
        if draft.title.trimmingSpaces().isEmpty { problem(.title, say("une mission a besoin d'un titre", "a mission needs a title")) }
        guard let status = Words.missionStatus(draft.status) else {
            let words = validator.words
            problem(
                .status,
                say("statut inconnu \(quoted(draft.status))\u{00A0}; l'un de ", "unknown status \(quoted(draft.status)); one of ")
                    + MissionStatus.allCases.map { words.status($0.rawValue) }.joined(separator: ", "))
            return nil
        }
        return status
    }

    /// The record being edited, if the draft edits one; it must be a mission.
    private func checkExisting() -> Record? {
        guard let id = draft.id, let existing = network.record(id) else { return nil }
        if existing.kind != .mission {
            problem(.title, say("\(quoted(id)) n'est pas une mission", "\(quoted(id)) is a \(existing.kind.rawValue), not a mission"))
        }
        return existing
    }

    /// `Name | type | city` lines: entities recorded with the mission.
    private func newPartners() -> [Entity] {
        var entities: [Entity] = []
        for (index, line) in draft.newPartners.enumerated() {
            let parts = line.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
            let name = parts[0]
            guard !name.isEmpty else {
                problem(.newPartners, index, say("un nouveau partenaire a besoin d'un nom", "a new partner needs a name")); continue
            }
            let (kind, type) = partnerKind(parts.count > 1 ? parts[1] : "", index: index)
            if !validator.lookup.entities(named: name).isEmpty {
                problem(
                    .newPartners, index,
                    say(
                        "\(quoted(name)) est déjà dans le réseau\u{00A0}; indiquez-le parmi les partenaires rencontrés",
                        "\(quoted(name)) is already in the network; name it under partners met"))
                continue
            }
            let id = validator.freshID(for: name, prefix: "", taken: taken)
            taken.insert(id)
            var attributes: [String: String] = [:]
            if parts.count > 2, !parts[2].isEmpty {
                switch validator.resolve(parts[2], kinds: [.city]) {
                case .success(let city): attributes["city"] = city
                case .failure(let failure): problem(.newPartners, index, failure.message)
                }
            }
            let entity = Entity(
                id: id, kind: kind, name: name, organisationType: kind == .organisation ? type : nil,
                attributes: attributes, sources: [])
            entities.append(entity)
            extra[id] = entity
        }
        return entities
    }

    /// An organisation type, or person, cluster or pole; an organisation of type other when not given.
    private func partnerKind(_ text: String, index: Int) -> (EntityKind, OrganisationType?) {
        guard !text.isEmpty else { return (.organisation, .other) }
        // In either language: "entreprise" or "company", "pôle" or "pole".
        if let type = Words.organisationType(text) { return (.organisation, type) }
        if let kind = Words.entityKind(text), kind != .city { return (kind, kind == .organisation ? .other : nil) }
        problem(
            .newPartners, index,
            say(
                "type inconnu \(quoted(text))\u{00A0}; un type d'organisation (entreprise, association…), personne, grappe ou pôle",
                "unknown type \(quoted(text)); an organisation type (company, association…), person, cluster or pole"))
        return (.organisation, .other)
    }

    /// The leader, on whose behalf, and the delegates with their roles and attendance.
    private func delegation() -> [Party] {
        var parties: [Party] = []
        var members = Set<ID>()
        if !draft.leader.trimmingSpaces().isEmpty, let leader = one(draft.leader, .leader, nil) {
            parties.append(Party(entity: leader, role: .leader, title: draft.leaderTitle))
            members.insert(leader)
        }
        parties += many(draft.onBehalfOf, .onBehalfOf).map { Party(entity: $0, role: .onBehalfOf) }
        for (index, delegate) in draft.delegates.enumerated() where !delegate.who.trimmingSpaces().isEmpty {
            let role = delegateRole(delegate.role, index: index)
            let attendance = delegateAttendance(delegate.attendance, index: index)
            // The leader and the delegates are people; a host or a partner met may be an organisation.
            let kinds: Set<EntityKind> = role == .host || role == .partnerMet ? [.person, .organisation, .cluster, .pole] : [.person]
            guard let role, let id = one(delegate.who, .delegates, index, kinds: kinds) else { continue }
            guard members.insert(id).inserted else {
                problem(.delegates, index, say("\(quoted(id)) fait déjà partie de la délégation", "\(quoted(id)) is already in the delegation"))
                continue
            }
            // One leader: the leader's field, or one delegate marked so.
            if role == .leader, let leader = parties.first(where: { $0.role == .leader }) {
                problem(
                    .delegates, index,
                    say(
                        "une mission a un seul chef\u{00A0}: \(quoted(leader.entity)) l'est déjà\u{00A0}; choisissez un autre rôle",
                        "a mission has one leader: \(quoted(leader.entity)) already is; choose another role"))
                continue
            }
            parties.append(Party(entity: id, role: role, title: delegate.title.isEmpty ? nil : delegate.title, attendance: attendance))
        }
        if members.isEmpty, !issues.contains(where: { $0.field == .leader || $0.field == .delegates }) {
            problem(
                .leader,
                say(
                    "la délégation est vide\(colon)indiquez un chef de mission ou au moins un délégué",
                    "the delegation is empty\(colon)give a leader or at least one delegate"))
        }
        return parties
    }

    private func delegateRole(_ text: String, index: Int) -> PartyRole? {
        // In either language: "host" or "hôte", "partner met" or "partenaire rencontré".
        let role = Words.partyRole(text)
        guard let role, MissionValidator.delegateRoles.contains(role) else {
            problem(
                .delegates, index,
                say("rôle inconnu \(quoted(text))\u{00A0}; l'un de ", "unknown role \(quoted(text)); one of ")
                    + MissionValidator.delegateRoles.map(\.rawValue).joined(separator: ", "))
            return nil
        }
        return role
    }

    private func delegateAttendance(_ text: String, index: Int) -> Attendance? {
        let text = text.trimmingSpaces()
        guard !text.isEmpty else { return nil }
        guard let attendance = Attendance(rawValue: text) else {
            problem(
                .delegates, index,
                say("présence inconnue \(quoted(text))\u{00A0}; l'une de ", "unknown attendance \(quoted(text)); one of ")
                    + Attendance.allCases.map(\.rawValue).joined(separator: ", "))
            return nil
        }
        return attendance
    }

    /// Whom to meet, the funders, and parties the form does not show (kept as they were).
    private func others() -> [Party] {
        many(draft.toMeet, .toMeet).map { Party(entity: $0, role: .toMeet) }
            + many(draft.funders, .funders).map { Party(entity: $0, role: .funder) }
            + draft.otherParties
    }

    private func dates() -> (PartialDate?, PartialDate?) {
        let start = validator.date(draft.start, .start, &issues)
        let end = validator.date(draft.end, .end, &issues)
        if let start, let end, end.isCertainlyBefore(start) {
            problem(.end, say("la mission finit (\(end)) avant de commencer (\(start))", "the mission ends (\(end)) before it starts (\(start))"))
        }
        return (start, end)
    }

    private func checkBudget() -> Money? {
        guard !draft.budget.trimmingSpaces().isEmpty else { return nil }
        switch Money.parse(draft.budget) {
        case .success(let money) where money.minorUnits < 0:
            problem(.budget, say("un budget ne peut pas être négatif", "a budget cannot be negative"))
        case .success(let money): return money
        case .failure(let error): problem(.budget, validator.words.moneyProblem(error))
        }
        return nil
    }

    /// Agreements already in the network, then `Title | date | signatories` lines signed during the mission.
    private func agreements(signedIn place: ID?) -> ([Outcome], [Record]) {
        var outcomes: [Outcome] = []
        for (index, text) in draft.agreements.enumerated() where !text.trimmingSpaces().isEmpty {
            let id = text.trimmingSpaces()
            guard let record = network.record(id) else {
                let near = MissionValidator.nearest(to: id, in: network.records(ofKind: .agreement).map(\.id))
                problem(.agreements, index, say("entente inconnue \(quoted(id))", "unknown agreement \(quoted(id))") + validator.hint(near))
                continue
            }
            guard record.kind == .agreement else {
                problem(
                    .agreements, index, say("\(quoted(id)) n'est pas une entente", "\(quoted(id)) is a \(record.kind.rawValue), not an agreement")
                )
                continue
            }
            outcomes.append(Outcome(agreement: id))
        }
        var records: [Record] = []
        for (index, line) in draft.newAgreements.enumerated() where !line.trimmingSpaces().isEmpty {
            guard let record = newAgreement(line, index: index, place: place) else { continue }
            records.append(record)
            outcomes.append(Outcome(agreement: record.id))
        }
        return (outcomes, records)
    }

    private func newAgreement(_ line: String, index: Int, place: ID?) -> Record? {
        let parts = line.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
        guard !parts[0].isEmpty else {
            problem(.newAgreements, index, say("une nouvelle entente a besoin d'un titre", "a new agreement needs a title"))
            return nil
        }
        var signed: PartialDate?
        if parts.count > 1, !parts[1].isEmpty {
            switch PartialDate.parse(parts[1]) {
            case .success(let date): signed = date
            case .failure(let error): problem(.newAgreements, index, say("signée\(colon)", "signed\(colon)") + say(error.french, error.description))
            }
        }
        var signatories: [Party] = []
        for name in (parts.count > 2 ? parts[2].split(separator: ",").map(String.init) : []) where !name.trimmingSpaces().isEmpty {
            switch validator.resolve(name, kinds: MissionField.newAgreements.entityKinds, extra: extra) {
            case .success(let id): signatories.append(Party(entity: id, role: .signatory))
            case .failure(let failure): problem(.newAgreements, index, failure.message)
            }
        }
        let id = validator.freshID(for: parts[0], prefix: "", taken: taken)
        taken.insert(id)
        let agreement = Agreement(signed: signed, place: place, status: signed == nil ? .unknown : .signed)
        return Record(id: id, title: parts[0], parties: signatories, body: .agreement(agreement))
    }

    private func checkSources() -> [SourceRef] {
        var sources: [SourceRef] = []
        for (index, text) in draft.sources.enumerated() where !text.trimmingSpaces().isEmpty {
            let id = text.trimmingSpaces()
            if network.document(id) == nil {
                let near = MissionValidator.nearest(to: id, in: network.documents.map(\.id))
                problem(.sources, index, say("document inconnu \(quoted(id))", "unknown document \(quoted(id))") + validator.hint(near))
            }
            sources.append(SourceRef(document: id, note: draft.sourceNotes[id]))
        }
        return sources
    }

    // MARK: References

    /// One entity named in a field, of the kinds the field takes.
    private func one(_ text: String, _ field: MissionField, _ index: Int?, kinds: Set<EntityKind>? = nil) -> ID? {
        switch validator.resolve(text, kinds: kinds ?? field.entityKinds, extra: extra) {
        case .success(let id): return id
        case .failure(let failure):
            problem(field, index, failure.message)
            return nil
        }
    }

    private func many(_ texts: [String], _ field: MissionField) -> [ID] {
        var seen = Set<ID>()
        var result: [ID] = []
        for (index, text) in texts.enumerated() where !text.trimmingSpaces().isEmpty {
            guard let id = one(text, field, index) else { continue }
            if seen.insert(id).inserted {
                result.append(id)
            } else {
                problem(field, index, say("\(quoted(id)) figure deux fois", "\(quoted(id)) is listed twice"))
            }
        }
        return result
    }
}
