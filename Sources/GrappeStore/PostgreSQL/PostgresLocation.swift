import Foundation
import GrappeWords
import GrappeWorkspace

/// A `postgres://user@host:port/database?sslmode=…` location, read as libpq reads it: what the URL
/// leaves out comes from `PGHOST`, `PGPORT`, `PGUSER`, `PGDATABASE`, `PGSSLMODE` and `PGSSLROOTCERT`;
/// the password from `PGPASSWORD`, else the password file (`PGPASSFILE`, else `~/.pgpass`). A
/// password written in the URL is refused: it would end up in shell history and process lists.
struct PostgresLocation: Equatable, Sendable {
    enum SSLMode: String, Sendable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    var host: String
    var port: Int
    var user: String
    var database: String
    var sslMode: SSLMode
    var sslRootCertificate: String?
    var password: String?
    /// Seconds to wait for a connection.
    var connectTimeout: Int

    /// The location as shown to people and written in messages: never with a password.
    var display: String {
        "postgres://\(user)@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)"
    }

    static let parameters: Set<String> = ["sslmode", "sslrootcert", "connect_timeout", "application_name"]

    init(_ text: String, environment: [String: String], home: String) throws {
        func refuse(_ french: String, _ english: String) -> StoreError { .cannotOpen(path: Self.redacted(text), detail: Wording(french, english)) }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "postgres" || scheme == "postgresql" else {
            throw refuse("pas une URL PostgreSQL (écrivez postgres://utilisateur@hôte:5432/base)", "not a PostgreSQL URL (write postgres://user@host:5432/database)")
        }
        if components.password != nil {
            throw refuse("un mot de passe dans l'URL est refusé (il se verrait dans l'historique du shell et la liste des processus)\u{00A0}; définissez PGPASSWORD ou servez-vous de ~/.pgpass",
                         "a password in the URL is refused (it would show in shell history and process lists); set PGPASSWORD or use ~/.pgpass")
        }
        func setting(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? setting("PGHOST") ?? "localhost"
        if host.hasPrefix("/") { throw refuse("les sockets Unix ne sont pas prises en charge\u{00A0}; donnez un nom d'hôte ou une adresse", "Unix sockets are not supported; give a host name or address") }
        if let port = components.port {
            self.port = port
        } else if let text = setting("PGPORT") {
            guard let port = Int(text), (1...65535).contains(port) else { throw refuse("PGPORT n'est pas un numéro de port\u{00A0}: \(text)", "PGPORT is not a port number: \(text)") }
            self.port = port
        } else {
            port = 5432
        }
        user = components.user.flatMap { $0.removingPercentEncoding } ?? setting("PGUSER") ?? Self.loginName(environment)
        let path = String(components.percentEncodedPath.drop { $0 == "/" })
        database = path.removingPercentEncoding.flatMap { $0.isEmpty ? nil : $0 } ?? setting("PGDATABASE") ?? user
        var query: [String: String] = [:]
        for item in components.queryItems ?? [] {
            guard Self.parameters.contains(item.name) else {
                throw refuse("paramètre inconnu «\u{00A0}\(item.name)\u{00A0}» (connus\u{00A0}: \(Self.parameters.sorted().joined(separator: ", ")))",
                             "unknown parameter '\(item.name)' (known: \(Self.parameters.sorted().joined(separator: ", ")))")
            }
            query[item.name] = item.value ?? ""
        }
        let mode = query["sslmode"] ?? setting("PGSSLMODE") ?? "prefer"
        guard let sslMode = SSLMode(rawValue: mode) else {
            let modes = SSLMode.allCases.map(\.rawValue).joined(separator: ", ")
            throw refuse("sslmode «\u{00A0}\(mode)\u{00A0}» n'est pas l'un de \(modes)", "sslmode '\(mode)' is not one of \(modes)")
        }
        self.sslMode = sslMode
        sslRootCertificate = query["sslrootcert"] ?? setting("PGSSLROOTCERT")
        if let timeout = query["connect_timeout"] ?? setting("PGCONNECT_TIMEOUT") {
            guard let seconds = Int(timeout), seconds > 0 else { throw refuse("connect_timeout n'est pas un nombre de secondes\u{00A0}: \(timeout)", "connect_timeout is not a number of seconds: \(timeout)") }
            connectTimeout = seconds
        } else {
            connectTimeout = 10
        }
        password = setting("PGPASSWORD")
            ?? PasswordFile.lookup(path: setting("PGPASSFILE") ?? home + "/.pgpass", host: host, port: port, database: database, user: user)
    }

    /// The URL with any password replaced, for messages.
    static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? "postgres://…"
    }

    private static func loginName(_ environment: [String: String]) -> String {
        if let name = environment["USER"], !name.isEmpty { return name }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "postgres"
    }
}

/// libpq's password file: lines of `host:port:database:user:password`, `*` matching anything, `\:`
/// and `\\` escaping; the first line that matches wins. Like libpq, a file that others may read is
/// ignored.
enum PasswordFile {
    static func lookup(path: String, host: String, port: Int, database: String, user: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_mode & 0o077 == 0,
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return match(text, host: host, port: port, database: database, user: user)
    }

    static func match(_ text: String, host: String, port: Int, database: String, user: String) -> String? {
        let wanted = [host, String(port), database, user]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = split(String(line))
            guard fields.count == 5 else { continue }
            let hostMatches = fields[0] == "*" || fields[0] == host || (fields[0] == "localhost" && ["127.0.0.1", "::1"].contains(host))
            guard hostMatches, zip(fields[1...3], wanted[1...3]).allSatisfy({ $0 == "*" || $0 == $1 }) else { continue }
            return fields[4]
        }
        return nil
    }

    /// The fields of a line, split at unescaped colons.
    private static func split(_ line: String) -> [String] {
        var fields: [String] = [], current = "", escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":", fields.count < 4 {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
