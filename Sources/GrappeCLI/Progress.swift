import Foundation

/// Long work says what it is doing on standard error, only when that is a terminal (so scripts and
/// pipes stay clean), and how long it took.
enum Progress {
    static let enabled = isatty(STDERR_FILENO) == 1

    static func run<T>(_ what: String, _ work: () throws -> T) rethrows -> T {
        guard enabled else { return try work() }
        FileHandle.standardError.write(Data("\u{1B}[2K\r\(what)…".utf8))
        let clock = ContinuousClock()
        let started = clock.now
        let result = try work()
        FileHandle.standardError.write(Data("\u{1B}[2K\r".utf8))
        let elapsed = clock.now - started
        if elapsed > .seconds(1) { Output.error("\(what): \(Output.milliseconds(elapsed).trimmingCharacters(in: .whitespaces))") }
        return result
    }
}
