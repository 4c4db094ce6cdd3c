/// A fact with any number of parties: an agreement, a mission, a project or an event.
/// What all kinds share lives here; what is particular to a kind lives in `body`.
public struct Record: Hashable, Sendable {
    public var id: ID
    public var title: String
    public var summary: String?
    public var parties: [Party]
    public var attributes: [String: String]
    public var sources: [SourceRef]
    public var body: Body

    /// What kind of record it is, with the fields of that kind.
    public enum Body: Hashable, Sendable {
        case agreement(Agreement)
        case mission(Mission)
        case project(Project)
        case event(Event)
    }

    public init(
        id: ID, title: String, summary: String? = nil, parties: [Party] = [],
        attributes: [String: String] = [:], sources: [SourceRef] = [], body: Body
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.parties = parties
        self.attributes = attributes
        self.sources = sources
        self.body = body
    }

    public var kind: RecordKind {
        switch body {
        case .agreement: .agreement
        case .mission: .mission
        case .project: .project
        case .event: .event
        }
    }

    public var agreement: Agreement? { if case .agreement(let value) = body { value } else { nil } }
    public var mission: Mission? { if case .mission(let value) = body { value } else { nil } }
    public var project: Project? { if case .project(let value) = body { value } else { nil } }
    public var event: Event? { if case .event(let value) = body { value } else { nil } }

    /// The entities that take part, in the order given, each once.
    public var partyIDs: [ID] {
        var seen = Set<ID>()
        return parties.map(\.entity).filter { seen.insert($0).inserted }
    }

    /// The parties that have one role, in order.
    public func parties(withRole role: PartyRole) -> [Party] { parties.filter { $0.role == role } }

    /// The entities a record connects, each once: its parties, then a project's funders or the
    /// partners a mission met. What the metrics graph links and what "records involving" means.
    public var memberIDs: [ID] {
        var members = parties.map(\.entity)
        switch body {
        case .project(let project): members += project.funding.compactMap(\.funder)
        case .mission(let mission): members += mission.outcomes.compactMap(\.partner)
        default: break
        }
        var seen = Set<ID>()
        return members.filter { seen.insert($0).inserted }
    }

    /// Every id a record refers to, each once: its members, its places, the agreements a mission's
    /// outcomes name and the project it is part of.
    public var referencedIDs: [ID] {
        var ids: [ID] = []
        forEachReference { ids.append($0) }
        var seen = Set<ID>()
        return ids.filter { seen.insert($0).inserted }
    }

    /// Calls `visit` with each id the record refers to, in the order of `referencedIDs` but with
    /// repeats: thousands of records are scanned without a list made for each.
    public func forEachReference(_ visit: (ID) -> Void) {
        for party in parties { visit(party.entity) }
        switch body {
        case .project(let project): for line in project.funding { if let funder = line.funder { visit(funder) } }
        case .mission(let mission): for outcome in mission.outcomes { if let partner = outcome.partner { visit(partner) } }
        default: break
        }
        for place in places { visit(place) }
        switch body {
        case .mission(let mission): for outcome in mission.outcomes { if let agreement = outcome.agreement { visit(agreement) } }
        case .project(let project): if let parent = project.partOf { visit(parent) }
        default: break
        }
    }

    /// When the record happened or began, whatever its kind calls that date.
    public var date: PartialDate? {
        switch body {
        case .agreement(let agreement): agreement.signed ?? agreement.validFrom
        case .mission(let mission): mission.start
        case .project(let project): project.start
        case .event(let event): event.date
        }
    }

    /// Every city the record names: where it was signed or held, where a mission went.
    public var places: [ID] {
        switch body {
        case .agreement(let agreement): agreement.place.map { [$0] } ?? []
        case .mission(let mission): (mission.origin.map { [$0] } ?? []) + mission.destinations
        case .project: []
        case .event(let event): event.place.map { [$0] } ?? []
        }
    }
}

/// An entity's part in a record.
public struct Party: Hashable, Sendable, Codable {
    public var entity: ID
    public var role: PartyRole
    /// The capacity in which it takes part, in words (for example "mayor of Laval").
    public var title: String?
    public var attendance: Attendance?

    private enum CodingKeys: String, CodingKey { case entity = "id", role, title, attendance }

    public init(entity: ID, role: PartyRole, title: String? = nil, attendance: Attendance? = nil) {
        self.entity = entity
        self.role = role
        self.title = title
        self.attendance = attendance
    }
}

/// An agreement: when and where it was signed, what for, its status and validity.
public struct Agreement: Hashable, Sendable, Codable {
    public var signed: PartialDate?
    /// The city where it was signed.
    public var place: ID?
    public var purpose: String?
    public var status: AgreementStatus
    public var validFrom: PartialDate?
    public var validTo: PartialDate?

    private enum CodingKeys: String, CodingKey { case signed, place, purpose, status, validFrom = "valid_from", validTo = "valid_to" }

    public init(
        signed: PartialDate? = nil, place: ID? = nil, purpose: String? = nil, status: AgreementStatus = .unknown,
        validFrom: PartialDate? = nil, validTo: PartialDate? = nil
    ) {
        self.signed = signed
        self.place = place
        self.purpose = purpose
        self.status = status
        self.validFrom = validFrom
        self.validTo = validTo
    }
}

/// A trade delegation: who went where, when, for what, and what came of it.
public struct Mission: Hashable, Sendable, Codable {
    public var status: MissionStatus
    public var origin: ID?
    public var destinations: [ID]
    public var start: PartialDate?
    public var end: PartialDate?
    public var objectives: [String]
    public var outcomes: [Outcome]
    public var budget: Money?
    /// The planners' own notes, in words.
    public var notes: String?

    public init(
        status: MissionStatus, origin: ID? = nil, destinations: [ID] = [], start: PartialDate? = nil,
        end: PartialDate? = nil, objectives: [String] = [], outcomes: [Outcome] = [], budget: Money? = nil,
        notes: String? = nil
    ) {
        self.status = status
        self.origin = origin
        self.destinations = destinations
        self.start = start
        self.end = end
        self.objectives = objectives
        self.outcomes = outcomes
        self.budget = budget
        self.notes = notes
    }
}

/// What came of a mission: an agreement signed, a partner met, or a follow-up in words.
public struct Outcome: Hashable, Sendable, Codable {
    public var agreement: ID?
    public var partner: ID?
    public var text: String?

    public init(agreement: ID? = nil, partner: ID? = nil, text: String? = nil) {
        self.agreement = agreement
        self.partner = partner
        self.text = text
    }
}

/// A shared project or programme, with its budget and the lines that fund it.
public struct Project: Hashable, Sendable, Codable {
    public var status: ProjectStatus
    public var start: PartialDate?
    public var end: PartialDate?
    /// How long it runs when the sources give a length but no dates ("over three years").
    public var duration: Span?
    public var budget: Money?
    public var funding: [FundingLine]
    /// The larger programme this one belongs to.
    public var partOf: ID?

    private enum CodingKeys: String, CodingKey { case status, start, end, duration, budget, funding, partOf = "part_of" }

    public init(
        status: ProjectStatus = .unknown, start: PartialDate? = nil, end: PartialDate? = nil,
        duration: Span? = nil, budget: Money? = nil, funding: [FundingLine] = [], partOf: ID? = nil
    ) {
        self.status = status
        self.start = start
        self.end = end
        self.duration = duration
        self.budget = budget
        self.funding = funding
        self.partOf = partOf
    }
}

/// One source of money for a project: who pays, how much or what share, over which period.
public struct FundingLine: Hashable, Sendable, Codable {
    public var funder: ID?
    public var amount: Money?
    public var share: Percentage?
    public var start: PartialDate?
    public var end: PartialDate?
    public var note: String?

    public init(
        funder: ID? = nil, amount: Money? = nil, share: Percentage? = nil, start: PartialDate? = nil,
        end: PartialDate? = nil, note: String? = nil
    ) {
        self.funder = funder
        self.amount = amount
        self.share = share
        self.start = start
        self.end = end
        self.note = note
    }

    /// The amount, given or derived from the share of the project's budget.
    public func effectiveAmount(budget: Money?) -> Money? {
        if let amount { return amount }
        guard let share, let budget else { return nil }
        return share.of(budget)
    }
}

/// An assembly, conference, meeting or talk.
public struct Event: Hashable, Sendable, Codable {
    public var type: EventType
    public var status: EventStatus
    public var date: PartialDate?
    public var end: PartialDate?
    public var place: ID?

    public init(
        type: EventType, status: EventStatus = .unknown, date: PartialDate? = nil, end: PartialDate? = nil,
        place: ID? = nil
    ) {
        self.type = type
        self.status = status
        self.date = date
        self.end = end
        self.place = place
    }
}
