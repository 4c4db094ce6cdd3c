import GrappeModel
import GrappeWords

// The four kinds of table a CSV seed file can be, by its header: nodes, edges, Kumu's elements and connections.

final class NodeTable: TableBase {
    private let attributeColumns: [(index: Int, name: String)]
    private var kindCache: [String: EntityKind] = [:]
    private let indices:
        (
            id: Int, label: Int?, kind: Int?, type: Int?, acronym: Int?, aliases: Int?, country: Int?,
            region: Int?, sector: Int?, founded: Int?, ended: Int?, summary: Int?, description: Int?, website: Int?
        )

    init(header: [String], original: [String], reader: CSVSeedReader, reportsHeader: Bool) {
        let known = CSVSeedReader.nodeColumns + CSVSeedReader.recordColumns
        attributeColumns = header.enumerated().filter { !known.contains($0.element) && !$0.element.isEmpty }
            .map { ($0.offset, GraphItem.attributeName(original[$0.offset].trimmingSpaces())) }
        let at = { (name: String) in header.firstIndex(of: name) }
        indices = (
            at("id")!, at("label"), at("kind"), at("type"), at("acronym"), at("aliases"), at("country"), at("region"),
            at("sector"), at("founded"), at("ended"), at("summary"), at("description"), at("website")
        )
        super.init(
            header: header, original: original, reader: reader, known: known, keepsUnknown: true,
            reportsHeader: reportsHeader)
    }

    override func row(_ row: CSVRow, line: Int) {
        guard checkWidth(row, line: line) else { return }
        guard let text = value(row, indices.id) else {
            set.error(at(row, line, "id"), "la ligne n'a pas d'Id", "row has no Id")
            return
        }
        let id = tableID(text, row, line, "id")
        var kind = EntityKind.organisation
        if let text = value(row, indices.kind) {
            if RecordKind(rawValue: text.lowercased()) != nil {
                return GraphItemReader(set: set).node(item(row, line: line))
            }
            if let cached = kindCache[text] {
                kind = cached
            } else if let parsed = YAMLFields.choice(text.lowercased(), EntityKind.self, key: "kind", at: self.at(row, line, "kind"), set: set) {
                kindCache[text] = parsed
                kind = parsed
            } else {
                return
            }
        }
        var organisationType: OrganisationType?
        if kind == .organisation, let text = value(row, indices.type) {
            organisationType = YAMLFields.choice(
                text.lowercased(), OrganisationType.self, key: "organisation type",
                at: self.at(row, line, "type"), set: set)
        }
        var attributes: [String: String] = [:]
        for (index, name) in attributeColumns where !row.isEmpty(index) {
            attributes[name] = Self.unguarded(row.string(index)) ?? ""
        }
        let entity = Entity(
            id: id, kind: kind, name: value(row, indices.label) ?? text, acronym: value(row, indices.acronym),
            aliases: value(row, indices.aliases).map { $0.split(separator: "|").map { $0.trimmingSpaces() } } ?? [],
            organisationType: organisationType, country: value(row, indices.country),
            region: value(row, indices.region), sector: value(row, indices.sector),
            founded: date(row, indices.founded, "founded", line: line),
            ended: date(row, indices.ended, "ended", line: line),
            summary: value(row, indices.summary) ?? value(row, indices.description),
            website: value(row, indices.website), attributes: attributes, sources: sources(row, line: line))
        set.entities.append(entity)
        set.entityOrigins.append(Origin(file: reader.fileIndex, line: Int32(line), column: -Int32(indices.id + 1)))
    }

    override func finish() -> CSVSeedReader.Summary { summary((("nœud", "nœuds"), "node")) }
}

final class EdgeTable: TableBase {
    private let firstRelation: Int
    private let firstLine: Int
    /// Relation types seen so far, as the bytes of the cell: rows are matched without making a String.
    private var knownTypes: [(bytes: [UInt8], type: RelationType)] = RelationType.allCases.map { (Array($0.rawValue.utf8), $0) }
    private let indices:
        (
            source: Int, target: Int, type: Int?, kind: Int?, label: Int?, title: Int?, start: Int?, end: Int?,
            periods: Int?, weight: Int?, note: Int?
        )

    init(header: [String], original: [String], reader: CSVSeedReader, reportsHeader: Bool) {
        firstRelation = reader.set.relations.count
        firstLine = reader.set.relationLines.count
        let at = { (name: String) in header.firstIndex(of: name) }
        indices = (
            at("source")!, at("target")!, at("type"), at("kind"), at("label"), at("title"), at("start"), at("end"),
            at("periods") ?? at("timeset") ?? at("interval"), at("weight"), at("note")
        )
        super.init(
            header: header, original: original, reader: reader, known: CSVSeedReader.edgeColumns + CSVSeedReader.tieColumns,
            keepsUnknown: false, reportsHeader: reportsHeader)
    }

    /// Gephi's own `Type` column says Directed or Undirected; then the relation type comes from `Kind`.
    private static let gephiDirections: Set<String> = ["directed", "undirected", "mixed"]

    /// The row's relation type, and the word it was read from when that is no Grappe relation type:
    /// Gephi's `Kind` (`1`), another tool's vocabulary (`biological`). Such a word does not refuse
    /// the row: the relation is a partnership labelled with the word, and each word is said once
    /// per table. A near miss of a Grappe type (`partnr_of`) is a typo: an error, nil.
    func type(_ row: CSVRow, line: Int) -> (type: RelationType, word: String?, untyped: Bool)? {
        var column = indices.type
        // Gephi's `Directed` keeps an edge without a Grappe type directed (`linked_to`).
        var neutral = RelationType.default
        if let index = column, !row.isEmpty(index) {
            if let known = knownTypes.first(where: { row.equals(index, $0.bytes) }) { return (known.type, nil, false) }
            let direction = row.string(index).trimmingSpaces().lowercased()
            if Self.gephiDirections.contains(direction) {
                column = indices.kind
                if direction == "directed" { neutral = .linkedTo }
            }
        } else {
            column = indices.kind
        }
        guard let index = column, !row.isEmpty(index) else { return (neutral, nil, true) }
        if let known = knownTypes.first(where: { row.equals(index, $0.bytes) }) { return (known.type, nil, false) }
        let text = row.string(index).trimmingSpaces()
        let word = text.vocabularyWord
        if let parsed = RelationType(rawValue: word) {
            knownTypes.append((Array(row.cell(index)), parsed))
            return (parsed, nil, false)
        }
        if PlaceTies.synonym(word) != nil { return (neutral, text, true) }
        // A near miss of a Grappe type is a typo in Grappe's own seeds: an error, with the type meant.
        if Suggestion.nearest(to: word, in: RelationType.allCases.map(\.rawValue)) != nil {
            _ = YAMLFields.choice(word, RelationType.self, key: "relation type", at: at(row, line, index == indices.type ? "type" : "kind"), set: set)
            return nil
        }
        if unmapped.insert(word).inserted {
            let name = index == indices.type ? "Type" : "Kind"
            set.warning(at(row, line, name.lowercased()), .mapped) { w in
                w.say(
                    "\(w.quoted(text)) (\(name)) n'est pas un type de relation de Grappe\u{00A0}: lu comme \(neutral.rawValue), le mot gardé comme libellé",
                    "\(w.quoted(text)) (\(name)) is not a Grappe relation type: read as \(neutral.rawValue), the word kept as its label")
            }
        }
        return (neutral, text, true)
    }

    private var unmapped: Set<String> = []

    /// Weights are mostly small whole numbers: read those from the bytes, the rest through `Double`.
    func weight(_ row: CSVRow, line: Int) -> Double?? {
        guard let index = indices.weight, !row.isEmpty(index) else { return .some(nil) }
        let whole: Int? = {
            let bytes = row.cell(index)
            guard bytes.count <= 9 else { return nil }
            var value = 0
            for byte in bytes {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }()
        if let whole { return .some(Double(whole)) }
        let text = row.string(index).trimmingSpaces()
        guard let number = Double(text), number.isFinite else {
            let hint = Words.decimalPointHint(text)
            set.error(
                at(row, line, "weight"), "Weight doit être un nombre\u{00A0}; trouvé\u{00A0}: «\u{00A0}\(text)\u{00A0}»\(hint.french)",
                "Weight must be a number, found '\(text)'\(hint.english)")
            return nil
        }
        return .some(number)
    }

    /// A row whose type (or Gephi's kind) names a record's tie rather than a relation.
    func isTie(_ row: CSVRow) -> Bool {
        // Called for every row: the two columns one after the other, without building an array.
        func names(_ index: Int?) -> Bool? {
            guard let index, !row.isEmpty(index) else { return nil }
            if knownTypes.contains(where: { row.equals(index, $0.bytes) }) { return false }
            return RecordTie(rawValue: row.string(index).trimmingSpaces().lowercased()) != nil ? true : nil
        }
        return names(indices.type) ?? names(indices.kind) ?? false
    }

    override func row(_ row: CSVRow, line: Int) {
        guard checkWidth(row, line: line) else { return }
        if isTie(row) { return GraphItemReader(set: set).edge(item(row, line: line)) }
        // Every cell is checked, so that one error in a row does not hide the others.
        let from = value(row, indices.source).map { tableID($0, row, line, "source") }
        let to = value(row, indices.target).map { tableID($0, row, line, "target") }
        if from == nil { set.error(at(row, line, "source"), "la ligne n'a pas de Source", "row has no Source") }
        if to == nil { set.error(at(row, line, "target"), "la ligne n'a pas de Target", "row has no Target") }
        let typed = type(row, line: line)
        let weight = weight(row, line: line)
        let start = date(row, indices.start, "start", line: line)
        let end = date(row, indices.end, "end", line: line)
        if let start, let end, end.isCertainlyBefore(start) {
            set.error(
                at(row, line, "end"), "la relation finit (\(end)) avant de commencer (\(start))", "relation ends (\(end)) before it starts (\(start))"
            )
        }
        let sources = sources(row, line: line)
        // Several periods (Grappe's `periods`, Gephi's `Timeset` or `Interval`), checked with the rest.
        var periodsAt: SourceLocation?, periods: [Period]?
        if let index = indices.periods, let text = value(row, index) {
            periodsAt = at(row, line, field: index)
            periods = set.periods(text, at: periodsAt!)
            if periods == nil { return }
        }
        guard let from, let to, let (type, word, untyped) = typed, let weight else { return }
        if let word {
            set.worded.append((set.relations.count, word))
        } else if untyped {
            set.untyped.append(set.relations.count)
        }
        var relation = Relation(
            from: from, to: to, type: type, title: value(row, indices.title),
            label: value(row, indices.label) ?? word, start: start, end: end, weight: weight,
            note: value(row, indices.note), sources: sources)
        if let periods, let periodsAt { set.apply(periods, to: &relation, at: periodsAt) }
        set.relations.append(relation)
        set.relationLines.append(Int32(line))
    }

    override func finish() -> CSVSeedReader.Summary {
        set.edgeTables.append(
            CSVEdgeTable(
                file: reader.fileIndex, relations: firstRelation..<set.relations.count,
                firstLine: firstLine, sourceColumn: indices.source, targetColumn: indices.target,
                delimiter: reader.file.csvDelimiter))
        return summary((("lien", "liens"), "edge"))
    }
}

/// Kumu's elements spreadsheet: `Label`, `Type`, `Description`, `Tags` and any further fields. Kumu has no
/// ids: an element's id is its `ID` column when there is one, else made from its label (`Ville de
/// Laval` → `ville-de-laval`), as connections find it again. Kumu's types become Grappe's kinds where
/// they name one (Person, Organization, City…); any other type is read as an organisation, its Kumu
/// type kept as an attribute, and said once per type.
final class KumuElementTable: TableBase {
    static let known = ["id", "label", "type", "description", "tags", "provenance"]
    private var unmapped: Set<String> = []

    init(header: [String], original: [String], reader: CSVSeedReader, reportsHeader: Bool) {
        super.init(header: header, original: original, reader: reader, known: Self.known, keepsUnknown: true, reportsHeader: reportsHeader)
    }

    override func row(_ row: CSVRow, line: Int) {
        guard checkWidth(row, line: line) else { return }
        Kumu.element(item(row, line: line), file: reader.file, set: set, unmapped: &unmapped)
    }

    override func finish() -> CSVSeedReader.Summary { summary((("élément", "éléments"), "element")) }
}

/// Kumu's connections spreadsheet: `From`, `To`, `Type`, `Direction` and further fields. `From` and `To`
/// name elements by id or by label (made into the id as for elements). A type that is not one of
/// Grappe's relation types is read as a partnership, the Kumu type kept as its label, and said once.
final class KumuConnectionTable: TableBase {
    static let known = ["from", "to", "type", "direction", "label", "description", "tags", "weight", "start", "end", "periods", "provenance"]
    private var unmapped: Set<String> = []

    init(header: [String], original: [String], reader: CSVSeedReader, reportsHeader: Bool) {
        super.init(header: header, original: original, reader: reader, known: Self.known, keepsUnknown: false, reportsHeader: reportsHeader)
    }

    override func row(_ row: CSVRow, line: Int) {
        guard checkWidth(row, line: line) else { return }
        Kumu.connection(item(row, line: line), file: reader.file, set: set, unmapped: &unmapped)
    }

    override func finish() -> CSVSeedReader.Summary { summary((("connexion", "connexions"), "connection")) }
}
