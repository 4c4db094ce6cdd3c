import Foundation
import GrappeWords
import GrappeWorkspace

/// Stores in a file on this machine (SQLite through GRDB): a path, or a `file:` URL. The default
/// driver, which takes any location no other driver claims.
public struct SQLiteDriver: StoreDriver {
    /// The driver.
    public init() {}

    /// Any location: a path, or a `file:` URL.
    public func accepts(_ location: String) -> Bool { true }

    /// A file on this machine.
    public var isServer: Bool { false }

    /// Opens the file, creating it whole when writing; see `StoreDriver`.
    public func open(
        _ location: String, workspace: String, for access: StoreAccess, author: String?,
        interactive: Bool
    ) throws -> (any StoreBackend)? {
        try SQLiteStoreBackend.open(path: try Self.path(location), workspace: workspace, for: access)
    }

    /// The workspaces the file holds; see `StoreDriver`.
    public func workspaces(at location: String) throws -> [String] {
        try SQLiteStoreBackend.open(path: try Self.path(location), workspace: "default", for: .read)?.workspaces() ?? []
    }

    /// The path as given.
    public func shown(_ location: String) -> String { location }

    /// The file a location names: the path itself, or a `file:` URL's path.
    static func path(_ location: String) throws -> String {
        guard location.lowercased().hasPrefix("file:") else { return location }
        guard let url = URL(string: location), url.isFileURL, !url.path.isEmpty else {
            throw StoreError.cannotOpen(
                path: location,
                detail: Wording(
                    "pas une URL de fichier (écrivez file:///chemin/vers/workspace.sqlite, ou le chemin seul)",
                    "not a file URL (write file:///path/to/workspace.sqlite, or the path alone)"))
        }
        return url.path
    }
}
