import Foundation
import GrappeWorkspace
import GrappeWords

/// Drafts kept in files on this machine, one per form, each written whole under another name and
/// renamed into place. The team store (PostgreSQL) keeps its drafts here, not on the server: a key
/// typed while the server is slow or gone never waits for it, and the draft survives the server being
/// lost during a save.
public final class LocalDrafts: DraftKeeping {
    public let folder: URL

    public init(folder: URL) { self.folder = folder }

    /// The folder for one store and workspace, under `$XDG_STATE_HOME/grappe/drafts` (else
    /// `~/.local/state/grappe/drafts`), named by a hash of the location without its password.
    public static func folder(location: String, workspace: String, environment: [String: String]) -> URL {
        let base = environment["XDG_STATE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/state")
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (location + "\u{0}" + workspace).utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        let name = String(hash, radix: 16)
        return URL(fileURLWithPath: base).appendingPathComponent("grappe/drafts/\(String(repeating: "0", count: 16 - name.count) + name)")
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

    public func drafts() throws -> [StoredDraft] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.filter { $0.hasSuffix(".json") }.compactMap { name -> StoredDraft? in
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path),
                  let file = try? JSONDecoder().decode(File.self, from: data) else { return nil }
            return StoredDraft(key: file.key, json: file.json, updatedAt: file.updatedAt)
        }.sorted { $0.updatedAt > $1.updatedAt }
    }

    public func saveDraft(_ draft: StoredDraft) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let data = try JSONEncoder().encode(File(key: draft.key, json: draft.json, updatedAt: draft.updatedAt))
        let target = file(draft.key)
        let temporary = folder.appendingPathComponent(".\(UUID().uuidString).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw StoreError.failed(Wording("impossible d'écrire un brouillon dans \(folder.path)", "cannot write a draft in \(folder.path)"))
        }
        guard rename(temporary.path, target.path) == 0 else {
            let reason = Wording.system(errno)
            unlink(temporary.path)
            throw StoreError.failed(Wording("impossible de garder un brouillon dans \(folder.path)\u{00A0}: \(reason.french)",
                                            "cannot keep a draft in \(folder.path): \(reason.english)"))
        }
    }

    public func deleteDraft(key: String) throws {
        if unlink(file(key).path) != 0, errno != ENOENT {
            let reason = Wording.system(errno)
            throw StoreError.failed(Wording("impossible d'effacer un brouillon dans \(folder.path)\u{00A0}: \(reason.french)",
                                            "cannot remove a draft in \(folder.path): \(reason.english)"))
        }
    }
}
