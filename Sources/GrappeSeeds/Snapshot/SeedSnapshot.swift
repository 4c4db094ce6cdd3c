import Dispatch
import Foundation
import GrappeModel

#if canImport(Glibc)
import Glibc
#endif

/// A snapshot of loaded seeds: what `SeedLoader.load` gave (network, diagnostics, files), kept in the
/// user's cache folder so that the next start on unchanged seeds skips parsing and checking them.
///
/// The seeds stay the only source of truth. A snapshot is used only when it was made from the very
/// same files (each seed file's path, size, modification time and inode, the files the loader
/// ignores, the network's name) by the very same `grappe` executable; anything else, or a damaged or
/// truncated snapshot (each one ends with a checksum of its bytes), and the seeds are parsed again.
///
/// The layout (little-endian): magic `GRPSNAP4`, the fingerprint, a table of every distinct string,
/// the entities, the relations (dates as eight bytes each, not text) in chunks that decode on all cores, the source lists, records and
/// documents as JSON (their canonical `Codable` form), the diagnostics and the files, then the
/// checksum of all that precedes it.
public enum SeedSnapshot {
    static let magic = Array("GRPSNAP4".utf8)
    /// Relations per chunk: chunks are decoded in parallel.
    static let chunkSize = 65_536

    /// What a snapshot was made from.
    public struct Fingerprint: Equatable, Sendable {
        var name: String
        var entries: [String]

        /// The seed files at `path` (and the files the loader would ignore there), with their sizes,
        /// times and inodes, and the executable's own; nil when they cannot be listed or read.
        public static func of(path: String, name: String = "Grappe") -> Fingerprint? {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
            // (what the file is to the loader, its path)
            var files = [("seed", path)]
            var entries: [String] = []
            if isDirectory.boolValue {
                guard let listed = try? SeedFolder(root: path) else { return nil }
                files = listed.seeds.map { ("seed", $0) } + listed.ignored.map { ("ignored", $0) }
                // What was skipped may have no stamp (a dangling link): its path stands for it (not the
                // reason, which may name a process id, as a link into /proc/self does).
                entries = listed.skipped.map { "skipped\u{0}\($0.path)" }
            }
            files.append(("executable", "/proc/self/exe"))
            for (role, file) in files {
                guard let stamp = stamp(file) else { return nil }
                entries.append("\(role)\u{0}\(file)\u{0}\(stamp)")
            }
            return Fingerprint(name: name, entries: entries)
        }

        private static func stamp(_ path: String) -> String? {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            return "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino) \(info.st_dev)"
        }
    }

    /// Where the snapshot of the seeds at `path` lives: `$XDG_CACHE_HOME/grappe/snapshots/` (else
    /// `~/.cache/grappe/snapshots/`), named after the seeds' absolute path.
    public static func location(for path: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let cache: String
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            cache = xdg
        } else if let home = environment["HOME"], !home.isEmpty {
            cache = home + "/.cache"
        } else {
            return nil
        }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let name = String(Checksum.of(Array(absolute.utf8)), radix: 16)
        return "\(cache)/grappe/snapshots/\(name).snapshot"
    }

    /// The seeds at `path`: from their snapshot when there is a valid one, else parsed and checked.
    /// `fromSnapshot` says which; `fingerprint` is what a new snapshot should record.
    public static func load(
        path: String, snapshot: String?, name: String = "Grappe"
    )
        throws(SeedLoadError) -> (result: LoadResult, fromSnapshot: Bool, fingerprint: Fingerprint?)
    {
        // Without a snapshot location there is nothing to read or write: no fingerprint either.
        let fingerprint = snapshot == nil ? nil : Fingerprint.of(path: path, name: name)
        if let snapshot, let fingerprint, case .success(let bytes) = SeedLoader.readBytes(atPath: snapshot),
            let result = decode(bytes, expecting: fingerprint)
        {
            return (result, true, fingerprint)
        }
        return (try SeedLoader.load(path: path, name: name), false, fingerprint)
    }

    /// Writes a snapshot atomically (a temporary file renamed over the old one), readable by the user
    /// only. Failing to write is not an error worth more than a return value: the seeds are intact.
    @discardableResult
    public static func save(_ result: LoadResult, fingerprint: Fingerprint, to location: String) -> Bool {
        let folder = (location as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
        } catch {
            return false
        }
        // Temporary files that a process killed while writing left behind.
        let prefix = (location as NSString).lastPathComponent + "."
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            let stale = folder + "/" + name
            if let modified = (try? FileManager.default.attributesOfItem(atPath: stale))?[.modificationDate] as? Date,
                modified.timeIntervalSinceNow < -600
            {
                unlink(stale)
            }
        }
        guard let bytes = try? encode(result, fingerprint: fingerprint) else { return false }
        let temporary = "\(location).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { return false }
        var written = 0
        let complete = bytes.withUnsafeBytes { buffer -> Bool in
            while written < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0, errno == EINTR { continue }
                if count <= 0 { return false }
                written += count
            }
            return true
        }
        close(descriptor)
        guard complete, rename(temporary, location) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }
}
