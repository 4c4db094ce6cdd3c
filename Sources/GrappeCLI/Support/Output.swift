import ArgumentParser
import Foundation
import GrappeModel
import GrappeSeeds
import GrappeWords

/// Writing to the terminal: every string that may come from data goes through the sanitizer.
enum Output {
    /// A duration in seconds, as a number.
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func milliseconds(_ duration: Duration) -> String {
        let value = seconds(duration) * 1000
        let text = String(Int(value.rounded())) + " ms"
        return String(repeating: " ", count: max(0, 9 - text.count)) + text
    }

    /// One line of output; data in it is made safe, then styles are applied.
    static func line(_ text: String) {
        print(Style.render(sanitized(text)))
    }

    /// One tab-separated line: each field made safe on its own, the tabs between them kept.
    static func fields(_ fields: [String]) {
        print(fields.map { Sanitizer.visible($0) }.joined(separator: "\t"))
    }

    /// Like `Sanitizer.visible`, but keeps the style marks `Style` added.
    private static func sanitized(_ text: String) -> String {
        guard Style.enabled else { return Sanitizer.visible(text) }
        return text.split(separator: "\u{F8F0}", omittingEmptySubsequences: false).enumerated().map { index, piece in
            guard index > 0, let close = piece.firstIndex(of: "\u{F8F1}") else { return Sanitizer.visible(String(piece)) }
            let code = piece[..<close]
            guard code.allSatisfy({ $0.isNumber || $0 == ";" }) else { return Sanitizer.visible(String(piece)) }
            return "\u{F8F0}" + code + "\u{F8F1}" + Sanitizer.visible(String(piece[piece.index(after: close)...]))
        }.joined()
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((Sanitizer.visible(text) + "\n").utf8))
    }

    /// A question on standard error, the answer to be typed on the same line.
    static func prompt(_ text: String) {
        FileHandle.standardError.write(Data(Sanitizer.visible(text).utf8))
    }

    /// What a command writes, so that standard output on a terminal gets the right escapes.
    enum Kind {
        case json, xml, dot, yaml, csv, text, binary

        var escaping: TerminalEscaping {
            switch self {
            case .json: .json
            case .xml, .dot: .characterReference
            case .yaml, .csv, .text, .binary: .visible
            }
        }
    }

    static let standardOutputIsTerminal = isatty(STDOUT_FILENO) == 1

    /// Writes to a file (atomically) or to standard output. The one way commands write documents: on a
    /// terminal, control characters, C1 and bidirectional overrides are escaped in the format's own way
    /// (see `TerminalEscaping`); to a file or a pipe the bytes stay exact.
    static func write(_ data: Data, as kind: Kind, to path: String?) throws {
        guard let path else {
            guard standardOutputIsTerminal, kind != .binary else { return FileHandle.standardOutput.write(data) }
            FileHandle.standardOutput.write(Data(kind.escaping.escape(String(decoding: data, as: UTF8.self)).utf8))
            return
        }
        do {
            // A file is replaced whole (atomically); a device or a pipe (`-o /dev/null`, `-o /dev/stdout`,
            // a FIFO) is written to, never replaced by a file.
            var status = stat()
            if stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG, status.st_mode & S_IFMT != S_IFDIR {
                let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
                defer { try? handle.close() }
                try handle.write(contentsOf: data)
            } else {
                try data.write(to: URL(fileURLWithPath: path), options: .atomic)
            }
        } catch {
            Output.error(Messages.cannotWrite(path, error))
            throw Exit.cannotCreate
        }
    }

    /// Seed diagnostics, compiler-style, in `language` (default: the locale's, as other messages).
    static func diagnostics(_ diagnostics: [Diagnostic], includeWarnings: Bool = true, toStandardError: Bool = false, language: Language? = nil) {
        let language = language ?? Messages.words.language
        // One cause said many times in a file is shown a few times, then counted (`collapsed`).
        for diagnostic in diagnostics.filter({ includeWarnings || $0.severity == .error }).collapsed() {
            let text = diagnostic.description(in: language)
            toStandardError ? error(text) : line(text)
        }
    }
}
