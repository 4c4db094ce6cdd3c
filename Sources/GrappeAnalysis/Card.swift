import GrappeModel

/// What a card shows, as values: the entity or record itself, its relations grouped by type, the
/// records it takes part in with its roles, its parties (and which are gone from the seeds) and its
/// sources with their titles. One builder; `grappe show` and the dashboard's card each render it in
/// their own words and language.
public struct Card: Sendable {
    /// What the card is about: an entity or a record.
    public enum Subject: Sendable {
        case entity(Entity)
        case record(Record)
    }

    /// A relation seen from the card's entity: which way it points and who is at the other end.
    public struct Link: Sendable {
        /// The relation.
        public let relation: Relation
        /// Whether it points from the card's entity to the other.
        public let outgoing: Bool
        /// The entity at the other end.
        public var other: ID { outgoing ? relation.to : relation.from }
    }

    /// A group of links of one relation type.
    public struct LinkGroup: Sendable {
        /// The relation type of the group.
        public let type: RelationType
        /// Its links, in the order given.
        public let links: [Link]
    }

    /// A record the entity takes part in, with its roles there (none: it is named otherwise, as a
    /// place, a funder or a partner met).
    public struct Involvement: Sendable {
        /// The record.
        public let record: Record
        /// The entity's roles in it.
        public let roles: [PartyRole]
    }

    /// A party of the record; `known` is false when its entity is no longer in the seeds.
    public struct Member: Sendable {
        /// The party as the record names it.
        public let party: Party
        /// Whether its entity is in the network.
        public let known: Bool
    }

    /// A source with its document's title (the id when the document is unknown).
    public struct Source: Sendable {
        /// The citation.
        public let reference: SourceRef
        /// The document's title, or its id when it is unknown.
        public let title: String
    }

    /// The entity or record the card is about.
    public let subject: Subject
    /// By relation type, in the vocabulary's order; within a type, in the order given.
    public let linkGroups: [LinkGroup]
    /// The records the entity takes part in (none for a record's card).
    public let involvements: [Involvement]
    /// The record's parties (none for an entity's card).
    public let members: [Member]
    /// Its sources, with their documents' titles.
    public let sources: [Source]

    /// An entity's card. `relations` and `records` are the entity's (callers with an index pass theirs).
    public init(entity: Entity, relations: [Relation], records: [Record], network: Network) {
        subject = .entity(entity)
        let types = RelationType.allCases
        var groups = [[Link]](repeating: [], count: types.count)
        for relation in relations {
            groups[types.firstIndex(of: relation.type)!].append(Link(relation: relation, outgoing: relation.from == entity.id))
        }
        linkGroups = zip(types, groups).filter { !$0.1.isEmpty }.map { LinkGroup(type: $0.0, links: $0.1) }
        involvements = records.map { record in
            Involvement(record: record, roles: record.parties.filter { $0.entity == entity.id }.map(\.role))
        }
        members = []
        sources = Self.sources(entity.sources, in: network)
    }

    /// A record's card.
    public init(record: Record, network: Network) {
        subject = .record(record)
        linkGroups = []
        involvements = []
        members = record.parties.map { Member(party: $0, known: network.entity($0.entity) != nil) }
        sources = Self.sources(record.sources, in: network)
    }

    /// Every link, group after group.
    public var links: [Link] { linkGroups.flatMap(\.links) }

    private static func sources(_ references: [SourceRef], in network: Network) -> [Source] {
        references.map { Source(reference: $0, title: network.document($0.document)?.title ?? $0.document) }
    }
}
