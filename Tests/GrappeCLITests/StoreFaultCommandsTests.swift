import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The store's faults as a script sees them: exit codes, messages, and a file left as it was.
@Suite struct StoreFaultCommandsTests {
    let cli = CLITests()
    typealias Workspace = MissionCommandsTests.Workspace

    func add(_ workspace: Workspace, title: String, notes: String = "") throws -> CLITests.Run {
        try cli.grappe(
            ["mission", "add", "--title", title, "--leader", "Marc Demers", "--destination", "Lyon", "--notes", notes],
            environment: workspace.environment)
    }

    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test func readingCommandsLeaveTheStoreAsItWas() throws {
        let workspace = try Workspace()
        #expect(try add(workspace, title: "Mission à Lyon").status == 0)
        let before = try bytes(workspace.store)
        for command in [
            ["mission", "list"], ["mission", "show", "mission-a-lyon"], ["summary"], ["history"], ["mission", "export"],
            ["show", "lyon"], ["export", "--format", "graphml"],
        ] {
            let run = try cli.grappe(command, environment: workspace.environment)
            #expect(run.status == 0, "\(command): \(run.error)")
        }
        #expect(try bytes(workspace.store) == before)
    }

    @Test func aRejectedMissionCreatesNoStore() throws {
        let workspace = try Workspace()
        let rejected = try cli.grappe(["mission", "add", "--title", "Nulle part", "--leader", "personne"], environment: workspace.environment)
        #expect(rejected.status == 65)
        #expect(!FileManager.default.fileExists(atPath: (workspace.store as NSString).deletingLastPathComponent))
    }

    @Test func aDamagedStoreIsRefusedWith74AndNeverWritten() throws {
        let workspace = try Workspace()
        for number in 1...6 { #expect(try add(workspace, title: "Mission \(number)", notes: String(repeating: "note ", count: 600)).status == 0) }
        // Folding the log into the file first, so the damage is in the pages SQLite reads.
        let folded = try cli.grappe(["mission", "list"], environment: workspace.environment)
        #expect(folded.status == 0)
        try? FileManager.default.removeItem(atPath: workspace.store + "-wal")
        try? FileManager.default.removeItem(atPath: workspace.store + "-shm")
        var damaged = try bytes(workspace.store)
        try #require(damaged.count > 6 * 4096)
        for page in [3, 5] { damaged.replaceSubrange(page * 4096..<(page * 4096 + 16), with: Data(repeating: 0xFF, count: 16)) }
        try damaged.write(to: URL(fileURLWithPath: workspace.store))

        let refused = try add(workspace, title: "Après les dégâts")
        #expect(refused.status == 74, "\(refused.error)")
        #expect(refused.error.contains("is damaged"))
        #expect(refused.error.contains("nothing was written"))
        let listed = try cli.grappe(["mission", "list"], environment: workspace.environment)
        #expect(listed.status == 74)
        #expect(try bytes(workspace.store) == damaged)
        #expect(try cli.grappe(["mission", "list", "--no-store"], environment: workspace.environment).status == 0)
    }

    @Test func aStoreThatCannotBeOpenedIsNeverAnEmptyList() throws {
        let workspace = try Workspace()
        try FileManager.default.createDirectory(atPath: workspace.store, withIntermediateDirectories: true)
        let listed = try cli.grappe(["mission", "list"], environment: workspace.environment)
        #expect(listed.status == 66)
        #expect(listed.error.contains("cannot open the store \(workspace.store): it is a folder"))
        #expect(!listed.output.contains("no missions"))
    }

    @Test func aPipeAsTheStoreIsRefusedAtOnce() throws {
        let workspace = try Workspace()
        let pipe = workspace.folder.appendingPathComponent("pipe").path
        try #require(mkfifo(pipe, 0o600) == 0)
        for command in [["mission", "list"], ["summary"], ["mission", "add", "--title", "x", "--leader", "marc-demers"]] {
            let run = try cli.grappe(command, environment: ["GRAPPE_STORE": pipe])
            #expect([66, 73].contains(run.status), "\(command): \(run.status)")
            #expect(run.error.contains("it is a FIFO (named pipe), not a file"), "\(command)")
        }
    }

    /// A real full disk: a 1 MiB tmpfs, where the machine lets the test mount one (root, CI).
    static let canMount: Bool = {
        let point = FileManager.default.temporaryDirectory.appendingPathComponent("grappe-mount-probe-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: point, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: point) }
        guard mount("tmpfs", point, "tmpfs", 0, "size=64k") == 0 else { return false }
        umount(point)
        return true
    }()

    @Test(.enabled(if: canMount, "needs to mount a small tmpfs (root); the store suite simulates SQLITE_FULL everywhere"))
    func aFullDiskExits73AndLosesNothing() throws {
        let workspace = try Workspace()
        let point = workspace.folder.appendingPathComponent("small").path
        try FileManager.default.createDirectory(atPath: point, withIntermediateDirectories: true)
        try #require(mount("tmpfs", point, "tmpfs", 0, "size=1m") == 0)
        defer { umount(point) }
        let environment = ["GRAPPE_STORE": point + "/w.sqlite"]
        let first = try cli.grappe(
            ["mission", "add", "--title", "Premier", "--leader", "marc-demers", "--destination", "lyon"], environment: environment)
        try #require(first.status == 0, "\(first.error)")
        // Fill what is left of the disk.
        let filler =
            FileHandle(forWritingAtPath: point + "/fill")
            ?? {
                _ = FileManager.default.createFile(atPath: point + "/fill", contents: nil)
                return FileHandle(forWritingAtPath: point + "/fill")!
            }()
        while (try? filler.write(contentsOf: Data(count: 4096))) != nil {}
        try? filler.close()
        let full = try cli.grappe(
            [
                "mission", "add", "--title", "Deuxième", "--leader", "marc-demers", "--destination", "lyon",
                "--notes", String(repeating: "x", count: 20_000),
            ], environment: environment)
        #expect(full.status == 73, "\(full.error)")
        #expect(full.error.contains("the disk is full; nothing was saved"))
        try FileManager.default.removeItem(atPath: point + "/fill")
        let listed = try cli.grappe(["mission", "list", "--recorded", "--format", "csv"], environment: environment)
        #expect(listed.status == 0)
        #expect(listed.output.contains("mission-premier"))
        #expect(!listed.output.contains("deuxieme"))
    }
}
