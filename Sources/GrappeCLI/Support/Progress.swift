import Foundation
import GrappeAnalysis
import GrappeModel
import GrappeWords

/// Long work says what it is doing on standard error, only when that is a terminal (so scripts and
/// pipes stay clean), and how long it took.
enum Progress {
    static let enabled = isatty(STDERR_FILENO) == 1

    static func run<T>(_ what: String, _ work: () throws -> T) rethrows -> T {
        guard enabled else { return try work() }
        // A path in the text is anyone's: its escapes are shown, never sent.
        let what = Sanitizer.visible(what)
        FileHandle.standardError.write(Data("\u{1B}[2K\r\(what)…".utf8))
        let clock = ContinuousClock()
        let started = clock.now
        let result = try work()
        FileHandle.standardError.write(Data("\u{1B}[2K\r".utf8))
        let elapsed = clock.now - started
        if elapsed > .seconds(1) { Output.error(what + Messages.words.colon + Output.milliseconds(elapsed).trimmingCharacters(in: .whitespaces)) }
        return result
    }

    /// Long work that can say how far it is: a percentage and an estimate of the time left, on standard
    /// error when it is a terminal, at most ten times a second.
    static func run<T>(_ what: String, measured work: (_ report: @escaping (Double) -> Void) throws -> T) rethrows -> T {
        guard enabled else { return try work { _ in } }
        let what = Sanitizer.visible(what)
        let clock = ContinuousClock()
        let started = clock.now
        var shown = started
        FileHandle.standardError.write(Data("\u{1B}[2K\r\(what)…".utf8))
        let result = try work { fraction in
            let now = clock.now
            guard fraction > 0, now - shown > .milliseconds(100) || fraction >= 1 else { return }
            shown = now
            FileHandle.standardError.write(Data("\u{1B}[2K\r\(what)… \(line(fraction: fraction, elapsed: now - started))".utf8))
        }
        FileHandle.standardError.write(Data("\u{1B}[2K\r".utf8))
        let elapsed = clock.now - started
        if elapsed > .seconds(1) { Output.error(what + Messages.words.colon + Output.milliseconds(elapsed).trimmingCharacters(in: .whitespaces)) }
        return result
    }

    /// The part of the work under way, after the line's own words ("synthèse… distances"), when
    /// standard error is a terminal.
    static var phases: Phases {
        guard enabled else { return .none }
        return Phases(
            started: { name in FileHandle.standardError.write(Data("\u{1B}[2K\r\(Sanitizer.visible(name))…".utf8)) },
            finished: { _ in })
    }

    /// "computing metrics on 12 nodes, 30 edges", in the locale's language.
    static func computingMetrics(_ nodes: Int, _ edges: Int) -> String {
        let words = Messages.words
        return words.say("calcul des mesures sur ", "computing metrics on ")
            + words.count(nodes, ("nœud", "nœuds"), ("node", "nodes")) + ", " + words.count(edges, ("lien", "liens"), ("edge", "edges"))
    }

    /// "45% · about 3 s left", "45 % · encore 3 s environ".
    static func line(fraction: Double, elapsed: Duration, words: Words = Messages.words) -> String {
        let percent = Int((min(1, fraction) * 100).rounded(.down))
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let left = fraction < 1 ? seconds * (1 - fraction) / fraction : 0
        let remaining = Int(left.rounded(.up))
        return words.say("\(percent)\u{00A0}%", "\(percent)%")
            + (fraction < 1 && seconds > 0.5 ? words.say(" · encore \(remaining)\u{00A0}s environ", " · about \(remaining) s left") : "")
    }
}
