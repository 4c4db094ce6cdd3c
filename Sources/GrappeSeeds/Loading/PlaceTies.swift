import GrappeModel
import GrappeWords

/// Other tools' edges typed once every entity's kind is known, where their words or their ends say
/// what Grappe calls the tie:
/// - a word with a Grappe meaning (`located in` → `based_in`, `employed by` → `works_for`,
///   `belongs to` → `member_of`…), when the ends are kinds that type allows;
/// - an edge with no Grappe type between a city and something that is not a city: where that thing
///   is (`based_in`, turned towards the city when the edge had no direction).
/// The other tool's word stays the relation's label. Each mapping is said once, with its count; a
/// word whose ends do not fit keeps the neutral type, and that is said too.
struct PlaceTies {
    let set: SeedSet

    /// The Grappe type another tool's word (as `vocabularyWord` writes it) means, if any.
    static func synonym(_ word: String) -> RelationType? { synonyms[word] }

    private static let synonyms: [String: RelationType] = {
        var table: [String: RelationType] = [:]
        let words: [(RelationType, [String])] = [
            (.basedIn, ["located_in", "based_at", "headquartered_in", "situated_in", "lives_in", "location", "located_at", "is_in"]),
            (.worksFor, ["employed_by", "employee_of", "works_at", "work_for", "working_for", "employer"]),
            (.memberOf, ["member", "belongs_to", "is_member_of", "membership"]),
            (.partnerOf, ["partner", "partners_with", "partnership", "partnered_with"]),
            (.funds, ["funder_of", "finances", "sponsors"]),
        ]
        for (type, list) in words { for word in list { table[word] = type } }
        return table
    }()

    func run() {
        let hasCities = !set.untyped.isEmpty && set.entities.contains { $0.kind == .city }
        let words = set.worded.filter { Self.synonym($0.word.vocabularyWord) != nil }
        guard hasCities || !words.isEmpty else { return }
        var kinds: [ID: EntityKind] = [:]
        kinds.reserveCapacity(set.entities.count)
        for entity in set.entities { kinds[entity.id] = entity.kind }
        var mapped: [String: (type: RelationType, count: Int, misfits: Int, first: Int)] = [:]
        for (index, word) in words {
            let relation = set.relations[index], type = Self.synonym(word.vocabularyWord)!
            guard let fromKind = kinds[relation.from], let toKind = kinds[relation.to] else { continue }
            let key = word.lowercased()
            var entry = mapped[key] ?? (type, 0, 0, index)
            let (from, to) = type.allowedEnds
            if from.map({ $0.contains(fromKind) }) ?? true, to.map({ $0.contains(toKind) }) ?? true {
                set.relations[index].type = type
                entry.count += 1
            } else {
                entry.misfits += 1
            }
            mapped[key] = entry
        }
        var placed = 0, firstPlaced: Int?
        for index in hasCities ? set.untyped : [] {
            var relation = set.relations[index]
            guard let fromKind = kinds[relation.from], let toKind = kinds[relation.to], (toKind == .city) != (fromKind == .city) else { continue }
            if fromKind == .city {
                guard relation.type == .partnerOf else { continue }
                swap(&relation.from, &relation.to)
            }
            relation.type = .basedIn
            set.relations[index] = relation
            placed += 1
            if firstPlaced == nil { firstPlaced = index }
        }
        say(mapped, placed: placed, firstPlaced: firstPlaced)
    }

    private func say(_ mapped: [String: (type: RelationType, count: Int, misfits: Int, first: Int)], placed: Int, firstPlaced: Int?) {
        for word in mapped.keys.sorted() {
            let entry = mapped[word]!
            let at = set.location(ofRelation: entry.first, end: \.sourceColumn) ?? SourceLocation(path: "", line: 1, column: 1)
            let type = entry.type.rawValue
            set.warning(at, .mapped) { w in
                var text = w.say(
                    "\(w.quoted(word)) lu comme \(type) (\(w.count(entry.count, ("lien", "liens"), ("", ""))))",
                    "\(w.quoted(word)) read as \(type) (\(entry.count) link\(entry.count == 1 ? "" : "s"))")
                if entry.misfits > 0 {
                    text += w.say(
                        "\u{00A0}; \(entry.misfits) dont les extrémités ne conviennent pas à \(type) restent sans type, le mot gardé comme libellé",
                        "; \(entry.misfits) whose ends do not fit \(type) stay untyped, the word kept as the label")
                }
                return text
            }
        }
        guard let firstPlaced, placed > 0 else { return }
        let at = set.location(ofRelation: firstPlaced, end: \.sourceColumn) ?? SourceLocation(path: "", line: 1, column: 1)
        set.warning(at, .mapped) { w in
            w.say(
                "\(w.count(placed, ("lien", "liens"), ("", ""))) sans type entre une ville et autre chose lus comme based_in (où se trouve cette chose)",
                "\(placed) link\(placed == 1 ? "" : "s") with no type between a city and something else read as based_in (where that thing is)")
        }
    }

}

extension StringProtocol {
    /// Another tool's word as Grappe writes its own: lower case, spaces as `_` (`Works For` →
    /// `works_for`), to be matched against the vocabulary.
    var vocabularyWord: String { lowercased().replacingOccurrences(of: " ", with: "_") }
}
