import Foundation
import GrappeWords
import GrappeWorkspace

/// Opens a connection through libpq (`PostgresLocation` says with what) and says in the store's terms
/// why one could not be made.
enum PostgresConnect {
    static func connect(_ target: PostgresLocation, extra: [(String, String)] = []) throws -> PQConnection {
        do {
            return try PQConnection.connect(target.settings + extra)
        } catch let failure as PQConnection.ConnectFailure {
            let passfile = target.settings.last { $0.0 == "passfile" }?.1
            if failure.needsPassword, let passfile, let mode = sharedMode(of: passfile) {
                throw StoreError.cannotOpen(path: target.display, detail: unusedPasswordFile(passfile, mode: mode))
            }
            throw PostgresErrors.connectError(failure, location: target.display)
        }
    }

    /// The permissions of a password file that others may read (libpq leaves such a file unused, as
    /// psql does); nil when it is private or absent.
    static func sharedMode(of path: String) -> Int? {
        guard let mode = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int, mode & 0o077 != 0
        else { return nil }
        return mode & 0o777
    }

    /// Why the password file was not used, and what to do, as psql says it.
    static func unusedPasswordFile(_ path: String, mode: Int) -> Wording {
        let octal = "0" + String(mode, radix: 8)
        return Wording(
            "le serveur demande un mot de passe, et le fichier de mots de passe \(path) n'est pas lu\u{00A0}: d'autres peuvent le lire "
                + "(droits \(octal))\u{00A0}; rendez-le privé (chmod 600 \(path))",
            "the server asks for a password, and the password file \(path) is not used: others may read it "
                + "(permissions \(octal)); make it private (chmod 600 \(path))")
    }
}

/// What went wrong with the server, in the store's terms: a server that cannot be reached is
/// `unavailable` (exit 69), a role without the right is `readOnly` (exit 77), the rest says what
/// PostgreSQL said (its SQLSTATE and message, never the password).
enum PostgresErrors {
    static func storeError(_ error: any Error, location: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if let failure = error as? PQConnection.ConnectFailure { return connectError(failure, location: location) }
        guard let failure = error as? PQFailure else { return .failed(Wording.same(location).then(.same("\(error)"))) }
        switch failure.kind {
        case .refused(let state): return serverError(state: state, message: failure.message, location: location)
        case .lost:
            return .unavailable(
                location: location, detail: Wording("la connexion a été perdue (\(failure.message))", "the connection was lost (\(failure.message))"))
        case .noAnswer(let seconds):
            return .noAnswer(location: location, seconds: Int(seconds))
        case .unsendable:
            return .failed(
                Wording(
                    "\(location)\u{00A0}: un texte contient le caractère NUL, que PostgreSQL ne peut pas enregistrer",
                    "\(location): a text holds a NUL character, which PostgreSQL cannot store"))
        }
    }

    /// Why libpq could not connect. libpq gives no SQLSTATE for a refused login, so what it says is
    /// read from what it knows: a password asked for and not found, a password sent and refused, a
    /// setting it found invalid before connecting; the rest is a server out of reach.
    static func connectError(_ failure: PQConnection.ConnectFailure, location: String) -> StoreError {
        let message = failure.message
        if failure.needsPassword {
            return .cannotOpen(
                path: location,
                detail: Wording(
                    "le serveur demande un mot de passe\u{00A0}: définissez PGPASSWORD ou ajoutez une ligne à ~/.pgpass",
                    "the server asks for a password: set PGPASSWORD or add a line to ~/.pgpass"))
        }
        if failure.usedPassword {
            return .cannotOpen(
                path: location,
                detail: Wording(
                    "\(message) (le mot de passe vient de PGPASSWORD ou de ~/.pgpass)",
                    "\(message) (the password comes from PGPASSWORD or ~/.pgpass)"))
        }
        let lowered = message.lowercased()
        if lowered.hasPrefix("invalid ") || lowered.contains("does not exist") || lowered.contains("ssl") || lowered.contains("certificate")
            || lowered.contains("no pg_hba.conf entry") || lowered.contains("authentication")
        {
            return .cannotOpen(path: location, detail: .same(message))
        }
        return .unavailable(location: location, detail: .same(message))
    }

    /// What the server said, by its SQLSTATE.
    static func serverError(state: String, message: String?, location: String) -> StoreError {
        let message = message ?? "error \(state)"
        switch state {
        case "42501", "25006": return .readOnly(Wording("\(location)\u{00A0}: \(message)", "\(location): \(message)"))
        case "28P01", "28000":
            return .cannotOpen(
                path: location,
                detail: Wording(
                    "\(message) (le mot de passe vient de PGPASSWORD ou de ~/.pgpass)",
                    "\(message) (the password comes from PGPASSWORD or ~/.pgpass)"))
        case "3D000", "42P01", "3F000": return .cannotOpen(path: location, detail: .same(message))
        case "53100": return .cannotWrite(path: location, detail: Wording("le disque du serveur est plein", "the server's disk is full"))
        case "57014":
            return .failed(
                Wording(
                    "\(location)\u{00A0}: une instruction a duré plus de \(PostgresStoreBackend.statementTimeout)\u{00A0}s et a été annulée",
                    "\(location): a statement ran over \(PostgresStoreBackend.statementTimeout) s and was cancelled"))
        case "55P03":
            return .failed(
                Wording(
                    "\(location)\u{00A0}: un autre rédacteur a tenu l'espace de travail plus de \(PostgresStoreBackend.statementTimeout)\u{00A0}s",
                    "\(location): another writer held the workspace for over \(PostgresStoreBackend.statementTimeout) s"))
        case let state where state.hasPrefix("08") || state.hasPrefix("57P"):
            return .unavailable(location: location, detail: .same(message))
        default: return .failed(.same("\(location): PostgreSQL \(state): \(message)"))
        }
    }

    /// The SQLSTATE of a server's refusal.
    static func sqlState(_ error: any Error) -> String? { (error as? PQFailure)?.sqlState }
}

extension StoreError {
    /// The server refused for lack of a grant.
    var isPermissionDenied: Bool {
        if case .readOnly = self { return true }
        return false
    }
}
