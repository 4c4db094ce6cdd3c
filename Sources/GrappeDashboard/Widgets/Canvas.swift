import GrappeModel

/// How a cell looks. Colours are roles, not hues: the terminal layer maps them (or drops them for
/// `NO_COLOR`, where bold, reverse and underline still show the structure and the selection).
public struct CellStyle: Hashable, Sendable {
    /// What a cell means; the terminal layer picks its colour (or none, under NO_COLOR).
    public enum Role: UInt8, Sendable, CaseIterable {
        case plain, accent, muted, header, match, warning, error, control, link, selected
        /// The kinds of partners on the map (their marks' shapes tell them apart without colour too).
        case city, cluster, pole, organisation, person
    }

    /// What the text is: its colour role.
    public var role: Role
    /// Bold.
    public var bold: Bool
    /// Reversed video (the selection).
    public var reverse: Bool
    /// Underlined.
    public var underline: Bool

    /// A style of `role` with the attributes given.
    public init(_ role: Role = .plain, bold: Bool = false, reverse: Bool = false, underline: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
    }

    /// Plain text.
    public static let plain = CellStyle()
    /// Bold text.
    public static let bold = CellStyle(bold: true)
    /// Text that stands out (keys, marks).
    public static let accent = CellStyle(.accent)
    /// Text in the background (labels, hints).
    public static let muted = CellStyle(.muted)
    /// A heading.
    public static let header = CellStyle(.header, bold: true)
    /// The selection.
    public static let selected = CellStyle(.selected, reverse: true)
    /// The letters a filter matched.
    public static let match = CellStyle(.match, bold: true, underline: true)
    /// A control character made visible.
    public static let control = CellStyle(.control, reverse: true)
    /// A notice that needs attention.
    public static let warning = CellStyle(.warning, bold: true)
    /// An error.
    public static let error = CellStyle(.error, bold: true)
    /// Something `Enter` follows.
    public static let link = CellStyle(.link, underline: true)
}

/// One terminal cell: a character (a grapheme, possibly with combining marks) and its style. The
/// right half of a wide character is a continuation cell with no character of its own.
public struct Cell: Hashable, Sendable {
    /// The character shown (one grapheme; a wide one takes the next cell too).
    public var character: Character
    /// How it is shown.
    public var style: CellStyle
    /// Whether the cell is the second half of a wide character on its left.
    public var isContinuation: Bool

    /// A space, plain.
    public static let blank = Cell(character: " ", style: .plain, isContinuation: false)
}

/// A grid of cells that views draw into; the terminal layer copies it to the screen, and tests read
/// it back as text. Text put on it is sanitized: control characters appear as visible escapes in the
/// control style, never raw.
public struct Canvas: Sendable, Equatable {
    /// Its columns.
    public let width: Int
    /// Its rows.
    public let height: Int
    /// Its cells, row after row.
    public private(set) var cells: [Cell]

    /// A blank canvas of `width` × `height` cells.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = [Cell](repeating: .blank, count: self.width * self.height)
    }

    /// The cell at column `x`, row `y`.
    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes `text` from column `x` on row `y`, within `limit` columns (to the edge by default).
    /// Returns the columns used. Wide characters that would not fit whole are left out.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: CellStyle = .plain, limit: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let end = min(width, x + (limit ?? width))
        var column = x
        // Puts one character; false when it does not fit.
        func place(_ piece: Character, _ pieceStyle: CellStyle) -> Bool {
            let size = max(1, TextWidth.of(piece))
            guard column + size <= end else { return false }
            if column >= 0 {
                cells[y * width + column] = Cell(character: piece, style: pieceStyle, isContinuation: false)
                if size == 2 { cells[y * width + column + 1] = Cell(character: " ", style: pieceStyle, isContinuation: true) }
            }
            column += size
            return true
        }
        for character in text {
            if character.unicodeScalars.contains(where: Sanitizer.needsEscape) {
                for piece in Sanitizer.visible(String(character)) { guard place(piece, .control) else { return column - x } }
            } else {
                guard place(character, style) else { return column - x }
            }
        }
        return column - x
    }

    /// Writes `text` cut to `width` columns with `…`, padded with spaces in `style`.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, width columns: Int, style: CellStyle = .plain) -> Int {
        fill(x: x, y: y, width: columns, style: style)
        return put(Self.fitted(text, to: columns), x: x, y: y, style: style, limit: columns)
    }

    /// `text` cut so that it shows in at most `columns` columns (escapes counted), with `…` when cut.
    public static func fitted(_ text: String, to columns: Int) -> String {
        // Plain Latin text (most names) is cut by scalars, without breaking it into characters.
        if let width = TextWidth.simpleWidth(text) {
            guard width > columns else { return text }
            guard columns > 0 else { return "" }
            return String(String.UnicodeScalarView(text.unicodeScalars.prefix(columns - 1))) + "…"
        }
        return TextWidth.truncated(text, to: columns) { character in
            character.unicodeScalars.contains(where: Sanitizer.needsEscape)
                ? Sanitizer.visible(String(character)).count : TextWidth.of(character)
        }
    }

    /// Fills a run of cells with one character and style.
    public mutating func fill(x: Int, y: Int, width columns: Int, style: CellStyle = .plain, character: Character = " ") {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<min(width, x + columns) {
            cells[y * width + column] = Cell(character: character, style: style, isContinuation: false)
        }
    }

    /// Restyles cells without changing their characters (selection bars, highlights).
    public mutating func restyle(x: Int, y: Int, width columns: Int, _ change: (inout CellStyle) -> Void) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<min(width, x + columns) { change(&cells[y * width + column].style) }
    }

    /// The canvas's styles, one letter per cell, lines as in `text`: what styled snapshot tests
    /// compare. `.` plain, `A` accent, `m` muted, `H` header, `M` match, `W` warning, `E` error,
    /// `C` a control character made visible, `L` link, `S` selected; lower case `r` marks any other
    /// cell drawn in reverse (a selection bar's remaining cells keep their role's letter).
    public var styles: String {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width where !self[column, row].isContinuation { line.append(Self.letter(self[column, row].style)) }
            while line.last == "." { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    private static func letter(_ style: CellStyle) -> Character {
        switch style.role {
        case .plain: style.reverse ? "r" : "."
        case .accent: "A"
        case .muted: "m"
        case .header: "H"
        case .match: "M"
        case .warning: "W"
        case .error: "E"
        case .control: "C"
        case .link: "L"
        case .selected: "S"
        case .city: "1"
        case .cluster: "2"
        case .pole: "3"
        case .organisation: "4"
        case .person: "5"
        }
    }

    /// The canvas as lines of text, trailing spaces removed: what snapshot tests compare.
    public var text: String {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width where !self[column, row].isContinuation { line.append(self[column, row].character) }
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
