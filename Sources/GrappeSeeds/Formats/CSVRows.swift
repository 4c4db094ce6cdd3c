import CLibCSV
import GrappeModel
import GrappeWords

#if canImport(Glibc)
import Glibc
#endif

/// One CSV record as libcsv gave it: the cells' bytes end to end, and where each cell ends.
/// Tables turn into `String`s only the cells they keep, and compare the others as bytes.
/// Valid only during the call that receives it: it points into the reader's buffers.
struct CSVRow {
    fileprivate let bytes: UnsafeBufferPointer<UInt8>
    fileprivate let ends: UnsafeBufferPointer<Int>
    /// Where the record starts in the file, for positions of its cells.
    let offset: Int

    var count: Int { ends.count }

    func range(_ cell: Int) -> Range<Int> { (cell == 0 ? 0 : ends[cell - 1])..<ends[cell] }

    func isEmpty(_ cell: Int) -> Bool { range(cell).isEmpty }

    /// The cell's text, with the escapes Grappe's CSV writes for control characters taken back
    /// (`\u{1B}` is ESC again; see `Sanitizer.cellText`).
    func string(_ cell: Int) -> String { Sanitizer.text(fromCell: String(decoding: bytes[range(cell)], as: UTF8.self)) }

    func cell(_ cell: Int) -> Slice<UnsafeBufferPointer<UInt8>> { bytes[range(cell)] }

    /// Whether the cell holds exactly these bytes.
    func equals(_ cell: Int, _ other: [UInt8]) -> Bool {
        let range = range(cell)
        guard range.count == other.count else { return false }
        return other.withUnsafeBufferPointer { otherBuffer in
            for offset in 0..<range.count where bytes[range.lowerBound + offset] != otherBuffer[offset] { return false }
            return true
        }
    }

    /// Every cell as text, for the rare paths (headers, errors).
    var strings: [String] { (0..<count).map(string) }
}

/// Rows of a CSV file, parsed by libcsv in strict mode. Each row comes with the line it starts on;
/// malformed quoting is reported at its exact byte and the row is skipped, and reading goes on.
struct CSVRows {
    let file: SeedFile
    let delimiter: UInt8
    /// The bytes to parse: the whole file, or one chunk of it that starts at a line boundary.
    var range: Range<Int>
    /// The line number of `range.lowerBound`.
    var firstLine = 1

    init(file: SeedFile, delimiter: UInt8, range: Range<Int>? = nil, firstLine: Int = 1) {
        self.file = file
        self.delimiter = delimiter
        self.range = range ?? file.contentStart..<file.bytes.count
        self.firstLine = firstLine
    }

    /// Calls `row` for each record with its cells and 1-based starting line, and `problem` for
    /// each syntax error with the byte offset where it was found.
    func forEach(row: (CSVRow, Int) -> Void, problem: (Int, Wording) -> Void) {
        withoutActuallyEscaping(row) { deliver in
            let sink = RowSink(deliver: deliver)
            let context = Unmanaged.passUnretained(sink).toOpaque()
            var parser = csv_parser()
            let options = UInt8(CSV_STRICT | CSV_STRICT_FINI)
            guard csv_init(&parser, options) == 0 else {
                problem(
                    range.lowerBound, Wording("impossible de lancer le lecteur CSV (plus de mémoire)", "cannot start the CSV parser (out of memory)"))
                return
            }
            csv_set_delim(&parser, delimiter)
            file.bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                var lineStart = range.lowerBound
                var line = firstLine
                sink.rowLine = line
                sink.rowOffset = lineStart
                let end = range.upperBound
                while lineStart < end {
                    let lineEnd =
                        memchr(base + lineStart, 0x0A, end - lineStart)
                        .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? end
                    let length = min(lineEnd + 1, end) - lineStart
                    if sink.betweenRows {
                        sink.rowLine = line
                        sink.rowOffset = lineStart
                    }
                    sink.rowEnded = false
                    let parsed = csv_parse(&parser, base + lineStart, length, fieldCallback, rowCallback, context)
                    if parsed < length {
                        problem(lineStart + parsed, Self.describe(base[lineStart + parsed]))
                        csv_free(&parser)
                        _ = csv_init(&parser, options)
                        csv_set_delim(&parser, delimiter)
                        sink.clear()
                        sink.betweenRows = true
                    } else if !sink.rowEnded, length > (lineEnd < end ? 1 : 0), !(length == 2 && base[lineStart] == 0x0D) {
                        sink.betweenRows = false
                    }
                    lineStart = lineEnd + 1
                    line += 1
                }
            }
            if csv_fini(&parser, fieldCallback, rowCallback, context) != 0 {
                problem(
                    file.offset(ofLine: sink.rowLine),
                    Wording(
                        "un champ entre guillemets n'est jamais refermé\u{00A0}: il manque un «\u{00A0}\"\u{00A0}»",
                        "a quoted field is never closed: a \" is missing"))
            }
            csv_free(&parser)
        }
    }

    private static func describe(_ byte: UInt8) -> Wording {
        byte == 0x22
            ? Wording(
                "guillemets mal placés\u{00A0}: un «\u{00A0}\"\u{00A0}» dans un champ se double («\u{00A0}\"\"\u{00A0}») et le champ se met entre guillemets",
                "malformed quoting: a \" inside a field must be doubled (\"\") and the field quoted")
            : Wording(
                "guillemets mal placés\u{00A0}: du texte suit un guillemet fermant\u{00A0}; mettez tout le champ entre guillemets",
                "malformed quoting: text after a closing quote; quote the whole field")
    }
}

/// libcsv's callbacks write here; one sink per parse. Plain buffers rather than arrays: these
/// callbacks run for every cell of a million-row table, and arrays in a class pay for exclusivity
/// checks on each access.
private final class RowSink {
    let deliver: (CSVRow, Int) -> Void
    var bytes: UnsafeMutablePointer<UInt8>
    var byteCount = 0
    var byteCapacity = 1024
    var ends: UnsafeMutablePointer<Int>
    var endCount = 0
    var endCapacity = 64
    var rowLine = 1
    var rowOffset = 0
    var betweenRows = true
    var rowEnded = false

    init(deliver: @escaping (CSVRow, Int) -> Void) {
        self.deliver = deliver
        bytes = .allocate(capacity: byteCapacity)
        ends = .allocate(capacity: endCapacity)
    }

    deinit {
        bytes.deallocate()
        ends.deallocate()
    }

    func append(_ data: UnsafeRawPointer?, _ length: Int) {
        if let data, length > 0 {
            if byteCount + length > byteCapacity {
                byteCapacity = max(byteCapacity * 2, byteCount + length)
                let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: byteCapacity)
                grown.update(from: bytes, count: byteCount)
                bytes.deallocate()
                bytes = grown
            }
            (bytes + byteCount).update(from: data.assumingMemoryBound(to: UInt8.self), count: length)
            byteCount += length
        }
        if endCount == endCapacity {
            endCapacity *= 2
            let grown = UnsafeMutablePointer<Int>.allocate(capacity: endCapacity)
            grown.update(from: ends, count: endCount)
            ends.deallocate()
            ends = grown
        }
        ends[endCount] = byteCount
        endCount += 1
    }

    func finishRow() {
        deliver(
            CSVRow(
                bytes: UnsafeBufferPointer(start: bytes, count: byteCount),
                ends: UnsafeBufferPointer(start: ends, count: endCount), offset: rowOffset), rowLine)
        clear()
        betweenRows = true
        rowEnded = true
    }

    func clear() {
        byteCount = 0
        endCount = 0
    }
}

private func fieldCallback(_ data: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    Unmanaged<RowSink>.fromOpaque(context!).takeUnretainedValue().append(data, length)
}

private func rowCallback(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    Unmanaged<RowSink>.fromOpaque(context!).takeUnretainedValue().finishRow()
}

extension SeedFile {
    /// The delimiter of a CSV file: whichever of `,` `;` and tab is most frequent, outside quotes,
    /// on the header line (spreadsheets in French locales write `;`).
    func guessDelimiter() -> UInt8 {
        var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0]
        var quoted = false
        for byte in bytes[contentStart...] {
            if byte == 0x0A, !quoted { break }
            if byte == 0x22 { quoted.toggle() }
            if !quoted, counts[byte] != nil { counts[byte]! += 1 }
        }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }.map { $0.value > 0 ? $0.key : 0x2C } ?? 0x2C
    }

    /// The column (in characters) where the field with index `field` begins on `line`.
    func column(ofField field: Int, line: Int, delimiter: UInt8) -> Int {
        column(ofField: field, rowOffset: offset(ofLine: line), delimiter: delimiter)
    }

    /// The same, from the offset where the row starts, without the file's line table.
    func column(ofField field: Int, rowOffset: Int, delimiter: UInt8) -> Int {
        var offset = rowOffset
        var seen = 0
        var quoted = false
        while seen < field, offset < bytes.count, !(bytes[offset] == 0x0A && !quoted) {
            if bytes[offset] == 0x22 { quoted.toggle() }
            if bytes[offset] == delimiter, !quoted { seen += 1 }
            offset += 1
        }
        var lineStart = offset
        while lineStart > 0, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        return bytes[max(lineStart, contentStart)..<offset].count { ($0 & 0xC0) != 0x80 } + 1
    }
}
