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
    static func run<T>(_ what: String, measured work: (_ report: @escaping @Sendable (Double) -> Void) throws -> T) rethrows -> T {
        try run(what, phased: { report, _ in try work(report) })
    }

    /// Long work in named parts: the line says the part under way, the share done and the time
    /// left ("summarising · distances… 62% · about 9 s left"). The share comes from `report`, or
    /// from `weights` (each part's usual share of the whole, added as it ends).
    static func run<T>(
        _ what: String, weights: [String: Double] = [:],
        phased work: (_ report: @escaping @Sendable (Double) -> Void, _ phases: Phases) throws -> T
    ) rethrows -> T {
        guard enabled else { return try work({ _ in }, .none) }
        let line = PhasedLine(what: Sanitizer.visible(what))
        line.draw(force: true)
        let result = try work(
            { fraction in line.update(fraction: fraction) },
            Phases(
                started: { name in line.update(phase: name) },
                finished: { name in if let weight = weights[name] { line.update(adding: weight) } }))
        FileHandle.standardError.write(Data("\u{1B}[2K\r".utf8))
        let elapsed = line.elapsed
        if elapsed > .seconds(1) {
            Output.error(line.what + Messages.words.colon + Output.milliseconds(elapsed).trimmingCharacters(in: .whitespaces))
        }
        return result
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
        let seconds = Output.seconds(elapsed)
        let left = fraction < 1 ? seconds * (1 - fraction) / fraction : 0
        let remaining = Int(left.rounded(.up))
        return words.say("\(percent)\u{00A0}%", "\(percent)%")
            + (fraction < 1 && seconds > 0.5 ? words.say(" · encore \(remaining)\u{00A0}s environ", " · about \(remaining) s left") : "")
    }
}

/// The line `Progress.run(_:weights:phased:)` keeps up to date: at most ten times a second, and
/// whenever a new part begins.
private final class PhasedLine: @unchecked Sendable {
    let what: String
    private let lock = NSLock()
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private var shown: ContinuousClock.Instant
    private var phase = ""
    private var fraction = 0.0

    init(what: String) {
        self.what = what
        started = clock.now
        shown = started
    }

    var elapsed: Duration { clock.now - started }

    func update(phase: String) {
        lock.withLock { self.phase = Sanitizer.visible(phase) }
        draw(force: true)
    }

    func update(fraction: Double) {
        lock.withLock { self.fraction = max(self.fraction, fraction) }
        draw(force: false)
    }

    func update(adding weight: Double) {
        lock.withLock { fraction = min(1, fraction + weight) }
        draw(force: false)
    }

    func draw(force: Bool) {
        let now = clock.now
        let text: String? = lock.withLock {
            guard force || now - shown > .milliseconds(100) else { return nil }
            shown = now
            let part = phase.isEmpty ? "" : " · " + phase
            let share = fraction > 0 ? " " + Progress.line(fraction: fraction, elapsed: now - started) : ""
            return "\u{1B}[2K\r\(what)\(part)…\(share)"
        }
        if let text { FileHandle.standardError.write(Data(text.utf8)) }
    }
}
