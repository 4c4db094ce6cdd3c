/// Text from data (names, notes, ids) is untrusted: a control or escape character must never reach
/// a terminal raw. `visible` replaces each with a readable stand-in (`\e`, `\n`, `\u{7}`), as htop
/// does, and leaves every printable character — accents, CJK, emoji — untouched.
public enum Sanitizer {
    /// `keepingLineBreaks` leaves `\n` alone, for multi-line reports written to files.
    public static func visible(_ text: String, keepingLineBreaks: Bool = false) -> String {
        let escapes = { (scalar: Unicode.Scalar) in needsEscape(scalar) && !(keepingLineBreaks && scalar == "\n") }
        guard mayNeedEscape(text.utf8), text.unicodeScalars.contains(where: escapes) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            guard escapes(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\u{1B}": result += "\\e"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default: result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            }
        }
        return result
    }

    /// A byte scan that rules out every escape without decoding: controls are bytes below 0x20 or DEL,
    /// C1 starts with 0xC2, the bidirectional controls with 0xE2 and the private-use area with 0xEE or 0xEF.
    static func mayNeedEscape(_ bytes: String.UTF8View) -> Bool {
        bytes.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 || $0 == 0xEE || $0 == 0xEF }
    }

    /// C0 and C1 controls, DEL, the bidirectional overrides that can reorder what a line shows, and
    /// the private-use area (no agreed glyph; the interface uses a few of its code points internally).
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        isControlOrOverride(scalar) || (0xE000...0xF8FF).contains(scalar.value)
    }

    /// What a terminal may act on or that reorders a line: C0 and C1 controls, DEL, bidirectional
    /// overrides and isolates.
    public static func isControlOrOverride(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}

extension Sanitizer {
    /// Text for a table cell (CSV): each character `needsEscape` names, line breaks aside, is written
    /// `\u{HEX}`, and a backslash that would start such an escape is written `\u{5C}`, so that
    /// `text(fromCell:)` gives back the very text while a terminal showing the file acts on nothing.
    public static func cellText(_ text: String) -> String {
        let hazard = { (scalar: Unicode.Scalar) in needsEscape(scalar) && scalar != "\n" }
        let backslash = text.utf8.contains(0x5C)
        guard backslash || (mayNeedEscape(text.utf8) && text.unicodeScalars.contains(where: hazard)) else { return text }
        var result = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let startsEscape = scalar == "\\" && index + 2 < scalars.count && scalars[index + 1] == "u" && scalars[index + 2] == "{"
            if hazard(scalar) || startsEscape {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// The text a cell written by `cellText` holds: its `\u{HEX}` escapes of hazards and of `\`
    /// read back; any other `\u{…}` is text and stays as written.
    public static func text(fromCell cell: String) -> String {
        guard cell.utf8.contains(0x5C), cell.contains("\\u{") else { return cell }
        var result = String.UnicodeScalarView()
        var rest = Substring(cell).unicodeScalars[...]
        while let first = rest.first {
            if first == "\\", let (scalar, length) = escape(at: rest) {
                result.append(scalar)
                rest = rest.dropFirst(length)
            } else {
                result.append(first)
                rest = rest.dropFirst()
            }
        }
        return String(result)
    }

    /// The character an escape `\u{HEX}` at the start of `scalars` stands for, and the escape's
    /// length, when it is one `cellText` writes.
    private static func escape(at scalars: Substring.UnicodeScalarView.SubSequence) -> (Unicode.Scalar, Int)? {
        let head = Array(scalars.prefix(10))
        guard head.count >= 5, head[1] == "u", head[2] == "{", let close = head.firstIndex(of: "}"), close > 3 else { return nil }
        let hex = String(String.UnicodeScalarView(head[3..<close]))
        guard let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else { return nil }
        guard value == 0x5C || (needsEscape(scalar) && scalar != "\n") else { return nil }
        return (scalar, close + 1)
    }
}
