import GrappeModel
import GrappeWords

/// A position in a seed file: 1-based line and column (columns count characters, not bytes).
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The file, as shown.
    public var path: String
    /// The line, from 1.
    public var line: Int
    /// The column, from 1, in characters.
    public var column: Int

    /// A place in `path`.
    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// `path:line:column`.
    public var description: String { "\(path):\(line):\(column)" }

    /// File order, then line, then column.
    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.path, a.line, a.column) < (b.path, b.line, b.column)
    }
}

/// One problem found in the seeds, printed like a compiler's: `path:line:column: error: message`.
/// Each is worded in both languages when it is found, so that the interface shows it in its own
/// (and switches language without reading the seeds again); `message` is the English.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// An error (the seeds cannot be used as they are) or a warning.
    public enum Severity: String, Sendable, Comparable {
        case error, warning

        /// Errors first.
        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    /// What an import report makes of a warning: another tool's word or id mapped to Grappe's
    /// (`mapped`), something in the file that was not read (`leftOut`), or neither.
    public enum Category: UInt8, Sendable {
        case general, mapped, leftOut
    }

    /// Error or warning.
    public var severity: Severity
    /// For an import report (see `Category`).
    public var category = Category.general
    /// Where.
    public var location: SourceLocation
    /// The English wording.
    public var message: String
    /// The French wording.
    public var french: String

    /// A diagnostic with its message in English and in French.
    public init(_ severity: Severity, _ location: SourceLocation, _ message: String, french: String) {
        self.severity = severity
        self.location = location
        self.message = message
        self.french = french
    }

    /// Worded by `say` once in each language.
    public init(_ severity: Severity, _ location: SourceLocation, _ say: (Words) -> String) {
        self.init(severity, location, say(Words(.en)), french: say(Words(.fr)))
    }

    /// An error at `location`, worded in both languages by `say`.
    public static func error(_ location: SourceLocation, _ say: (Words) -> String) -> Diagnostic {
        Diagnostic(.error, location, say)
    }

    /// A warning at `location`, worded in both languages by `say`.
    public static func warning(_ location: SourceLocation, _ category: Category = .general, _ say: (Words) -> String) -> Diagnostic {
        var diagnostic = Diagnostic(.warning, location, say)
        diagnostic.category = category
        return diagnostic
    }

    /// The message in `language`.
    public func message(in language: Language) -> String { language == .fr ? french : message }

    /// `path:line:column: error: message`, in English.
    public var description: String { description(in: .en) }

    /// `path:line:column: error: message`, or in French `path:line:column: erreur : message` (the
    /// location stays as compilers write it, so that editors still jump to it).
    public func description(in language: Language) -> String {
        let words = Words(language)
        let severity =
            switch severity {
            case .error: words.say("erreur", "error")
            case .warning: words.say("avertissement", "warning")
            }
        return "\(location): \(severity)\(words.colon)\(message(in: language))"
    }
}

extension Array where Element == Diagnostic {
    /// File order, then line and column, so the output reads like a compiler's.
    public func sortedByLocation() -> [Diagnostic] {
        sorted { ($0.location, $0.severity, $0.message) < ($1.location, $1.severity, $1.message) }
    }

    /// How many errors.
    public var errorCount: Int { count { $0.severity == .error } }
    /// How many warnings.
    public var warningCount: Int { count { $0.severity == .warning } }
}

extension [Diagnostic] {
    /// The diagnostics as a person reads them: one cause said over and over in a file (the same
    /// message, places aside) is shown `keep` times, then once more as the count of the rest and
    /// their first lines ("… and 251 more like it, lines 12, 14, 19…"). Order is kept.
    public func collapsed(keep: Int = 3) -> [Diagnostic] {
        var seen: [String: Int] = [:]
        var rest: [String: [Diagnostic]] = [:]
        var result: [Diagnostic] = []
        var firstOfRest: [String: Int] = [:]
        for diagnostic in self {
            let cause = "\(diagnostic.severity)\u{0}\(diagnostic.location.path)\u{0}\(diagnostic.message)"
            let count = seen[cause, default: 0]
            seen[cause] = count + 1
            if count < keep {
                result.append(diagnostic)
            } else {
                if rest[cause] == nil { firstOfRest[cause] = result.count; result.append(diagnostic) }
                rest[cause, default: []].append(diagnostic)
            }
        }
        for (cause, more) in rest {
            let at = firstOfRest[cause]!
            let lines = more.prefix(5).map { String($0.location.line) }.joined(separator: ", ") + (more.count > 5 ? "…" : "")
            var summary = more[0]
            summary.message = "… and \(more.count) more like it (lines \(lines))"
            summary.french = "… et \(more.count) autre\(more.count == 1 ? "" : "s") du même genre (lignes \(lines))"
            result[at] = summary
        }
        return result
    }
}
