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

    /// The characters a terminal may act on, or that may reorder what a line shows (`Sanitizer`'s
    /// set), but line feeds and tabs, which documents are made of.
    public static func isHazard(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\n" && scalar != "\t" && Sanitizer.isControlOrOverride(scalar)
    }

    /// The text with every hazard escaped; the text itself when there is none (the usual case).
    public func escape(_ text: String) -> String {
        guard Sanitizer.mayNeedEscape(text.utf8), text.unicodeScalars.contains(where: Self.isHazard) else { return text }
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

}
