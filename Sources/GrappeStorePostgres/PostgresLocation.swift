import CLibPQ
import Foundation
import GrappeWords
import GrappeWorkspace

/// A server location as libpq reads it: a `postgres://` URL (or a `key=value` connection string),
/// which libpq itself parses and completes from every `PG*` variable, `PGSERVICE` and
/// `pg_service.conf`, the password file (`PGPASSFILE`, else `~/.pgpass`), `sslmode` and the rest
/// (PostgreSQL's documentation, "Connection Strings" and "Environment Variables"). Grappe only adds
/// defaults that the location may override (a connect timeout, keepalives, the session's statement
/// timeouts) and shows the location without its password.
struct PostgresLocation: Sendable {
    /// The location as given, passed to libpq untouched.
    let text: String
    /// The location as shown to people and written in messages: never with a password.
    let display: String
    /// What Grappe adds, then the location, then what `environment` sets in place of the process's
    /// variables (tests): libpq keeps the last value of each keyword.
    let settings: [(String, String)]

    /// Seconds to wait for a connection when the location does not say (`connect_timeout`).
    static let connectTimeout = 10

    /// `environment` stands in for the process's `PG*` variables and `HOME` (tests); nil reads the
    /// process's, as libpq does.
    init(_ text: String, environment: [String: String]? = nil) throws {
        self.text = text
        var error: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(text, &error) else {
            let reason = error.map { PQConnection.message($0) } ?? "out of memory"
            if let error { PQfreemem(error) }
            throw StoreError.cannotOpen(
                path: Self.redacted(text),
                detail: Wording(
                    "adresse de serveur illisible (libpq)\u{00A0}: \(reason)",
                    "unreadable server address (libpq): \(reason)"))
        }
        defer { PQconninfoFree(options) }
        var given: [String: String] = [:]
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val { given[String(cString: keyword)] = String(cString: value) }
            option += 1
        }
        let variables = environment ?? ProcessInfo.processInfo.environment
        func setting(_ name: String) -> String? { variables[name].flatMap { $0.isEmpty ? nil : $0 } }
        let user = given["user"] ?? setting("PGUSER") ?? Self.loginName()
        let host = given["host"] ?? given["hostaddr"] ?? setting("PGHOST") ?? "/var/run/postgresql"
        let port = given["port"] ?? setting("PGPORT") ?? "5432"
        let database = given["dbname"] ?? setting("PGDATABASE") ?? user
        let shownHost = host.contains(":") && !host.contains(",") && !host.hasPrefix("/") ? "[\(host)]" : host
        display = "postgres://\(user)@\(shownHost):\(port)/\(database)"

        var settings: [(String, String)] = [
            ("connect_timeout", String(Self.connectTimeout)),
            ("application_name", "grappe"),
            // A peer that vanished (a cable, a VM gone) is noticed in seconds, not hours.
            ("keepalives", "1"), ("keepalives_idle", "5"), ("keepalives_interval", "2"), ("keepalives_count", "2"),
            ("tcp_user_timeout", "10000"),
            (
                "options",
                "-c statement_timeout=\(PostgresStoreBackend.statementTimeout)s -c lock_timeout=\(PostgresStoreBackend.statementTimeout)s "
                    + "-c idle_in_transaction_session_timeout=60s"
            ),
            ("dbname", text),
        ]
        if let environment {
            for (variable, keyword) in [
                ("PGHOST", "host"), ("PGPORT", "port"), ("PGUSER", "user"), ("PGPASSWORD", "password"),
                ("PGSSLMODE", "sslmode"), ("PGSSLROOTCERT", "sslrootcert"),
            ] where given[keyword] == nil {
                if let value = environment[variable] { settings.append((keyword, value)) }
            }
            if let file = environment["PGPASSFILE"] ?? environment["HOME"].map({ $0 + "/.pgpass" }) { settings.append(("passfile", file)) }
        }
        self.settings = settings
    }

    /// The location with any password replaced by `***`, for messages, whether or not it parses:
    /// in the URL's user part (`user:secret@`) and as a parameter (`password=secret`).
    static func redacted(_ text: String) -> String {
        var result = text
        if let scheme = result.range(of: "://") {
            let rest = result[scheme.upperBound...]
            let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
            if let at = rest[..<authorityEnd].lastIndex(of: "@"), let colon = rest[..<at].firstIndex(of: ":") {
                result.replaceSubrange(result.index(after: colon)..<at, with: "***")
            }
        }
        return result.replacing(/(?i)(password\s*=\s*)('(?:[^'\\]|\\.)*'|[^&\s]*)/) { match in match.output.1 + "***" }
    }

    private static func loginName() -> String {
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "postgres"
    }
}
