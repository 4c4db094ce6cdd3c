import GrappeModel
import GrappeWords

/// What an import read, as Gephi's import dialog shows it: counts per entity kind, record kind and
/// relation type; the other tools' words kept (as a label or an attribute) and what was mapped; what
/// was left out and why. Made from the loaded network and its diagnostics, in either language.
public struct ImportReport: Sendable, Encodable {
    /// How many entities of each kind, records of each kind, relations of each type (largest first).
    public let entities: [Count], records: [Count], relations: [Count]
    /// Words the files used that Grappe's vocabulary lacks, kept as labels or attributes, and ids
    /// made into Grappe ids: what was mapped to what.
    public let mapped: [String]
    /// What was not read, and why.
    public let leftOut: [String]
    /// How many warnings there are in all.
    public let warnings: Int

    /// One row of a count.
    public struct Count: Sendable, Encodable, Equatable {
        /// The kind or type, as Grappe names it.
        public let name: String
        /// How many.
        public let count: Int
    }

    /// The report of `result`, its messages in `language` (JSON keeps them in the same language).
    public init(_ result: LoadResult, language: Language = .en) {
        let network = result.network
        func counted<T: Hashable>(_ items: [T], name: (T) -> String) -> [Count] {
            var table: [T: Int] = [:]
            for item in items { table[item, default: 0] += 1 }
            return table.map { Count(name: name($0.key), count: $0.value) }.sorted { ($0.count, $1.name) > ($1.count, $0.name) }
        }
        entities = counted(network.entities.map(\.kind)) { $0.rawValue }
        records = counted(network.records.map(\.kind)) { $0.rawValue }
        relations = counted(network.relations.map(\.type)) { $0.rawValue }
        let warnings = result.diagnostics.filter { $0.severity == .warning }
        self.warnings = warnings.count
        // As the readers filed them: a word kept or mapped, an id made, or something not read.
        let text = { (diagnostic: Diagnostic) in language == .fr ? diagnostic.french : diagnostic.message }
        mapped = warnings.filter { $0.category == .mapped }.map(text)
        leftOut = warnings.filter { $0.category == .leftOut }.map(text)
    }
}
