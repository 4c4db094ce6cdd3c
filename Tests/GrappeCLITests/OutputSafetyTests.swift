import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

// glibc has these, but its Swift module hides them behind _XOPEN_SOURCE.
@_silgen_name("posix_openpt") private func posix_openpt(_ flags: Int32) -> Int32
@_silgen_name("grantpt") private func grantpt(_ descriptor: Int32) -> Int32
@_silgen_name("unlockpt") private func unlockpt(_ descriptor: Int32) -> Int32
@_silgen_name("ptsname") private func ptsname(_ descriptor: Int32) -> UnsafeMutablePointer<CChar>

/// Hostile names (ESC, OSC, BEL, C1, DEL, bidirectional overrides) through every command and format:
/// on a terminal no raw control byte comes out; to a pipe, structured data stays exact.
@Suite struct OutputSafetyTests {
    let cli = CLITests()

    static let hostileNames = [
        "esc": "\u{1B}]0;pwned\u{7}Evil\u{1B}[2J", "c1": "C1\u{85}\u{9B}31mX", "bidi": "abc\u{202E}evil\u{2066}x\u{2069}",
        "del": "del\u{7F}x", "cr": "cr\rline\u{8}",
    ]

    final class Hostile: Sendable {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("grappe-hostile-\(UUID().uuidString)")
        var seeds: String { folder.appendingPathComponent("seeds").path }
        var store: String { folder.appendingPathComponent("workspace.sqlite").path }
        var environment: [String: String] { ["GRAPPE_STORE": store, "GRAPPE_SEEDS": seeds, "NO_COLOR": "1"] }

        init() throws {
            try FileManager.default.createDirectory(atPath: folder.appendingPathComponent("seeds").path, withIntermediateDirectories: true)
            var yaml = "cities:\n  - {id: lyon, name: Lyon, country: FR}\norganisations:\n"
            for (id, name) in OutputSafetyTests.hostileNames.sorted(by: { $0.key < $1.key }) {
                let quoted =
                    "\""
                    + name.unicodeScalars.map { scalar in
                        OutputSafetyTests.hazards(in: String(scalar)).isEmpty && scalar != "\r"
                            ? String(scalar) : String(format: "\\u%04X", scalar.value)
                    }.joined() + "\""
                yaml += "  - id: \(id)\n    name: \(quoted)\n    type: company\n"
            }
            yaml += "relations:\n  - {from: esc, to: c1, type: partner_of}\n  - {from: bidi, to: del, type: partner_of}\n"
            yaml += "  - {from: cr, to: esc, type: partner_of}\n"
            try yaml.write(toFile: seeds + "/hostile.yaml", atomically: true, encoding: .utf8)
        }

        deinit { try? FileManager.default.removeItem(at: folder) }
    }

    /// Every byte a terminal could act on, or that reorders a line: C0 but line feed (and the CR the
    /// terminal adds before it), DEL, C1, bidirectional overrides and isolates.
    static func hazards(in text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { scalar in
            switch scalar.value {
            case 0x0A, 0x0D: false
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
            default: false
            }
        }
    }

    /// Runs grappe with standard output on a pseudo-terminal (standard error on a pipe) and returns
    /// what the terminal received, and the exit status.
    func onTerminal(_ arguments: [String], environment: [String: String]) throws -> (status: Int32, screen: String) {
        let master = posix_openpt(O_RDWR | O_NOCTTY)
        try #require(master >= 0)
        defer { close(master) }
        try #require(grantpt(master) == 0 && unlockpt(master) == 0)
        let slavePath = String(cString: ptsname(master))
        let slave = try #require(FileHandle(forUpdatingAtPath: slavePath))
        let process = Process()
        process.executableURL = CLITests.binary
        process.arguments = arguments
        process.currentDirectoryURL = CLITests.repository
        var variables = ProcessInfo.processInfo.environment
        for (key, value) in environment { variables[key] = value }
        process.environment = variables
        process.standardOutput = slave
        process.standardError = Pipe()
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try slave.close()
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(master, &buffer, buffer.count)
            if count <= 0 { break }
            received += buffer[..<count]
        }
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: received, as: UTF8.self))
    }

    static let commands: [[String]] = [
        ["check"], ["summary"], ["summary", "--format", "markdown"], ["summary", "--format", "json"], ["summary", "--format", "csv"],
        ["metrics"], ["metrics", "--format", "json"], ["show", "esc"], ["show", "bidi"], ["path", "cr", "c1"],
        ["export", "--format", "json"], ["export", "--format", "graphml"], ["export", "--format", "gexf"],
        ["export", "--format", "dot"], ["export", "--format", "kumu"],
        ["mission", "list"], ["mission", "list", "--format", "csv"], ["mission", "list", "--format", "json"],
        ["mission", "show", "evil-mission"], ["mission", "export"], ["history"], ["history", "--format", "json"],
    ]

    @Test func noRawControlByteReachesATerminalFromAnyCommand() throws {
        let hostile = try Hostile()
        let added = try cli.grappe(
            [
                "mission", "add", "--title", "Evil mission \u{1B}]0;pwned\u{7} \u{202E}x",
                "--delegate", "esc:host", "--destination", "lyon", "--notes", "bell\u{7} \u{9B}2J",
            ],
            environment: hostile.environment)
        try #require(added.status == 0, "\(added.error)")
        let id = try #require(added.output.split(whereSeparator: \.isWhitespace).last.map(String.init))
        for command in Self.commands.map({ $0.map { $0 == "evil-mission" ? id : $0 } }) {
            let run = try onTerminal(command, environment: hostile.environment)
            #expect(run.status == 0, "\(command): exit \(run.status)")
            #expect(run.screen.count > 20, "\(command) printed almost nothing")
            #expect(Self.hazards(in: run.screen).isEmpty, "\(command): \(Self.hazards(in: run.screen).map { String($0.value, radix: 16) })")
        }
    }

    @Test func csvNeutralisesControlsEvenInAFile() throws {
        let hostile = try Hostile()
        let added = try cli.grappe(
            ["mission", "add", "--title", "Bell\u{7} \u{1B}[2J mission", "--delegate", "esc:host", "--destination", "lyon"],
            environment: hostile.environment)
        try #require(added.status == 0, "\(added.error)")
        for command in [["summary", "--format", "csv"], ["metrics"]] {
            let run = try cli.grappe(command, environment: hostile.environment)
            #expect(run.status == 0, "\(run.error)")
            #expect(Self.hazards(in: run.output).isEmpty, "\(command)")
            #expect(
                run.output.contains("\\u{1B}]0;pwned\\u{7}Evil"), "\(command): \(run.output.split(separator: "\n").filter { $0.contains("pwned") })")
        }
        let folder = hostile.folder.appendingPathComponent("gephi").path
        #expect(try cli.grappe(["export", "--format", "csv", "--output", folder], environment: hostile.environment).status == 0)
        for name in ["nodes.csv", "edges.csv"] {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            #expect(Self.hazards(in: text).isEmpty, "\(name)")
        }
        let list = try cli.grappe(["mission", "list", "--format", "csv"], environment: hostile.environment)
        #expect(list.output.contains("Bell\\u{7} \\u{1B}[2J mission"))
        #expect(Self.hazards(in: list.output).isEmpty)
    }

    @Test func jsonOnATerminalMeansTheSameAsInAPipe() throws {
        let hostile = try Hostile()
        let piped = try cli.grappe(["export", "--format", "json"], environment: hostile.environment)
        #expect(piped.output.unicodeScalars.contains("\u{202E}"), "a pipe gets the exact data")
        let screen = try onTerminal(["export", "--format", "json"], environment: hostile.environment).screen
        #expect(screen.contains("abc\\u202Eevil\\u2066x\\u2069"))
        let body = screen.replacingOccurrences(of: "\r\n", with: "\n")
        let fromTerminal = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? NSDictionary
        let fromPipe = try JSONSerialization.jsonObject(with: Data(piped.output.utf8)) as? NSDictionary
        #expect(fromTerminal != nil && fromTerminal == fromPipe)
    }

    /// `Output` is the one way to standard output: a command that printed by itself could forget the
    /// escapes. Only the file that defines `Output` may touch standard output directly.
    @Test func onlyOutputWritesToStandardOutput() throws {
        let folder = CLITests.repository.appendingPathComponent("Sources/GrappeCLI").path
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".swift") && name != "Output.swift" {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            for forbidden in ["print(", "FileHandle.standardOutput", "fputs(", "write(STDOUT_FILENO"] {
                #expect(!text.contains(forbidden), "\(name) writes with \(forbidden)")
            }
        }
    }
}
