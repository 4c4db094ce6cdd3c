import Foundation
import GRDB
import GrappeModel
import GrappeWorkspace

/// GRDB has a `Record` class too.
typealias Record = GrappeModel.Record

/// The workspace store in one SQLite file, in WAL mode with foreign keys on and `synchronous = FULL`:
/// a save returns once its transaction is on disk. Saves take the write lock at once (`BEGIN
/// IMMEDIATE`) and wait up to `busyTimeout` for another process holding it, so two writers both succeed.
public final class SQLiteWorkspaceStore: WorkspaceStore, @unchecked Sendable {
    public let location: String
    public let readOnlyReason: String?
    /// Internal, not private: store tests reach the connection to simulate faults (a full disk).
    let writer: any DatabaseWriter

    public static let busyTimeout: TimeInterval = 10

    /// Opens the store at `path`. A missing (or still empty) file reads as `nil`, an empty workspace;
    /// for writing it is created, owner-only. A file whose mode has no write permission opens
    /// read-only. Never touches a file that is not a Grappe workspace, is newer, or is damaged.
    public static func open(path: String, for access: StoreAccess) throws -> SQLiteWorkspaceStore? {
        var info = stat()
        if stat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw StoreError.cannotOpen(path: path, detail: "it is a folder")
            case S_IFIFO: throw StoreError.cannotOpen(path: path, detail: "it is a FIFO (named pipe), not a file")
            default: throw StoreError.cannotOpen(path: path, detail: "it is not a regular file")
            }
            if info.st_size == 0, access == .read { return nil }
        } else {
            guard errno == ENOENT else { throw StoreError.cannotOpen(path: path, detail: String(cString: strerror(errno))) }
            guard access == .write else { return nil }
            try createFile(at: path)
        }
        try checkHeader(path)
        let readOnly = access == .read ? "opened for reading" : try readOnlyReason(for: path)
        return try SQLiteWorkspaceStore(path: path, access: access, readOnlyReason: readOnly)
    }

    private init(path: String, access: StoreAccess, readOnlyReason: String?) throws {
        location = path
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
                // so that a save seldom pays for one.
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
            if readOnlyReason == nil {
                writer = try DatabasePool(path: path, configuration: configuration)
            } else {
                writer = try DatabaseQueue(path: path, configuration: configuration)
            }
            if readOnlyReason == nil { try Schema.migrator.migrate(writer) }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.notAWorkspace(path: path, detail: "not an SQLite database")
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
            throw StoreError.damaged(path: path, detail: error.message ?? "database disk image is malformed")
        } catch {
            throw StoreError.cannotOpen(path: path, detail: "\(error)")
        }
    }

    /// `PRAGMA quick_check`: every page and index entry well formed. Run before any write, so that a
    /// damaged file (a disk fault, a copy cut short) is never made worse.
    private static func checkPages(of reader: DatabaseQueue, path: String) throws {
        let problems = try reader.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
        guard problems != ["ok"] else { return }
        throw StoreError.damaged(path: path, detail: problems.prefix(3).joined(separator: "; ") + (problems.count > 3 ? "; …" : ""))
    }

    /// Another application's database, or one from a newer Grappe, is refused before any write.
    private static func checkIdentity(of reader: DatabaseQueue, path location: String, access: StoreAccess, readOnly: Bool) throws {
        try reader.read { db in
            let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
            if applicationID != Schema.applicationID {
                if applicationID != 0 || tables > 0 {
                    throw StoreError.notAWorkspace(path: location, detail: "an SQLite database of another application")
                }
                return
            }
            let migrator = Schema.migrator
            if try migrator.hasBeenSuperseded(db) {
                let unknown = try migrator.appliedIdentifiers(db).subtracting(migrator.migrations)
                throw StoreError.newerVersion(path: location, unknown: unknown.sorted())
            }
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            if version > Schema.userVersion {
                throw StoreError.newerVersion(path: location, unknown: ["user_version \(version)"])
            }
            if readOnly, try !migrator.hasCompletedMigrations(db) {
                if access == .read {
                    throw StoreError.cannotOpen(path: location, detail: "it was made by an older Grappe: run 'grappe store migrate' to upgrade it")
                }
                throw StoreError.readOnly("\(location) needs an upgrade, which a read-only file cannot take")
            }
        }
    }

    private static func createFile(at path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            if !folder.isEmpty {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            }
        } catch {
            throw StoreError.cannotOpen(path: path, detail: "cannot create the folder \(folder): \(error.localizedDescription)")
        }
        let descriptor = Foundation.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        if descriptor < 0 {
            let code = errno
            if code == EEXIST { return }
            throw StoreError.cannotOpen(path: path, detail: String(cString: strerror(code)))
        }
        close(descriptor)
    }

    /// An empty file is a store about to be made; anything else must start as SQLite does.
    private static func checkHeader(_ path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.cannotOpen(path: path, detail: "cannot read it")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if !header.isEmpty, header != Data("SQLite format 3\0".utf8) {
            throw StoreError.notAWorkspace(path: path, detail: "not an SQLite database")
        }
    }

    /// Why the file must be opened read-only: its mode says so (even for root), or the folder, where
    /// SQLite keeps its write-ahead log, cannot be written.
    private static func readOnlyReason(for path: String) throws -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { throw StoreError.cannotOpen(path: path, detail: String(cString: strerror(errno))) }
        if info.st_mode & S_IWUSR == 0 { return "the file is read-only (mode \(String(info.st_mode & 0o777, radix: 8))): \(path)" }
        if access(path, W_OK) != 0 { return "the file is not writable (\(String(cString: strerror(errno)))): \(path)" }
        let folder = (path as NSString).deletingLastPathComponent
        if access(folder.isEmpty ? "." : folder, W_OK) != 0 { return "its folder is not writable: \(folder)" }
        return nil
    }

    // MARK: Reading

    public func load() throws -> Workspace {
        typealias RecordRow = (body: String, version: Int, at: String, by: String)
        typealias EntityRow = (body: String, version: Int, with: String?)
        let (recordRows, entityRows) = try wrap {
            try writer.read { db -> ([RecordRow], [EntityRow]) in
                (try Row.fetchAll(db, sql: "SELECT body, version, updated_at, updated_by FROM records ORDER BY rowid").map { ($0[0], $0[1], $0[2], $0[3]) },
                 try Row.fetchAll(db, sql: "SELECT body, version, recorded_with FROM entities ORDER BY rowid").map { ($0[0], $0[1], $0[2]) })
            }
        }
        // Decoding JSON is most of what a start-up spends here: it runs on every core.
        let records = try Self.decodeInParallel(recordRows) { row, decoder in
            StoredRecord(record: try decoder.decode(Record.self, from: Data(row.body.utf8)), version: row.version, updatedAt: row.at, updatedBy: row.by)
        }
        let entities = try Self.decodeInParallel(entityRows) { row, decoder in
            StoredEntity(entity: try decoder.decode(Entity.self, from: Data(row.body.utf8)), version: row.version, recordedWith: row.with)
        }
        return Workspace(records: records, entities: entities)
    }

    /// Results of parallel slices, each written by one thread.
    private final class Slices<T>: @unchecked Sendable {
        var values: [[T]]
        var failure: Error?
        let lock = NSLock()
        init(_ count: Int) { values = Array(repeating: [], count: count) }
    }

    private static func decodeInParallel<Input: Sendable, T>(_ inputs: [Input],
                                                             _ decode: @escaping @Sendable (Input, JSONDecoder) throws -> T) throws -> [T] {
        let count = inputs.count < 256 ? 1 : ProcessInfo.processInfo.activeProcessorCount * 2
        let size = (inputs.count + count - 1) / count
        let slices = Slices<T>(count)
        DispatchQueue.concurrentPerform(iterations: count) { slice in
            let decoder = JSONDecoder()
            let range = min(inputs.count, slice * size)..<min(inputs.count, (slice + 1) * size)
            do {
                let values = try inputs[range].map { try decode($0, decoder) }
                slices.lock.lock()
                slices.values[slice] = values
                slices.lock.unlock()
            } catch {
                slices.lock.lock()
                slices.failure = slices.failure ?? error
                slices.lock.unlock()
            }
        }
        if let failure = slices.failure { throw StoreError.failed("a stored item cannot be read: \(failure)") }
        return slices.values.flatMap { $0 }
    }

    public func history(limit: Int?) throws -> [JournalEntry] {
        try wrap {
            try writer.read { db in
                let rows = try Row.fetchAll(db, sql: "SELECT seq, at, author, action, summary, undoes FROM journal ORDER BY seq DESC LIMIT ?",
                                            arguments: [limit ?? -1])
                return try rows.map { row in
                    let sequence: Int = row[0]
                    let items = try Row.fetchAll(db, sql: """
                        SELECT object_kind, object_id, before, after, version_before, version_after
                        FROM journal_items WHERE seq = ? ORDER BY position
                        """, arguments: [sequence]).map { item in
                        JournalEntry.Item(kind: JournalEntry.Item.Kind(rawValue: item[0]) ?? .record, id: item[1], before: item[2],
                                          after: item[3], versionBefore: item[4], versionAfter: item[5])
                    }
                    return JournalEntry(sequence: sequence, at: row[1], author: row[2], action: Change.Action(rawValue: row[3]) ?? .edit,
                                        summary: row[4], undoes: row[5], items: items)
                }
            }
        }
    }

    public func journalIndex() throws -> [JournalEntry] {
        try wrap {
            try writer.read { db in
                var entries: [JournalEntry] = []
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT j.seq, j.at, j.author, j.action, j.summary, j.undoes, i.object_kind, i.object_id, i.version_before, i.version_after
                    FROM journal j LEFT JOIN journal_items i ON i.seq = j.seq ORDER BY j.seq, i.position
                    """)
                while let row = try rows.next() {
                    let sequence: Int = row[0]
                    if entries.last?.sequence != sequence {
                        entries.append(JournalEntry(sequence: sequence, at: row[1], author: row[2], action: Change.Action(rawValue: row[3]) ?? .edit,
                                                    summary: row[4], undoes: row[5], items: []))
                    }
                    if let id: String = row[7] {
                        entries[entries.count - 1].items.append(JournalEntry.Item(kind: JournalEntry.Item.Kind(rawValue: row[6]) ?? .record, id: id,
                                                                                  before: nil, after: nil, versionBefore: row[8], versionAfter: row[9]))
                    }
                }
                return entries
            }
        }
    }

    // MARK: Writing

    public func save(_ change: Change, author: String) throws -> JournalEntry {
        try write { db, now in
            var items: [JournalEntry.Item] = []
            for record in change.records {
                let current = try Self.current(db, table: "records", id: record.id)
                let found = current?.version ?? 0
                if let expected = change.expectedVersions[record.id], expected != found {
                    throw found > 0 && expected == 0 && change.action == .add
                        ? StoreError.exists(record.id)
                        : StoreError.stale(id: record.id, expected: expected, found: found, by: current?.by ?? "?", at: current?.at ?? "?")
                }
                let body = try Self.json(record)
                try Self.put(record, body: body, version: found + 1, db: db, now: now, author: author)
                items.append(JournalEntry.Item(kind: .record, id: record.id, before: current?.body, after: body,
                                               versionBefore: found, versionAfter: found + 1))
            }
            for entity in change.entities {
                let current = try Self.current(db, table: "entities", id: entity.id)
                if current != nil, change.action == .add { throw StoreError.exists(entity.id) }
                let found = current?.version ?? 0
                let body = try Self.json(entity)
                try Self.put(entity, body: body, version: found + 1, recordedWith: change.records.first?.id, db: db, now: now, author: author)
                items.append(JournalEntry.Item(kind: .entity, id: entity.id, before: current?.body, after: body,
                                               versionBefore: found, versionAfter: found + 1))
            }
            return try Self.journal(db, at: now, author: author, action: change.action, summary: change.summary, undoes: nil, items: items)
        }
    }

    public func undoLast(author: String) throws -> JournalEntry {
        try write { db, now in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT seq, summary FROM journal j
                WHERE action <> 'undo' AND NOT EXISTS (SELECT 1 FROM journal u WHERE u.undoes = j.seq)
                ORDER BY seq DESC LIMIT 1
                """) else { throw StoreError.nothingToUndo }
            let target: Int = row[0]
            let summary: String = row[1]
            let targetItems = try Row.fetchAll(db, sql: """
                SELECT object_kind, object_id, before, after FROM journal_items WHERE seq = ? ORDER BY position DESC
                """, arguments: [target])
            var items: [JournalEntry.Item] = []
            for item in targetItems {
                let kind: String = item[0]
                let id: String = item[1]
                let before: String? = item[2]
                let after: String? = item[3]
                let table = kind == "entity" ? "entities" : "records"
                let current = try Self.current(db, table: table, id: id)
                if current?.body != after {
                    throw StoreError.stale(id: id, expected: 0, found: current?.version ?? 0, by: current?.by ?? "?", at: current?.at ?? "?")
                }
                let found = current?.version ?? 0
                if let before {
                    if kind == "entity" {
                        let entity = try JSONDecoder().decode(Entity.self, from: Data(before.utf8))
                        try Self.put(entity, body: before, version: found + 1, recordedWith: nil, db: db, now: now, author: author)
                    } else {
                        let record = try JSONDecoder().decode(Record.self, from: Data(before.utf8))
                        try Self.put(record, body: before, version: found + 1, db: db, now: now, author: author)
                    }
                } else {
                    try db.execute(sql: "DELETE FROM \(table) WHERE id = ?", arguments: [id])
                }
                items.append(JournalEntry.Item(kind: kind == "entity" ? .entity : .record, id: id, before: current?.body, after: before,
                                               versionBefore: found, versionAfter: before == nil ? 0 : found + 1))
            }
            return try Self.journal(db, at: now, author: author, action: .undo, summary: "undo #\(target): \(summary)", undoes: target, items: items)
        }
    }

    public func drafts() throws -> [StoredDraft] {
        try wrap {
            try writer.read { db in
                try Row.fetchAll(db, sql: "SELECT key, body, updated_at FROM drafts ORDER BY updated_at DESC").map {
                    StoredDraft(key: $0[0], json: $0[1], updatedAt: $0[2])
                }
            }
        }
    }

    public func saveDraft(_ draft: StoredDraft) throws {
        _ = try write { db, _ in
            try db.execute(sql: """
                INSERT INTO drafts (key, updated_at, body) VALUES (?, ?, ?)
                ON CONFLICT (key) DO UPDATE SET updated_at = excluded.updated_at, body = excluded.body
                """, arguments: [draft.key, draft.updatedAt, draft.json])
        }
    }

    public func deleteDraft(key: String) throws {
        _ = try write { db, _ in try db.execute(sql: "DELETE FROM drafts WHERE key = ?", arguments: [key]) }
    }

    /// `PRAGMA integrity_check` and `foreign_key_check`: "ok", or what is wrong.
    public func integrityCheck() throws -> [String] {
        try wrap {
            try writer.read { db in
                var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
                problems += try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { "foreign key: \($0)" }
                return problems
            }
        }
    }

    // MARK: Helpers

    private func write<T>(_ body: @escaping (Database, String) throws -> T) throws -> T {
        if let readOnlyReason { throw StoreError.readOnly(readOnlyReason) }
        return try wrap {
            try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db, WorkspaceStores.timestamp())
                    return .commit
                }
                return result!
            }
        }
    }

    private func wrap<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY {
            throw StoreError.readOnly("\(location): \(error.message ?? "read-only")")
        } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL {
            throw StoreError.cannotWrite(path: location, detail: "the disk is full")
        } catch let error as DatabaseError where error.resultCode == .SQLITE_IOERR {
            throw StoreError.cannotWrite(path: location, detail: error.message ?? "disk I/O error")
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
            throw StoreError.damaged(path: location, detail: error.message ?? "database disk image is malformed")
        } catch {
            throw StoreError.failed("\(error)")
        }
    }


    private static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private static func current(_ db: Database, table: String, id: ID) throws -> (version: Int, body: String, by: String, at: String)? {
        guard let row = try Row.fetchOne(db, sql: "SELECT version, body, updated_by, updated_at FROM \(table) WHERE id = ?", arguments: [id])
        else { return nil }
        return (row[0], row[1], row[2], row[3])
    }

    private static func put(_ record: Record, body: String, version: Int, db: Database, now: String, author: String) throws {
        let mission = record.mission
        let status: String? = switch record.body {
        case .agreement(let agreement): agreement.status.rawValue
        case .mission(let mission): mission.status.rawValue
        case .project(let project): project.status.rawValue
        case .event(let event): event.status.rawValue
        }
        let budget = mission?.budget ?? record.project?.budget
        let end: PartialDate? = mission?.end ?? record.project?.end ?? record.event?.end ?? record.agreement?.validTo
        try db.execute(sql: """
            INSERT INTO records (id, kind, title, status, start, "end", budget_cents, budget_currency, version,
                                 created_at, created_by, updated_at, updated_by, body)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, title = excluded.title, status = excluded.status,
                start = excluded.start, "end" = excluded."end", budget_cents = excluded.budget_cents,
                budget_currency = excluded.budget_currency, version = excluded.version,
                updated_at = excluded.updated_at, updated_by = excluded.updated_by, body = excluded.body
            """, arguments: [record.id, record.kind.rawValue, record.title, status, record.date?.description, end?.description,
                             budget?.minorUnits, budget?.currency.code, version, now, author, now, author, body])
        for table in ["record_parties", "record_places", "mission_outcomes", "mission_objectives"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE record_id = ?", arguments: [record.id])
        }
        for (position, party) in record.parties.enumerated() {
            try db.execute(sql: "INSERT INTO record_parties VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [record.id, position, party.entity, party.role.rawValue, party.title, party.attendance?.rawValue])
        }
        let origin = mission?.origin
        for (position, city) in record.places.enumerated() {
            try db.execute(sql: "INSERT INTO record_places VALUES (?, ?, ?, ?)",
                           arguments: [record.id, position, city, origin != nil && position == 0 ? 1 : 0])
        }
        for (position, outcome) in (mission?.outcomes ?? []).enumerated() {
            try db.execute(sql: "INSERT INTO mission_outcomes VALUES (?, ?, ?, ?, ?)",
                           arguments: [record.id, position, outcome.agreement, outcome.partner, outcome.text])
        }
        for (position, objective) in (mission?.objectives ?? []).enumerated() {
            try db.execute(sql: "INSERT INTO mission_objectives VALUES (?, ?, ?)", arguments: [record.id, position, objective])
        }
    }

    private static func put(_ entity: Entity, body: String, version: Int, recordedWith: ID?, db: Database, now: String, author: String) throws {
        try db.execute(sql: """
            INSERT INTO entities (id, kind, name, recorded_with, version, created_at, created_by, updated_at, updated_by, body)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, version = excluded.version,
                updated_at = excluded.updated_at, updated_by = excluded.updated_by, body = excluded.body
            """, arguments: [entity.id, entity.kind.rawValue, entity.name, recordedWith, version, now, author, now, author, body])
    }

    private static func journal(_ db: Database, at: String, author: String, action: Change.Action, summary: String, undoes: Int?,
                                items: [JournalEntry.Item]) throws -> JournalEntry {
        try db.execute(sql: "INSERT INTO journal (at, author, action, summary, undoes) VALUES (?, ?, ?, ?, ?)",
                       arguments: [at, author, action.rawValue, summary, undoes])
        let sequence = Int(db.lastInsertedRowID)
        for (position, item) in items.enumerated() {
            try db.execute(sql: "INSERT INTO journal_items VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           arguments: [sequence, position, item.kind.rawValue, item.id, item.before, item.after,
                                       item.versionBefore, item.versionAfter])
        }
        return JournalEntry(sequence: sequence, at: at, author: author, action: action, summary: summary, undoes: undoes, items: items)
    }
}

/// Where the store lives: `--store`, else `GRAPPE_STORE`, else `$XDG_DATA_HOME/grappe/workspace.sqlite`,
/// else `~/.local/share/grappe/workspace.sqlite`.
public enum StoreLocation {
    public static func resolve(option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return option }
        if let path = environment["GRAPPE_STORE"], !path.isEmpty { return path }
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") { return data + "/grappe/workspace.sqlite" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/grappe/workspace.sqlite"
    }
}
