import Foundation
import GRDB
import GrappeModel
import GrappeTestSupport
import GrappeWords
import GrappeWorkspace
import Testing

@testable import GrappeStore
@testable import GrappeStorePostgres
@testable import GrappeStoreSQLite

#if canImport(Glibc)
import Glibc
#endif

/// A store file that is damaged, full, a pipe, or only read: nothing is written where it must not be,
/// and every failure says what it is.
@Suite struct StoreFaultTests {
    static func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// A store with a few missions, closed (its log folded into the file).
    static func filledStore(in folder: TemporaryFolder, missions: Int = 6) throws -> String {
        let path = folder.path + "/w.sqlite"
        do {
            let store = try #require(try WorkspaceStores.open(path, for: .write))
            for number in 1...missions {
                var draft = lyonDraft(title: "Mission \(number)")
                draft.notes = String(repeating: "note ", count: 600)
                try store.save(try change(draft), author: "ana")
            }
        }
        return path
    }

    @Test func readingNeverChangesTheFile() throws {
        let folder = try TemporaryFolder()
        let path = try Self.filledStore(in: folder, missions: 2)
        let before = try Self.bytes(path)
        let store = try #require(try WorkspaceStores.open(path, for: .read))
        #expect(store.readOnlyReason != nil)
        #expect(try store.load().records.count == 2)
        #expect(try store.history(limit: nil).count == 2)
        #expect(try store.drafts().isEmpty)
        #expect(throws: StoreError.self) { try store.saveDraft(StoredDraft(key: "k", json: "{}", updatedAt: "now")) }
        #expect(try Self.bytes(path) == before)
        // A store that does not exist is an empty workspace to read, and is not created.
        #expect(try WorkspaceStores.open(folder.path + "/none/w.sqlite", for: .read) == nil)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/none"))
    }

    @Test func aStoreNeedingAnUpgradeIsNotUpgradedByReading() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/old.sqlite"
        // What an older Grappe left: its identity, and no migration this one knows of.
        try DatabaseQueue(path: path).write { db in
            try db.execute(
                sql: "PRAGMA application_id = \(Schema.applicationID); CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
        }
        let before = try Self.bytes(path)
        #expect(
            throws: StoreError.cannotOpen(
                path: path,
                detail: Wording(
                    "il a été fait par un Grappe plus ancien\u{00A0}: «\u{00A0}grappe store migrate\u{00A0}» le met à niveau",
                    "it was made by an older Grappe: run 'grappe store migrate' to upgrade it"))
        ) {
            try WorkspaceStores.open(path, for: .read)
        }
        #expect(try Self.bytes(path) == before)
        let upgraded = try #require(try WorkspaceStores.open(path, for: .write))
        #expect(try upgraded.load().records.isEmpty)
    }

    @Test func aDamagedStoreIsNeverWritten() throws {
        let folder = try TemporaryFolder()
        let path = try Self.filledStore(in: folder)
        var damaged = try Self.bytes(path)
        let pageSize = 4096
        try #require(damaged.count > 6 * pageSize)
        for page in [3, 5] { damaged.replaceSubrange(page * pageSize..<(page * pageSize + 16), with: Data(repeating: 0xFF, count: 16)) }
        try damaged.write(to: URL(fileURLWithPath: path))
        #expect {
            try WorkspaceStores.open(path, for: .write)
        } throws: { error in
            guard case .damaged(let at, _)? = error as? StoreError else { return false }
            return at == path
        }
        #expect(try Self.bytes(path) == damaged, "not a byte written")
    }

    @Test func aFullDiskFailsTheSaveAndKeepsWhatWasThere() throws {
        let folder = try TemporaryFolder()
        let path = try Self.filledStore(in: folder, missions: 1)
        let store = try #require(try WorkspaceStores.open(path, for: .write))
        // SQLite reports a disk that cannot grow the file as SQLITE_FULL; capping the file at its
        // current size gives that answer without filling a real disk (the CLI test uses a real one).
        let backend = try #require((store as? JournaledStore)?.backend as? SQLiteStoreBackend)
        try backend.writer.writeWithoutTransaction { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = \(pages)")
        }
        var big = lyonDraft(title: "Mission trop grande")
        big.notes = String(repeating: "x", count: 200_000)
        #expect {
            try store.save(try change(big), author: "ana")
        } throws: { error in
            guard case .cannotWrite(_, let detail)? = error as? StoreError else { return false }
            return detail == Wording("le disque est plein", "the disk is full")
        }
        #expect(try store.load().records.map(\.record.title) == ["Mission 1"])
        #expect(try store.history(limit: nil).count == 1)
    }

    /// What a store failure says comes in the interface's language, its details included: a folder
    /// given as the store, a file of another application, a folder that cannot be made, a bad
    /// server address.
    @Test func storeFailuresAreWordedInFrenchToo() throws {
        let folder = try TemporaryFolder()
        let notAStore = folder.path + "/notes.sqlite"
        try Data("hello, not SQLite at all".utf8).write(to: URL(fileURLWithPath: notAStore))
        var failures: [(StoreError, french: String, english: String)] = []
        func failure(_ open: () throws -> Void) throws -> StoreError {
            do { try open() } catch let error as StoreError { return error }
            throw StoreError.failed(.same("no failure"))
        }
        let asFolder = try failure { _ = try WorkspaceStores.open(folder.path, for: .write) }
        failures.append(
            (
                asFolder, "impossible d'ouvrir le registre \(folder.path)\u{00A0}: c'est un répertoire",
                "cannot open the store \(folder.path): it is a folder"
            ))
        let foreign = try failure { _ = try WorkspaceStores.open(notAStore, for: .write) }
        failures.append(
            (
                foreign, "\(notAStore) n'est pas un registre Grappe (pas une base SQLite)\u{00A0}; il n'a pas été modifié",
                "\(notAStore) is not a Grappe workspace (not an SQLite database); it was left untouched"
            ))
        let badURL = try failure { _ = try PostgresLocation("postgres://ana@h/d?timeout=3", environment: [:]) }
        failures.append(
            (
                badURL,
                "impossible d'ouvrir le registre postgres://ana@h/d?timeout=3\u{00A0}: adresse de serveur illisible (libpq)\u{00A0}: "
                    + "invalid URI query parameter: \"timeout\"",
                "cannot open the store postgres://ana@h/d?timeout=3: unreadable server address (libpq): invalid URI query parameter: \"timeout\""
            ))
        for (error, french, english) in failures {
            #expect(error.description(in: .fr) == french)
            #expect(error.description(in: .en) == english)
        }
        // A file in the way of the path: the system's reason, in French as well.
        let blocked = try failure { _ = try WorkspaceStores.open(notAStore + "/sub/w.sqlite", for: .write) }
        #expect(blocked.description(in: .fr) == "impossible d'ouvrir le registre \(notAStore)/sub/w.sqlite\u{00A0}: n'est pas un répertoire")
        #expect(blocked.description(in: .en) == "cannot open the store \(notAStore)/sub/w.sqlite: Not a directory")
        // A folder that cannot be made (nothing can be made in /proc, even by root): its reason too.
        let unmade = try failure { _ = try WorkspaceStores.open("/proc/grappe-none/sub/w.sqlite", for: .write) }
        #expect(
            unmade.description(in: .fr) == "impossible d'ouvrir le registre /proc/grappe-none/sub/w.sqlite\u{00A0}: "
                + "impossible de créer le répertoire /proc/grappe-none/sub\u{00A0}: fichier ou répertoire introuvable")
        #expect(
            unmade.description(in: .en) == "cannot open the store /proc/grappe-none/sub/w.sqlite: "
                + "cannot create the folder /proc/grappe-none/sub: No such file or directory")
    }

    @Test func aPipeOrAFolderIsRefusedAtOnce() throws {
        let folder = try TemporaryFolder()
        try #require(mkfifo(folder.path + "/pipe.sqlite", 0o600) == 0)
        for access in [StoreAccess.read, .write] {
            #expect(
                throws: StoreError.cannotOpen(
                    path: folder.path + "/pipe.sqlite",
                    detail: Wording("c'est un tube nommé (FIFO), pas un fichier", "it is a FIFO (named pipe), not a file"))
            ) {
                try WorkspaceStores.open(folder.path + "/pipe.sqlite", for: access)
            }
            #expect(
                throws: StoreError.cannotOpen(path: "/dev/zero", detail: Wording("ce n'est pas un fichier ordinaire", "it is not a regular file"))
            ) {
                try WorkspaceStores.open("/dev/zero", for: access)
            }
        }
    }
}

/// A store opened for writing and closed without a change is left byte for byte as it was: backup
/// tools that compare hashes see no change (the migrator runs only when there is something to apply).
@Suite struct UntouchedStoreTests {
    @Test func aStoreOpenedAndClosedWithoutAChangeKeepsItsBytes() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/w.sqlite"
        do {
            let store = try #require(try WorkspaceStores.open(path, for: .write))
            try store.save(change(lyonDraft()), author: "ana")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        for _ in 0..<3 {
            let store = try #require(try WorkspaceStores.open(path, for: .write))
            _ = try store.load()
            _ = try store.journalHead()
        }
        let after = try Data(contentsOf: URL(fileURLWithPath: path))
        let differing = zip(before.indices, zip(before, after)).filter { $0.1.0 != $0.1.1 }.map(\.0)
        #expect(after == before, "\(before.count) → \(after.count) bytes, differing at \(differing.prefix(12))")
    }
}

/// A save returns once it is on disk: the writing connection runs with `synchronous = FULL` in WAL
/// mode. (GRDB's pool set it back to NORMAL behind the configuration's back, so a power cut could
/// lose the last saves a person was told were done.)
@Suite struct DurableSaveTests {
    @Test func theWritingConnectionSyncsEveryCommit() throws {
        let folder = try TemporaryFolder()
        let store = try #require(try WorkspaceStores.open(folder.path + "/w.sqlite", for: .write) as? JournaledStore)
        let backend = try #require(store.backend as? SQLiteStoreBackend)
        let (mode, synchronous) = try backend.writer.writeWithoutTransaction { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
        }
        #expect(mode == "wal" && synchronous == 2, "journal_mode \(mode ?? "?"), synchronous \(synchronous ?? -1) (2 is FULL)")
    }
}

/// One factory opens a store from its location.
@Suite struct StoreLocationTests {
    @Test func pathsAndFileURLsOpenSQLite() throws {
        let folder = try TemporaryFolder()
        let store = try #require(try WorkspaceStores.open("file://" + folder.path + "/w.sqlite", for: .write))
        #expect(store.location == folder.path + "/w.sqlite")
        #expect(try WorkspaceStores.open(folder.path + "/w.sqlite", for: .read)?.load().records.isEmpty == true)
        #expect(try WorkspaceStores.open(folder.path + "/none.sqlite", for: .update) == nil)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/none.sqlite"))
    }

    /// libpq takes a password written in the URL, as psql does; no message ever repeats it.
    @Test func aPasswordInAServerURLIsNeverRepeated() {
        for url in [
            "postgres://ana:s3cret@127.0.0.1:9/grappe?connect_timeout=2", "postgres://ana@127.0.0.1:9/grappe?password=s3cret&connect_timeout=2",
        ] {
            #expect {
                try WorkspaceStores.open(url, for: .read)
            } throws: { error in
                guard let error = error as? StoreError, case .unavailable(let location, _) = error else { return false }
                return location == "postgres://ana@127.0.0.1:9/grappe" && !error.description(in: .en).contains("s3cret")
                    && !error.description(in: .fr).contains("s3cret")
            }
        }
    }
}
