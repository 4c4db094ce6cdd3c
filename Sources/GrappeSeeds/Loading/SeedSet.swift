import GrappeModel
import GrappeWords

/// Where an item was defined: a file of the set and a position in it. A negative column -k stands
/// for the k-th field of a CSV row, turned into a character column only when a message needs it.
struct Origin {
    var file: Int32
    var line: Int32
    var column: Int32
}

/// A reference from one item to another, checked once every file is loaded.
struct PendingReference {
    enum Target {
        case entity(Set<EntityKind>?)
        case record(RecordKind?)
        case document
    }

    var id: ID
    var target: Target
    var location: SourceLocation
    /// What the reference is, for messages: "relation 'based_in' at 'to'".
    var role: Wording
}

/// A CSV edge table's rows, kept so that errors can point at the exact column.
struct CSVEdgeTable {
    var file: Int32
    var relations: Range<Int>
    /// Where this table's rows start in `SeedSet.relationLines`.
    var firstLine: Int
    var sourceColumn: Int
    var targetColumn: Int
    var delimiter: UInt8
}

/// What a seed file says about the network itself (`network: {id, name}`), and where.
struct DeclaredNetwork {
    var id: ID
    var name: String?
    var origin: Origin
}

/// Everything read from the seed files so far, with positions, before cross-file validation.
final class SeedSet: @unchecked Sendable {
    var files: [SeedFile] = []
    /// The network's identity, as declared: once in the whole set (the validator reports others).
    var networks: [DeclaredNetwork] = []
    /// The files (as shown) where `network:` may be declared: `network.yaml` at the top of the folder,
    /// or the one seed file loaded; nil for sets given as files in memory, which may declare it anywhere.
    var declaringFiles: Set<String>?
    var documents: [Document] = []
    var documentOrigins: [Origin] = []
    var entities: [Entity] = []
    var entityOrigins: [Origin] = []
    var relations: [Relation] = []
    /// For relations from YAML and JSON; CSV relations are located through `edgeTables`.
    var relationOrigins: [Int: Origin] = [:]
    var records: [Record] = []
    var recordOrigins: [Origin] = []
    /// The line of each CSV edge row, in the order of `edgeTables`.
    var relationLines: [Int32] = []
    var references: [PendingReference] = []
    var edgeTables: [CSVEdgeTable] = []
    /// The text of edge ends that tables made into ids (`Fred` → `fred`), to name the nodes an edges
    /// table alone makes (`EdgeOnlyNodes`).
    var endNames: [ID: String] = [:]
    /// The relations (by index) of other tools' edges that gave no type at all, and those that gave
    /// a word of their own (with the word): typed once every entity's kind is known (`PlaceTies`).
    var untyped: [Int] = []
    var worded: [(index: Int, word: String)] = []
    /// Record ties read from graph files' edges, attached once every file is read (`TieAttacher`).
    var ties: [PendingTie] = []
    /// Files read as graphs (GraphML, GEXF, Kumu, a Gephi table's records): their health warnings are
    /// summed up per file.
    var summarisedFiles: Set<Int32> = []
    var diagnostics: [Diagnostic] = []

    func add(_ file: SeedFile) -> Int32 {
        files.append(file)
        return Int32(files.count - 1)
    }

    func location(_ origin: Origin) -> SourceLocation {
        let file = files[Int(origin.file)]
        let line = Int(origin.line)
        guard origin.column < 0 else { return file.location(line: line, column: Int(origin.column)) }
        let column = file.column(ofField: Int(-origin.column) - 1, line: line, delimiter: file.csvDelimiter)
        return file.location(line: line, column: column)
    }

    /// The position of a relation's `from` or `to`, wherever the relation came from.
    func location(ofRelation index: Int, end: KeyPath<CSVEdgeTable, Int>) -> SourceLocation? {
        if let origin = relationOrigins[index] { return location(origin) }
        guard let table = edgeTables.first(where: { $0.relations.contains(index) }) else { return nil }
        let line = Int(relationLines[table.firstLine + index - table.relations.lowerBound])
        let file = files[Int(table.file)]
        return file.location(line: line, column: file.column(ofField: table[keyPath: end], line: line, delimiter: table.delimiter))
    }

    /// Appends what another set read (one file or one chunk), keeping indices consistent.
    func merge(_ part: SeedSet) {
        networks += part.networks
        documents += part.documents
        documentOrigins += part.documentOrigins
        if entities.isEmpty { swap(&entities, &part.entities) } else { entities += part.entities }
        if entityOrigins.isEmpty { swap(&entityOrigins, &part.entityOrigins) } else { entityOrigins += part.entityOrigins }
        let relationOffset = relations.count, lineOffset = relationLines.count
        // Taking the first part's arrays whole keeps their spare capacity for the parts after it.
        if relations.isEmpty { swap(&relations, &part.relations) } else { relations += part.relations }
        if relationLines.isEmpty { swap(&relationLines, &part.relationLines) } else { relationLines += part.relationLines }
        for (index, origin) in part.relationOrigins { relationOrigins[index + relationOffset] = origin }
        untyped += part.untyped.lazy.map { $0 + relationOffset }
        worded += part.worded.lazy.map { ($0.index + relationOffset, $0.word) }
        for var table in part.edgeTables {
            table.relations = (table.relations.lowerBound + relationOffset)..<(table.relations.upperBound + relationOffset)
            table.firstLine += lineOffset
            edgeTables.append(table)
        }
        records += part.records
        recordOrigins += part.recordOrigins
        references += part.references
        ties += part.ties
        summarisedFiles.formUnion(part.summarisedFiles)
        endNames.merge(part.endNames) { first, _ in first }
        saidOnce.formUnion(part.saidOnce)
        diagnostics += part.diagnostics
    }

    /// What `warnOnce` said already, by cause.
    var saidOnce: Set<String> = []

    /// A warning said once per cause in a file (another tool's word, met on many rows).
    func warnOnce(_ cause: String, _ location: SourceLocation, _ category: Diagnostic.Category = .general, _ say: (Words) -> String) {
        guard saidOnce.insert(location.path + "\u{0}" + cause).inserted else { return }
        warning(location, category, say)
    }

    /// An error, in French and in English.
    func error(_ location: SourceLocation, _ french: String, _ english: String) {
        diagnostics.append(Diagnostic(.error, location, english, french: french))
    }

    /// An error worded by `say` in each language (for wordings that need the vocabulary).
    func error(_ location: SourceLocation, _ say: (Words) -> String) {
        diagnostics.append(.error(location, say))
    }

    /// A warning, in French and in English.
    func warning(_ location: SourceLocation, _ french: String, _ english: String, _ category: Diagnostic.Category = .general) {
        var diagnostic = Diagnostic(.warning, location, english, french: french)
        diagnostic.category = category
        diagnostics.append(diagnostic)
    }

    /// A warning worded by `say` in each language.
    func warning(_ location: SourceLocation, _ category: Diagnostic.Category = .general, _ say: (Words) -> String) {
        diagnostics.append(.warning(location, category, say))
    }
}
