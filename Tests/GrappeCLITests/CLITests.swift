import Foundation
import GrappeTestSupport
import Testing

/// The real `grappe` binary, run as a user would, checked by exit code and output.
@Suite struct CLITests {
    static let repository = Repository.root

    /// The binary built beside the test bundle.
    static var binary: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("grappe")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return repository.appendingPathComponent(".build/debug/grappe")
    }

    struct Run {
        let status: Int32
        let output: String
        let error: String
    }

    func grappe(_ arguments: String..., environment: [String: String] = [:]) throws -> Run {
        try grappe(arguments, environment: environment)
    }

    func grappe(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = Self.repository
        var variables = ProcessInfo.processInfo.environment
        variables["GRAPPE_SEEDS"] = nil
        // English unless a test asks for French, whatever the tester's own locale.
        variables["LC_ALL"] = nil
        variables["LC_MESSAGES"] = nil
        variables["LANG"] = "C.UTF-8"
        // Never the tester's own workspace: a store that does not exist reads as empty.
        variables["GRAPPE_STORE"] = "/nonexistent/grappe-tests/workspace.sqlite"
        for (key, value) in environment { variables[key] = value }
        process.environment = variables
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            error: String(decoding: errorData, as: UTF8.self))
    }

    @Test func checkOnTheBundledSeedsIsClean() throws {
        let run = try grappe("check")
        #expect(run.status == 0)
        #expect(run.output.contains("0 errors, 0 warnings"))
    }

    @Test func checkOnBrokenSeedsExits65WithPositions() throws {
        let run = try grappe("check", "--seeds", "Tests/GrappeSeedsTests/Fixtures/broken")
        #expect(run.status == 65)
        #expect(
            run.output.contains(
                "Tests/GrappeSeedsTests/Fixtures/broken/02-unknown-key.yaml:3:5: error: unknown key 'nmae' in a city; did you mean 'name'?"))
    }

    @Test func missingSeedsExit66() throws {
        let run = try grappe("check", "--seeds", "/no/such/dir")
        #expect(run.status == 66)
        #expect(run.error.contains("no such seed directory or file: /no/such/dir (give --seeds DIR, or set GRAPPE_SEEDS)"), "\(run.error)")
    }

    @Test func emptyPipedOrLinkedSeedFoldersAreNeverAnEmptyNetwork() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("grappe-cli-seeds-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/empty", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "# notes\n".write(toFile: folder + "/empty/README.md", atomically: true, encoding: .utf8)
        for command in [["check"], ["summary"], ["mission", "list"]] {
            let run = try grappe(command + ["--seeds", folder + "/empty"])
            #expect(run.status == 66, "\(command)")
            #expect(run.error.contains("no seed files in \(folder)/empty"), "\(command)")
        }
        try #require(mkfifo(folder + "/pipe", 0o600) == 0)
        let piped = try grappe("check", "--seeds", folder + "/pipe")
        #expect(piped.status == 66)
        #expect(piped.error.contains("a FIFO (named pipe), not a regular file"))
        try FileManager.default.createSymbolicLink(
            atPath: folder + "/link", withDestinationPath: Self.repository.appendingPathComponent("seeds").path)
        let linked = try grappe("check", "--seeds", folder + "/link")
        #expect(linked.status == 0)
        #expect(linked.output.contains("\(folder)/link: 9 files, 5 documents, 47 entities"), "\(linked.output)")
    }

    @Test func anUnknownCommandIsAUsageErrorWithASuggestion() throws {
        let typo = try grappe("summri")
        #expect(typo.status == 64)
        #expect(typo.error.contains("unknown command 'summri'; did you mean 'summary'?"))
        let help = try grappe("help", "nonexist")
        #expect(help.status == 64)
        #expect(help.error.contains("unknown command 'nonexist'"))
        #expect(try grappe("help", "summary").status == 0)
    }

    @Test func anAmbiguousQueryListsTheMatchesAndFails() throws {
        let run = try grappe("show", "la", "--no-store")
        #expect(run.status == 64)
        #expect(run.output.isEmpty, "nothing on standard output that a script could take for a card")
        #expect(run.error.contains("'la' matches"))
        #expect(run.error.contains("la-presse"))
    }

    @Test func seedsComeFromTheEnvironment() throws {
        let run = try grappe("check", environment: ["GRAPPE_SEEDS": "/from/env"])
        #expect(run.status == 66)
        #expect(run.error.contains("/from/env"))
    }

    @Test func usageErrorsExit64() throws {
        #expect(try grappe("check", "--bogus").status == 64)
        #expect(try grappe("export", "--format", "xml").status == 64)
        #expect(try grappe("generate", "--organisations", "1", "--relations", "5", "--output", "/tmp/x").status == 64)
    }

    @Test func versionAndHelp() throws {
        #expect(try grappe("--version").output.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
        let help = try grappe("--help").output
        for command in ["check", "export", "generate"] { #expect(help.contains(command)) }
    }

    @Test func exportIsDeterministicAndRefusesBrokenSeeds() throws {
        let first = try grappe("export", "--format", "json")
        let second = try grappe("export")
        #expect(first.status == 0)
        #expect(first.output == second.output)
        #expect(first.output.contains("\"entente-tripartite-lille\""))
        let broken = try grappe("export", "--seeds", "Tests/GrappeSeedsTests/Fixtures/broken")
        #expect(broken.status == 65)
        #expect(broken.output.isEmpty)
    }

    @Test func controlCharactersInDataNeverReachTheTerminal() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("grappe-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "cities:\n  - id: \"evil\\e[2J\"\n    name: X\n".write(to: directory.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        let run = try grappe("check", "--seeds", directory.path)
        #expect(run.status == 65)
        #expect(!run.output.contains("\u{1B}"))
        #expect(run.output.contains("evil\\e[2J"))
    }

    @Test func generateWritesLoadableSeedsAndWillNotOverwrite() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("grappe-gen-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(try grappe("generate", "--organisations", "300", "--relations", "1200", "--seed", "5", "--output", directory).status == 0)
        let check = try grappe("check", "--seeds", directory)
        #expect(check.status == 0)
        #expect(check.output.contains("1,200 relations"))
        let again = try grappe("generate", "--organisations", "300", "--relations", "1200", "--output", directory)
        #expect(again.status == 73)
        #expect(again.error.contains("--force"))
    }
}
