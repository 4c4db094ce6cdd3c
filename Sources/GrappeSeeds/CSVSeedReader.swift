import GrappeModel

/// Reads a Gephi-style spreadsheet: a nodes table (`Id`, `Label`, optional `Kind`, further columns as
/// attributes) or an edges table (`Source`, `Target`, optional `Type`/`Kind`, `Label`, `Start`, `End`,
/// `Weight`). Which one it is comes from the header. Column names match case-insensitively.
struct CSVSeedReader {
    let file: SeedFile
    let fileIndex: Int32
    let set: SeedSet

    static let nodeColumns = ["id", "label", "kind", "type", "acronym", "aliases", "country", "region", "sector",
                              "founded", "summary", "description", "website", "provenance"]
    static let edgeColumns = ["source", "target", "type", "kind", "label", "title", "start", "end", "weight", "note",
                              "provenance", "id"]

    func read() {
        let delimiter = file.guessDelimiter()
        file.csvDelimiter = delimiter
        var table: Table?
        CSVRows(file: file, delimiter: delimiter).forEach(row: { fields, line in
            if let table {
                table.row(fields, line: line)
            } else {
                table = Table(header: fields, reader: self, delimiter: delimiter)
                if table == nil { table = .some(.ignored) }
            }
        }, problem: { offset, message in
            set.error(file.location(ofOffset: offset), "CSV syntax error: \(message)")
        })
        if table == nil {
            set.warning(file.location(line: 1, column: 1), "empty CSV file: expected a header row")
        }
        table?.finish()
    }

    fileprivate func at(_ line: Int, field: Int) -> SourceLocation {
        file.location(line: line, column: file.column(ofField: field, line: line, delimiter: file.csvDelimiter))
    }
}

/// The state of reading one table: the header's meaning and what the rows have given so far.
private enum Table {
    case nodes(NodeTable)
    case edges(EdgeTable)
    case ignored

    init?(header: [String], reader: CSVSeedReader, delimiter: UInt8) {
        let names = header.map { $0.trimmingSpaces().lowercased() }
        if names.contains("source"), names.contains("target") {
            self = .edges(EdgeTable(header: names, original: header, reader: reader))
        } else if names.contains("id") {
            self = .nodes(NodeTable(header: names, original: header, reader: reader))
        } else {
            let near = names.compactMap { Suggestion.nearest(to: $0, in: ["id", "source", "target"]) }
            let hint = near.isEmpty ? "" : " (is '\(near[0].capitalized)' misspelt?)"
            reader.set.error(reader.file.location(line: 1, column: 1),
                             "cannot tell what this table holds: a nodes table needs an 'Id' column, an edges table 'Source' and 'Target'\(hint)")
            return nil
        }
    }

    func row(_ fields: [String], line: Int) {
        switch self {
        case .nodes(let table): table.row(fields, line: line)
        case .edges(let table): table.row(fields, line: line)
        case .ignored: break
        }
    }

    func finish() {
        switch self {
        case .nodes(let table): table.finish()
        case .edges(let table): table.finish()
        case .ignored: break
        }
    }
}

/// Shared by both tables: column lookup, width checks, provenance.
private class TableBase {
    let reader: CSVSeedReader
    let width: Int
    var columns: [String: Int] = [:]
    var unsourced = 0
    var firstUnsourcedLine = 0
    private var provenanceCache: [String: [SourceRef]] = [:]

    init(header: [String], original: [String], reader: CSVSeedReader, known: [String], keepsUnknown: Bool) {
        self.reader = reader
        width = header.count
        for (index, name) in header.enumerated() {
            if columns[name] != nil {
                reader.set.error(reader.at(1, field: index), "column '\(original[index])' appears twice in the header")
                continue
            }
            columns[name] = index
            if !known.contains(name) {
                if let near = Suggestion.nearest(to: name, in: known) {
                    reader.set.warning(reader.at(1, field: index), "column '\(original[index])' is not a known column; did you mean '\(near.capitalized)'?"
                                       + (keepsUnknown ? " (kept as an attribute)" : " (ignored)"))
                } else if !keepsUnknown {
                    reader.set.warning(reader.at(1, field: index), "column '\(original[index])' is ignored: edges keep only the known columns")
                }
            }
        }
    }

    /// False (and an error) when the row does not have as many fields as the header.
    func checkWidth(_ fields: [String], line: Int) -> Bool {
        guard fields.count != width else { return true }
        if fields.count == 1, fields[0].isEmpty { return false }
        reader.set.error(reader.file.location(line: line, column: 1),
                         "row has \(fields.count) column\(fields.count == 1 ? "" : "s") but the header has \(width)")
        return false
    }

    func value(_ fields: [String], _ column: String) -> String? {
        guard let index = columns[column] else { return nil }
        let text = fields[index]
        if text.isEmpty { return nil }
        let trimmed = text.first!.isWhitespace || text.last!.isWhitespace ? text.trimmingSpaces() : text
        return trimmed.isEmpty ? nil : trimmed
    }

    func at(_ line: Int, _ column: String) -> SourceLocation {
        reader.at(line, field: columns[column] ?? 0)
    }

    func date(_ fields: [String], _ column: String, line: Int) -> PartialDate? {
        guard let text = value(fields, column) else { return nil }
        switch PartialDate.parse(text) {
        case .success(let date): return date
        case .failure(let error):
            reader.set.error(at(line, column), "invalid date in column '\(column.capitalized)': \(error)")
            return nil
        }
    }

    /// `Provenance` cells: `doc-id` or `doc-id: note`, several separated by ` | `. Each distinct cell is
    /// parsed once, so a million rows citing one document share one array.
    func sources(_ fields: [String], line: Int) -> [SourceRef] {
        guard let text = value(fields, "provenance") else {
            if unsourced == 0 { firstUnsourcedLine = line }
            unsourced += 1
            return []
        }
        if let cached = provenanceCache[text] { return cached }
        let refs = text.split(separator: "|").compactMap { part -> SourceRef? in
            let pieces = part.split(separator: ":", maxSplits: 1)
            guard let document = pieces.first?.trimmingSpaces(), !document.isEmpty else { return nil }
            let note = pieces.count > 1 ? pieces[1].trimmingSpaces() : nil
            reader.set.references.append(PendingReference(id: document, target: .document, location: at(line, "provenance"),
                                                          role: "provenance"))
            return SourceRef(document: document, note: note?.isEmpty == true ? nil : note)
        }
        provenanceCache[text] = refs
        return refs
    }

    func reportUnsourced(_ what: String) {
        guard unsourced > 0 else { return }
        reader.set.warning(reader.file.location(line: firstUnsourcedLine, column: 1),
                           "\(unsourced) \(what)\(unsourced == 1 ? " has" : "s have") no source (add a 'Provenance' column)")
    }
}

private final class NodeTable: TableBase {
    private let attributeColumns: [(index: Int, name: String)]
    private var kindCache: [String: EntityKind] = [:]

    init(header: [String], original: [String], reader: CSVSeedReader) {
        attributeColumns = header.enumerated().filter { !CSVSeedReader.nodeColumns.contains($0.element) && !$0.element.isEmpty }
            .map { ($0.offset, original[$0.offset].trimmingSpaces()) }
        super.init(header: header, original: original, reader: reader, known: CSVSeedReader.nodeColumns, keepsUnknown: true)
    }

    func row(_ fields: [String], line: Int) {
        guard checkWidth(fields, line: line) else { return }
        let set = reader.set
        guard let id = value(fields, "id") else {
            set.error(at(line, "id"), "row has no Id")
            return
        }
        if let problem = IDSyntax.problem(with: id) {
            set.error(at(line, "id"), problem)
            return
        }
        var kind = EntityKind.organisation
        if let text = value(fields, "kind") {
            if let cached = kindCache[text] {
                kind = cached
            } else if let parsed = YAMLFields.choice(text.lowercased(), EntityKind.self, key: "kind", at: at(line, "kind"), set: set) {
                kindCache[text] = parsed
                kind = parsed
            } else {
                return
            }
        }
        var organisationType: OrganisationType?
        if kind == .organisation, let text = value(fields, "type") {
            organisationType = YAMLFields.choice(text.lowercased(), OrganisationType.self, key: "organisation type", at: at(line, "type"), set: set)
        }
        var attributes: [String: String] = [:]
        for (index, name) in attributeColumns where !fields[index].isEmpty {
            attributes[name] = fields[index]
        }
        let entity = Entity(id: id, kind: kind, name: value(fields, "label") ?? id, acronym: value(fields, "acronym"),
                            aliases: value(fields, "aliases").map { $0.split(separator: "|").map { $0.trimmingSpaces() } } ?? [],
                            organisationType: organisationType, country: value(fields, "country"), region: value(fields, "region"),
                            sector: value(fields, "sector"), founded: date(fields, "founded", line: line),
                            summary: value(fields, "summary") ?? value(fields, "description"), website: value(fields, "website"),
                            attributes: attributes, sources: sources(fields, line: line))
        set.entities.append(entity)
        set.entityOrigins.append(Origin(file: reader.fileIndex, line: Int32(line), column: -Int32((columns["id"] ?? 0) + 1)))
    }

    func finish() { reportUnsourced("node") }
}

private final class EdgeTable: TableBase {
    private let firstRelation: Int
    private let firstLine: Int
    private var typeCache: [String: RelationType] = [:]

    init(header: [String], original: [String], reader: CSVSeedReader) {
        firstRelation = reader.set.relations.count
        firstLine = reader.set.relationLines.count
        super.init(header: header, original: original, reader: reader, known: CSVSeedReader.edgeColumns, keepsUnknown: false)
        let expected = reader.file.bytes.count / max(32, 8 * header.count)
        reader.set.relations.reserveCapacity(reader.set.relations.count + expected)
    }

    /// Gephi's own `Type` column says Directed or Undirected; then the relation type comes from `Kind`.
    private static let gephiDirections: Set<String> = ["directed", "undirected", "mixed"]

    private func type(_ fields: [String], line: Int) -> RelationType? {
        var column = "type"
        var text = value(fields, "type")
        if text == nil || Self.gephiDirections.contains(text!.lowercased()) {
            column = "kind"
            text = value(fields, "kind")
        }
        guard let text else { return .default }
        if let cached = typeCache[text] { return cached }
        guard let parsed = YAMLFields.choice(text.lowercased(), RelationType.self, key: "relation type", at: at(line, column), set: reader.set) else {
            return nil
        }
        typeCache[text] = parsed
        return parsed
    }

    func row(_ fields: [String], line: Int) {
        guard checkWidth(fields, line: line) else { return }
        let set = reader.set
        guard let from = value(fields, "source") else { set.error(at(line, "source"), "row has no Source"); return }
        guard let to = value(fields, "target") else { set.error(at(line, "target"), "row has no Target"); return }
        guard let type = type(fields, line: line) else { return }
        var weight: Double?
        if let text = value(fields, "weight") {
            guard let number = Double(text), number.isFinite else {
                set.error(at(line, "weight"), "Weight must be a number, found '\(text)'")
                return
            }
            weight = number
        }
        let start = date(fields, "start", line: line)
        let end = date(fields, "end", line: line)
        if let start, let end, end.isCertainlyBefore(start) {
            set.error(at(line, "end"), "relation ends (\(end)) before it starts (\(start))")
        }
        set.relations.append(Relation(from: from, to: to, type: type, title: value(fields, "title"), label: value(fields, "label"),
                                      start: start, end: end, weight: weight, note: value(fields, "note"),
                                      sources: sources(fields, line: line)))
        set.relationLines.append(Int32(line))
    }

    func finish() {
        reader.set.edgeTables.append(CSVEdgeTable(file: reader.fileIndex, relations: firstRelation..<reader.set.relations.count,
                                                  firstLine: firstLine,
                                                  sourceColumn: columns["source"]!, targetColumn: columns["target"]!,
                                                  delimiter: reader.file.csvDelimiter))
        reportUnsourced("edge")
    }
}
