/// One kind of store (a file, a server): which locations it reads, and how it opens them. Each driver
/// owns its locations' syntax; `WorkspaceStores` (GrappeStore) asks each in turn, the only code that
/// names them all.
///
/// ```swift
/// let driver: any StoreDriver = PostgresDriver()
/// driver.accepts("postgres://grappe@db/team")    // true
/// driver.isServer                                // true
/// ```
public protocol StoreDriver: Sendable {
    /// Whether `location` is one of this driver's: a URL scheme it owns, or (for the driver of files)
    /// anything else.
    func accepts(_ location: String) -> Bool
    /// Whether its stores live on a server others share (so drafts are kept on this machine, and a
    /// connection can be lost).
    var isServer: Bool { get }
    /// The backend at `location`, or nil when there is none and `access` does not create one.
    /// `author` is a role to write as on a server; `interactive`: a person waits on each call.
    func open(
        _ location: String, workspace: String, for access: StoreAccess, author: String?,
        interactive: Bool
    ) throws -> (any StoreBackend)?
    /// The workspaces the store at `location` holds anything for; none when there is no store.
    func workspaces(at location: String) throws -> [String]
    /// `location` as messages may show it: without a password.
    func shown(_ location: String) -> String
}
