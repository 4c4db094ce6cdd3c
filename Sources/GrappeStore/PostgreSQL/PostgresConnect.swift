import Foundation
import GrappeWords
import GrappeWorkspace
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

/// Opens a connection as libpq would for the same URL: TLS as `sslmode` asks (`require` encrypts
/// without checking the certificate, `verify-ca` checks it against the root certificates, `verify-full`
/// checks the host name too), a connect timeout, and the statement and lock timeouts set for the
/// session so that nothing waits for ever.
enum PostgresConnect {
    static func connect(_ target: PostgresLocation) throws -> PostgresConnection {
        var configuration = PostgresConnection.Configuration(host: target.host, port: target.port, username: target.user,
                                                             password: target.password, database: target.database, tls: try tls(target))
        configuration.options.connectTimeout = .seconds(Int64(target.connectTimeout))
        configuration.options.additionalStartupParameters = [
            ("application_name", "grappe"),
            ("statement_timeout", "\(PostgresStoreBackend.statementTimeout)s"),
            ("lock_timeout", "\(PostgresStoreBackend.statementTimeout)s"),
            ("idle_in_transaction_session_timeout", "60s"),
        ]
        let eventLoop = MultiThreadedEventLoopGroup.singleton.any()
        let identifier = Int.random(in: 1...Int(Int32.max))
        return try PostgresConnection.connect(on: eventLoop, configuration: configuration, id: identifier,
                                              logger: PostgresStoreBackend.logger).wait()
    }

    static func tls(_ target: PostgresLocation) throws -> PostgresConnection.Configuration.TLS {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch target.sslMode {
        case .disable:
            return .disable
        case .allow, .prefer, .require:
            configuration.certificateVerification = .none
        case .verifyCA:
            configuration.certificateVerification = .noHostnameVerification
        case .verifyFull:
            configuration.certificateVerification = .fullVerification
        }
        if [.verifyCA, .verifyFull].contains(target.sslMode) {
            // libpq's default root certificates, else the system's.
            let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
            let root = target.sslRootCertificate ?? home + "/.postgresql/root.crt"
            if FileManager.default.fileExists(atPath: root) {
                configuration.trustRoots = .file(root)
            } else if target.sslRootCertificate != nil {
                throw StoreError.cannotOpen(path: target.display, detail: Wording("le certificat racine \(root) n'existe pas", "the root certificate \(root) does not exist"))
            }
        }
        let context: NIOSSLContext
        do {
            context = try NIOSSLContext(configuration: configuration)
        } catch {
            throw StoreError.cannotOpen(path: target.display, detail: Wording("impossible de préparer TLS\u{00A0}: \(error)", "cannot set up TLS: \(error)"))
        }
        return target.sslMode == .allow || target.sslMode == .prefer ? .prefer(context) : .require(context)
    }
}

/// What went wrong with the server, in the store's terms: a server that cannot be reached is
/// `unavailable` (exit 69), a role without the right is `readOnly` (exit 77), the rest says what
/// PostgreSQL said (its SQLSTATE and message, never the password).
enum PostgresErrors {
    static func storeError(_ error: any Error, location: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? PSQLError { return storeError(error, location: location) }
        // postgres-nio's prepared queries (the save's) report in its older error type.
        if let error = error as? PostgresError {
            switch error {
            case .server(let reply): return serverError(state: reply.fields[.sqlState] ?? "?", message: reply.fields[.message], location: location)
            case .connectionClosed: return .unavailable(location: location, detail: Wording("la connexion a été perdue", "the connection was lost"))
            // An unclean shutdown (PSQLError's .uncleanShutdown, unavailable above) arrives as this text.
            case .protocol("Unexpected connection close"):
                return .unavailable(location: location, detail: Wording("la connexion a été coupée", "the connection was cut"))
            case .protocol(let what): return .failed(.same("\(location): \(what)"))
            }
        }
        if error is IOError || error is ChannelError || error is NIOConnectionError {
            return .unavailable(location: location, detail: describe(error))
        }
        return .failed(Wording.same(location).then(describe(error)))
    }

    private static func storeError(_ error: PSQLError, location: String) -> StoreError {
        if let info = error.serverInfo, let state = info[.sqlState] { return serverError(state: state, message: info[.message], location: location) }
        switch error.code {
        case .connectionError, .serverClosedConnection, .uncleanShutdown, .clientClosedConnection:
            return .unavailable(location: location, detail: error.underlying.map(describe) ?? Wording("la connexion a été perdue", "the connection was lost"))
        case .sslUnsupported:
            return .cannotOpen(path: location, detail: Wording("le serveur ne propose pas TLS, que ce sslmode exige", "the server does not offer TLS, which this sslmode requires"))
        case .authMechanismRequiresPassword:
            return .cannotOpen(path: location, detail: Wording("le serveur demande un mot de passe\u{00A0}: définissez PGPASSWORD ou ajoutez une ligne à ~/.pgpass",
                                                                "the server asks for a password: set PGPASSWORD or add a line to ~/.pgpass"))
        case .unsupportedAuthMechanism:
            return .cannotOpen(path: location, detail: Wording("le serveur demande une méthode d'authentification que ce Grappe ne sait pas employer",
                                                                "the server asks for an authentication method this Grappe cannot use"))
        default:
            let why = error.underlying.map(describe)
            return .failed(Wording("\(location)\u{00A0}: \(String(reflecting: error.code))" + (why.map { "\u{00A0}: " + $0.french } ?? ""),
                                   "\(location): \(String(reflecting: error.code))" + (why.map { ": " + $0.english } ?? "")))
        }
    }

    /// What the server said, by its SQLSTATE.
    static func serverError(state: String, message: String?, location: String) -> StoreError {
        let message = message ?? "error \(state)"
        switch state {
        case "42501", "25006": return .readOnly(Wording("\(location)\u{00A0}: \(message)", "\(location): \(message)"))
        case "28P01", "28000":
            return .cannotOpen(path: location, detail: Wording("\(message) (le mot de passe vient de PGPASSWORD ou de ~/.pgpass)",
                                                               "\(message) (the password comes from PGPASSWORD or ~/.pgpass)"))
        case "3D000", "42P01", "3F000": return .cannotOpen(path: location, detail: .same(message))
        case "53100": return .cannotWrite(path: location, detail: Wording("le disque du serveur est plein", "the server's disk is full"))
        case "57014":
            return .failed(Wording("\(location)\u{00A0}: une instruction a duré plus de \(PostgresStoreBackend.statementTimeout)\u{00A0}s et a été annulée",
                                   "\(location): a statement ran over \(PostgresStoreBackend.statementTimeout) s and was cancelled"))
        case "55P03":
            return .failed(Wording("\(location)\u{00A0}: un autre rédacteur a tenu l'espace de travail plus de \(PostgresStoreBackend.statementTimeout)\u{00A0}s",
                                   "\(location): another writer held the workspace for over \(PostgresStoreBackend.statementTimeout) s"))
        case let state where state.hasPrefix("08") || state.hasPrefix("57P"):
            return .unavailable(location: location, detail: .same(message))
        default: return .failed(.same("\(location): PostgreSQL \(state): \(message)"))
        }
    }

    /// The SQLSTATE of a server's refusal, in either of postgres-nio's error types.
    static func sqlState(_ error: any Error) -> String? {
        if let error = error as? PSQLError { return error.serverInfo?[.sqlState] }
        if case .server(let reply) = error as? PostgresError { return reply.fields[.sqlState] }
        return nil
    }

    private static func describe(_ error: any Error) -> Wording {
        if let error = error as? NIOConnectionError {
            return error.connectionErrors.first.map { describe($0.error) } ?? Wording("connexion impossible", "cannot connect")
        }
        if let error = error as? IOError { return .system(error.errnoCode) }
        return .same("\(error)")
    }
}

extension StoreError {
    /// The server refused for lack of a grant.
    var isPermissionDenied: Bool {
        if case .readOnly = self { return true }
        return false
    }
}
