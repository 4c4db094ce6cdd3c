import Foundation
import GrappeStorePostgres
import GrappeStoreSQLite
import GrappeWords
import GrappeWorkspace

/// Opens the workspace store at a location; the only code that names the drivers. A location is a
/// path or a `file:` URL (SQLite, the default for one person), or a `postgres://` URL (the team's
/// server). Either holds a workspace per network; `workspace` picks the network's records.
public enum WorkspaceStores {
    /// The workspace a store holds when none is named.
    public static let defaultWorkspace = "default"

    /// Every driver, asked in turn; the last takes any location (a path).
    static let drivers: [any StoreDriver] = [PostgresDriver(), SQLiteDriver()]

    /// The driver that reads `location`.
    static func driver(for location: String) -> any StoreDriver {
        drivers.first { $0.accepts(location) } ?? SQLiteDriver()
    }

    /// The workspaces the store at `location` holds anything for, by name; none when there is no store.
    public static func workspaces(at location: String) throws -> [String] {
        try driver(for: location).workspaces(at: location)
    }

    /// The store at `location`, or nil when there is none and `access` does not create one. `author`
    /// (`--author`) on a server is a role to write as, which the server must allow; a file records the
    /// author each change is saved with.
    /// `interactive`: a person waits on each call (the dashboard): a server that does not answer fails
    /// a call within `interactiveAnswer` seconds instead of the server's own timeouts.
    public static func open(
        _ location: String, for access: StoreAccess, workspace: String = defaultWorkspace,
        author: String? = nil, interactive: Bool = false
    ) throws -> (any WorkspaceStore)? {
        try driver(for: location).open(location, workspace: workspace, for: access, author: author, interactive: interactive)
            .map(JournaledStore.init(backend:))
    }

    /// Seconds a dashboard's call to a server may wait for an answer.
    public static let interactiveAnswer = PostgresDriver.interactiveAnswer

    /// `location` as messages show it: never with a password (a server URL's `user:secret@` or a
    /// `password=` parameter shows as `***`), whether or not it parses, whichever driver reads it.
    public static func shown(_ location: String) -> String {
        location.contains("password") ? PostgresDriver().shown(location) : driver(for: location).shown(location)
    }

    /// Whether `location` names a team server (PostgreSQL) rather than a file on this machine.
    public static func isServer(_ location: String) -> Bool {
        driver(for: location).isServer
    }
}

/// Folders made with `mkdir` (see GrappeStoreSQLite): the state folder, a command's output folder.
public typealias Folders = GrappeStoreSQLite.Folders

/// Where the store lives: `--store`, else `GRAPPE_STORE`, else `$XDG_DATA_HOME/grappe/workspace.sqlite`,
/// else `~/.local/share/grappe/workspace.sqlite`.
public enum StoreLocation {
    /// The store's location: `option`, else `GRAPPE_STORE`, else the data folder's default.
    public static func resolve(option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return option }
        if let path = environment["GRAPPE_STORE"], !path.isEmpty { return path }
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") { return data + "/grappe/workspace.sqlite" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/grappe/workspace.sqlite"
    }
}
