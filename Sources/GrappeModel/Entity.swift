/// Stable identifiers are lower-case slugs: `picom`, `technomontreal`, `ville-de-laval`.
public typealias ID = String

/// Where a fact comes from: a document of the seed corpus and, in our own words, what it supports.
public struct SourceRef: Hashable, Sendable, Codable {
    public var document: ID
    public var note: String?

    private enum CodingKeys: String, CodingKey { case document = "doc", note }

    public init(document: ID, note: String? = nil) {
        self.document = document
        self.note = note
    }
}

/// A source document (an article, a blog post) that facts cite.
public struct Document: Hashable, Sendable, Codable {
    public var id: ID
    public var title: String
    public var kind: String?
    public var language: String?
    public var publisher: String?
    public var published: PartialDate?
    public var summary: String?

    public init(
        id: ID, title: String, kind: String? = nil, language: String? = nil, publisher: String? = nil,
        published: PartialDate? = nil, summary: String? = nil
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.language = language
        self.publisher = publisher
        self.published = published
        self.summary = summary
    }
}

/// A node of the partnership network: a city, cluster, pole, organisation or person.
public struct Entity: Hashable, Sendable {
    public var id: ID
    public var kind: EntityKind
    public var name: String
    public var acronym: String?
    public var aliases: [String]
    /// For organisations only.
    public var organisationType: OrganisationType?
    /// For cities: ISO 3166-1 alpha-2 code (`CA`, `FR`).
    public var country: String?
    /// For cities: the region or province, as the sources name it.
    public var region: String?
    public var sector: String?
    public var founded: PartialDate?
    public var summary: String?
    public var website: String?
    /// Further facts as free key/value pairs (CSV columns beyond the known ones land here too).
    public var attributes: [String: String]
    public var sources: [SourceRef]

    public init(
        id: ID, kind: EntityKind, name: String, acronym: String? = nil, aliases: [String] = [],
        organisationType: OrganisationType? = nil, country: String? = nil, region: String? = nil,
        sector: String? = nil, founded: PartialDate? = nil, summary: String? = nil, website: String? = nil,
        attributes: [String: String] = [:], sources: [SourceRef] = []
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.acronym = acronym
        self.aliases = aliases
        self.organisationType = organisationType
        self.country = country
        self.region = region
        self.sector = sector
        self.founded = founded
        self.summary = summary
        self.website = website
        self.attributes = attributes
        self.sources = sources
    }

    /// The short name people use: the acronym when there is one.
    public var shortName: String { acronym ?? name }
}

/// A typed link between two entities, optionally bounded in time.
///
/// Large networks hold millions of relations, most without a title, label or note: those three live
/// in one shared box that is absent when all are empty, which keeps a relation near 80 bytes.
public struct Relation: Hashable, Sendable {
    public var from: ID
    public var to: ID
    public var sources: [SourceRef]
    private var texts: Texts?
    public var weight: Double?
    public var type: RelationType
    public var start: PartialDate?
    public var end: PartialDate?

    private final class Texts: Hashable, Sendable {
        let title: String?, label: String?, note: String?

        private init(title: String?, label: String?, note: String?) {
            self.title = title
            self.label = label
            self.note = note
        }

        /// Nil when all three are empty, decided before allocating (a failable class initializer
        /// would allocate the box and then free it, for each of a million relations).
        static func make(title: String?, label: String?, note: String?) -> Texts? {
            if title == nil, label == nil, note == nil { return nil }
            return Texts(title: title, label: label, note: note)
        }

        static func == (a: Texts, b: Texts) -> Bool { a.title == b.title && a.label == b.label && a.note == b.note }

        func hash(into hasher: inout Hasher) {
            hasher.combine(title)
            hasher.combine(label)
            hasher.combine(note)
        }
    }

    /// For `holds_title`: the title held (président, maire, directeur général…).
    public var title: String? {
        get { texts?.title }
        set { texts = Texts.make(title: newValue, label: label, note: note) }
    }

    public var label: String? {
        get { texts?.label }
        set { texts = Texts.make(title: title, label: newValue, note: note) }
    }

    public var note: String? {
        get { texts?.note }
        set { texts = Texts.make(title: title, label: label, note: newValue) }
    }

    public init(
        from: ID, to: ID, type: RelationType, title: String? = nil, label: String? = nil,
        start: PartialDate? = nil, end: PartialDate? = nil, weight: Double? = nil, note: String? = nil,
        sources: [SourceRef] = []
    ) {
        self.from = from
        self.to = to
        self.type = type
        self.texts = Texts.make(title: title, label: label, note: note)
        self.start = start
        self.end = end
        self.weight = weight
        self.sources = sources
    }
}
