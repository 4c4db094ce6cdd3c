import GrappeModel

/// A node or an edge of another tool's graph file (GraphML, GEXF, Gephi's or Kumu's spreadsheets): named
/// text values, each with the place it was read, in the order the file gives them. An item holds a few
/// values, so they are kept in a small array (no hashing), and places as numbers until a message needs one.
struct GraphItem {
    /// Where the node or edge itself was read.
    let origin: Origin
    private let file: SeedFile

    private struct Value {
        var key: String
        var name: String
        var text: String
        var line: Int32
        var column: Int32
    }
    private var values: [Value] = []

    init(file: SeedFile, origin: Origin) {
        self.file = file
        self.origin = origin
        values.reserveCapacity(8)
    }

    var location: SourceLocation { place(origin.line, origin.column) }

    /// A column below zero is a CSV field (-1 the first), turned into a character column only when asked.
    private func place(_ line: Int32, _ column: Int32) -> SourceLocation {
        guard column < 0 else { return file.location(line: Int(line), column: Int(column)) }
        return file.location(line: Int(line), column: file.column(ofField: Int(-column) - 1, line: Int(line), delimiter: file.csvDelimiter))
    }

    /// Sets a value; an empty one (after trimming) counts as absent. A name given twice keeps the first.
    /// `key` is the name in lower case, when the caller has it already.
    mutating func set(_ name: String, _ value: String, key: String? = nil, line: Int32? = nil, column: Int32? = nil) {
        let key = key ?? name.lowercased()
        guard !values.contains(where: { $0.key == key }) else { return }
        let text = value.trimmingSpaces()
        guard !text.isEmpty else { return }
        values.append(Value(key: key, name: name, text: text, line: line ?? origin.line, column: column ?? origin.column))
    }

    subscript(_ key: String) -> String? { values.first { $0.key == key }?.text }

    /// Where a value was read, as numbers (the item's place when the value is absent).
    func position(_ key: String) -> (line: Int32, column: Int32) {
        guard let value = values.first(where: { $0.key == key }) else { return (origin.line, origin.column) }
        return (value.line, value.column)
    }

    /// Sets a value at the place another item's value was read (for tables whose columns are renamed).
    mutating func set(_ name: String, _ value: String, placeOf key: String, in other: GraphItem) {
        let (line, column) = other.position(key)
        set(name, value, line: line, column: column)
    }

    /// Names as the file writes them, in order.
    var names: [String] { values.map(\.name) }

    /// Where a value was read (the item's place when the value is absent).
    func at(_ key: String) -> SourceLocation {
        guard let value = values.first(where: { $0.key == key }) else { return location }
        return place(value.line, value.column)
    }

    /// The values whose names are not in `known`, by the name the file gives them: kept as attributes.
    /// `NAME (attribute)` (how exports write an attribute whose name is a field's) is read as `NAME`.
    func others(_ known: Set<String>) -> [String: String] {
        var result: [String: String] = [:]
        for value in values where !known.contains(value.key) { result[Self.attributeName(value.name)] = value.text }
        return result
    }

    /// An attribute's name as the seeds write it: without the suffix exports add on a clash with a field.
    static func attributeName(_ name: String) -> String {
        guard name.hasSuffix(RecordTie.attributeSuffix), name.count > RecordTie.attributeSuffix.count else { return name }
        return String(name.dropLast(RecordTie.attributeSuffix.count))
    }
}

/// A record's tie read from an edge (`RecordTie`), attached to its record once every file is read.
struct PendingTie {
    var tie: RecordTie
    /// The record's id (the edge's source, or its target for a funding line) and the other end.
    var record: ID
    var other: ID
    var item: GraphItem
    /// Which of the item's values named the tie (`type`, or Gephi's `kind`), for messages.
    var typeKey: String
}
