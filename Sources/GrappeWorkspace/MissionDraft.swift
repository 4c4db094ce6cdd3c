import GrappeModel

/// The fields of a mission as a person types them, in the form or on the command line: references are
/// ids or names, dates and amounts are text. `validate` checks them against the network and turns them
/// into what the store saves; nothing else does. Codable, so a draft in progress can be kept.
public struct MissionDraft: Codable, Hashable, Sendable {
    /// A member of the delegation: who, in which role, and whether they came.
    public struct Delegate: Codable, Hashable, Sendable {
        /// An entity's id or name, as typed.
        public var who: String
        /// A `PartyRole`'s raw value, or its French or English name.
        public var role: String
        /// An `Attendance`'s raw value or name; empty when not said.
        public var attendance: String
        /// The capacity in which they take part ("maire de Laval"), kept as it was.
        public var title: String

        /// A member of the delegation as typed; a delegate, attendance not said, by default.
        public init(who: String, role: String = PartyRole.delegate.rawValue, attendance: String = "", title: String = "") {
            self.who = who
            self.role = role
            self.attendance = attendance
            self.title = title
        }

        /// Reads `ID[:ROLE[:ATTENDANCE]]`, the command line's form.
        public static func parse(_ text: String) -> Delegate {
            let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
            return Delegate(
                who: parts[0], role: parts.count > 1 && !parts[1].isEmpty ? parts[1] : PartyRole.delegate.rawValue,
                attendance: parts.count > 2 ? parts[2] : "")
        }
    }

    /// The mission edited; nil for a new one (its id is made from the title and the date).
    public var id: ID?
    /// The store version the edit started from; 0 for a new mission or a seed mission never recorded.
    public var baseVersion: Int
    /// The mission's title; required.
    public var title: String
    /// A `MissionStatus`'s raw value or name in either language ("planned", "prévue").
    public var status: String
    /// Who leads the delegation: an id or a name.
    public var leader: String
    /// The organisations the mission is led for.
    public var onBehalfOf: [String]
    /// The city the delegation leaves from.
    public var origin: String
    /// The cities it goes to, in order.
    public var destinations: [String]
    /// The first day, as a partial date (`2027-03-10`, `2027-03`, `2027`).
    public var start: String
    /// The last day, as a partial date; empty when unknown.
    public var end: String
    /// What the mission is for, one line each.
    public var objectives: [String]
    /// The members of the delegation.
    public var delegates: [Delegate]
    /// Organisations the delegation plans to meet.
    public var toMeet: [String]
    /// An amount and its currency (`25000 CAD`); empty when unknown.
    public var budget: String
    /// Who pays for it: ids or names.
    public var funders: [String]
    /// Outcomes: agreements already in the network that were signed.
    public var agreements: [String]
    /// Outcomes: agreements signed during the mission, recorded with it: `Title | signed | signatory, …`.
    public var newAgreements: [String]
    /// Outcomes: partners in the network that were met.
    public var partnersMet: [String]
    /// Outcomes: new partners met, recorded with the mission: `Name | type | city`.
    public var newPartners: [String]
    /// What is to be done after it, one line each.
    public var followUps: [String]
    /// Free notes.
    public var notes: String
    /// Document ids.
    public var sources: [String]
    /// What the form does not edit but a save must keep: the summary, attributes, source notes,
    /// the leader's title and parties in roles the form has no field for.
    public var summary: String?
    /// Attributes kept as they were (see above).
    public var attributes: [String: String]
    /// Notes on the sources, by document id, kept as they were.
    public var sourceNotes: [String: String]
    /// The leader's title ("directrice générale"), kept as it was.
    public var leaderTitle: String?
    /// Parties in roles the form has no field for, kept as they were.
    public var otherParties: [Party]

    /// A draft with the fields given, the others empty; a new planned mission by default.
    public init(
        id: ID? = nil, baseVersion: Int = 0, title: String = "", status: String = MissionStatus.planned.rawValue,
        leader: String = "", onBehalfOf: [String] = [], origin: String = "", destinations: [String] = [],
        start: String = "", end: String = "", objectives: [String] = [], delegates: [Delegate] = [],
        toMeet: [String] = [], budget: String = "", funders: [String] = [], agreements: [String] = [],
        newAgreements: [String] = [], partnersMet: [String] = [], newPartners: [String] = [],
        followUps: [String] = [], notes: String = "", sources: [String] = []
    ) {
        self.id = id
        self.baseVersion = baseVersion
        self.title = title
        self.status = status
        self.leader = leader
        self.onBehalfOf = onBehalfOf
        self.origin = origin
        self.destinations = destinations
        self.start = start
        self.end = end
        self.objectives = objectives
        self.delegates = delegates
        self.toMeet = toMeet
        self.budget = budget
        self.funders = funders
        self.agreements = agreements
        self.newAgreements = newAgreements
        self.partnersMet = partnersMet
        self.newPartners = newPartners
        self.followUps = followUps
        self.notes = notes
        self.sources = sources
        summary = nil
        attributes = [:]
        sourceNotes = [:]
        leaderTitle = nil
        otherParties = []
    }

    /// The form for editing a recorded mission (or a seed mission, at version 0).
    public init(editing record: Record, version: Int) {
        self.init(id: record.id, baseVersion: version, title: record.title)
        let mission = record.mission ?? Mission(status: .planned)
        status = mission.status.rawValue
        origin = mission.origin ?? ""
        destinations = mission.destinations
        start = mission.start?.description ?? ""
        end = mission.end?.description ?? ""
        objectives = mission.objectives
        budget = mission.budget?.description ?? ""
        notes = mission.notes ?? ""
        for party in record.parties {
            switch party.role {
            case .leader where leader.isEmpty:
                leader = party.entity
                leaderTitle = party.title
            case .leader, .delegate, .host, .partnerMet:
                delegates.append(
                    Delegate(
                        who: party.entity, role: party.role.rawValue, attendance: party.attendance?.rawValue ?? "",
                        title: party.title ?? ""))
            case .onBehalfOf: onBehalfOf.append(party.entity)
            case .toMeet: toMeet.append(party.entity)
            case .funder: funders.append(party.entity)
            default: otherParties.append(party)
            }
        }
        for outcome in mission.outcomes {
            if let agreement = outcome.agreement { agreements.append(agreement) }
            if let partner = outcome.partner { partnersMet.append(partner) }
            if let text = outcome.text { followUps.append(text) }
        }
        summary = record.summary
        attributes = record.attributes
        sources = record.sources.map(\.document)
        for source in record.sources { if let note = source.note { sourceNotes[source.document] = note } }
    }

    /// Whether anything was typed: an untouched new form needs no confirmation to close.
}

/// The field an error is about, named as the command line's flag.
public enum MissionField: String, CaseIterable, Codable, Hashable, Sendable {
    case title, status, leader, onBehalfOf = "on-behalf-of", origin, destinations = "destination", start = "from", end = "to"
    case objectives = "objective", delegates = "delegate", toMeet = "meet", budget, funders = "funder"
    case agreements = "agreement", newAgreements = "new-agreement", partnersMet = "partner-met", newPartners = "new-partner"
    case followUps = "follow-up", notes, sources = "source"
}

/// Where a field's value lives in a draft: one text, a list, or the delegation's rows.
public enum DraftSlot: Sendable {
    case text(WritableKeyPath<MissionDraft, String> & Sendable)
    case list(WritableKeyPath<MissionDraft, [String]> & Sendable)
    case delegates

    /// Whether the field holds entries (a list or the delegation's rows), numbered in errors.
    public var isList: Bool {
        if case .text = self { return false }
        return true
    }
}

extension MissionField {
    /// The one mapping between fields and a draft, used by the form and the command line alike.
    public var slot: DraftSlot {
        switch self {
        case .title: .text(\.title)
        case .status: .text(\.status)
        case .leader: .text(\.leader)
        case .onBehalfOf: .list(\.onBehalfOf)
        case .origin: .text(\.origin)
        case .destinations: .list(\.destinations)
        case .start: .text(\.start)
        case .end: .text(\.end)
        case .objectives: .list(\.objectives)
        case .delegates: .delegates
        case .toMeet: .list(\.toMeet)
        case .budget: .text(\.budget)
        case .funders: .list(\.funders)
        case .agreements: .list(\.agreements)
        case .newAgreements: .list(\.newAgreements)
        case .partnersMet: .list(\.partnersMet)
        case .newPartners: .list(\.newPartners)
        case .followUps: .list(\.followUps)
        case .notes: .text(\.notes)
        case .sources: .list(\.sources)
        }
    }

    /// Lists whose entries are free text (they may hold commas) are written `a; b`, the others `a, b`.
    public var listSeparator: Character {
        switch self {
        case .objectives, .newAgreements, .newPartners, .followUps: ";"
        default: ","
        }
    }

    /// The kinds of entity a field names, for validation and the form's completion alike; nil for
    /// fields that name no entity.
    public var entityKinds: Set<EntityKind>? {
        switch self {
        case .leader, .delegates: [.person]  // a delegation's host or a partner met may be an organisation (DraftCheck)
        case .onBehalfOf, .funders: [.organisation, .cluster, .pole, .city]
        case .origin, .destinations: [.city]
        case .toMeet, .newAgreements: [.organisation, .cluster, .pole, .city, .person]
        case .partnersMet: Set(EntityKind.allCases)
        case .title, .status, .start, .end, .objectives, .budget, .agreements, .newPartners, .followUps, .notes, .sources: nil
        }
    }
}

/// One thing wrong with a draft, at a field (and, for lists, an entry: 0-based).
public struct FieldIssue: Hashable, Sendable, CustomStringConvertible {
    /// The field the problem is at.
    public var field: MissionField
    /// The entry of a list field the problem is at (0 for the first), nil for the field as a whole.
    public var index: Int?
    /// What is wrong, in the validator's language.
    public var message: String

    /// A problem at one entry of a list field (or the field as a whole when `index` is nil).
    public init(_ field: MissionField, _ index: Int?, _ message: String) {
        self.field = field
        self.index = index
        self.message = message
    }

    /// A problem with a field as a whole.
    public init(_ field: MissionField, _ message: String) {
        self.init(field, nil, message)
    }

    /// `--delegate #2: unknown id 'x'`.
    public var description: String {
        "--\(field.rawValue)" + (index.map { " #\($0 + 1)" } ?? "") + ": " + message
    }
}
