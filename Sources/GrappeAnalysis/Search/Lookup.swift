import GrappeModel

/// The one text index of a network: finds entities and records by id or name, ignoring case and
/// accents (`technomontreal`, `ville de laval`, `Pôle` all find what a person means). It answers the
/// command line's and the palette's names, the path prompt, the form's completion and the
/// validator's exact names; `Fuzzy` scores the same folded text for the list filter.
public struct Lookup: Sendable {
    /// An entity or a record, by id.
    public enum Item: Hashable, Sendable {
        case entity(ID)
        case record(ID)

        public var id: ID {
            switch self {
            case .entity(let id), .record(let id): id
            }
        }
    }

    /// What a query found: one item, several (to choose from), or none (with a suggestion).
    public enum Match: Equatable, Sendable {
        case one(Item)
        case several([Item])
        case none(suggestion: Item?)
    }

    private struct Entry: Sendable {
        let item: Item
        let keys: [String]
    }

    private let entries: [Entry]
    /// Folded names, acronyms and aliases of entities (not ids), to the entries that carry them.
    private let byName: [String: [Int]]

    /// The index of `network`'s ids, names, acronyms, aliases and titles, folded once.
    public init(_ network: Network) {
        entries = network.entities.map { entity in
            Entry(item: .entity(entity.id),
                  keys: ([entity.id, entity.name] + [entity.acronym].compactMap { $0 } + entity.aliases).map(TextFolding.fold))
        } + network.records.map { record in
            Entry(item: .record(record.id), keys: [record.id, record.title].map(TextFolding.fold))
        }
        var byName: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            guard case .entity = entry.item else { break }
            for key in Set(entry.keys.dropFirst()) { byName[key, default: []].append(index) }
        }
        self.byName = byName
    }

    /// The entities whose name, acronym or alias is `text` (accents, case and outer spaces aside).
    public func entities(named text: String) -> [ID] {
        (byName[TextFolding.fold(text.trimmingSpaces())] ?? []).map { entries[$0].item.id }
    }

    /// An exact id wins; then names, acronyms and aliases equal to the query; then those containing it.
    public func find(_ query: String) -> Match {
        let folded = TextFolding.fold(query.trimmingSpaces())
        guard !folded.isEmpty else { return .none(suggestion: nil) }
        if let exact = entries.first(where: { $0.keys[0] == folded }) { return .one(exact.item) }
        let equal = entries.filter { $0.keys.contains(folded) }
        if equal.count == 1 { return .one(equal[0].item) }
        if equal.count > 1 { return .several(equal.map(\.item)) }
        let containing = entries.filter { entry in entry.keys.contains { $0.contains(folded) } }
        if containing.count == 1 { return .one(containing[0].item) }
        if containing.count > 1 { return .several(containing.map(\.item)) }
        let nearest = Suggestion.nearest(to: folded, in: entries.flatMap(\.keys))
        return .none(suggestion: nearest.flatMap { key in entries.first { $0.keys.contains(key) }?.item })
    }

    /// Items whose id or name starts with `folded` (already folded), then those with a word of the name
    /// starting with it; at most `limit`, only those `accept` takes. Uses the folded keys built once,
    /// so completing as someone types folds nothing per item.
    public func completions(for folded: String, limit: Int, accept: (Item) -> Bool) -> [Item] {
        guard !folded.isEmpty else { return [] }
        var starts: [Item] = []
        var inside: [Item] = []
        for entry in entries where starts.count < limit {
            let name = entry.keys[1]
            if entry.keys[0].hasPrefix(folded) || name.hasPrefix(folded) {
                if accept(entry.item) { starts.append(entry.item) }
            } else if inside.count < limit, name.contains(" " + folded) || name.contains("-" + folded) || name.contains("'" + folded),
                      accept(entry.item) {
                inside.append(entry.item)
            }
        }
        return Array((starts + inside).prefix(limit))
    }
}
