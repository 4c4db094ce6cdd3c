import Foundation
import GrappeModel
import GrappeWords
import Testing

@testable import GrappeSeeds

#if canImport(Glibc)
import Glibc
#endif

/// What a seeds folder holds besides seed files: links, loops, pipes, devices, odd names. Nothing is
/// skipped without a warning naming it, and nothing can make loading wait forever.
@Suite struct SeedFolderTests {
    final class Folder: Sendable {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("grappe-folder-\(UUID().uuidString)").path
        init() throws { try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: root) }

        func write(_ name: String, _ text: String) throws {
            let path = root + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }

        func link(_ name: String, to target: String) throws {
            try FileManager.default.createSymbolicLink(atPath: root + "/" + name, withDestinationPath: target)
        }
    }

    static let city = "cities:\n  - {id: lyon, name: Lyon, sources: [d]}\ndocuments: [{id: d, title: D}]\n"

    @Test func everythingLeftOutIsNamedWithItsReason() throws {
        let folder = try Folder()
        try folder.write("lyon.yaml", Self.city)
        try folder.link("dangling.yaml", to: "nowhere.yaml")
        try folder.link("loop-a", to: "loop-b")
        try folder.link("loop-b", to: "loop-a")
        try folder.link("environ.yaml", to: "/proc/self/environ")
        try folder.link("null.csv", to: "/dev/null")
        try folder.write(".old.yaml", Self.city)
        try folder.write(".git/config", "[core]\n")
        try #require(mkfifo(folder.root + "/pipe.csv", 0o600) == 0)
        let latin1 = folder.root + "/caf\u{E9}"
        let badName = Array(latin1.utf8.dropLast(2)) + [0xE9] + Array(".yaml".utf8) + [0]
        let descriptor = badName.withUnsafeBufferPointer {
            open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o600)
        }
        try #require(descriptor >= 0)
        close(descriptor)

        let result = try SeedLoader.load(path: folder.root)
        let warnings = result.diagnostics.map { $0.description.replacingOccurrences(of: folder.root + "/", with: "") }
        #expect(warnings.contains("caf\u{FFFD}.yaml:1:1: warning: skipped: the file name is not valid UTF-8 (rename it to read it)"))
        #expect(warnings.contains("dangling.yaml:1:1: warning: skipped: a dangling symbolic link (its target does not exist)"))
        #expect(warnings.contains("loop-a:1:1: warning: skipped: a symbolic link loop"))
        #expect(warnings.contains("loop-b:1:1: warning: skipped: a symbolic link loop"))
        #expect(warnings.contains { $0.hasPrefix("environ.yaml:1:1: warning: skipped: a symbolic link into /proc/") })
        #expect(warnings.contains { $0.hasPrefix("null.csv:1:1: warning: skipped: a symbolic link into /dev/null") })
        #expect(warnings.contains("pipe.csv:1:1: warning: skipped: a FIFO (named pipe), not a regular file: reading it could wait forever"))
        #expect(warnings.contains(".old.yaml:1:1: warning: skipped: a hidden file (its name starts with a dot): rename it to read it"))
        #expect(!warnings.contains { $0.contains(".git") }, "hidden folders such as .git are not seeds, and not worth a word")
        #expect(result.network.entity("lyon") != nil, "the real seed file is still read")
        #expect(!result.hasErrors)
    }

    @Test func linkedFoldersAreReadOnceEvenInALoop() throws {
        let folder = try Folder()
        try folder.write("real/lyon.yaml", Self.city)
        try folder.link("seeds", to: folder.root + "/real")
        try folder.link("real/back", to: folder.root + "/real")
        // The folder reached through a link reads like the folder itself.
        let result = try SeedLoader.load(path: folder.root + "/seeds")
        #expect(result.files == [folder.root + "/seeds/lyon.yaml"])
        #expect(
            result.diagnostics.filter { $0.message.hasPrefix("skipped") }.map(\.description) == [
                folder.root + "/seeds/back:1:1: warning: skipped: the folder '\(folder.root)/seeds' again (a symbolic link loop): read once"
            ])
        #expect(result.network.entity("lyon") != nil)
    }

    @Test func aFolderWithoutSeedFilesIsMissingInput() throws {
        let folder = try Folder()
        #expect(throws: SeedLoadError.noSeedFiles(folder.root, leftOut: [])) { try SeedLoader.load(path: folder.root) }
        try folder.write("README.md", "# notes\n")
        try folder.write("notes.txt", "notes\n")
        try folder.write("table.xlsx", "not really\n")
        #expect(
            throws: SeedLoadError.noSeedFiles(
                folder.root,
                leftOut: [
                    Wording(
                        folder.root + "/table.xlsx\u{00A0}: pas un format de graines",
                        folder.root + "/table.xlsx: not a seed format")
                ])
        ) {
            try SeedLoader.load(path: folder.root)
        }
    }

    @Test func aPipeOrADeviceAsTheSeedsIsRefusedAtOnce() throws {
        let folder = try Folder()
        try #require(mkfifo(folder.root + "/pipe.yaml", 0o600) == 0)
        #expect(
            throws: SeedLoadError.unreadable(
                folder.root + "/pipe.yaml",
                Wording(
                    "un tube nommé (FIFO), pas un fichier ordinaire\u{00A0}: le lire pourrait attendre sans fin",
                    "a FIFO (named pipe), not a regular file: reading it could wait forever"))
        ) {
            try SeedLoader.load(path: folder.root + "/pipe.yaml")
        }
        #expect(throws: SeedLoadError.unreadable("/dev/zero", Wording("un périphérique, pas un fichier ordinaire", "a device, not a regular file"))) {
            try SeedLoader.load(path: "/dev/zero")
        }
    }

    @Test func classicMacLineEndsLoadEveryRow() throws {
        let nodes = "Id,Label,Kind\rmac-a,Mac A,organisation\rmac-b,Mac B,organisation\rmac-c,\"Mac\rC\",organisation\r"
        let result = SeedLoader.load(files: [(path: "nodes.csv", contents: nodes)])
        #expect(result.network.entities.map(\.id) == ["mac-a", "mac-b", "mac-c"])
        #expect(
            result.diagnostics.first?.description == "nodes.csv:1:1: warning: lines end with CR only (old Mac format): each CR read as a line break")
    }

    @Test func jsonSeedsFollowTheSameAmountRules() throws {
        let network = try SeedLoader.load(path: Paths.seeds).network
        let exported = String(decoding: try NetworkJSON.encode(network), as: UTF8.self)
        // The CQIC's budget made negative.
        let text = exported.replacingOccurrences(of: "\"2100000.00\"", with: "\"-2100000.00\"")
        try #require(text != exported)
        let messages = SeedLoader.load(files: [(path: "network.json", contents: text)]).diagnostics.filter { $0.severity == .error }.map(\.message)
        #expect(messages.contains { $0.hasSuffix(".budget must not be negative (-2100000.00 CAD)") }, "\(messages)")
    }
}
