import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The PostgreSQL server the store tests run against: `GRAPPE_TEST_POSTGRES` when CI started one
/// (`.ci/run`), else a throwaway server started once for this test run by `.ci/postgres` (PostgreSQL 15
/// from Debian must be installed) and stopped when the run ends. Never skipped: without a server the
/// PostgreSQL cases fail and say why.
public enum TestPostgres {
    /// The repository's root, where `.ci/postgres` is.
    public static let repository = Repository.root.path

    /// The superuser URL of the test database, or why there is none.
    public static let server: Result<String, ServerMissing> = {
        if let url = ProcessInfo.processInfo.environment["GRAPPE_TEST_POSTGRES"], !url.isEmpty { return .success(url) }
        let folder = NSTemporaryDirectory() + "grappe-test-postgres-\(getpid())"
        let port = 20_000 + Int(getpid() % 20_000)
        let started = run([repository + "/.ci/postgres", "start", folder, String(port)])
        guard started.status == 0, let url = started.output.split(separator: "\n").last.map(String.init), url.hasPrefix("postgres://") else {
            return .failure(
                ServerMissing(
                    detail: "could not start a test server with .ci/postgres (is PostgreSQL installed? "
                        + "apt-get install postgresql): \(started.output)"))
        }
        stopFolder = folder
        atexit { if let folder = TestPostgres.stopFolder { _ = TestPostgres.run([TestPostgres.repository + "/.ci/postgres", "stop", folder]) } }
        return .success(url)
    }()

    nonisolated(unsafe) static var stopFolder: String?

    /// Why there is no test server: what starting one said.
    public struct ServerMissing: Error, CustomStringConvertible {
        let detail: String
        /// The reason, as `.ci/postgres` gave it.
        public init(detail: String) { self.detail = detail }
        /// The reason.
        public var description: String { detail }
    }

    /// The superuser URL of the test database; throws why there is none.
    public static func url() throws -> String { try server.get() }

    /// The same server as another role (`grappe_planner`, `grappe_viewer`, `grappe_secret`).
    public static func url(as role: String) throws -> String {
        try url().replacingOccurrences(of: "://postgres@", with: "://\(role)@")
    }

    /// The database user of `url()`, whom the journal names as the author.
    public static let superuser = "postgres"

    /// A fresh workspace name, so that tests sharing the database never meet.
    public static func freshWorkspace() -> String { "test-" + UUID().uuidString.lowercased() }

    /// Runs a program to its end, with posix_spawn and waitpid (Foundation's `Process` waits through
    /// Dispatch, which the tests waiting on this server's start may have taken). The output goes
    /// through a file, not a pipe, because a server it starts keeps inherited pipes open.
    @discardableResult
    public static func run(_ arguments: [String], environment: [String: String] = [:]) -> (status: Int32, output: String) {
        let outputPath = NSTemporaryDirectory() + "grappe-run-" + UUID().uuidString
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        let variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0)=\($1)" }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = variables.map { strdup($0) } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, argv, envp)
        guard spawned == 0 else { return (-1, "cannot run \(arguments[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let exited = status & 0x7f == 0
        return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), output)
    }

    /// Runs SQL through psql as the superuser.
    public static func psql(_ sql: String) throws -> String {
        let result = run(["/usr/bin/psql", try url(), "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql])
        guard result.status == 0 else { throw ServerMissing(detail: "psql: \(result.output)") }
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// A PostgreSQL server of a test's own, for tests that stop, crash or freeze it (`.ci/postgres`).
public struct PrivateServer {
    /// The server's data folder.
    public let folder: String
    /// Its port on loopback.
    public let port: Int
    /// Its superuser URL.
    public let url: String
    static let script = TestPostgres.repository + "/.ci/postgres"

    /// Starts a server of its own named `name` (for tests that stop or freeze it).
    public init(_ name: String) throws {
        folder = NSTemporaryDirectory() + "grappe-\(name)-postgres-\(getpid())-\(UInt16.random(in: 0...UInt16.max))"
        let started = TestPostgres.run([Self.script, "start", folder, String(30_000 + Int.random(in: 0..<20_000))])
        guard started.status == 0, let url = started.output.split(separator: "\n").last.map(String.init), url.hasPrefix("postgres://"),
            let port = URLComponents(string: url)?.port
        else {
            throw TestPostgres.ServerMissing(detail: "could not start a server of its own: \(started.output)")
        }
        self.url = url
        // The port it took (the script tries the next ones when one is taken).
        self.port = port
    }

    /// `crash`, `restart`, `freeze` or `thaw`.
    public func run(_ command: String) {
        TestPostgres.run([Self.script, command, folder] + (command == "restart" ? [String(port)] : []))
    }

    /// Stops it.
    public func stop() {
        run("thaw")
        TestPostgres.run([Self.script, "stop", folder])
    }
}
