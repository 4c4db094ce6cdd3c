/// French typography, in one place: a no-break space before `:`, `;`, `?` and `!`, and inside « »;
/// the helpers of `Speaking` (`quoted`, `colon`, `didYouMean`) write them, and `problems(inFrench:)`
/// is what the tests check every French phrase against.
///
/// ```swift
/// Typography.problems(inFrench: "statut inconnu « x » ; l'un de …")
/// // ["ordinary space before ';'", "ordinary space after «", "ordinary space before »"]
/// ```
public enum Typography {
    /// The no-break space French puts before `:` and inside « » (U+00A0); the narrow one (U+202F),
    /// which some write before `;`, `?` and `!`, is accepted too.
    public static let noBreakSpace: Character = "\u{00A0}"
    static let narrowNoBreakSpace: Character = "\u{202F}"

    /// What is wrong with the typography of a French text; empty when nothing is. A mark glued to the
    /// word before it is not flagged when it cannot be French punctuation (a URL's `://`, a time's
    /// `17:40`, `?` in a query string).
    public static func problems(inFrench text: String) -> [String] {
        var problems: [String] = []
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            let before = index > 0 ? characters[index - 1] : nil
            let after = index + 1 < characters.count ? characters[index + 1] : nil
            switch character {
            case ":", ";", "?", "!":
                if before == " " { problems.append("ordinary space before '\(character)'") }
                let endsClause = after == nil || after == " " || after == "\n" || after == ")"
                if let before, before.isLetter || before == "»" || before == ")", endsClause {
                    problems.append("no space before '\(character)'")
                }
            case "«":
                if after != noBreakSpace { problems.append("ordinary space after «") }
            case "»":
                if before != noBreakSpace { problems.append("ordinary space before »") }
            case "'", "\"":
                // An English quotation mark: opening after a space or at the start, closing before one.
                if before == nil || before == " " || before == "(" { problems.append("\(character) as a quotation mark (« » in French)") }
            default: break
            }
        }
        return problems
    }
}
