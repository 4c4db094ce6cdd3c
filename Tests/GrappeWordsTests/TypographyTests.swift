import Foundation
import GrappeTestSupport
import GrappeWords
import Testing

/// Every French phrase the sources hold, checked for French typography: each `say(french, english)`
/// and `Wording(french, english)` of every module, read from the source as written (an interpolation
/// stands for a word). The dashboard's table is walked at run time (GrappeDashboardTests).
@Suite struct TypographyTests {
    @Test func theCheckFindsWhatIsWrong() {
        #expect(Typography.problems(inFrench: "statut inconnu «\u{00A0}x\u{00A0}»\u{00A0}; l'un de a, b").isEmpty)
        #expect(Typography.problems(inFrench: "voir https://exemple.fr à 17:40").isEmpty, "a URL and a time are not punctuation")
        #expect(
            Typography.problems(inFrench: "inconnu « x » ; voir") == [
                "ordinary space after «", "ordinary space before »", "ordinary space before ';'",
            ])
        #expect(Typography.problems(inFrench: "erreur: voir 'x'") == ["no space before ':'", "' as a quotation mark (« » in French)"])
        #expect(Typography.problems(inFrench: "l'identifiant d'une entité").isEmpty, "apostrophes are no quotation marks")
    }

    @Test func everyFrenchPhraseInTheSources() throws {
        var problems: [String] = []
        let all = try Self.phrases()
        let phrases = all.count
        for (file, phrase) in all {
            for problem in Typography.problems(inFrench: phrase.text) {
                problems.append("\(file):\(phrase.line): \(problem): \(phrase.text)")
            }
        }
        #expect(phrases > 300, "the scan finds the phrases (\(phrases))")
        #expect(problems.isEmpty, Comment(rawValue: "\(problems.count) problems:\n" + problems.joined(separator: "\n")))
    }

    /// Where the English says an idea of the glossary, the French says it with the glossary's word,
    /// never with one it replaced.
    @Test func everyPhraseUsesTheGlossarysWords() throws {
        var problems: [String] = []
        for (file, phrase) in try Self.phrases() {
            guard let english = phrase.english?.lowercased() else { continue }
            let french = phrase.text.lowercased()
            for term in Term.allCases where Self.has(english, term.englishWords) {
                for replaced in term.replacedInFrench where Self.has(french, [replaced]) {
                    problems.append("\(file):\(phrase.line): '\(replaced)' for \(term) (say '\(term.french.one)'): \(phrase.text)")
                }
            }
        }
        #expect(problems.isEmpty, Comment(rawValue: "\(problems.count) problems:\n" + problems.joined(separator: "\n")))
    }

    /// Whether `text` holds one of `words` as a whole word.
    static func has(_ text: String, _ words: [String]) -> Bool {
        words.contains { word in
            text.ranges(of: word).contains { range in
                let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
                let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
                return !(before?.isLetter ?? false) && !(after?.isLetter ?? false)
            }
        }
    }

    /// Every phrase of the sources, with its file.
    static func phrases() throws -> [(file: String, phrase: FrenchPhrases.Phrase)] {
        let sources = Repository.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" }
        return try files.flatMap { file in
            FrenchPhrases.in(try String(contentsOf: file, encoding: .utf8)).map { (String(file.path.dropFirst(Repository.root.path.count + 1)), $0) }
        }
    }

    @Test func glossaryCountsSayTheWord() {
        #expect(Words(.fr).count(3, .hop) == "3 sauts")
        #expect(Words(.en).count(1, .hop) == "1 hop")
    }
}

/// The French argument of each `say(` and `Wording(` call whose first argument is a string literal,
/// with its escapes read (`\u{00A0}`, `\n`) and each interpolation standing for a word ("X").
enum FrenchPhrases {
    struct Phrase {
        let text: String
        let line: Int
        /// The English beside it, when it is a literal too.
        var english: String?
    }

    static func `in`(_ source: String) -> [Phrase] {
        let characters = Array(source.unicodeScalars)
        var phrases: [Phrase] = []
        var index = 0
        var line = 1
        let openers = ["say(", "Wording("].map { Array($0.unicodeScalars) }
        while index < characters.count {
            if characters[index] == "\n" { line += 1 }
            if let opener = openers.first(where: { matches($0, characters, at: index) }),
                index == 0 || !(characters[index - 1].properties.isAlphabetic || characters[index - 1] == "_")
            {
                var cursor = index + opener.count
                while cursor < characters.count, characters[cursor] == " " || characters[cursor] == "\n" { cursor += 1 }
                if cursor < characters.count, characters[cursor] == "\"", !matches(Array("\"\"\"".unicodeScalars), characters, at: cursor),
                    let (text, end) = literal(characters, from: cursor)
                {
                    var next = end
                    while next < characters.count, characters[next] == " " || characters[next] == "\n" || characters[next] == "," { next += 1 }
                    let english = next < characters.count && characters[next] == "\"" ? literal(characters, from: next)?.0 : nil
                    phrases.append(Phrase(text: text, line: line, english: english))
                }
                index += opener.count
                continue
            }
            index += 1
        }
        return phrases
    }

    private static func matches(_ word: [Unicode.Scalar], _ characters: [Unicode.Scalar], at index: Int) -> Bool {
        index + word.count <= characters.count && Array(characters[index..<(index + word.count)]) == word
    }

    /// The text of the one-line string literal starting at `start` (its opening quote), and where it ends.
    private static func literal(_ characters: [Unicode.Scalar], from start: Int) -> (String, Int)? {
        var text = String.UnicodeScalarView()
        var index = start + 1
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "\"": return (String(text), index + 1)
            case "\n": return nil
            case "\\":
                guard index + 1 < characters.count else { return nil }
                let next = characters[index + 1]
                switch next {
                case "(":
                    var depth = 0
                    var cursor = index + 1
                    repeat {
                        if characters[cursor] == "(" { depth += 1 }
                        if characters[cursor] == ")" { depth -= 1 }
                        if characters[cursor] == "\"" { cursor = skipNested(characters, from: cursor) } else { cursor += 1 }
                    } while depth > 0 && cursor < characters.count
                    text.append("X")
                    index = cursor
                case "u":
                    guard let close = characters[index...].firstIndex(of: "}"),
                        let value = UInt32(String(String.UnicodeScalarView(characters[(index + 3)..<close])), radix: 16),
                        let scalar = Unicode.Scalar(value)
                    else { return nil }
                    text.append(scalar)
                    index = close + 1
                case "n": text.append("\n"); index += 2
                case "t": text.append("\t"); index += 2
                default: text.append(next); index += 2
                }
            default:
                text.append(character)
                index += 1
            }
        }
        return nil
    }

    /// Past a string literal nested in an interpolation.
    private static func skipNested(_ characters: [Unicode.Scalar], from start: Int) -> Int {
        var index = start + 1
        while index < characters.count, characters[index] != "\"" {
            index += characters[index] == "\\" ? 2 : 1
        }
        return index + 1
    }
}
