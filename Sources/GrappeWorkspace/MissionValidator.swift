import GrappeModel

/// Checks a draft against the network (the seeds plus the store) and builds what a save writes: the
/// mission, agreements signed during it and new partners met. Either every field is right and a
/// `Change` comes back, or nothing is saved and every problem is listed at its field.
public struct MissionValidator: Sendable {
    public let network: Network
    public let wording: Wording
    private let names: [String: [ID]]

    /// The language of the messages: the command line speaks English, the dashboard its own language.
    public enum Wording: Sendable { case english, french }

    public init(network: Network, wording: Wording = .english) {
        self.network = network
        self.wording = wording
        var names: [String: [ID]] = [:]
        for entity in network.entities {
            names[TextFolding.fold(entity.name), default: []].append(entity.id)
            if let acronym = entity.acronym { names[TextFolding.fold(acronym), default: []].append(entity.id) }
        }
        self.names = names
    }

    static let delegateKinds: Set<EntityKind> = [.person, .organisation, .cluster, .pole]
    static let bodyKinds: Set<EntityKind> = [.organisation, .cluster, .pole, .city]
    static let delegateRoles: [PartyRole] = [.leader, .delegate, .host, .partnerMet]

    /// An id, or the name or acronym of exactly one entity (accents and case aside), of an allowed kind.
    public func resolve(_ text: String, kinds: Set<EntityKind>?, extra: [ID: Entity] = [:]) -> Result<ID, Problem> {
        let text = text.trimmingSpaces()
        guard !text.isEmpty else { return .failure(Problem(say("empty entry", "entrée vide"))) }
        func check(_ entity: Entity) -> Result<ID, Problem> {
            if let kinds, !kinds.contains(entity.kind) {
                return .failure(Problem(say("'\(entity.id)' is a \(entity.kind.rawValue); expected \(Self.describe(kinds))",
                                           "« \(entity.id) » est de nature \(entity.kind.rawValue) ; attendu : \(Self.describe(kinds))")))
            }
            return .success(entity.id)
        }
        if let entity = network.entity(text) ?? extra[text] { return check(entity) }
        if network.record(text) != nil { return .failure(Problem(say("'\(text)' is a record, not an entity", "« \(text) » est une fiche, pas une entité"))) }
        let folded = TextFolding.fold(text)
        var matches = names[folded] ?? []
        matches += extra.values.filter { TextFolding.fold($0.name) == folded }.map(\.id)
        if matches.count == 1, let entity = network.entity(matches[0]) ?? extra[matches[0]] { return check(entity) }
        if matches.count > 1 { return .failure(Problem(say("'\(text)' names several entities: \(matches.sorted().joined(separator: ", ")); give the id",
                                                                "« \(text) » désigne plusieurs entités : \(matches.sorted().joined(separator: ", ")) ; donnez l'identifiant"))) }
        let candidates = network.entities.lazy.filter { kinds?.contains($0.kind) ?? true }
        let near = Self.nearest(to: text, in: Array(candidates.map(\.id)))
            ?? Suggestion.nearest(to: text, in: candidates.map(\.name)).flatMap { name in candidates.first { $0.name == name }?.id }
        return .failure(Problem(say("unknown id '\(text)'", "identifiant inconnu « \(text) »") + hint(near)))
    }

    private func say(_ english: String, _ french: String) -> String { wording == .french ? french : english }

    private func hint(_ near: ID?) -> String {
        near.map { say("; did you mean '\($0)'?", " ; vouliez-vous dire « \($0) » ?") } ?? ""
    }

    /// The closest id, by spelling or, failing that, the first that contains what was typed.
    public static func nearest<C: Collection>(to text: String, in ids: C) -> ID? where C.Element == ID {
        if let near = Suggestion.nearest(to: text, in: ids) { return near }
        let folded = TextFolding.fold(text)
        guard folded.count >= 3 else { return nil }
        return ids.first { TextFolding.fold($0).contains(folded) }
    }

    static func describe(_ kinds: Set<EntityKind>) -> String {
        kinds.sorted().map(\.rawValue).joined(separator: " or ")
    }

    public func validate(_ draft: MissionDraft) -> Result<Change, DraftIssues> {
        var issues: [FieldIssue] = []
        let title = draft.title.trimmingSpaces()
        if title.isEmpty { issues.append(FieldIssue(.title, say("a mission needs a title", "une mission a besoin d'un titre"))) }
        let status = MissionStatus(rawValue: draft.status.trimmingSpaces())
        if status == nil {
            issues.append(FieldIssue(.status, say("unknown status '\(draft.status)'; one of ", "statut inconnu « \(draft.status) » ; l'un de ") + MissionStatus.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        let existing = draft.id.flatMap { network.record($0) }
        if let id = draft.id, let existing, existing.kind != .mission {
            issues.append(FieldIssue(.title, say("'\(id)' is a \(existing.kind.rawValue), not a mission", "« \(id) » n'est pas une mission")))
        }
        let missionID = draft.id ?? freshID(for: title, prefix: "mission-", taken: [])

        // New partners first: the other fields may name them.
        var newEntities: [Entity] = []
        var extra: [ID: Entity] = [:]
        var taken = Set<ID>([missionID])
        for (index, line) in draft.newPartners.enumerated() {
            let parts = line.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
            let name = parts[0]
            guard !name.isEmpty else { issues.append(FieldIssue(.newPartners, index, say("a new partner needs a name", "un nouveau partenaire a besoin d'un nom"))); continue }
            var kind = EntityKind.organisation
            var type: OrganisationType? = .other
            if parts.count > 1, !parts[1].isEmpty {
                if let organisationType = OrganisationType(rawValue: parts[1]) {
                    type = organisationType
                } else if let entityKind = EntityKind(rawValue: parts[1]), entityKind != .city {
                    kind = entityKind
                    type = nil
                } else {
                    issues.append(FieldIssue(.newPartners, index, say("unknown type '\(parts[1])'; an organisation type (company, association…), person, cluster or pole",
                                                                      "type inconnu « \(parts[1]) » ; un type d'organisation (company, association…), person, cluster ou pole")))
                }
            }
            if names[TextFolding.fold(name)] != nil {
                issues.append(FieldIssue(.newPartners, index, say("'\(name)' is already in the network; name it under partners met",
                                                                  "« \(name) » est déjà dans le réseau ; indiquez-le parmi les partenaires rencontrés")))
                continue
            }
            let id = freshID(for: name, prefix: "", taken: taken)
            taken.insert(id)
            var attributes: [String: String] = [:]
            if parts.count > 2, !parts[2].isEmpty {
                switch resolve(parts[2], kinds: [.city]) {
                case .success(let city): attributes["city"] = city
                case .failure(let problem): issues.append(FieldIssue(.newPartners, index, problem.message))
                }
            }
            let entity = Entity(id: id, kind: kind, name: name, organisationType: kind == .organisation ? type : nil,
                                attributes: attributes, sources: [])
            newEntities.append(entity)
            extra[id] = entity
        }

        func one(_ text: String, _ field: MissionField, _ index: Int?, kinds: Set<EntityKind>?) -> ID? {
            switch resolve(text, kinds: kinds, extra: extra) {
            case .success(let id): return id
            case .failure(let problem):
                issues.append(FieldIssue(field, index, problem.message))
                return nil
            }
        }
        func many(_ texts: [String], _ field: MissionField, kinds: Set<EntityKind>?) -> [ID] {
            var seen = Set<ID>()
            var result: [ID] = []
            for (index, text) in texts.enumerated() where !text.trimmingSpaces().isEmpty {
                guard let id = one(text, field, index, kinds: kinds) else { continue }
                if seen.insert(id).inserted { result.append(id) } else { issues.append(FieldIssue(field, index, say("'\(id)' is listed twice", "« \(id) » figure deux fois"))) }
            }
            return result
        }

        var parties: [Party] = []
        var delegation = Set<ID>()
        if !draft.leader.trimmingSpaces().isEmpty, let leader = one(draft.leader, .leader, nil, kinds: Self.delegateKinds) {
            parties.append(Party(entity: leader, role: .leader, title: draft.leaderTitle))
            delegation.insert(leader)
        }
        for id in many(draft.onBehalfOf, .onBehalfOf, kinds: Self.bodyKinds) { parties.append(Party(entity: id, role: .onBehalfOf)) }
        for (index, delegate) in draft.delegates.enumerated() where !delegate.who.trimmingSpaces().isEmpty {
            let role = PartyRole(rawValue: delegate.role.trimmingSpaces().replacingSpacesWithUnderscores())
            if role == nil || !Self.delegateRoles.contains(role!) {
                issues.append(FieldIssue(.delegates, index, say("unknown role '\(delegate.role)'; one of ", "rôle inconnu « \(delegate.role) » ; l'un de ") + Self.delegateRoles.map(\.rawValue).joined(separator: ", ")))
            }
            var attendance: Attendance?
            if !delegate.attendance.trimmingSpaces().isEmpty {
                attendance = Attendance(rawValue: delegate.attendance.trimmingSpaces())
                if attendance == nil {
                    issues.append(FieldIssue(.delegates, index, say("unknown attendance '\(delegate.attendance)'; one of ", "présence inconnue « \(delegate.attendance) » ; l'une de ") + Attendance.allCases.map(\.rawValue).joined(separator: ", ")))
                }
            }
            guard let id = one(delegate.who, .delegates, index, kinds: Self.delegateKinds), let role else { continue }
            guard delegation.insert(id).inserted else {
                issues.append(FieldIssue(.delegates, index, say("'\(id)' is already in the delegation", "« \(id) » fait déjà partie de la délégation")))
                continue
            }
            parties.append(Party(entity: id, role: role, title: delegate.title.isEmpty ? nil : delegate.title, attendance: attendance))
        }
        if delegation.isEmpty, !issues.contains(where: { $0.field == .leader || $0.field == .delegates }) {
            issues.append(FieldIssue(.leader, say("the delegation is empty: give a leader or at least one delegate",
                                                   "la délégation est vide : indiquez un chef de mission ou au moins un délégué")))
        }
        for id in many(draft.toMeet, .toMeet, kinds: Self.bodyKinds.union([.person])) { parties.append(Party(entity: id, role: .toMeet)) }
        for id in many(draft.funders, .funders, kinds: Self.bodyKinds) { parties.append(Party(entity: id, role: .funder)) }
        parties += draft.otherParties

        let origin = draft.origin.trimmingSpaces().isEmpty ? nil : one(draft.origin, .origin, nil, kinds: [.city])
        let destinations = many(draft.destinations, .destinations, kinds: [.city])
        let start = date(draft.start, .start, &issues)
        let end = date(draft.end, .end, &issues)
        if let start, let end, end.isCertainlyBefore(start) {
            issues.append(FieldIssue(.end, say("the mission ends (\(end)) before it starts (\(start))", "la mission finit (\(end)) avant de commencer (\(start))")))
        }
        var budget: Money?
        if !draft.budget.trimmingSpaces().isEmpty {
            switch Money.parse(draft.budget) {
            case .success(let money) where money.minorUnits < 0: issues.append(FieldIssue(.budget, say("a budget cannot be negative", "un budget ne peut pas être négatif")))
            case .success(let money): budget = money
            case .failure(let error): issues.append(FieldIssue(.budget, "\(error)"))
            }
        }

        var outcomes: [Outcome] = []
        var newRecords: [Record] = []
        for (index, text) in draft.agreements.enumerated() where !text.trimmingSpaces().isEmpty {
            let id = text.trimmingSpaces()
            guard let record = network.record(id) else {
                let near = Self.nearest(to: id, in: network.records(ofKind: .agreement).map(\.id))
                issues.append(FieldIssue(.agreements, index, say("unknown agreement '\(id)'", "entente inconnue « \(id) »") + hint(near)))
                continue
            }
            guard record.kind == .agreement else {
                issues.append(FieldIssue(.agreements, index, say("'\(id)' is a \(record.kind.rawValue), not an agreement", "« \(id) » n'est pas une entente")))
                continue
            }
            outcomes.append(Outcome(agreement: id))
        }
        for (index, line) in draft.newAgreements.enumerated() where !line.trimmingSpaces().isEmpty {
            let parts = line.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
            guard !parts[0].isEmpty else { issues.append(FieldIssue(.newAgreements, index, say("a new agreement needs a title", "une nouvelle entente a besoin d'un titre"))); continue }
            var signed: PartialDate?
            if parts.count > 1, !parts[1].isEmpty {
                switch PartialDate.parse(parts[1]) {
                case .success(let date): signed = date
                case .failure(let error): issues.append(FieldIssue(.newAgreements, index, say("signed: ", "signée : ") + "\(error)"))
                }
            }
            var signatories: [Party] = []
            if parts.count > 2 {
                for name in parts[2].split(separator: ",").map(String.init) where !name.trimmingSpaces().isEmpty {
                    switch resolve(name, kinds: Self.bodyKinds.union([.person]), extra: extra) {
                    case .success(let id): signatories.append(Party(entity: id, role: .signatory))
                    case .failure(let problem): issues.append(FieldIssue(.newAgreements, index, problem.message))
                    }
                }
            }
            let id = freshID(for: parts[0], prefix: "", taken: taken)
            taken.insert(id)
            let agreement = Agreement(signed: signed, place: destinations.first, status: signed == nil ? .unknown : .signed)
            newRecords.append(Record(id: id, title: parts[0], parties: signatories, body: .agreement(agreement)))
            outcomes.append(Outcome(agreement: id))
        }
        for id in many(draft.partnersMet, .partnersMet, kinds: nil) { outcomes.append(Outcome(partner: id)) }
        for entity in newEntities { outcomes.append(Outcome(partner: entity.id)) }
        for text in draft.followUps where !text.trimmingSpaces().isEmpty { outcomes.append(Outcome(text: text.trimmingSpaces())) }

        var sources: [SourceRef] = []
        for (index, text) in draft.sources.enumerated() where !text.trimmingSpaces().isEmpty {
            let id = text.trimmingSpaces()
            if network.document(id) == nil {
                let near = Self.nearest(to: id, in: network.documents.map(\.id))
                issues.append(FieldIssue(.sources, index, say("unknown document '\(id)'", "document inconnu « \(id) »") + hint(near)))
            }
            sources.append(SourceRef(document: id, note: draft.sourceNotes[id]))
        }

        guard issues.isEmpty, let status else { return .failure(DraftIssues(issues: issues)) }
        let objectives = draft.objectives.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        let notes = draft.notes.trimmingSpaces()
        let mission = Mission(status: status, origin: origin, destinations: destinations, start: start, end: end,
                              objectives: objectives, outcomes: outcomes, budget: budget, notes: notes.isEmpty ? nil : notes)
        let record = Record(id: missionID, title: title, summary: draft.summary, parties: parties, attributes: draft.attributes,
                            sources: sources, body: .mission(mission))
        for index in newRecords.indices { newRecords[index].sources = sources }
        for index in newEntities.indices { newEntities[index].sources = sources }
        let action: Change.Action
        if existing == nil {
            action = .add
        } else if status == .cancelled, existing?.mission?.status != .cancelled {
            action = .cancel
        } else {
            action = .edit
        }
        var expected: [ID: Int] = [missionID: draft.baseVersion]
        for agreement in newRecords { expected[agreement.id] = 0 }
        return .success(Change(action: action, records: [record] + newRecords, entities: newEntities, expectedVersions: expected,
                               summary: "\(action.rawValue) mission \(missionID)"))
    }

    private func date(_ text: String, _ field: MissionField, _ issues: inout [FieldIssue]) -> PartialDate? {
        let text = text.trimmingSpaces()
        guard !text.isEmpty else { return nil }
        switch PartialDate.parse(text) {
        case .success(let date): return date
        case .failure(let error):
            issues.append(FieldIssue(field, "\(error)"))
            return nil
        }
    }

    /// A slug for a new item that no entity, record or other new item uses.
    public func freshID(for name: String, prefix: String, taken: Set<ID>) -> ID {
        var base = TextFolding.slug(name)
        if !prefix.isEmpty, !base.hasPrefix(prefix) { base = prefix + base }
        var candidate = base
        var counter = 2
        while network.entity(candidate) != nil || network.record(candidate) != nil || taken.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        return candidate
    }
}

/// Why a reference does not resolve.
public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Everything wrong with a draft; nothing was saved.
public struct DraftIssues: Error, Hashable, Sendable, CustomStringConvertible {
    public var issues: [FieldIssue]
    public init(issues: [FieldIssue]) { self.issues = issues }
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}

extension String {
    func replacingSpacesWithUnderscores() -> String {
        String(map { $0 == " " ? "_" : $0 })
    }
}

extension Change {
    /// Cancelling a mission: the same record with status cancelled, nothing else touched.
    public static func cancelling(_ record: Record, version: Int) -> Change? {
        guard var mission = record.mission, mission.status != .cancelled else { return nil }
        mission.status = .cancelled
        var cancelled = record
        cancelled.body = .mission(mission)
        return Change(action: .cancel, records: [cancelled], expectedVersions: [record.id: version],
                      summary: "cancel mission \(record.id)")
    }
}
