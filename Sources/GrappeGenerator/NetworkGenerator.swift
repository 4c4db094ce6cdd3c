import GrappeExport

/// Writes a synthetic partnership network as seed files: the bulk (entities and relations) as Gephi
/// CSV tables, the records (agreements, missions, projects, events) as YAML. Degrees follow a power
/// law through preferential attachment; the same options always give the same bytes.
public struct NetworkGenerator {
    /// How big a network, and the seed that makes it.
    public struct Options: Sendable {
        /// How many organisations.
        public var organisations: Int
        /// How many relations between them.
        public var relations: Int
        /// The seed: the same one gives the same files.
        public var seed: UInt64

        /// Options for `organisations` and `relations`, drawn from `seed`.
        public init(organisations: Int, relations: Int, seed: UInt64) {
            self.organisations = organisations
            self.relations = relations
            self.seed = seed
        }
    }

    /// A seed file to write.
    public struct File: Sendable, Equatable {
        /// Its name in the seed folder.
        public let name: String
        /// Its text.
        public let contents: String
    }

    let options: Options
    var random: SeededRandom
    let documentID: String

    /// A generator for `options`.
    public init(_ options: Options) {
        self.options = options
        random = SeededRandom(seed: options.seed)
        documentID = "synthetic-\(options.seed)"
    }

    /// The seed files of the network `options` describe.
    public static func generate(_ options: Options) -> [File] {
        var generator = NetworkGenerator(options)
        return generator.files()
    }

    struct Node {
        let id: String
        let kind: String
        let name: String
        var type = ""
        var acronym = ""
        var country = ""
        var region = ""
        var sector = ""
        var founded = ""
    }

    mutating func files() -> [File] {
        let n = max(options.organisations, 2)
        let cities = makeCities(count: min(200, max(4, n / 500)))
        let clusters = makeGroups(kind: "cluster", prefix: "Grappe", count: max(2, n / 5000), cities: cities)
        let poles = makeGroups(kind: "pole", prefix: "Pôle", count: max(2, n / 5000), cities: cities)
        let organisations = makeOrganisations(count: n)
        let people = makePeople(count: max(5, n / 20))
        let edges = makeEdges(cities: cities, groups: clusters + poles, organisations: organisations, people: people)
        let nodes = cities + clusters + poles + organisations + people
        let records = RecordWriter(
            documentID: documentID, random: random, cities: cities, groups: clusters + poles,
            organisations: organisations, people: people, scale: n)
        return [
            File(name: "network.yaml", contents: networkYAML()),
            File(name: "documents.yaml", contents: documentsYAML()),
            File(name: "edges.csv", contents: edges),
            File(name: "nodes.csv", contents: nodesCSV(nodes)),
            File(name: "records.yaml", contents: records.yaml()),
        ]
    }

    /// The network's identity: what keeps the missions recorded against it in a workspace of their own.
    private func networkYAML() -> String {
        """
        # The identity of this generated network: it names its workspace in a store.
        network:
          id: generated-\(options.organisations)-\(options.relations)-\(options.seed)
          name: Réseau généré (\(options.organisations) organisations, graine \(options.seed))

        """
    }

    private func documentsYAML() -> String {
        """
        # Synthetic network written by `grappe generate` (seed \(options.seed)); every fact cites this document.
        documents:
          - id: \(documentID)
            title: "Réseau synthétique (graine \(options.seed), \(options.organisations) organisations, \(options.relations) relations)"
            kind: synthetic

        """
    }

    private static func padded(_ value: Int, width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    private mutating func makeCities(count: Int) -> [Node] {
        (0..<count).map { index in
            if index < NameMaker.cities.count {
                let city = NameMaker.cities[index]
                return Node(
                    id: "city-\(Self.padded(index + 1, width: 3))", kind: "city", name: city.name,
                    country: city.country, region: city.region)
            }
            let base = NameMaker.cities[index % NameMaker.cities.count]
            return Node(
                id: "city-\(Self.padded(index + 1, width: 3))", kind: "city",
                name: "Saint-\(NameMaker.word(&random))", country: base.country, region: base.region)
        }
    }

    private mutating func makeGroups(kind: String, prefix: String, count: Int, cities: [Node]) -> [Node] {
        (0..<count).map { index in
            let sector = random.pick(NameMaker.sectors)
            let word = NameMaker.word(&random)
            return Node(
                id: "\(kind)-\(Self.padded(index + 1, width: 3))", kind: kind, name: "\(prefix) \(word) \(sector)",
                acronym: String(word.uppercased().prefix(3)) + String(index + 1), sector: sector,
                founded: String(1990 + random.below(35)))
        }
    }

    static let organisationTypes: [(type: String, weight: Int)] = [
        ("company", 60), ("association", 10), ("public_body", 5), ("municipality", 3), ("financial_institution", 4),
        ("media", 3), ("research_centre", 5), ("innovation_centre", 3), ("economic_development", 3),
        ("chamber_of_commerce", 2), ("club", 2),
    ]

    private mutating func organisationType() -> String {
        var draw = random.below(100)
        for entry in Self.organisationTypes {
            if draw < entry.weight { return entry.type }
            draw -= entry.weight
        }
        return "company"
    }

    private mutating func makeOrganisations(count: Int) -> [Node] {
        let width = String(count).count
        return (0..<count).map { index in
            let type = organisationType()
            let word = NameMaker.word(&random)
            let name =
                switch type {
                case "association", "club": "\(random.pick(NameMaker.associationForms)) \(word)"
                case "municipality": "Ville de \(word)"
                case "financial_institution": "Caisse \(word)"
                case "media": "\(word) Médias"
                default: "\(word) \(random.pick(NameMaker.companyForms))"
                }
            return Node(
                id: "org-\(Self.padded(index + 1, width: width))", kind: "organisation", name: name, type: type,
                sector: random.pick(NameMaker.sectors), founded: random.chance(0.7) ? String(1950 + random.below(76)) : "")
        }
    }

    private mutating func makePeople(count: Int) -> [Node] {
        let width = String(count).count
        return (0..<count).map { index in
            Node(
                id: "person-\(Self.padded(index + 1, width: width))", kind: "person",
                name: "\(random.pick(NameMaker.givenNames)) \(random.pick(NameMaker.familyNames))")
        }
    }

    private func nodesCSV(_ nodes: [Node]) -> String {
        var text = "Id,Label,Kind,Type,Acronym,Country,Region,Sector,Founded,Provenance\n"
        text.reserveCapacity(nodes.count * 90)
        for node in nodes {
            let fields = [
                node.id, node.name, node.kind, node.type, node.acronym, node.country, node.region, node.sector,
                node.founded, documentID,
            ]
            text += CSVText.row(fields)
        }
        return text
    }
}
