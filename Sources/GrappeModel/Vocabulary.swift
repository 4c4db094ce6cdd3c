/// The closed vocabularies of the seed format. Raw values are what seed files write;
/// what a person reads on screen comes from the interface's string tables, not from here.

/// What an entity is.
public enum EntityKind: String, Sendable, CaseIterable, Codable, Comparable {
    case city, cluster, pole, organisation, person

    /// In the order of `allCases`: cities first, people last.
    public static func < (a: EntityKind, b: EntityKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// What sort of organisation an organisation is.
public enum OrganisationType: String, Sendable, CaseIterable, Codable {
    case association, company, publicBody = "public_body", municipality, government,
        financialInstitution = "financial_institution", media, club, chamberOfCommerce = "chamber_of_commerce",
        researchCentre = "research_centre", innovationCentre = "innovation_centre",
        economicDevelopment = "economic_development", platform, federation, other
}

/// How two entities are linked. Directed types read "from … to": `based_in` goes from the
/// organisation to its city, `holds_title` from the person to the organisation.
public enum RelationType: String, Sendable, CaseIterable, Codable {
    case basedIn = "based_in"
    case memberOf = "member_of"
    case partnerOf = "partner_of"
    case holdsTitle = "holds_title"
    case worksFor = "works_for"
    case funds
    case founded
    case contributedTo = "contributed_to"
    case supports
    case hosts
    case publishes
    case covers
    case partOf = "part_of"
    case competesWith = "competes_with"
    case collaboratesWith = "collaborates_with"
    /// The weakest link: `from` names or cites `to` in a public statement, with no tie claimed.
    case mentions
    /// A directed link another tool's file draws without saying what it is (a directed graph's edge
    /// with no type, or with a word Grappe's vocabulary lacks, kept as its label). Its undirected
    /// counterpart is `partner_of`. (Last, so that snapshots keep the other types' numbers.)
    case linkedTo = "linked_to"

    /// Symmetric relations read the same both ways; metrics and cards treat them alike.
    public var isSymmetric: Bool {
        switch self {
        case .partnerOf, .competesWith, .collaboratesWith: true
        default: false
        }
    }

    /// The entity kinds allowed at each end, when the type constrains them.
    public var allowedEnds: (from: Set<EntityKind>?, to: Set<EntityKind>?) {
        // Sets made once and shared: bulk validation asks for every one of a million relations
        // (`allCases` would build an array on each call).
        switch self {
        case .basedIn: (nil, Self.cities)
        case .holdsTitle, .worksFor: (Self.people, Self.employers)
        case .memberOf: (nil, Self.groups)
        default: (nil, nil)
        }
    }

    private static let cities: Set<EntityKind> = [.city]
    private static let people: Set<EntityKind> = [.person]
    private static let employers: Set<EntityKind> = [.organisation, .cluster, .pole, .city]
    private static let groups: Set<EntityKind> = [.organisation, .cluster, .pole]

    /// The type a relation gets when a CSV edge says nothing: a partnership.
    public static let `default` = RelationType.partnerOf
}

/// The four kinds of record: facts with any number of parties.
public enum RecordKind: String, Sendable, CaseIterable, Codable, Comparable {
    case agreement, mission, project, event

    /// In the order of `allCases`.
    public static func < (a: RecordKind, b: RecordKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// The part an entity plays in a record.
public enum PartyRole: String, Sendable, CaseIterable, Codable {
    // agreements
    case signatory, witness
    // missions
    case leader, delegate, onBehalfOf = "on_behalf_of", host, partnerMet = "partner_met"
    /// An organisation the delegation plans to meet (once met, it becomes `partner_met`).
    case toMeet = "to_meet"
    // projects and programmes
    case lead, partner, funder, `operator`, beneficiary
    // events
    case organiser, speaker, participant
    /// Announced, reported or decided something about the record without being a party to it.
    case announcer

    /// Roles that make sense for each kind of record; others draw a warning.
    public static func usual(for kind: RecordKind) -> Set<PartyRole> {
        switch kind {
        case .agreement: [.signatory, .witness, .host]
        case .mission: [.leader, .delegate, .onBehalfOf, .host, .partnerMet, .toMeet, .funder]
        case .project: [.lead, .partner, .funder, .`operator`, .beneficiary, .announcer]
        case .event: [.organiser, .host, .speaker, .participant, .announcer]
        }
    }
}

/// Where an agreement stands.
public enum AgreementStatus: String, Sendable, CaseIterable, Codable {
    case draft, signed, inForce = "in_force", expired, terminated, unknown
}

/// Where a mission stands.
public enum MissionStatus: String, Sendable, CaseIterable, Codable {
    case planned, confirmed, underWay = "under_way", completed, cancelled
}

/// Where a project stands.
public enum ProjectStatus: String, Sendable, CaseIterable, Codable {
    case announced, planned, active, completed, cancelled, unknown
}

/// What kind of event it is.
public enum EventType: String, Sendable, CaseIterable, Codable {
    case assembly, conference, meeting, talk, tradeShow = "trade_show", announcement, other
}

/// Whether an event is planned, held or cancelled.
public enum EventStatus: String, Sendable, CaseIterable, Codable {
    case planned, held, cancelled, unknown
}

/// Attendance of a delegate on a mission.
public enum Attendance: String, Sendable, CaseIterable, Codable {
    case invited, confirmed, attended, declined, unknown
}

/// How a record's ties are written as typed edges when a record is a node of a graph file (GraphML,
/// GEXF, Gephi's CSV), and read back: a party by its role, a place, a funding line, the programme a
/// project belongs to, a mission's outcome. None of these names is a relation type, so a reader knows
/// from an edge's type alone whether it is a relation or a record's tie.
public enum RecordTie: Hashable, Sendable {
    /// From the record to an entity taking part.
    case party(PartyRole)
    /// From a mission to the city it set out from, or to one it went to.
    case origin, destination
    /// From an agreement or an event to the city where it was signed or held.
    case place
    /// From a funder to the project it funds (one funding line).
    case funding
    /// From a project to the programme it is part of.
    case programme
    /// From a mission to the partner it met or the agreement it led to.
    case outcome

    /// Appended by graph exports to a seed attribute whose name is also a field's (`date (attribute)`),
    /// and taken off by readers.
    public static let attributeSuffix = " (attribute)"

    /// A tie by its name in seed and graph files (`origin`, `funding`, or a party role's).
    public init?(rawValue: String) {
        switch rawValue {
        case "origin": self = .origin
        case "destination": self = .destination
        case "place": self = .place
        case "funding": self = .funding
        case "programme": self = .programme
        case "outcome": self = .outcome
        default:
            guard let role = PartyRole(rawValue: rawValue) else { return nil }
            self = .party(role)
        }
    }

    /// Its name in seed and graph files.
    public var rawValue: String {
        switch self {
        case .party(let role): role.rawValue
        case .origin: "origin"
        case .destination: "destination"
        case .place: "place"
        case .funding: "funding"
        case .programme: "programme"
        case .outcome: "outcome"
        }
    }
}
