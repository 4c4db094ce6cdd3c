import Dispatch
import GrappeModel
import GrappeSeeds

/// Where the dashboard's seeds come from, and how they are kept for a faster next start.
public protocol SeedSource {
    /// A description for messages: the seeds' path.
    var path: String { get }
    /// The seeds, parsed or from a snapshot; thrown when there is nothing to read at all.
    func load() throws(SeedLoadError) -> LoadResult
    /// Work to do once a frame is up (writing a snapshot of what was just parsed), if any.
    func afterFirstFrame() -> (@Sendable () -> Void)?
}

/// Seed files on disk, with checksummed snapshots of big networks in the user's cache (see
/// `SeedSnapshot`): a network of `snapshotThreshold` items or more is kept after it is parsed.
public final class SeedFolderSource: SeedSource {
    /// The seed folder or file.
    public let path: String
    let snapshot: String?
    private var pending: (@Sendable () -> Void)?

    /// Networks smaller than this parse in well under a tenth of a second: no snapshot for them.
    public static let snapshotThreshold = 20_000

    /// `snapshot`: where the snapshot lives, or nil to parse every time and write none (`--no-cache`).
    public init(path: String, snapshot: String?) {
        self.path = path
        self.snapshot = snapshot
    }

    /// The seeds, from a snapshot when one matches them, else parsed.
    public func load() throws(SeedLoadError) -> LoadResult {
        let loaded = try SeedSnapshot.load(path: path, snapshot: snapshot)
        let network = loaded.result.network
        pending = nil
        if !loaded.fromSnapshot, let location = snapshot, let fingerprint = loaded.fingerprint,
            network.entities.count + network.relations.count >= Self.snapshotThreshold
        {
            let result = loaded.result
            pending = { SeedSnapshot.save(result, fingerprint: fingerprint, to: location) }
        }
        return loaded.result
    }

    /// Writing a snapshot of seeds just parsed, when they are big enough to need one.
    public func afterFirstFrame() -> (@Sendable () -> Void)? {
        defer { pending = nil }
        return pending
    }
}
