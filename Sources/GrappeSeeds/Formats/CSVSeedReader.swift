import GrappeModel
import GrappeWords

/// Reads a Gephi-style spreadsheet: a nodes table (`Id`, `Label`, optional `Kind`, further columns as
/// attributes) or an edges table (`Source`, `Target`, optional `Type`/`Kind`, `Label`, `Start`, `End`,
/// `Weight`). Which one it is comes from the header. Column names match case-insensitively.
struct CSVSeedReader {
    let file: SeedFile
    let fileIndex: Int32
    let set: SeedSet

    static let nodeColumns = ["id", "label", "kind", "type", "acronym", "aliases", "country", "region", "sector",
                              "founded", "summary", "description", "website", "provenance"]
    /// The columns of a record's row in a Gephi nodes table (as `grappe export --format csv` writes them).
    static let recordColumns = ["date", "status", "signed", "valid_from", "valid_to", "purpose", "end", "budget",
                                "budget_currency", "objectives", "notes", "outcomes", "duration"]
    static let edgeColumns = ["source", "target", "type", "kind", "label", "title", "start", "end", "weight", "note",
                              "provenance", "id"]
    /// The columns of a record's tie in a Gephi edges table (see `RecordTie`).
    static let tieColumns = ["attendance", "text", "agreement", "share_percent", "share", "amount", "amount_currency",
                             "amount_from_share"]

    /// What a chunk of a table leaves to be said once for the whole file.
    struct Summary {
        /// What the table's rows are: French singular and plural, English singular.
        var noun: (french: (String, String), english: String) = (("ligne", "lignes"), "row")
        var unsourced = 0
        var firstUnsourcedLine = Int.max
    }

    /// The header row of a file, or nil (with the reason reported) when there is none.
    static func header(of file: SeedFile, chunk: CSVChunks.Chunk, set: SeedSet) -> [String]? {
        var header: [String]?
        CSVRows(file: file, delimiter: file.csvDelimiter, range: chunk.range, firstLine: chunk.firstLine).forEach(row: { row, _ in
            if header == nil { header = row.strings }
        }, problem: { offset, message in
            set.error(file.location(ofOffset: offset), "erreur de syntaxe CSV dans l'en-tête\u{00A0}: \(message.french)", "CSV syntax error in the header: \(message.english)")
        })
        if header == nil, set.diagnostics.isEmpty {
            set.warning(file.location(line: 1, column: 1), "fichier CSV vide\u{00A0}: on attend une ligne d'en-tête", "empty CSV file: expected a header row")
        }
        return header
    }

    /// Reads the rows of one chunk of the body. Only the first chunk reports problems of the header.
    func read(_ chunk: CSVChunks.Chunk, header: [String], reportsHeader: Bool) -> Summary {
        let names = header.map { $0.trimmingSpaces().lowercased() }
        let table: TableBase
        if names.contains("source"), names.contains("target") {
            // The first chunk makes room for the whole table, so that merging the other chunks after it
            // appends in place instead of copying everything into a new array.
            let rows = file.lineCount(in: reportsHeader ? chunk.range.lowerBound..<file.bytes.count : chunk.range) + 1
            set.relations.reserveCapacity(set.relations.count + rows)
            set.relationLines.reserveCapacity(set.relationLines.count + rows)
            table = EdgeTable(header: names, original: header, reader: self, reportsHeader: reportsHeader)
        } else if names.contains("from"), names.contains("to") {
            table = KumuConnectionTable(header: names, original: header, reader: self, reportsHeader: reportsHeader)
        } else if names.contains("label"), !names.contains("id") {
            table = KumuElementTable(header: names, original: header, reader: self, reportsHeader: reportsHeader)
        } else if names.contains("id") {
            // As for edges: room for the whole table in the first chunk's array.
            let rows = file.lineCount(in: reportsHeader ? chunk.range.lowerBound..<file.bytes.count : chunk.range) + 1
            set.entities.reserveCapacity(set.entities.count + rows)
            set.entityOrigins.reserveCapacity(set.entityOrigins.count + rows)
            table = NodeTable(header: names, original: header, reader: self, reportsHeader: reportsHeader)
        } else {
            if reportsHeader {
                let near = names.compactMap { Suggestion.nearest(to: $0, in: ["id", "source", "target"]) }
                set.error(file.location(line: 1, column: 1)) { w in
                    w.say("impossible de dire ce que contient ce tableau\u{00A0}: un tableau de nœuds demande une colonne «\u{00A0}Id\u{00A0}», un tableau de liens "
                          + "«\u{00A0}Source\u{00A0}» et «\u{00A0}Target\u{00A0}» (chez Kumu\u{00A0}: «\u{00A0}Label\u{00A0}»\u{00A0}; «\u{00A0}From\u{00A0}» et «\u{00A0}To\u{00A0}»)"
                          + (near.isEmpty ? "" : " («\u{00A0}\(near[0].capitalized)\u{00A0}» mal orthographié\u{00A0}?)"),
                          "cannot tell what this table holds: a nodes table needs an 'Id' column, an edges table 'Source' and 'Target' (Kumu's: 'Label'; 'From' and 'To')"
                          + (near.isEmpty ? "" : " (is '\(near[0].capitalized)' misspelt?)"))
                }
            }
            return Summary()
        }
        CSVRows(file: file, delimiter: file.csvDelimiter, range: chunk.range, firstLine: chunk.firstLine).forEach(row: { row, line in
            table.row(row, line: line)
        }, problem: { offset, message in
            set.error(file.location(ofOffset: offset), "erreur de syntaxe CSV\u{00A0}: \(message.french)", "CSV syntax error: \(message.english)")
        })
        return table.finish()
    }

    fileprivate func at(_ line: Int, field: Int, rowOffset: Int? = nil) -> SourceLocation {
        let column = rowOffset.map { file.column(ofField: field, rowOffset: $0, delimiter: file.csvDelimiter) }
            ?? file.column(ofField: field, line: line, delimiter: file.csvDelimiter)
        return file.location(line: line, column: column)
    }
}

/// Shared by both tables: column lookup, width checks, dates, provenance.
private class TableBase {
    let reader: CSVSeedReader
    let set: SeedSet
    let width: Int
    var columns: [String: Int] = [:]
    private(set) var unsourced = 0
    private var firstUnsourcedLine = 0
    private var provenanceCache: [String: [SourceRef]] = [:]
    private var lastProvenance: (bytes: [UInt8], refs: [SourceRef]) = ([], [])
    private var provenanceColumn: Int?
    let original: [String]

    init(header: [String], original: [String], reader: CSVSeedReader, known: [String], keepsUnknown: Bool, reportsHeader: Bool) {
        self.reader = reader
        self.original = original
        set = reader.set
        width = header.count
        for (index, name) in header.enumerated() {
            if columns[name] != nil {
                if reportsHeader {
                    set.error(reader.at(1, field: index), "la colonne «\u{00A0}\(original[index])\u{00A0}» figure deux fois dans l'en-tête",
                              "column '\(original[index])' appears twice in the header")
                }
                continue
            }
            columns[name] = index
            guard reportsHeader, !known.contains(name) else { continue }
            if let near = Suggestion.nearest(to: name, in: known) {
                set.warning(reader.at(1, field: index),
                            "la colonne «\u{00A0}\(original[index])\u{00A0}» n'est pas une colonne connue\u{00A0}; vouliez-vous dire «\u{00A0}\(near.capitalized)\u{00A0}»\u{00A0}?"
                            + (keepsUnknown ? " (gardée comme attribut)" : " (ignorée)"),
                            "column '\(original[index])' is not a known column; did you mean '\(near.capitalized)'?"
                            + (keepsUnknown ? " (kept as an attribute)" : " (ignored)"))
            } else if !keepsUnknown {
                set.warning(reader.at(1, field: index), "la colonne «\u{00A0}\(original[index])\u{00A0}» est ignorée\u{00A0}: les liens ne gardent que les colonnes connues",
                            "column '\(original[index])' is ignored: edges keep only the known columns")
            }
        }
        provenanceColumn = columns["provenance"]
    }

    func row(_ row: CSVRow, line: Int) {}

    func finish() -> CSVSeedReader.Summary { CSVSeedReader.Summary() }

    /// False (and an error) when the row does not have as many cells as the header.
    func checkWidth(_ row: CSVRow, line: Int) -> Bool {
        guard row.count != width else { return true }
        if row.count == 1, row.isEmpty(0) { return false }
        set.error(reader.file.location(line: line, column: 1)) { [width] w in
            w.say("la ligne a \(w.count(row.count, ("colonne", "colonnes"), ("", ""))), l'en-tête \(width)",
                  "row has \(row.count) column\(row.count == 1 ? "" : "s") but the header has \(width)")
        }
        return false
    }

    /// The cell's text without surrounding spaces, or nil when it is empty.
    func value(_ row: CSVRow, _ index: Int?) -> String? {
        guard let index, !row.isEmpty(index) else { return nil }
        let cell = row.cell(index)
        guard cell[cell.startIndex] <= 0x20 || cell[cell.endIndex - 1] <= 0x20 else { return row.string(index) }
        let trimmed = row.string(index).trimmingSpaces()
        return trimmed.isEmpty ? nil : trimmed
    }

    func at(_ row: CSVRow, _ line: Int, _ column: String) -> SourceLocation {
        reader.at(line, field: columns[column] ?? 0, rowOffset: row.offset)
    }

    func date(_ row: CSVRow, _ index: Int?, _ column: String, line: Int) -> PartialDate? {
        guard let index, !row.isEmpty(index) else { return nil }
        switch PartialDate.parse(utf8: row.cell(index)) {
        case .success(let date): return date
        case .failure(let error):
            set.error(at(row, line, column), "date invalide dans la colonne «\u{00A0}\(column.capitalized)\u{00A0}»\u{00A0}: \(error.french)",
                      "invalid date in column '\(column.capitalized)': \(error)")
            return nil
        }
    }

    /// `Provenance` cells: `doc-id` or `doc-id: note`, several separated by ` | `. Each distinct cell is
    /// parsed once, so a million rows citing one document share one array.
    func sources(_ row: CSVRow, line: Int) -> [SourceRef] {
        guard let index = provenanceColumn, !row.isEmpty(index) else {
            if unsourced == 0 { firstUnsourcedLine = line }
            unsourced += 1
            return []
        }
        if row.equals(index, lastProvenance.bytes) { return lastProvenance.refs }
        let text = row.string(index).trimmingSpaces()
        if let cached = provenanceCache[text] {
            lastProvenance = (Array(row.cell(index)), cached)
            return cached
        }
        let refs = text.split(separator: "|").compactMap { part -> SourceRef? in
            let pieces = part.split(separator: ":", maxSplits: 1)
            guard let document = pieces.first?.trimmingSpaces(), !document.isEmpty else { return nil }
            let note = pieces.count > 1 ? pieces[1].trimmingSpaces() : nil
            set.references.append(PendingReference(id: document, target: .document, location: at(row, line, "provenance"), role: .same("provenance")))
            return SourceRef(document: document, note: note?.isEmpty == true ? nil : note)
        }
        provenanceCache[text] = refs
        lastProvenance = (Array(row.cell(index)), refs)
        return refs
    }

    /// The whole row as a graph item, for the rows the general graph reader takes (records, record
    /// ties, Kumu's tables): each cell under its header's name, at its own column.
    func item(_ row: CSVRow, line: Int) -> GraphItem {
        set.summarisedFiles.insert(reader.fileIndex)
        var item = GraphItem(file: reader.file, origin: Origin(file: reader.fileIndex, line: Int32(line), column: 1))
        for index in 0..<min(row.count, original.count) where !row.isEmpty(index) {
            item.set(original[index], row.string(index), line: Int32(line), column: -Int32(index + 1))
        }
        return item
    }

    func summary(_ noun: (french: (String, String), english: String)) -> CSVSeedReader.Summary {
        CSVSeedReader.Summary(noun: noun, unsourced: unsourced, firstUnsourcedLine: unsourced > 0 ? firstUnsourcedLine : .max)
    }
}

private final class NodeTable: TableBase {
    private let attributeColumns: [(index: Int, name: String)]
    private var kindCache: [String: EntityKind] = [:]
    private let indices: (id: Int, label: Int?, kind: Int?, type: Int?, acronym: Int?, aliases: Int?, country: Int?,
                          region: Int?, sector: Int?, founded: Int?, summary: Int?, description: Int?, website: Int?)

    init(header: [String], original: [String], reader: CSVSeedReader, reportsHeader: Bool) {
        let known = CSVSeedReader.nodeColumns + CSVSeedReader.recordColumns
        attributeColumns = header.enumerated().filter { !known.contains($0.element) && !$0.element.isEmpty }
            .map { ($0.offset, GraphItem.attributeName(original[$0.offset].trimmingSpaces())) }
        let at = { (name: String) in header.firstIndex(of: name) }
        indices = (at("id")!, at("label"), at("kind"), at("type"), at("acronym"), at("aliases"), at("country"), at("region"),
                   at("sector"), at("founded"), at("summary"), at("description"), at("website"))
        super.init(header: header, original: original, reader: reader, known: known, keepsUnknown: true,
                   reportsHeader: reportsHeader)
    }

    override func row(_ row: CSVRow, line: Int) {
        guard checkWidth(row, line: line) else { return }
        guard let id = value(row, indices.id) else {
            set.error(at(row, line, "id"), "la ligne n'a pas d'Id", "row has no Id")
            return
        }
        if let problem = IDSyntax.problem(with: id) {
            set.error(at(row, line, "id"), problem.french, problem.english)
            return
        }
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
            organisationType = YAMLFields.choice(text.lowercased(), OrganisationType.self, key: "organisation type",
                                                 at: self.at(row, line, "type"), set: set)
        }
        var attributes: [String: String] = [:]
        for (index, name) in attributeColumns where !row.isEmpty(index) {
            attributes[name] = row.string(index)
        }
        let entity = Entity(id: id, kind: kind, name: value(row, indices.label) ?? id, acronym: value(row, indices.acronym),
                            aliases: value(row, indices.aliases).map { $0.split(separator: "|").map { $0.trimmingSpaces() } } ?? [],
                            organisationType: organisationType, country: value(row, indices.country),
                            region: value(row, indices.region), sector: value(row, indices.sector),
                            founded: date(row, indices.founded, "founded", line: line),
                            summary: value(row, indices.summary) ?? value(row, indices.description),
                            website: value(row, indices.website), attributes: attributes, sources: sources(row, line: line))
        set.entities.append(entity)
        set.entityOrigins.append(Origin(file: reader.fileIndex, line: Int32(line), column: -Int32(indices.id + 1)))
    }

    override func finish() -> CSVSeedReader.Summary { summary((("nœud", "nœuds"), "node")) }
}

private final class EdgeTable: TableBase {
    private let firstRelation: Int
    private let firstLine: Int
    /// Relation types seen so far, as the bytes of the cell: rows are matched without making a String.
    private var knownTypes: [(bytes: [UInt8], type: RelationType)] = RelationType.allCases.map { (Array($0.rawValue.utf8), $0) }
    private let indices: (source: Int, target: Int, type: Int?, kind: Int?, label: Int?, title: Int?, start: Int?, end: Int?,
                          weight: Int?, note: Int?)

    init(header: [String], original: [String], reader: CSVSeedReader, reportsHeader: Bool) {
        firstRelation = reader.set.relations.count
        firstLine = reader.set.relationLines.count
        let at = { (name: String) in header.firstIndex(of: name) }
        indices = (at("source")!, at("target")!, at("type"), at("kind"), at("label"), at("title"), at("start"), at("end"),
                   at("weight"), at("note"))
        super.init(header: header, original: original, reader: reader, known: CSVSeedReader.edgeColumns + CSVSeedReader.tieColumns,
                   keepsUnknown: false, reportsHeader: reportsHeader)
    }

    /// Gephi's own `Type` column says Directed or Undirected; then the relation type comes from `Kind`.
    private static let gephiDirections: Set<String> = ["directed", "undirected", "mixed"]

    private func type(_ row: CSVRow, line: Int) -> RelationType? {
        var column = indices.type
        if let index = column, !row.isEmpty(index) {
            if let known = knownTypes.first(where: { row.equals(index, $0.bytes) }) { return known.type }
            if Self.gephiDirections.contains(row.string(index).trimmingSpaces().lowercased()) { column = indices.kind }
        } else {
            column = indices.kind
        }
        guard let index = column, !row.isEmpty(index) else { return .default }
        if let known = knownTypes.first(where: { row.equals(index, $0.bytes) }) { return known.type }
        let text = row.string(index)
        let name = index == indices.type ? "type" : "kind"
        guard let parsed = YAMLFields.choice(text.trimmingSpaces().lowercased(), RelationType.self, key: "relation type",
                                             at: self.at(row, line, name), set: set) else { return nil }
        knownTypes.append((Array(text.utf8), parsed))
        return parsed
    }

    /// Weights are mostly small whole numbers: read those from the bytes, the rest through `Double`.
    private func weight(_ row: CSVRow, line: Int) -> Double?? {
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
            set.error(at(row, line, "weight"), "Weight doit être un nombre\u{00A0}; trouvé\u{00A0}: «\u{00A0}\(text)\u{00A0}»", "Weight must be a number, found '\(text)'")
            return nil
        }
        return .some(number)
    }

    /// A row whose type (or Gephi's kind) names a record's tie rather than a relation.
    private func isTie(_ row: CSVRow) -> Bool {
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
        guard let from = value(row, indices.source) else { set.error(at(row, line, "source"), "la ligne n'a pas de Source", "row has no Source"); return }
        guard let to = value(row, indices.target) else { set.error(at(row, line, "target"), "la ligne n'a pas de Target", "row has no Target"); return }
        guard let type = type(row, line: line), let weight = weight(row, line: line) else { return }
        let start = date(row, indices.start, "start", line: line)
        let end = date(row, indices.end, "end", line: line)
        if let start, let end, end.isCertainlyBefore(start) {
            set.error(at(row, line, "end"), "la relation finit (\(end)) avant de commencer (\(start))", "relation ends (\(end)) before it starts (\(start))")
        }
        set.relations.append(Relation(from: from, to: to, type: type, title: value(row, indices.title),
                                      label: value(row, indices.label), start: start, end: end, weight: weight,
                                      note: value(row, indices.note), sources: sources(row, line: line)))
        set.relationLines.append(Int32(line))
    }

    override func finish() -> CSVSeedReader.Summary {
        set.edgeTables.append(CSVEdgeTable(file: reader.fileIndex, relations: firstRelation..<set.relations.count,
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
private final class KumuElementTable: TableBase {
    static let known = ["id", "label", "type", "description", "tags", "provenance"]
    private var unmapped: Set<String> = []

    init(header: [String], original: [String], reader: CSVSeedReader, reportsHeader: Bool) {
        super.init(header: header, original: original, reader: reader, known: Self.known, keepsUnknown: true, reportsHeader: reportsHeader)
    }

    override func row(_ row: CSVRow, line: Int) {
        guard checkWidth(row, line: line) else { return }
        var item = item(row, line: line)
        guard let label = item["label"] else { return set.error(item.location, "la ligne n'a pas de Label", "row has no Label") }
        var mapped = GraphItem(file: reader.file, origin: item.origin)
        mapped.set("id", item["id"] ?? IDSyntax.slug(label), placeOf: item["id"] == nil ? "label" : "id", in: item)
        if let type = item["type"] {
            if let kind = Kumu.kind(type) {
                mapped.set("kind", kind.kind, placeOf: "type", in: item)
                if let organisationType = kind.type { mapped.set("type", organisationType) }
            } else {
                mapped.set("kind", "organisation")
                mapped.set("kumu type", type)
                if unmapped.insert(type.lowercased()).inserted {
                    set.warning(item.at("type"),
                                "le type Kumu «\u{00A0}\(type)\u{00A0}» n'a pas d'équivalent chez Grappe\u{00A0}: lu comme une organisation, le type gardé dans l'attribut «\u{00A0}kumu type\u{00A0}»",
                                "Kumu type '\(type)' has no Grappe kind: read as an organisation, the type kept as the attribute 'kumu type'")
                }
            }
        }
        for name in item.names where !["id", "type"].contains(name.lowercased()) {
            mapped.set(name.lowercased() == "provenance" ? "sources" : name, item[name.lowercased()]!, placeOf: name.lowercased(), in: item)
        }
        item = mapped
        GraphItemReader(set: set).node(item)
    }

    override func finish() -> CSVSeedReader.Summary { summary((("élément", "éléments"), "element")) }
}

/// Kumu's connections spreadsheet: `From`, `To`, `Type`, `Direction` and further fields. `From` and `To`
/// name elements by id or by label (made into the id as for elements). A type that is not one of
/// Grappe's relation types is read as a partnership, the Kumu type kept as its label, and said once.
private final class KumuConnectionTable: TableBase {
    static let known = ["from", "to", "type", "direction", "label", "description", "tags", "weight", "start", "end", "provenance"]
    private var unmapped: Set<String> = []

    init(header: [String], original: [String], reader: CSVSeedReader, reportsHeader: Bool) {
        super.init(header: header, original: original, reader: reader, known: Self.known, keepsUnknown: false, reportsHeader: reportsHeader)
    }

    override func row(_ row: CSVRow, line: Int) {
        guard checkWidth(row, line: line) else { return }
        let item = item(row, line: line)
        var mapped = GraphItem(file: reader.file, origin: item.origin)
        for (end, name) in [("from", "source"), ("to", "target")] {
            guard let text = item[end] else { return set.error(item.location, "la ligne n'a pas de \(end.capitalized)", "row has no \(end.capitalized)") }
            mapped.set(name, IDSyntax.problem(with: text) == nil ? text : IDSyntax.slug(text), placeOf: end, in: item)
        }
        if let type = item["type"] {
            let word = type.lowercased().replacingOccurrences(of: " ", with: "_")
            if RelationType(rawValue: word) != nil || RecordTie(rawValue: word) != nil {
                mapped.set("type", word, placeOf: "type", in: item)
            } else {
                mapped.set("label", type, placeOf: "type", in: item)
                if unmapped.insert(word).inserted {
                    set.warning(item.at("type"),
                                "le type de connexion Kumu «\u{00A0}\(type)\u{00A0}» n'est pas un type de relation de Grappe\u{00A0}: lu comme partner_of, «\u{00A0}\(type)\u{00A0}» gardé comme libellé",
                                "Kumu connection type '\(type)' is not a Grappe relation type: read as partner_of, '\(type)' kept as its label")
                }
            }
        }
        for name in ["label", "weight", "start", "end"] where item[name] != nil { mapped.set(name, item[name]!, placeOf: name, in: item) }
        if let note = item["description"] { mapped.set("note", note, placeOf: "description", in: item) }
        if let sources = item["provenance"] { mapped.set("sources", sources, placeOf: "provenance", in: item) }
        GraphItemReader(set: set).edge(mapped)
    }

    override func finish() -> CSVSeedReader.Summary { summary((("connexion", "connexions"), "connection")) }
}
