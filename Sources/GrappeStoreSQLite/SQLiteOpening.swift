import Foundation
import GRDB
import GrappeWords
import GrappeWorkspace

/// What opening a store file checks before anything is read or written: the disk, the pages, that
/// it is a Grappe store (and current), the file itself; and how a new one is made whole.
extension SQLiteStoreBackend {
    /// Whether the file system holding `path` has no block left for this user.
    static func diskIsFull(at path: String) -> Bool {
        var info = statvfs()
        let folder = (path as NSString).deletingLastPathComponent
        return statvfs(folder.isEmpty ? "." : folder, &info) == 0 && info.f_bavail == 0
    }

    /// `PRAGMA quick_check`: every page and index entry well formed. Run before any write, so that a
    /// damaged file (a disk fault, a copy cut short) is never made worse.
    static func checkPages(of reader: DatabaseQueue, path: String) throws {
        let problems = try reader.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
        guard problems != ["ok"] else { return }
        throw StoreError.damaged(path: path, detail: .same(problems.prefix(3).joined(separator: "; ") + (problems.count > 3 ? "; …" : "")))
    }

    /// Another application's database, or one from a newer Grappe, is refused before any write.
    static func checkIdentity(of reader: DatabaseQueue, path location: String, access: StoreAccess, readOnly: Bool) throws {
        try reader.read { db in
            let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
            if applicationID != Schema.applicationID {
                // Unfinished: writing finishes it below; reading says how (as for an older schema).
                if applicationID == 0, try isHalfMade(db) {
                    if readOnly { throw needsUpgrade(location, access: access) }
                    return
                }
                if applicationID != 0 || tables > 0 {
                    throw StoreError.notAWorkspace(
                        path: location, detail: Wording("une base SQLite d'une autre application", "an SQLite database of another application"))
                }
                return
            }
            let migrator = Schema.migrator()
            if try migrator.hasBeenSuperseded(db) {
                let unknown = try migrator.appliedIdentifiers(db).subtracting(migrator.migrations)
                throw StoreError.newerVersion(path: location, unknown: unknown.sorted())
            }
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            if version > Schema.userVersion {
                throw StoreError.newerVersion(path: location, unknown: ["user_version \(version)"])
            }
            if readOnly, try !migrator.hasCompletedMigrations(db) { throw needsUpgrade(location, access: access) }
        }
    }

    /// A store whose schema is behind (an older Grappe's, or one it never finished), opened without
    /// the right to upgrade it: how to.
    static func needsUpgrade(_ location: String, access: StoreAccess) -> StoreError {
        if access == .read {
            return StoreError.cannotOpen(
                path: location,
                detail: Wording(
                    "il a été fait par un Grappe plus ancien\u{00A0}: «\u{00A0}grappe store migrate\u{00A0}» le met à niveau",
                    "it was made by an older Grappe: run 'grappe store migrate' to upgrade it"))
        }
        return StoreError.readOnly(
            Wording(
                "\(location) doit être mis à niveau, ce qu'un fichier en lecture seule ne permet pas",
                "\(location) needs an upgrade, which a read-only file cannot take"))
    }

    /// A rollback journal left beside the file by a writer that was killed mid-transaction (an older
    /// Grappe, or sqlite3 in its default mode) holds the pages the file had before: until a connection
    /// allowed to write reads the file, SQLite rolls nothing back, and a read-only one cannot even
    /// read it ("attempt to write a readonly database"). So a read-write connection reads the file
    /// first, which rolls it back, as the sqlite3 shell would; a file nobody may write is left as it is
    /// (and the error says why).
    static func rollBackHotJournal(of path: String) throws {
        let journal = path + "-journal"
        guard let size = (try? FileManager.default.attributesOfItem(atPath: journal)[.size] as? NSNumber)?.intValue, size > 0,
            access(path, W_OK) == 0,
            access((path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent, W_OK) == 0
        else { return }
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(
                path: path,
                detail: Wording("son journal d'annulation n'a pas pu être rejoué", "its rollback journal could not be played back")
                    .then(.same(error.message ?? "\(error.resultCode)")))
        }
    }

    /// A store an older Grappe began and never finished (killed while it made it): GRDB's table of
    /// migrations and nothing else, holding none but Grappe's. The migrator finishes it.
    static func isHalfMade(_ db: Database) throws -> Bool {
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        guard tables == ["grdb_migrations"] else { return false }
        let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        return Set(applied).isSubset(of: Schema.migrator().migrations)
    }

    /// Makes a new store whole or not at all: its schema is built in a file of its own beside `path`,
    /// closed, then linked into place in one step (`link`, which never replaces a store another
    /// process made meanwhile: theirs is used). A kill at any moment leaves either no store at `path`
    /// or a complete one (and, at worst, the unfinished file beside it, named `….creating-PID`).
    static func create(at path: String, workspace: String) throws {
        let temporary = path + ".creating-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { for suffix in ["", "-wal", "-shm", "-journal"] { unlink(temporary + suffix) } }
        do {
            try createFile(at: temporary)
            // Built, then closed (its log folded into the file) before it is put in place.
            _ = try SQLiteStoreBackend(path: temporary, workspace: workspace, access: .write, readOnlyReason: nil)
        } catch let error as StoreError {
            throw error.at(path, from: temporary)
        }
        if link(temporary, path) != 0, errno != EEXIST {
            throw StoreError.cannotOpen(path: path, detail: .system(errno))
        }
    }

    static func createFile(at path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if let code = Folders.make(folder) {
            throw StoreError.cannotOpen(
                path: path,
                detail: Wording("impossible de créer le répertoire \(folder)", "cannot create the folder \(folder)")
                    .then(.system(code)))
        }
        let descriptor = Foundation.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if descriptor < 0 {
            let code = errno
            if code == EEXIST { return }
            throw StoreError.cannotOpen(path: path, detail: .system(code))
        }
        close(descriptor)
    }

    /// An empty file is a store about to be made; anything else must start as SQLite does.
    static func checkHeader(_ path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.cannotOpen(path: path, detail: Wording("illisible", "cannot read it"))
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if !header.isEmpty, header != Data("SQLite format 3\0".utf8) {
            throw StoreError.notAWorkspace(path: path, detail: Wording("pas une base SQLite", "not an SQLite database"))
        }
    }

    /// Why the file must be opened read-only: its mode says so (even for root), or the folder, where
    /// SQLite keeps its write-ahead log, cannot be written.
    static func readOnlyReason(for path: String) throws -> Wording? {
        var info = stat()
        guard stat(path, &info) == 0 else { throw StoreError.cannotOpen(path: path, detail: .system(errno)) }
        if info.st_mode & S_IWUSR == 0 {
            let mode = String(info.st_mode & 0o777, radix: 8)
            return Wording("le fichier est en lecture seule (mode \(mode))\u{00A0}: \(path)", "the file is read-only (mode \(mode)): \(path)")
        }
        if access(path, W_OK) != 0 {
            let why = String(cString: strerror(errno))
            return Wording("le fichier n'est pas inscriptible (\(why))\u{00A0}: \(path)", "the file is not writable (\(why)): \(path)")
        }
        let folder = (path as NSString).deletingLastPathComponent
        if access(folder.isEmpty ? "." : folder, W_OK) != 0 {
            return Wording("son répertoire n'est pas inscriptible\u{00A0}: \(folder)", "its folder is not writable: \(folder)")
        }
        return nil
    }
}
