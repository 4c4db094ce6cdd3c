import CLibCSV

/// Rows of a CSV file, parsed by libcsv in strict mode. Each row comes with the line it starts on;
/// malformed quoting is reported at its exact byte and the row is skipped, and reading goes on.
struct CSVRows {
    let file: SeedFile
    let delimiter: UInt8

    /// Calls `row` for each record with its fields and 1-based starting line, and `problem` for
    /// each syntax error with the byte offset where it was found.
    func forEach(row: ([String], Int) -> Void, problem: (Int, String) -> Void) {
        withoutActuallyEscaping(row) { deliver in
            let sink = RowSink(deliver: deliver)
            let context = Unmanaged.passUnretained(sink).toOpaque()
            var parser = csv_parser()
            let options = UInt8(CSV_STRICT | CSV_STRICT_FINI)
            guard csv_init(&parser, options) == 0 else {
                problem(file.contentStart, "cannot start the CSV parser (out of memory)")
                return
            }
            csv_set_delim(&parser, delimiter)
            file.bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                var lineStart = file.contentStart
                var line = 1
                let end = buffer.count
                while lineStart < end {
                    var lineEnd = lineStart
                    while lineEnd < end, base[lineEnd] != 0x0A { lineEnd += 1 }
                    let length = min(lineEnd + 1, end) - lineStart
                    if sink.betweenRows { sink.rowLine = line }
                    sink.rowEnded = false
                    let parsed = csv_parse(&parser, base + lineStart, length, fieldCallback, rowCallback, context)
                    if parsed < length {
                        problem(lineStart + parsed, Self.describe(base[lineStart + parsed]))
                        csv_free(&parser)
                        _ = csv_init(&parser, options)
                        csv_set_delim(&parser, delimiter)
                        sink.fields.removeAll(keepingCapacity: true)
                        sink.betweenRows = true
                    } else if !sink.rowEnded, length > (lineEnd < end ? 1 : 0), !(length == 2 && base[lineStart] == 0x0D) {
                        sink.betweenRows = false
                    }
                    lineStart = lineEnd + 1
                    line += 1
                }
            }
            if csv_fini(&parser, fieldCallback, rowCallback, context) != 0 {
                problem(file.offset(ofLine: sink.rowLine), "a quoted field is never closed: a \" is missing")
            }
            csv_free(&parser)
        }
    }

    private static func describe(_ byte: UInt8) -> String {
        byte == 0x22
            ? "malformed quoting: a \" inside a field must be doubled (\"\") and the field quoted"
            : "malformed quoting: text after a closing quote; quote the whole field"
    }
}

/// libcsv's callbacks write here; one sink per parse.
private final class RowSink {
    let deliver: ([String], Int) -> Void
    var fields: [String] = []
    var rowLine = 1
    var betweenRows = true
    var rowEnded = false

    init(deliver: @escaping ([String], Int) -> Void) {
        self.deliver = deliver
        fields.reserveCapacity(16)
    }
}

private func fieldCallback(_ data: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    let sink = Unmanaged<RowSink>.fromOpaque(context!).takeUnretainedValue()
    guard let data, length > 0 else {
        sink.fields.append("")
        return
    }
    sink.fields.append(String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self))
}

private func rowCallback(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    let sink = Unmanaged<RowSink>.fromOpaque(context!).takeUnretainedValue()
    sink.deliver(sink.fields, sink.rowLine)
    sink.fields.removeAll(keepingCapacity: true)
    sink.betweenRows = true
    sink.rowEnded = true
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
        var offset = offset(ofLine: line)
        var seen = 0
        var quoted = false
        while seen < field, offset < bytes.count, !(bytes[offset] == 0x0A && !quoted) {
            if bytes[offset] == 0x22 { quoted.toggle() }
            if bytes[offset] == delimiter, !quoted { seen += 1 }
            offset += 1
        }
        return location(ofOffset: offset).column
    }
}
