/// How a structured output (JSON, XML, DOT, YAML, CSV) hides what must never reach a terminal raw:
/// C0 controls other than line feed and tab, DEL, C1 controls and the bidirectional overrides and
/// isolates. Each format uses its own escape where it has one, so the text still means the same.
public enum TerminalEscaping: Sendable {
    /// `\u202E`: exact inside JSON strings (every such character is inside a string).
    case json
    /// `&#x202E;`: a character reference, exact in XML and in Graphviz labels.
    case characterReference
    /// `\u{202E}`, the readable stand-in `Sanitizer.visible` uses, for formats without an escape.
    case visible

    /// The characters a terminal may act on, or that may reorder what a line shows.
    public static func isHazard(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: false
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// The text with every hazard escaped; the text itself when there is none (the usual case).
    public func escape(_ text: String) -> String {
        guard Self.mayHoldHazard(text.utf8), text.unicodeScalars.contains(where: Self.isHazard) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 64)
        for scalar in text.unicodeScalars {
            guard Self.isHazard(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            switch self {
            case .json: result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            case .characterReference: result += "&#x\(hex);"
            case .visible: result += Sanitizer.visible(String(scalar))
            }
        }
        return result
    }

    /// A byte scan that rules out hazards without decoding: every hazard is a byte below 0x20, DEL,
    /// or starts with 0xC2 (C1) or 0xE2 (the bidirectional controls).
    static func mayHoldHazard(_ bytes: String.UTF8View) -> Bool {
        bytes.contains { $0 < 0x20 && $0 != 0x0A && $0 != 0x09 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }
    }
}
