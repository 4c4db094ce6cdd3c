/// Stable identifiers are lower-case slugs: `picom`, `technomontreal`, `ville-de-laval`.
public typealias ID = String

/// Where a fact comes from: a document of the seed corpus and, in our own words, what it supports.
public struct SourceRef: Hashable, Sendable, Codable {
    /// The id of the document cited.
    public var document: ID
    /// Where in it, or what it says (a page, a quotation), when the seed says.
    public var note: String?

    private enum CodingKeys: String, CodingKey { case document = "doc", note }

    /// A citation of `document`.
    public init(document: ID, note: String? = nil) {
        self.document = document
        self.note = note
    }

    /// Citations in one cell, as tables and graph files write them: `doc: note | doc2`. A `|` or a
    /// `\` inside a note is written `\|`, `\\`, so that any note comes back whole.
    public static func listText(_ sources: [SourceRef]) -> String {
        sources.map { source in
            source.document
                + (source.note.map { ": " + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|") } ?? "")
        }.joined(separator: " | ")
    }

    /// The citations of a cell written as `listText` writes them (a document without a note, a note
    /// after the first colon); empty parts are left out.
    public static func parseList(_ text: String) -> [SourceRef] {
        var parts: [String] = [], current = "", escaped = false
        for character in text {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        if escaped { current.append("\\") }
        parts.append(current)
        return parts.compactMap { part in
            let pieces = part.split(separator: ":", maxSplits: 1)
            guard let document = pieces.first?.trimmingSpaces(), !document.isEmpty else { return nil }
            let note = pieces.count > 1 ? pieces[1].trimmingSpaces() : nil
            return SourceRef(document: document, note: note?.isEmpty == true ? nil : note)
        }
    }
}

/// A source document (an article, a blog post) that facts cite.
public struct Document: Hashable, Sendable, Codable {
    /// The document's id, which sources cite.
    public var id: ID
    /// Its title.
    public var title: String
    /// What it is (`news`, `blog`…), as the seed says.
    public var kind: String?
    /// Its language's code (`fr`).
    public var language: String?
    /// Who published it.
    public var publisher: String?
    /// When it was published.
    public var published: PartialDate?
    /// What it reports, in a few words.
    public var summary: String?

    /// A document with the facts given, the others unknown.
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
    /// The entity's id, unique in the network.
    public var id: ID
    /// City, cluster, pole, organisation or person.
    public var kind: EntityKind
    /// Its name as the sources write it.
    public var name: String
    /// Its acronym (`PICOM`).
    public var acronym: String?
    /// Other names it goes by; search finds it by any of them.
    public var aliases: [String]
    /// For organisations only.
    public var organisationType: OrganisationType?
    /// For cities: ISO 3166-1 alpha-2 code (`CA`, `FR`).
    public var country: String?
    /// For cities: the region or province, as the sources name it.
    public var region: String?
    /// The sector it works in, as the sources name it.
    public var sector: String?
    /// When it was founded; unknown stays nil (a missing year is never guessed).
    public var founded: PartialDate?
    /// When it closed, dissolved or left the network; nil while it goes on (or when unknown).
    public var ended: PartialDate?
    /// What it is, in a sentence or two.
    public var summary: String?
    /// Its web address (http or https).
    public var website: String?
    /// Further facts as free key/value pairs (CSV columns beyond the known ones land here too).
    public var attributes: [String: String]
    /// The documents that say so.
    public var sources: [SourceRef]

    /// An entity with the facts given, the others unknown.
    public init(
        id: ID, kind: EntityKind, name: String, acronym: String? = nil, aliases: [String] = [],
        organisationType: OrganisationType? = nil, country: String? = nil, region: String? = nil,
        sector: String? = nil, founded: PartialDate? = nil, ended: PartialDate? = nil, summary: String? = nil,
        website: String? = nil, attributes: [String: String] = [:], sources: [SourceRef] = []
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
        self.ended = ended
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
/// Large networks hold millions of relations, most without a title, label, note or second period: those
/// live in one shared box that is absent when all are empty, which keeps a relation near 80 bytes.
public struct Relation: Hashable, Sendable {
    /// The entity the relation goes from.
    public var from: ID
    /// The entity it goes to.
    public var to: ID
    /// The documents that say so.
    public var sources: [SourceRef]
    private var texts: Texts?
    /// How strong the tie is, when a graph file gives a weight.
    public var weight: Double?
    /// What the tie is (`member_of`, `partner_of`, `supports`…).
    public var type: RelationType
    /// When it began, when known.
    public var start: PartialDate?
    /// When it ended, when known.
    public var end: PartialDate?

    private final class Texts: Hashable, Sendable {
        let title: String?, label: String?, note: String?
        let laterPeriods: [Period]

        private init(title: String?, label: String?, note: String?, laterPeriods: [Period]) {
            self.title = title
            self.label = label
            self.note = note
            self.laterPeriods = laterPeriods
        }

        /// Nil when all are empty, decided before allocating (a failable class initializer
        /// would allocate the box and then free it, for each of a million relations).
        static func make(title: String?, label: String?, note: String?, laterPeriods: [Period]) -> Texts? {
            if title == nil, label == nil, note == nil, laterPeriods.isEmpty { return nil }
            return Texts(title: title, label: label, note: note, laterPeriods: laterPeriods)
        }

        static func == (a: Texts, b: Texts) -> Bool {
            a.title == b.title && a.label == b.label && a.note == b.note && a.laterPeriods == b.laterPeriods
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(title)
            hasher.combine(label)
            hasher.combine(note)
            hasher.combine(laterPeriods)
        }
    }

    /// For `holds_title`: the title held (président, maire, directeur général…).
    public var title: String? {
        get { texts?.title }
        set { texts = Texts.make(title: newValue, label: label, note: note, laterPeriods: laterPeriods) }
    }

    /// A label for the edge, as a graph file named it.
    public var label: String? {
        get { texts?.label }
        set { texts = Texts.make(title: title, label: newValue, note: note, laterPeriods: laterPeriods) }
    }

    /// A note on the relation.
    public var note: String? {
        get { texts?.note }
        set { texts = Texts.make(title: title, label: label, note: newValue, laterPeriods: laterPeriods) }
    }

    /// The periods after the first (`start` to `end`), for a relation that held, stopped and held
    /// again; usually none.
    public var laterPeriods: [Period] {
        get { texts?.laterPeriods ?? [] }
        set { texts = Texts.make(title: title, label: label, note: note, laterPeriods: newValue) }
    }

    /// Every period the relation held: `start` to `end`, then the later ones. Setting it takes the
    /// first as `start` and `end` (none: both unknown).
    public var periods: [Period] {
        get { [Period(start: start, end: end)] + laterPeriods }
        set {
            start = newValue.first?.start
            end = newValue.first?.end
            laterPeriods = Array(newValue.dropFirst())
        }
    }

    /// A relation with the facts given, the others unknown.
    public init(
        from: ID, to: ID, type: RelationType, title: String? = nil, label: String? = nil,
        start: PartialDate? = nil, end: PartialDate? = nil, weight: Double? = nil, note: String? = nil,
        sources: [SourceRef] = []
    ) {
        self.from = from
        self.to = to
        self.type = type
        self.texts = Texts.make(title: title, label: label, note: note, laterPeriods: [])
        self.start = start
        self.end = end
        self.weight = weight
        self.sources = sources
    }
}
