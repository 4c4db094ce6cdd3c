import Foundation

/// Places in the repository the tests read, found from this file's own place so that tests run from
/// any folder.
public enum Repository {
    /// The repository's root folder.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// The bundled seeds.
    public static let seeds = root.appendingPathComponent("seeds")
    /// `../shared` beside the repository (CI puts it there): the source documents, the schemas and
    /// other tools' files, read in place and never copied into the repository.
    public static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")
    /// Real network files written by other tools, with `SOURCES.txt` saying what networkx reads from each.
    public static let interchangeCorpus = shared.appendingPathComponent("interchange-corpus")
    /// A test target's own folder: `Tests/<name>`.
    public static func tests(_ target: String) -> URL {
        root.appendingPathComponent("Tests").appendingPathComponent(target)
    }
}

/// A value behind a lock, for results gathered across threads. (A class, so that closures running on
/// other threads can share it; the standard library's `Mutex` cannot be captured by them.)
public final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    /// `value`, behind a lock.
    public init(_ value: Value) { self.value = value }

    /// Runs `body` on the value, alone.
    public func withLock<T>(_ body: (inout Value) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}

/// The sqlite3 shell, as an analyst runs it on a store.
public enum SQLiteShell {
    /// Runs `sql` on `database`; its output without the last newline.
    @discardableResult
    public static func run(_ database: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [database, sql]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
    }
}
