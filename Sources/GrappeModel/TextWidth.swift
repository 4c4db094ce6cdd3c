/// How many terminal columns text takes: East Asian wide characters and emoji take two, combining
/// marks and zero-width joiners none. Layouts measure with this, never with `count`.
public enum TextWidth {
    /// How many terminal cells a text takes.
    public static func of(_ text: String) -> Int {
        if let simple = simpleWidth(text) { return simple }
        return text.reduce(0) { $0 + of($1) }
    }

    /// The width of a text made only of printable ASCII and the Latin letters of European names (one
    /// column per scalar, each its own character), counted without breaking it into characters; nil
    /// for any other text.
    public static func simpleWidth(_ text: String) -> Int? {
        var count = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            guard (0x20..<0x7F).contains(value) || (0xC0...0x24F).contains(value) else { return nil }
            count += 1
        }
        return count
    }

    /// A character (grapheme cluster) takes the width of its widest scalar: an emoji sequence with
    /// joiners or a letter with combining accents still fills one cell or two.
    public static func of(_ character: Character) -> Int {
        var widest = 0
        for scalar in character.unicodeScalars {
            // Printable ASCII and the Latin letters of European names take one column: no table needed.
            let value = scalar.value
            let size = (0x20..<0x7F).contains(value) || (0xC0...0x24F).contains(value) ? 1 : of(scalar)
            if size > widest { widest = size }
        }
        return widest
    }

    /// How many terminal cells one scalar takes (0 for marks, 2 for wide characters).
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value == 0x200D || (0xFE00...0xFE0F).contains(value) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if scalar.properties.isEmojiPresentation { return 2 }
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// Cut to at most `width` columns, ending with `…` when something was cut. `measure` gives each
    /// character's width (the canvas counts a control character as the width of its visible escape).
    public static func truncated(_ text: String, to width: Int, measure: (Character) -> Int = { of($0) }) -> String {
        guard text.reduce(0, { $0 + measure($1) }) > width else { return text }
        guard width > 0 else { return "" }
        var result = "", used = 0
        for character in text {
            let size = measure(character)
            if used + size > width - 1 { break }
            result.append(character)
            used += size
        }
        return result + "…"
    }

    /// Padded with spaces (or cut) to exactly `width` columns.
    public static func padded(_ text: String, to width: Int) -> String {
        let cut = truncated(text, to: width)
        return cut + String(repeating: " ", count: max(0, width - of(cut)))
    }
}
