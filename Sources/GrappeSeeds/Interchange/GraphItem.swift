import GrappeModel

/// A node or an edge of another tool's graph file (GraphML, GEXF, Gephi's or Kumu's spreadsheets): named
/// text values, each with the place it was read, in the order the file gives them.
struct GraphItem {
    /// Where the node or edge itself was read.
    var location: SourceLocation
    var origin: Origin
    /// Names as the file writes them, in order; looked up case-insensitively.
    private(set) var names: [String] = []
    private var values: [String: String] = [:]
    private var locations: [String: SourceLocation] = [:]

    init(location: SourceLocation, origin: Origin) {
        self.location = location
        self.origin = origin
    }

    /// Sets a value; an empty one (after trimming) counts as absent. A name given twice keeps the first.
    mutating func set(_ name: String, _ value: String, at location: SourceLocation? = nil) {
        let key = name.trimmingSpaces().lowercased()
        guard values[key] == nil else { return }
        let text = value.trimmingSpaces()
        guard !text.isEmpty else { return }
        names.append(name.trimmingSpaces())
        values[key] = text
        if let location { locations[key] = location }
    }

    subscript(_ name: String) -> String? { values[name] }

    /// Where a value was read (the item's place when the value has none of its own).
    func at(_ name: String) -> SourceLocation { locations[name] ?? location }

    /// The values whose names are not in `known`, by the name the file gives them: kept as attributes.
    /// `NAME (attribute)` (how exports write an attribute whose name is a field's) is read as `NAME`.
    func others(_ known: Set<String>) -> [String: String] {
        var result: [String: String] = [:]
        for name in names where !known.contains(name.lowercased()) {
            result[Self.attributeName(name)] = values[name.lowercased()]
        }
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
