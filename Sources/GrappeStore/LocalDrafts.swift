import Foundation
import GrappeWords
import GrappeWorkspace

/// Drafts kept in files on this machine, one per form, each written whole under another name and
/// renamed into place. The team store (PostgreSQL) keeps its drafts here, not on the server: a key
/// typed while the server is slow or gone never waits for it, and the draft survives the server being
/// lost during a save.
public final class LocalDrafts: DraftKeeping {
    /// The folder the drafts are kept in, one file each.
    public let folder: URL

    /// Drafts kept in `folder`.
    public init(folder: URL) { self.folder = folder }

    /// The folder for one store and workspace, under `$XDG_STATE_HOME/grappe/drafts` (else
    /// `~/.local/state/grappe/drafts`), named by a hash of the location without its password.
    public static func folder(location: String, workspace: String, environment: [String: String]) -> URL {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (WorkspaceStores.shown(location) + "\u{0}" + workspace).utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        let name = String(hash, radix: 16)
        return URL(fileURLWithPath: Folders.state(environment)).appendingPathComponent(
            "drafts/\(String(repeating: "0", count: 16 - name.count) + name)")
    }

    private struct File: Codable {
        let key: String
        let json: String
        let updatedAt: String
    }

    /// A draft's file name: its key in hexadecimal, so that any key is a safe name.
    private func file(_ key: String) -> URL {
        folder.appendingPathComponent(key.utf8.map { String(format: "%02x", $0) }.joined() + ".json")
    }

    /// The drafts that can be read, newest first.
    public func drafts() throws -> [StoredDraft] { try readDrafts().drafts }

    /// Files in the folder that do not read as drafts (cut short, or another program's): they stay
    /// where they are, and each is named with why, so none is passed over in silence.
    public func unreadableDrafts() throws -> [Wording] { try readDrafts().unreadable }

    /// The drafts, newest first, and the files that cannot be read, each with why (left where they are).
    public func readDrafts() throws -> (drafts: [StoredDraft], unreadable: [Wording]) {
        guard let listing = opendir(folder.path) else {
            if errno == ENOENT { return ([], []) }
            throw StoreError.failed(
                Wording("impossible de lire les brouillons dans \(folder.path)", "cannot read the drafts in \(folder.path)")
                    .then(.system(errno)))
        }
        defer { closedir(listing) }
        var names: [String] = []
        while let entry = readdir(listing) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasSuffix(".json"), !name.hasPrefix(".") { names.append(name) }
        }
        var drafts: [StoredDraft] = []
        var unreadable: [Wording] = []
        for name in names.sorted() {
            let path = folder.appendingPathComponent(name).path
            guard let data = FileManager.default.contents(atPath: path) else {
                let reason = access(path, R_OK) == 0 ? Wording("illisible", "cannot read it") : Wording.system(errno)
                unreadable.append(Wording.same(path).then(reason))
                continue
            }
            guard let file = try? JSONDecoder().decode(File.self, from: data) else {
                unreadable.append(
                    Wording(
                        "\(path)\u{00A0}: pas un brouillon de Grappe (\(data.count) octets)",
                        "\(path): not a Grappe draft (\(data.count) bytes)"))
                continue
            }
            drafts.append(StoredDraft(key: file.key, json: file.json, updatedAt: file.updatedAt))
        }
        return (drafts.sorted { $0.updatedAt > $1.updatedAt }, unreadable)
    }

    /// Written whole under another name, flushed, then renamed into place: a draft file is the old
    /// one or the new one, never half of one.
    public func saveDraft(_ draft: StoredDraft) throws {
        func failure(_ code: Int32) -> StoreError {
            StoreError.failed(
                Wording("impossible de garder un brouillon dans \(folder.path)", "cannot keep a draft in \(folder.path)").then(.system(code)))
        }
        if let code = Folders.make(folder.path) { throw failure(code) }
        let data = try JSONEncoder().encode(File(key: draft.key, json: draft.json, updatedAt: draft.updatedAt))
        let target = file(draft.key)
        let temporary = folder.appendingPathComponent(".\(UUID().uuidString).tmp").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure(errno) }
        var code: Int32?
        data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    code = errno
                    return
                }
                offset += written
            }
        }
        if code == nil, fsync(descriptor) != 0 { code = errno }
        close(descriptor)
        if code == nil, rename(temporary, target.path) != 0 { code = errno }
        if let code {
            unlink(temporary)
            throw failure(code)
        }
    }

    /// Removes a draft's file; a missing one is not an error.
    public func deleteDraft(key: String) throws {
        if unlink(file(key).path) != 0, errno != ENOENT {
            throw StoreError.failed(
                Wording("impossible d'effacer un brouillon dans \(folder.path)", "cannot remove a draft in \(folder.path)")
                    .then(.system(errno)))
        }
    }
}
