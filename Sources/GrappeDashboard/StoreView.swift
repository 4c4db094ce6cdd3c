import GrappeModel
import GrappeWorkspace

/// The store as the screens show it: what it holds, each record's version (for edits), each item's
/// journal lines (for its card), and why it cannot record, when it cannot.
public struct StoreView: Sendable {
    /// Why missions cannot be recorded (a read-only or unusable store); nil when they can.
    public var notice: String?
    /// The store version of each recorded record (absent: a seed record, version 0).
    public var versions: [ID: Int] = [:]
    /// The journal lines of each recorded item, oldest first.
    public var journal: [ID: [String]] = [:]
    public internal(set) var workspace = Workspace.empty
    var location = ""
}

/// The seeds as last loaded (nil until they are), their warning count, and the errors of a load that
/// failed, shown on the diagnostics screen.
public struct LoadedSeeds: Sendable {
    public internal(set) var network: Network?
    var warnings = 0
    public var diagnostics: [String] = []
}
