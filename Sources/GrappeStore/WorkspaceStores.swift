import Foundation
import GrappeWords
import GrappeWorkspace

/// Opens the workspace store at a location; the only code that names a concrete backend. A location
/// is a path or a `file:` URL (SQLite, the default for one person), or a `postgres://` URL (the
/// team's server). Either holds a workspace per network; `workspace` picks the network's records.
public enum WorkspaceStores {
    /// The workspace a store holds when none is named.
    public static let defaultWorkspace = "default"

    /// The workspaces the store at `location` holds anything for, by name; none when there is no store.
    public static func workspaces(at location: String) throws -> [String] {
        switch try Location(location) {
        case .sqlite(let path): try SQLiteStoreBackend.open(path: path, workspace: defaultWorkspace, for: .read)?.workspaces() ?? []
        case .postgres(let url): try PostgresStoreBackend.open(url, workspace: defaultWorkspace, for: .read)?.workspaces() ?? []
        }
    }

    /// The store at `location`, or nil when there is none and `access` does not create one. `author`
    /// (`--author`) on a server is a role to write as, which the server must allow; a file records the
    /// author each change is saved with.
    /// `interactive`: a person waits on each call (the dashboard): a server that does not answer fails
    /// a call within `interactiveAnswer` seconds instead of the server's own timeouts.
    public static func open(_ location: String, for access: StoreAccess, workspace: String = defaultWorkspace,
                            author: String? = nil, interactive: Bool = false) throws -> (any WorkspaceStore)? {
        switch try Location(location) {
        case .sqlite(let path): return try SQLiteStoreBackend.open(path: path, workspace: workspace, for: access).map(JournaledStore.init(backend:))
        case .postgres(let url):
            guard let backend = try PostgresStoreBackend.open(url, workspace: workspace, for: access, actingAs: author) else { return nil }
            if interactive { backend.answerTimeout = interactiveAnswer }
            return JournaledStore(backend: backend)
        }
    }

    /// Seconds a dashboard's call to a server may wait for an answer.
    public static let interactiveAnswer = 10.0

    /// `location` as messages show it: never with a password (a server URL's `user:secret@` or a
    /// `password=` parameter shows as `***`), whether or not it parses.
    public static func shown(_ location: String) -> String {
        isServer(location) || location.contains("password") ? PostgresLocation.redacted(location) : location
    }

    /// Whether `location` names a team server (PostgreSQL) rather than a file on this machine.
    public static func isServer(_ location: String) -> Bool {
        if case .postgres? = try? Location(location) { return true }
        return false
    }

    /// A location, parsed.
    enum Location: Equatable {
        case sqlite(path: String)
        case postgres(url: String)

        init(_ text: String) throws {
            let lowered = text.lowercased()
            if lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") {
                self = .postgres(url: text)
                return
            }
            if lowered.hasPrefix("file:") {
                guard let url = URL(string: text), url.isFileURL, !url.path.isEmpty else {
                    throw StoreError.cannotOpen(path: text, detail: Wording("pas une URL de fichier (écrivez file:///chemin/vers/workspace.sqlite, ou le chemin seul)",
                                                                        "not a file URL (write file:///path/to/workspace.sqlite, or the path alone)"))
                }
                self = .sqlite(path: url.path)
                return
            }
            self = .sqlite(path: text)
        }
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
