import Foundation
import GrappeWords
import GrappeWorkspace

/// The backend's one connection: made when first needed, made again after it was lost, each
/// statement with a deadline.
extension PostgresStoreBackend {
    // MARK: Connection

    /// Runs `body` on the connection, alone, connecting first when there is none or it was lost.
    func withConnection<T>(_ body: (PQConnection) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        do {
            let connection = try connected()
            do {
                return try body(connection)
            } catch {
                if connection.isClosed { self.connection = nil }
                throw error
            }
        } catch {
            throw PostgresErrors.storeError(error, location: location)
        }
    }

    func connected() throws -> PQConnection {
        if let connection, connection.isAlive() { return connection }
        connection = nil
        let made = try PostgresConnect.connect(target)
        if let actingAs {
            // SET ROLE, parameterised: the server checks that the login is a member of that role, and
            // from then on writes with that role's grants and names it as current_user.
            do {
                _ = try made.rows("SELECT set_config('role', \(actingAs), false)", timeout: answerTimeout)
            } catch {
                let login = made.user
                made.close()
                throw Self.cannotActAs(actingAs, login: login, error, location: location)
            }
        }
        connection = made
        return made
    }

    /// Why `--author` was refused: the role does not exist, or the login is not one of its members.
    static func cannotActAs(_ role: String, login: String, _ error: any Error, location: String) -> StoreError {
        switch PostgresErrors.storeError(error, location: location) {
        case .readOnly:
            .readOnly(
                Wording(
                    "\(location)\u{00A0}: le serveur ne laisse pas «\u{00A0}\(login)\u{00A0}» écrire en tant que «\u{00A0}\(role)\u{00A0}» "
                        + "(un administrateur exécute GRANT \"\(role)\" TO \"\(login)\")\u{00A0}; sans --author, le journal nomme «\u{00A0}\(login)\u{00A0}»",
                    "\(location): the server does not let '\(login)' write as '\(role)' (an administrator runs GRANT \"\(role)\" TO \"\(login)\"); "
                        + "without --author the journal names '\(login)'"))
        case .failed(let detail) where detail.english.contains("22023"):
            .readOnly(
                Wording(
                    "\(location)\u{00A0}: le serveur n'a pas de rôle «\u{00A0}\(role)\u{00A0}» pour --author\u{00A0}; sans lui, le journal nomme «\u{00A0}\(login)\u{00A0}»",
                    "\(location): there is no role '\(role)' on the server for --author; without it the journal names '\(login)'"))
        case let other: other
        }
    }

    // MARK: Statements

    /// One statement's rows; the connection is closed when the server does not answer in time.
    func rows(_ connection: PQConnection, _ query: SQL) throws -> [PQRow] {
        try connection.rows(query, timeout: answerTimeout)
    }

    func one(_ connection: PQConnection, _ query: SQL) throws -> PQRow {
        guard let row = try rows(connection, query).first else {
            throw StoreError.failed(Wording("le serveur n'a renvoyé aucune ligne", "the server returned no row"))
        }
        return row
    }

    func execute(_ connection: PQConnection, _ query: SQL) throws {
        _ = try rows(connection, query)
    }
}
