import Foundation

/// One file of the seed directory: its bytes, the path shown in diagnostics, and the arithmetic that
/// turns byte offsets into `line:column`.
final class SeedFile: @unchecked Sendable {
    let displayPath: String
    let bytes: [UInt8]
    /// Bytes skipped at the start (a UTF-8 byte order mark, as spreadsheet programs write).
    let contentStart: Int
    private var lineStarts: [Int]?
    /// Set by the CSV reader once it has guessed the delimiter.
    var csvDelimiter: UInt8 = 0x2C

    init(displayPath: String, bytes: [UInt8]) {
        self.displayPath = displayPath
        self.bytes = bytes
        contentStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// Carriage returns but no line feed at all: a file saved with the classic Mac OS line ends.
    var endsLinesWithCarriageReturnsOnly: Bool {
        // A line feed usually comes within the first line, so this test is cheap for ordinary files.
        !bytes.contains(0x0A) && bytes.contains(0x0D)
    }

    /// The same file with each carriage return made a line feed (same length, so offsets hold).
    func withCarriageReturnsAsLineFeeds() -> SeedFile {
        SeedFile(displayPath: displayPath, bytes: bytes.map { $0 == 0x0D ? 0x0A : $0 })
    }

    /// Offsets of each carriage return that stands alone (no line feed after it) outside a quoted
    /// cell: in a file whose lines end with line feeds, it can only be a stray character in a cell,
    /// which a CSV parser would take for the end of the row. Empty for most files, at the cost of one
    /// scan for the byte.
    func strayCarriageReturns() -> [Int] {
        // Most files have no CR at all, or only CRLF line ends: found by hopping from CR to CR
        // (memchr), before any byte-by-byte scan for quotes.
        let first: Int? = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
            while offset < buffer.count, let found = memchr(base + offset, 0x0D, buffer.count - offset) {
                let position = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if position + 1 == buffer.count || buffer[position + 1] != 0x0A { return position }
                offset = position + 2
            }
            return nil
        }
        guard let first else { return [] }
        var found: [Int] = []
        var quoted = false
        // Quotes toggle: a doubled quote inside a quoted cell toggles twice, so only the state matters.
        for offset in bytes.indices where bytes[offset] == 0x22 || (offset >= first && bytes[offset] == 0x0D) {
            if bytes[offset] == 0x22 {
                quoted.toggle()
            } else if !quoted, offset + 1 == bytes.count || bytes[offset + 1] != 0x0A {
                found.append(offset)
            }
        }
        return found
    }

    /// The same file with the bytes at `offsets` made spaces (same length, so offsets hold).
    func withSpaces(at offsets: [Int]) -> SeedFile {
        var copy = bytes
        for offset in offsets { copy[offset] = 0x20 }
        return SeedFile(displayPath: displayPath, bytes: copy)
    }

    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(path: displayPath, line: line, column: column)
    }

    /// How many line breaks a range holds: an upper bound on its CSV rows, to size arrays once.
    func lineCount(in range: Range<Int>) -> Int {
        bytes.withUnsafeBufferPointer { CSVChunks.countNewlines($0, in: range) }
    }

    /// Offsets where each line begins (index 0 is line 1), built once, on first use.
    private func starts() -> [Int] {
        if let lineStarts { return lineStarts }
        var result = [0]
        bytes.withUnsafeBufferPointer { buffer in
            for (offset, byte) in buffer.enumerated() where byte == 0x0A { result.append(offset + 1) }
        }
        lineStarts = result
        return result
    }

    /// The position of a byte offset; columns count Unicode scalars, as Yams' marks do.
    func location(ofOffset offset: Int) -> SourceLocation {
        let table = starts()
        var low = 0, high = table.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if table[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let lineStart = max(table[low], low == 0 ? contentStart : 0)
        let end = min(max(offset, lineStart), bytes.count)
        let column = bytes[lineStart..<end].count { ($0 & 0xC0) != 0x80 } + 1
        return location(line: low + 1, column: column)
    }

    /// The byte offset where a 1-based line begins.
    func offset(ofLine line: Int) -> Int {
        let table = starts()
        guard line >= 1, line <= table.count else { return bytes.count }
        return line == 1 ? contentStart : table[line - 1]
    }

    /// The first byte that is not valid UTF-8, or a NUL byte (a binary file), if any.
    /// A range must start at a character boundary (a line start does).
    func encodingProblem(in range: Range<Int>? = nil) -> UTF8Problem? {
        UTF8Problem.find(in: bytes, range: range ?? contentStart..<bytes.count)
    }

    /// The text; call only once `encodingProblem()` is nil.
    var text: String { String(decoding: bytes[contentStart...], as: UTF8.self) }
}

/// Where a file stops being valid UTF-8.
struct UTF8Problem: Error {
    let offset: Int
    let byte: UInt8

    /// Finds the first byte that is not part of a well-formed UTF-8 sequence (RFC 3629), or nil.
    static func find(in bytes: [UInt8], range: Range<Int>) -> UTF8Problem? {
        bytes.withUnsafeBufferPointer { buffer -> UTF8Problem? in
            var index = range.lowerBound
            let count = range.upperBound
            let raw = UnsafeRawBufferPointer(buffer)
            while index < count {
                // Eight ASCII bytes at a time, none of them NUL: seed files are mostly ASCII.
                if index + 8 <= count {
                    let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    let high: UInt64 = 0x8080_8080_8080_8080
                    if word & high == 0, (word &- 0x0101_0101_0101_0101) & ~word & high == 0 {
                        index += 8
                        continue
                    }
                }
                let lead = buffer[index]
                if lead < 0x80 {
                    if lead == 0 { return UTF8Problem(offset: index, byte: 0) }
                    index += 1
                    continue
                }
                let length: Int
                var low: UInt8 = 0x80, high: UInt8 = 0xBF
                switch lead {
                case 0xC2...0xDF: length = 2
                case 0xE0: length = 3; low = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: length = 3
                case 0xED: length = 3; high = 0x9F
                case 0xF0: length = 4; low = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4: length = 4; high = 0x8F
                default: return UTF8Problem(offset: index, byte: lead)
                }
                guard index + length <= count else { return UTF8Problem(offset: index, byte: lead) }
                let second = buffer[index + 1]
                guard second >= low, second <= high else { return UTF8Problem(offset: index, byte: lead) }
                for next in stride(from: index + 2, to: index + length, by: 1) where buffer[next] & 0xC0 != 0x80 {
                    return UTF8Problem(offset: index, byte: lead)
                }
                index += length
            }
            return nil
        }
    }

    var message: String {
        if byte == 0 { return "file contains NUL bytes: it is binary, not a seed file" }
        let hint = isEightBitText ? " (the file looks like Latin-1 or Windows-1252: save it as UTF-8)" : ""
        return "file is not valid UTF-8: byte \(hex) cannot start a character here\(hint)"
    }

    var french: String {
        if byte == 0 { return "le fichier contient des octets NUL\u{00A0}: c'est un fichier binaire, pas un fichier de graines" }
        let hint = isEightBitText ? " (le fichier semble en Latin-1 ou Windows-1252\u{00A0}: enregistrez-le en UTF-8)" : ""
        return "le fichier n'est pas de l'UTF-8 valide\u{00A0}: l'octet \(hex) ne peut pas commencer un caractère ici\(hint)"
    }

    private var hex: String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "0x\(digits.count == 1 ? "0" : "")\(digits)"
    }

    private var isEightBitText: Bool { (0x80...0xFF).contains(byte) }
}

extension SeedFile {
    /// The encoding an XML file's declaration names (`<?xml version="1.0" encoding="ISO-8859-1"?>`),
    /// or `utf-16` for a UTF-16 byte order mark; nil for UTF-8 and for a file that names none.
    var declaredXMLEncoding: String? {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return "utf-16" }
        guard bytes.starts(with: Array("<?xml".utf8)), let end = bytes.prefix(200).firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let declaration = String(decoding: bytes[..<end], as: UTF8.self).lowercased()
        guard let range = declaration.range(of: "encoding=") else { return nil }
        let value = String(declaration[range.upperBound...].dropFirst().prefix { $0 != "\"" && $0 != "'" })
        return ["utf-8", "utf8"].contains(value) ? nil : value
    }

    /// Whether the file is XML declared in another encoding than UTF-8 (see `utf8XML`).
    var declaresOtherEncoding: Bool { declaredXMLEncoding != nil }

    /// An XML file declared in another encoding, as UTF-8 with a declaration that says so: decoded
    /// here, by Foundation, from the encodings graph tools write (ISO-8859-1 and its Windows
    /// cousin, ASCII, UTF-16), so that the XML parser only ever sees UTF-8. Nil (with the encoding's
    /// name) when the encoding is another, or the bytes are not in it.
    func utf8XML() -> Result<[UInt8], EncodingRefusal> {
        guard let name = declaredXMLEncoding else { return .success(bytes) }
        let encodings: [String: String.Encoding] = [
            "iso-8859-1": .isoLatin1, "latin1": .isoLatin1, "latin-1": .isoLatin1, "iso8859-1": .isoLatin1,
            "windows-1252": .windowsCP1252, "cp1252": .windowsCP1252, "us-ascii": .ascii, "ascii": .ascii,
            "utf-16": .utf16, "utf-16le": .utf16LittleEndian, "utf-16be": .utf16BigEndian,
        ]
        guard let encoding = encodings[name] else { return .failure(EncodingRefusal(name: name, known: false)) }
        guard var text = String(bytes: bytes, encoding: encoding) else { return .failure(EncodingRefusal(name: name, known: true)) }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // The declaration now says what the bytes are.
        if let range = text.range(of: "encoding=", options: [.caseInsensitive], range: text.startIndex..<(text.firstIndex(of: ">") ?? text.endIndex)),
            let quote = text[range.upperBound...].first,
            let close = text[text.index(after: range.upperBound)...].firstIndex(of: quote)
        {
            text.replaceSubrange(range.lowerBound...close, with: "encoding=\"UTF-8\"")
        }
        return .success(Array(text.utf8))
    }

    /// Why an XML file's declared encoding could not be read.
    struct EncodingRefusal: Error {
        let name: String
        /// False: an encoding this reader does not decode; true: bytes that are not in it.
        let known: Bool
    }
}
