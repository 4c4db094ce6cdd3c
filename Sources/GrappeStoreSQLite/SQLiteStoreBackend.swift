import Foundation
import GRDB
import GrappeModel
import GrappeWords
import GrappeWorkspace

/// GRDB has a `Record` class too.
typealias Record = GrappeModel.Record

/// The workspace store's backend in one SQLite file, in WAL mode with foreign keys on and
/// `synchronous = FULL`: a save returns once its transaction is on disk. Saves take the write lock at
/// once (`BEGIN IMMEDIATE`) and wait up to `busyTimeout` for another process holding it, so two
/// writers both succeed. The journal's rules are `JournaledStore`'s; this adapter only stores.
final class SQLiteStoreBackend: StoreBackend, @unchecked Sendable {
    let location: String
    /// The network whose records this backend reads and writes; the file may hold others'.
    let workspace: String
    let readOnlyReason: Wording?
    /// Internal, not private: store tests reach the connection to simulate faults (a full disk).
    let writer: any DatabaseWriter
    /// The migrations this open applied, oldest first (see `StoreBackend`).
    private(set) var migrationsApplied: [String] = []

    static let busyTimeout: TimeInterval = 10

    /// Opens the store at `path`. A missing (or still empty) file reads as `nil`, an empty workspace;
    /// for writing it is created, owner-only. A file whose mode has no write permission opens
    /// read-only. Never touches a file that is not a Grappe workspace, is newer, or is damaged.
    static func open(path: String, workspace: String, for access: StoreAccess) throws -> SQLiteStoreBackend? {
        var info = stat()
        if stat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw StoreError.cannotOpen(path: path, detail: Wording("c'est un répertoire", "it is a folder"))
            case S_IFIFO:
                throw StoreError.cannotOpen(
                    path: path, detail: Wording("c'est un tube nommé (FIFO), pas un fichier", "it is a FIFO (named pipe), not a file"))
            default: throw StoreError.cannotOpen(path: path, detail: Wording("ce n'est pas un fichier ordinaire", "it is not a regular file"))
            }
            if info.st_size == 0, access == .read { return nil }
        } else {
            guard errno == ENOENT else { throw StoreError.cannotOpen(path: path, detail: .system(errno)) }
            guard access == .write else { return nil }
            try create(at: path, workspace: workspace)
        }
        try checkHeader(path)
        try rollBackHotJournal(of: path)
        let readOnly = access == .read ? Wording("ouvert en lecture", "opened for reading") : try readOnlyReason(for: path)
        return try SQLiteStoreBackend(path: path, workspace: workspace, access: access, readOnlyReason: readOnly)
    }

    init(path: String, workspace: String, access: StoreAccess, readOnlyReason: Wording?) throws {
        location = path
        self.workspace = workspace
        self.readOnlyReason = readOnlyReason
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.readonly = readOnlyReason != nil
        configuration.label = "grappe-workspace"
        if readOnlyReason == nil {
            configuration.prepareDatabase { db in
                // Every commit is on disk when save returns. Checkpoints, which copy the log into the
                // file, happen rarely (every 8192 pages, 32 MiB) and when the last connection closes,
                // so that a save seldom pays for one. The file is in WAL mode (kept in its header once
                // set: setting it again writes nothing).
                // (Not on the read-only connection that inspects the file first.)
                if !db.configuration.readonly { _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") }
                try db.execute(sql: "PRAGMA synchronous = FULL; PRAGMA wal_autocheckpoint = 8192")
            }
        }
        do {
            // Who wrote the file, and whether its pages hold, is checked through a read-only
            // connection first: opening a pool switches the file to WAL, which is already a write.
            var inspection = configuration
            inspection.readonly = true
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
            if size > 0 {
                let reader = try DatabaseQueue(path: path, configuration: inspection)
                try Self.checkIdentity(of: reader, path: path, access: access, readOnly: readOnlyReason != nil)
                if readOnlyReason == nil { try Self.checkPages(of: reader, path: path) }
            }
            // One connection (a queue, not GRDB's pool): each process uses its store from one queue
            // anyway, and GRDB's pool makes and drops a table at each open to leave its log non-empty,
            // which rewrites the file's header even when nothing is saved.
            writer = try DatabaseQueue(path: path, configuration: configuration)
            if readOnlyReason == nil {
                // Only when something is to be applied: running the migrator on a current schema still
                // bumps the header's schema cookie, and a store opened and closed without a change must
                // stay byte for byte as it was (backups compare hashes).
                let migrator = Schema.migrator(adopting: workspace)
                if try !writer.read({ try migrator.hasCompletedMigrations($0) }) {
                    let before = try writer.read { try migrator.appliedIdentifiers($0) }
                    try migrator.migrate(writer)
                    migrationsApplied = migrator.migrations.filter { !before.contains($0) }
                }
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.notAWorkspace(path: path, detail: Wording("pas une base SQLite", "not an SQLite database"))
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
            throw StoreError.damaged(path: path, detail: .same(error.message ?? "database disk image is malformed"))
        } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL || (error.resultCode == .SQLITE_IOERR && Self.diskIsFull(at: path))
        {
            // Opening for writing makes the write-ahead log and its index: on a full disk, it is that.
            throw StoreError.cannotWrite(path: path, detail: Wording("le disque est plein", "the disk is full"))
        } catch {
            throw StoreError.cannotOpen(path: path, detail: .same("\(error)"))
        }
    }

    // MARK: Reading

    func items() throws -> (records: [ItemState], entities: [ItemState]) {
        try wrap {
            try writer.read { db in
                (
                    try RecordRow.filter(mine).order(Column.rowID).fetchAll(db).map(\.state),
                    try EntityRow.filter(mine).order(Column.rowID).fetchAll(db).map(\.state)
                )
            }
        }
    }

    func history(limit: Int?) throws -> [JournalEntry] {
        try wrap {
            try writer.read { db in
                try JournalRow.filter(mine).order(Column("seq").desc).limit(limit ?? -1).fetchAll(db).map { row in
                    row.entry(items: try SQLiteJournal.items(db, workspace: workspace, seq: row.seq))
                }
            }
        }
    }

    func entry(_ sequence: Int) throws -> JournalEntry? {
        try wrap { try writer.read { db in try SQLiteJournal.entry(db, workspace: workspace, sequence: sequence) } }
    }

    func journalIndex() throws -> [JournalEntry] {
        try wrap {
            try writer.read { db in
                var entries = try JournalRow.filter(mine).order(Column("seq")).fetchAll(db).map { $0.entry(items: []) }
                var position: [Int: Int] = [:]
                for (index, entry) in entries.enumerated() { position[entry.sequence] = index }
                // The items without their states, which are most of the journal's bytes.
                let items = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT seq, object_kind, object_id, version_before, version_after FROM journal_items
                        WHERE workspace = ? ORDER BY seq, position
                        """, arguments: [workspace])
                while let row = try items.next() {
                    guard let index = position[row["seq"]] else { continue }
                    entries[index].items.append(
                        JournalEntry.Item(
                            kind: JournalEntry.Item.Kind(rawValue: row["object_kind"]) ?? .record,
                            id: row["object_id"], before: nil, after: nil,
                            versionBefore: row["version_before"], versionAfter: row["version_after"]))
                }
                return entries
            }
        }
    }

    func journalHead() throws -> Int {
        try wrap {
            try writer.read { db in
                try Int.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM journal WHERE workspace = ?", arguments: [workspace]) ?? 0
            }
        }
    }

    func drafts() throws -> [StoredDraft] {
        try wrap {
            try writer.read { db in
                try DraftRow.filter(mine).order(Column("updated_at").desc).fetchAll(db).map {
                    StoredDraft(key: $0.key, json: $0.body, updatedAt: $0.updated_at)
                }
            }
        }
    }

    /// The workspaces the file holds anything for, by name.
    func workspaces() throws -> [String] {
        try wrap {
            try writer.read { db in
                try String.fetchAll(
                    db,
                    sql: """
                        SELECT workspace FROM records UNION SELECT workspace FROM entities UNION SELECT workspace FROM journal
                        UNION SELECT workspace FROM drafts ORDER BY 1
                        """)
            }
        }
    }

    /// `PRAGMA integrity_check` and `foreign_key_check`: empty, or what is wrong.
    func integrityCheck() throws -> [String] {
        try wrap {
            try writer.read { db in
                var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
                problems += try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { "foreign key: \($0)" }
                return problems
            }
        }
    }

    func dump() throws -> WorkspaceDump {
        try wrap {
            try writer.read { db in
                let records = try RecordRow.filter(mine).order(Column.rowID).fetchAll(db).map { row in
                    WorkspaceDump.Item(kind: .record, id: row.id, state: row.state, createdAt: row.created_at, createdBy: row.created_by)
                }
                let entities = try EntityRow.filter(mine).order(Column.rowID).fetchAll(db).map { row in
                    WorkspaceDump.Item(kind: .entity, id: row.id, state: row.state, createdAt: row.created_at, createdBy: row.created_by)
                }
                let journal = try JournalRow.filter(mine).order(Column("seq")).fetchAll(db).map { row in
                    row.entry(items: try SQLiteJournal.items(db, workspace: workspace, seq: row.seq))
                }
                let drafts = try DraftRow.filter(mine).order(Column("updated_at").desc).fetchAll(db).map {
                    StoredDraft(key: $0.key, json: $0.body, updatedAt: $0.updated_at)
                }
                return WorkspaceDump(items: records + entities, journal: journal, drafts: drafts)
            }
        }
    }

    func restore(_ dump: WorkspaceDump, replacing: Bool) throws {
        try immediate { db, _ in
            if replacing {
                for table in Schema.tablesInOrder.reversed() {
                    try db.execute(sql: "DELETE FROM \(table) WHERE workspace = ?", arguments: [workspace])
                }
            } else if try Int.fetchOne(
                db,
                sql: """
                    SELECT (SELECT count(*) FROM records WHERE workspace = ?1) + (SELECT count(*) FROM entities WHERE workspace = ?1)
                         + (SELECT count(*) FROM journal WHERE workspace = ?1) + (SELECT count(*) FROM drafts WHERE workspace = ?1)
                    """, arguments: [workspace]) != 0
            {
                throw StoreError.failed(
                    Wording(
                        "\(location) n'est pas vide (espace de travail «\u{00A0}\(workspace)\u{00A0}»)",
                        "\(location) is not empty (workspace '\(workspace)')"))
            }
            try StoreRestore.items(dump) { item, transaction in
                let sqlite = SQLiteTransaction(db: db, workspace: workspace, now: item.state.updatedAt)
                try transaction(sqlite)
                let table = item.kind == .record ? "records" : "entities"
                try db.execute(
                    sql: "UPDATE \(table) SET created_at = ?, created_by = ? WHERE workspace = ? AND id = ?",
                    arguments: [item.createdAt, item.createdBy, workspace, item.id])
            }
            for entry in dump.journal {
                let row = JournalRow(
                    workspace: workspace, seq: Int64(entry.sequence), at: entry.at, author: entry.author, action: entry.action.rawValue,
                    summary: entry.summary, undoes: entry.undoes)
                try row.insert(db)
                for (position, item) in entry.items.enumerated() {
                    try JournalItemRow(
                        workspace: workspace, seq: Int64(entry.sequence), position: position, object_kind: item.kind.rawValue, object_id: item.id,
                        before: item.before, after: item.after, version_before: item.versionBefore,
                        version_after: item.versionAfter
                    ).insert(db)
                }
            }
            // Linked again here: the chain is this store's own (a copy keeps the entries, not their hashes).
            try SQLiteJournal.chain(db, workspace: workspace, from: 1)
            for draft in dump.drafts { try DraftRow(workspace: workspace, key: draft.key, updated_at: draft.updatedAt, body: draft.json).upsert(db) }
        }
    }

    // MARK: Writing

    func transaction<T>(_ body: (any StoreTransaction) throws -> T) throws -> T {
        try immediate { db, now in try body(SQLiteTransaction(db: db, workspace: workspace, now: now)) }
    }

    func saveDraft(_ draft: StoredDraft) throws {
        try immediate { db, _ in try DraftRow(workspace: workspace, key: draft.key, updated_at: draft.updatedAt, body: draft.json).upsert(db) }
    }

    func deleteDraft(key: String) throws {
        try immediate { db, _ in _ = try DraftRow.deleteOne(db, key: ["workspace": workspace, "key": key]) }
    }

    // MARK: Helpers

    /// This workspace's rows.
    private var mine: SQLExpression { Column("workspace") == workspace }

    /// One `BEGIN IMMEDIATE` transaction: the write lock is taken at once, or waited for.
    func immediate<T>(_ body: (Database, String) throws -> T) throws -> T {
        if let readOnlyReason { throw StoreError.readOnly(readOnlyReason) }
        return try wrap {
            try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db, StoreTime.now())
                    return .commit
                }
                return result!
            }
        }
    }

    func wrap<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY {
            throw StoreError.readOnly(
                Wording("\(location)\u{00A0}: \(error.message ?? "lecture seule")", "\(location): \(error.message ?? "read-only")"))
        } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL {
            throw StoreError.cannotWrite(path: location, detail: Wording("le disque est plein", "the disk is full"))
        } catch let error as DatabaseError where error.resultCode == .SQLITE_IOERR {
            throw StoreError.cannotWrite(path: location, detail: .same(error.message ?? "disk I/O error"))
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
            throw StoreError.damaged(path: location, detail: .same(error.message ?? "database disk image is malformed"))
        } catch {
            throw StoreError.failed(.same("\(error)"))
        }
    }
}

extension StoreError {
    /// The same error about `path`, when it arose on the file a store was being built in.
    func at(_ path: String, from temporary: String) -> StoreError {
        func place(_ text: String) -> String { text.replacingOccurrences(of: temporary, with: path) }
        return switch self {
        case .cannotOpen(let where_, let detail): .cannotOpen(path: place(where_), detail: detail)
        case .cannotWrite(let where_, let detail): .cannotWrite(path: place(where_), detail: detail)
        case .notAWorkspace(let where_, let detail): .notAWorkspace(path: place(where_), detail: detail)
        case .damaged(let where_, let detail): .damaged(path: place(where_), detail: detail)
        case .newerVersion(let where_, let unknown): .newerVersion(path: place(where_), unknown: unknown)
        default: self
        }
    }
}
