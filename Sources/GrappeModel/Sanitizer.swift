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
