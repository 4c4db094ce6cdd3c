import GrappeWorkspace

/// Stores on a PostgreSQL server the team shares (through libpq): a `postgres://` or
/// `postgresql://` URL, which libpq reads with everything psql accepts in it.
public struct PostgresDriver: StoreDriver {
    /// The driver.
    public init() {}

    /// `postgres://` and `postgresql://` URLs.
    public func accepts(_ location: String) -> Bool {
        let lowered = location.lowercased()
        return lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://")
    }

    /// A server the team shares.
    public var isServer: Bool { true }

    /// Connects, and makes the schema current when writing; see `StoreDriver`.
    public func open(
        _ location: String, workspace: String, for access: StoreAccess, author: String?,
        interactive: Bool
    ) throws -> (any StoreBackend)? {
        guard let backend = try PostgresStoreBackend.open(location, workspace: workspace, for: access, actingAs: author) else { return nil }
        if interactive { backend.answerTimeout = Self.interactiveAnswer }
        return backend
    }

    /// The workspaces the server holds; see `StoreDriver`.
    public func workspaces(at location: String) throws -> [String] {
        try PostgresStoreBackend.open(location, workspace: "default", for: .read)?.workspaces() ?? []
    }

    /// The URL with its password as `***`.
    public func shown(_ location: String) -> String { PostgresLocation.redacted(location) }

    /// Seconds a dashboard's call to a server may wait for an answer.
    public static let interactiveAnswer = 10.0
}
