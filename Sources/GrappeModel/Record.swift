/// A fact with any number of parties: an agreement, a mission, a project or an event.
/// What all kinds share lives here; what is particular to a kind lives in `body`.
public struct Record: Hashable, Sendable {
    /// The record's id, unique in the network.
    public var id: ID
    /// Its title.
    public var title: String
    /// What it is about, in a sentence or two.
    public var summary: String?
    /// Who takes part, and in which role.
    public var parties: [Party]
    /// Further facts as free key/value pairs.
    public var attributes: [String: String]
    /// The documents that say so.
    public var sources: [SourceRef]
    /// What kind of record it is, with that kind's own fields.
    public var body: Body

    /// What kind of record it is, with the fields of that kind.
    public enum Body: Hashable, Sendable {
        case agreement(Agreement)
        case mission(Mission)
        case project(Project)
        case event(Event)
    }

    /// A record with the facts given.
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

    /// Agreement, mission, project or event, from the body.
    public var kind: RecordKind {
        switch body {
        case .agreement: .agreement
        case .mission: .mission
        case .project: .project
        case .event: .event
        }
    }

    /// The body when the record is an agreement.
    public var agreement: Agreement? { if case .agreement(let value) = body { value } else { nil } }
    /// The body when the record is a mission.
    public var mission: Mission? { if case .mission(let value) = body { value } else { nil } }
    /// The body when the record is a project.
    public var project: Project? { if case .project(let value) = body { value } else { nil } }
    /// The body when the record is an event.
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
    /// The entity taking part.
    public var entity: ID
    /// In which role (signatory, leader, delegate, funder…).
    public var role: PartyRole
    /// The capacity in which it takes part, in words (for example "mayor of Laval").
    public var title: String?
    /// Whether they came (for a mission's delegation), when said.
    public var attendance: Attendance?

    private enum CodingKeys: String, CodingKey { case entity = "id", role, title, attendance }

    /// A party with the facts given.
    public init(entity: ID, role: PartyRole, title: String? = nil, attendance: Attendance? = nil) {
        self.entity = entity
        self.role = role
        self.title = title
        self.attendance = attendance
    }
}

/// An agreement: when and where it was signed, what for, its status and validity.
public struct Agreement: Hashable, Sendable, Codable {
    /// When it was signed, when known.
    public var signed: PartialDate?
    /// The city where it was signed.
    public var place: ID?
    /// What it is for.
    public var purpose: String?
    /// Draft, signed, in force, expired, terminated, or unknown.
    public var status: AgreementStatus
    /// When it takes effect, when known.
    public var validFrom: PartialDate?
    /// When it ends, when known.
    public var validTo: PartialDate?

    private enum CodingKeys: String, CodingKey { case signed, place, purpose, status, validFrom = "valid_from", validTo = "valid_to" }

    /// An agreement with the facts given.
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
    /// Planned, confirmed, under way, completed or cancelled.
    public var status: MissionStatus
    /// The city the delegation leaves from.
    public var origin: ID?
    /// The cities it goes to, in order.
    public var destinations: [ID]
    /// Its first day, when known.
    public var start: PartialDate?
    /// Its last day, when known.
    public var end: PartialDate?
    /// What it is for.
    public var objectives: [String]
    /// What came of it: agreements signed, partners met, in words.
    public var outcomes: [Outcome]
    /// What it costs, when known.
    public var budget: Money?
    /// The planners' own notes, in words.
    public var notes: String?

    /// A mission with the facts given.
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
    /// An agreement it led to.
    public var agreement: ID?
    /// A partner it met.
    public var partner: ID?
    /// What came of it, in words.
    public var text: String?

    /// An outcome with the facts given.
    public init(agreement: ID? = nil, partner: ID? = nil, text: String? = nil) {
        self.agreement = agreement
        self.partner = partner
        self.text = text
    }
}

/// A shared project or programme, with its budget and the lines that fund it.
public struct Project: Hashable, Sendable, Codable {
    /// Announced, planned, active, completed, cancelled, or unknown.
    public var status: ProjectStatus
    /// When it starts, when known.
    public var start: PartialDate?
    /// When it ends, when known.
    public var end: PartialDate?
    /// How long it runs when the sources give a length but no dates ("over three years").
    public var duration: Span?
    /// What it costs in all, when known.
    public var budget: Money?
    /// Who pays what.
    public var funding: [FundingLine]
    /// The larger programme this one belongs to.
    public var partOf: ID?

    private enum CodingKeys: String, CodingKey { case status, start, end, duration, budget, funding, partOf = "part_of" }

    /// A project with the facts given.
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
    /// Who pays, when known.
    public var funder: ID?
    /// How much, when given as an amount.
    public var amount: Money?
    /// What share of the budget, when given as a share.
    public var share: Percentage?
    /// From when, when known.
    public var start: PartialDate?
    /// Until when, when known.
    public var end: PartialDate?
    /// A note on the line.
    public var note: String?

    /// A funding line with the facts given.
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
    /// An assembly, a conference, a meeting, a talk, a trade show, an announcement, or other.
    public var type: EventType
    /// Planned, held, cancelled, or unknown.
    public var status: EventStatus
    /// Its (first) day, when known.
    public var date: PartialDate?
    /// Its last day, when it lasts more than one.
    public var end: PartialDate?
    /// The city it takes place in.
    public var place: ID?

    /// An event with the facts given.
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
