/// One line of text being edited, as every prompt and every form field edits it (readline's keys):
/// ←/→, Home/End (^A/^E), a word left or right, Backspace, Delete, ^W (the word before the cursor),
/// ^U (everything before it). A pre-filled text starts selected: what is typed replaces it, and
/// a move keeps it.
public struct LineEditor: Hashable, Sendable {
    /// The text.
    public private(set) var text: String
    /// Where typing goes, in characters from the start; nil is the end.
    public var cursor: Int?
    /// The whole text is selected (a pre-fill): typing or deleting replaces it.
    public private(set) var selected: Bool

    /// `text`, the cursor at its end; `selected` for a pre-fill that typing replaces.
    public init(_ text: String = "", selected: Bool = false) {
        self.text = text
        cursor = nil
        self.selected = selected && !text.isEmpty
    }

    /// One change to the line.
    public enum Edit: Hashable, Sendable {
        case insert(String)
        case deleteBackward, deleteForward, deleteWord, deleteToStart
        case move(CursorMove)
    }

    /// The cursor's place, in characters.
    public var offset: Int { min(cursor ?? Int.max, text.count) }

    /// The text cut at the cursor.
    public var aroundCursor: (before: Substring, after: Substring) {
        let at = text.index(text.startIndex, offsetBy: offset)
        return (text[..<at], text[at...])
    }

    /// Applies an edit.
    public mutating func apply(_ edit: Edit) {
        if selected {
            selected = false
            switch edit {
            case .insert(let typed): set(before: typed, after: "")
            case .move(let move): self.move(move)
            default: set(before: "", after: "")
            }
            return
        }
        let (before, after) = aroundCursor
        switch edit {
        case .insert(let typed): set(before: before + typed, after: after)
        case .deleteBackward: if !before.isEmpty { set(before: String(before.dropLast()), after: after) }
        case .deleteForward: if !after.isEmpty { set(before: String(before), after: after.dropFirst()) }
        case .deleteWord: set(before: String(before.dropLast(Self.wordBack(before))), after: after)
        case .deleteToStart: set(before: "", after: after)
        case .move(let move): self.move(move)
        }
    }

    /// The whole text replaced (a completion, a line from history), the cursor at its end.
    public mutating func replace(with text: String) {
        self.text = text
        cursor = nil
        selected = false
    }

    /// The text as `before` and `after`, the cursor between (at the end stays at the end).
    private mutating func set(before: String, after: Substring) {
        text = before + after
        cursor = after.isEmpty ? nil : before.count
    }

    private mutating func move(_ move: CursorMove) {
        let (before, after) = aroundCursor
        let at = before.count
        let target: Int =
            switch move {
            case .left: at - 1
            case .right: at + 1
            case .start: 0
            case .end: Int.max
            case .wordLeft: at - Self.wordBack(before)
            case .wordRight: at + Self.wordForward(after)
            }
        cursor = target >= text.count ? nil : max(0, target)
    }

    private static func isSeparator(_ character: Character) -> Bool { character == " " || character == "," || character == ";" }

    /// Characters from the end of `text` back to the start of its last word.
    static func wordBack(_ text: Substring) -> Int {
        let spaces = text.reversed().prefix(while: isSeparator).count
        return spaces + text.dropLast(spaces).reversed().prefix { !isSeparator($0) }.count
    }

    /// Characters from the start of `text` to the end of its first word.
    static func wordForward(_ text: Substring) -> Int {
        let spaces = text.prefix(while: isSeparator).count
        return spaces + text.dropFirst(spaces).prefix { !isSeparator($0) }.count
    }

    /// The edit a key makes, for the keys that edit a line the same way everywhere.
    public static func edit(for key: Key) -> Edit? {
        switch key {
        case .character(let character): .insert(String(character))
        case .paste(let text): .insert(Key.typedText(ofPaste: text))
        case .backspace: .deleteBackward
        case .delete: .deleteForward
        case .control("w"): .deleteWord
        case .control("u"): .deleteToStart
        case .left: .move(.left)
        case .right: .move(.right)
        case .home, .control("a"): .move(.start)
        case .end, .control("e"): .move(.end)
        case .wordLeft: .move(.wordLeft)
        case .wordRight: .move(.wordRight)
        default: nil
        }
    }
}
