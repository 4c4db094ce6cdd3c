import GrappeModel
import GrappeWords

/// Reads a Gephi-style spreadsheet: a nodes table (`Id`, `Label`, optional `Kind`, further columns as
/// attributes) or an edges table (`Source`, `Target`, optional `Type`/`Kind`, `Label`, `Start`, `End`,
/// `Weight`). Which one it is comes from the header. Column names match case-insensitively.
struct CSVSeedReader {
    let file: SeedFile
    let fileIndex: Int32
    let set: SeedSet

    static let nodeColumns = [
        "id", "label", "kind", "type", "acronym", "aliases", "country", "region", "sector",
        "founded", "ended", "summary", "description", "website", "provenance",
    ]
    /// The columns of a record's row in a Gephi nodes table (as `grappe export --format csv` writes them).
    static let recordColumns = [
        "date", "status", "signed", "valid_from", "valid_to", "purpose", "end", "budget",
        "budget_currency", "objectives", "notes", "outcomes", "duration",
    ]
    static let edgeColumns = [
        "source", "target", "type", "kind", "label", "title", "start", "end", "periods", "timeset", "interval",
        "weight", "note", "provenance", "id",
    ]
    /// The columns of a record's tie in a Gephi edges table (see `RecordTie`).
    static let tieColumns = [
        "attendance", "text", "agreement", "share_percent", "share", "amount", "amount_currency",
        "amount_from_share",
    ]

    /// What a chunk of a table leaves to be said once for the whole file.
    struct Summary {
        /// What the table's rows are: French singular and plural, English singular.
        var noun: (french: (String, String), english: String) = (("ligne", "lignes"), "row")
        var unsourced = 0
        var firstUnsourcedLine = Int.max
        /// Ids that were not Grappe ids, made into ones: how many, and the first (where, what, into what).
        var slugged = 0
        var firstSlug: (location: SourceLocation, text: String, slug: String)?
    }

    /// The header row of a file, or nil (with the reason reported) when there is none.
    static func header(of file: SeedFile, chunk: CSVChunks.Chunk, set: SeedSet) -> [String]? {
        var header: [String]?
        CSVRows(file: file, delimiter: file.csvDelimiter, range: chunk.range, firstLine: chunk.firstLine).forEach(
            row: { row, _ in
                if header == nil { header = row.strings }
            },
            problem: { offset, message in
                set.error(
                    file.location(ofOffset: offset), "erreur de syntaxe CSV dans l'en-tête\u{00A0}: \(message.french)",
                    "CSV syntax error in the header: \(message.english)")
            })
        if header == nil, set.diagnostics.isEmpty {
            set.warning(
                file.location(line: 1, column: 1), "fichier CSV vide\u{00A0}: on attend une ligne d'en-tête", "empty CSV file: expected a header row")
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
                    w.say(
                        "impossible de dire ce que contient ce tableau\u{00A0}: un tableau de nœuds demande une colonne «\u{00A0}Id\u{00A0}», un tableau de liens "
                            + "«\u{00A0}Source\u{00A0}» et «\u{00A0}Target\u{00A0}» (chez Kumu\u{00A0}: «\u{00A0}Label\u{00A0}»\u{00A0}; «\u{00A0}From\u{00A0}» et «\u{00A0}To\u{00A0}»)"
                            + (near.isEmpty ? "" : " (\(w.quoted(near[0].capitalized)) mal orthographié\u{00A0}?)"),
                        "cannot tell what this table holds: a nodes table needs an 'Id' column, an edges table 'Source' and 'Target' (Kumu's: 'Label'; 'From' and 'To')"
                            + (near.isEmpty ? "" : " (is \(w.quoted(near[0].capitalized)) misspelt?)"))
                }
            }
            return Summary()
        }
        CSVRows(file: file, delimiter: file.csvDelimiter, range: chunk.range, firstLine: chunk.firstLine).forEach(
            row: { row, line in
                table.row(row, line: line)
            },
            problem: { offset, message in
                set.error(file.location(ofOffset: offset), "erreur de syntaxe CSV\u{00A0}: \(message.french)", "CSV syntax error: \(message.english)")
            })
        return table.finish()
    }

    func at(_ line: Int, field: Int, rowOffset: Int? = nil) -> SourceLocation {
        let column =
            rowOffset.map { file.column(ofField: field, rowOffset: $0, delimiter: file.csvDelimiter) }
            ?? file.column(ofField: field, line: line, delimiter: file.csvDelimiter)
        return file.location(line: line, column: column)
    }
}

/// Shared by both tables: column lookup, width checks, dates, provenance.
class TableBase {
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
                    set.error(
                        reader.at(1, field: index), "la colonne «\u{00A0}\(original[index])\u{00A0}» figure deux fois dans l'en-tête",
                        "column '\(original[index])' appears twice in the header")
                }
                continue
            }
            columns[name] = index
            guard reportsHeader, !known.contains(name) else { continue }
            if let near = Suggestion.nearest(to: name, in: known) {
                set.warning(
                    reader.at(1, field: index),
                    "la colonne «\u{00A0}\(original[index])\u{00A0}» n'est pas une colonne connue\u{00A0}; vouliez-vous dire «\u{00A0}\(near.capitalized)\u{00A0}»\u{00A0}?"
                        + (keepsUnknown ? " (gardée comme attribut)" : " (ignorée)"),
                    "column '\(original[index])' is not a known column; did you mean '\(near.capitalized)'?"
                        + (keepsUnknown ? " (kept as an attribute)" : " (ignored)"), keepsUnknown ? .mapped : .leftOut)
            } else if !keepsUnknown {
                set.warning(
                    reader.at(1, field: index),
                    "la colonne «\u{00A0}\(original[index])\u{00A0}» est ignorée\u{00A0}: les liens ne gardent que les colonnes connues",
                    "column '\(original[index])' is ignored: edges keep only the known columns", .leftOut)
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
            w.say(
                "la ligne a \(w.count(row.count, ("colonne", "colonnes"), ("", ""))), l'en-tête \(width)",
                "row has \(row.count) column\(row.count == 1 ? "" : "s") but the header has \(width)")
        }
        return false
    }

    /// The cell's text without surrounding spaces, or nil when it is empty.
    func value(_ row: CSVRow, _ index: Int?) -> String? {
        guard let index, !row.isEmpty(index) else { return nil }
        let cell = row.cell(index)
        if cell[cell.startIndex] == 0x27 { return Self.unguarded(row.string(index).trimmingSpaces()) }
        guard cell[cell.startIndex] <= 0x20 || cell[cell.endIndex - 1] <= 0x20 else { return row.string(index) }
        let trimmed = row.string(index).trimmingSpaces()
        return trimmed.isEmpty ? nil : Self.unguarded(trimmed)
    }

    /// A cell as its text: the apostrophe a spreadsheet-safe export puts before a formula character
    /// (`'=1+1`, as Grappe's own CSV export and OWASP's advice write it; spreadsheets hide it) is
    /// taken off, so that a name goes out and comes back the same.
    static func unguarded(_ text: String) -> String? {
        guard text.utf8.first == 0x27, text.utf8.count > 1 else { return text.isEmpty ? nil : text }
        let rest = text.dropFirst()
        guard let first = rest.first, "=+-@".contains(first), Double(rest) == nil else { return text }
        return String(rest)
    }

    func at(_ row: CSVRow, _ line: Int, _ column: String) -> SourceLocation {
        reader.at(line, field: columns[column] ?? 0, rowOffset: row.offset)
    }

    func at(_ row: CSVRow, _ line: Int, field: Int) -> SourceLocation { reader.at(line, field: field, rowOffset: row.offset) }

    func date(_ row: CSVRow, _ index: Int?, _ column: String, line: Int) -> PartialDate? {
        guard let index, !row.isEmpty(index) else { return nil }
        switch PartialDate.parse(utf8: row.cell(index)) {
        case .success(let date): return date
        case .failure(let error):
            set.error(
                at(row, line, column), "date invalide dans la colonne «\u{00A0}\(column.capitalized)\u{00A0}»\u{00A0}: \(error.french)",
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
        let refs = SourceRef.parseList(text)
        for ref in refs {
            set.references.append(
                PendingReference(id: ref.document, target: .document, location: at(row, line, "provenance"), role: .same("provenance")))
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
            item.set(original[index], Self.unguarded(row.string(index)) ?? "", line: Int32(line), column: -Int32(index + 1))
        }
        return item
    }

    func summary(_ noun: (french: (String, String), english: String)) -> CSVSeedReader.Summary {
        CSVSeedReader.Summary(
            noun: noun, unsourced: unsourced, firstUnsourcedLine: unsourced > 0 ? firstUnsourcedLine : .max, slugged: slugged,
            firstSlug: firstSlug)
    }

    private(set) var slugged = 0
    private var firstSlug: (location: SourceLocation, text: String, slug: String)?

    /// An id from a cell (Id, Source, Target). Spreadsheets from other tools hold ids of any text
    /// (Gephi's `EcologicalSustainability`, `Fred`): one that is not a Grappe id is made into one
    /// (`ecologicalsustainability`), the same way in every table, and the file says so once (see
    /// `SeedLoader.merge`); the text itself is kept as the name where the row gives none.
    func tableID(_ text: String, _ row: CSVRow, _ line: Int, _ column: String) -> ID {
        guard IDSyntax.problem(with: text) != nil else { return text }
        let slug = IDSyntax.slug(text)
        if firstSlug == nil { firstSlug = (at(row, line, column), text, slug) }
        slugged += 1
        if set.endNames[slug] == nil { set.endNames[slug] = text }
        return slug
    }
}
