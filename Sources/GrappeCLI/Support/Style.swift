import Foundation

/// Terminal styling: only when standard output is a terminal and NO_COLOR is not set.
enum Style {
    static let enabled: Bool = {
        let environment = ProcessInfo.processInfo.environment
        return isatty(STDOUT_FILENO) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    }()

    static func bold(_ text: String) -> String { wrap(text, "1") }
    static func dim(_ text: String) -> String { wrap(text, "2") }
    static func accent(_ text: String) -> String { wrap(text, "36") }

    /// Styles are marked with private-use characters, which the sanitizer escapes in data; `Output`
    /// turns the marks into escape sequences only after sanitizing, so data can never style itself.
    private static func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{F8F0}\(code)\u{F8F1}\(text)\u{F8F0}0\u{F8F1}" : text
    }

    /// Replaces the marks by SGR sequences.
    static func render(_ sanitized: String) -> String {
        guard enabled, sanitized.unicodeScalars.contains("\u{F8F0}") else { return sanitized }
        return sanitized.replacingOccurrences(of: "\u{F8F0}", with: "\u{1B}[").replacingOccurrences(of: "\u{F8F1}", with: "m")
    }
}
