import Foundation
@testable import GrappeCLI
import Testing

/// What a command line owes its user: JSON for scripts, completions that know the ids, options
/// offered only where they do something.
@Suite struct CommandLineMannersTests {
    let cli = CLITests()

    @Test func showAndPathWriteJSONForScripts() throws {
        let card = try cli.grappe("show", "picom", "--format", "json")
        #expect(card.status == 0)
        let entity = try JSONSerialization.jsonObject(with: Data(card.output.utf8)) as? [String: Any]
        #expect(entity?["kind"] as? String == "entity")
        #expect((entity?["entity"] as? [String: Any])?["id"] as? String == "picom")
        #expect((entity?["relations"] as? [[String: Any]])?.contains { $0["other"] as? String == "lille" && $0["direction"] as? String == "out" } == true)
        let path = try cli.grappe("path", "laval", "lille", "--format", "json")
        let route = try JSONSerialization.jsonObject(with: Data(path.output.utf8)) as? [String: Any]
        #expect(route?["hops"] as? Int == 3)
        #expect((route?["connections"] as? [[Any]])?.first?.count == 3)
        let record = try cli.grappe("show", "entente-tripartite-lille", "--format", "json")
        #expect(record.output.contains("\"kind\" : \"record\""))
    }

    /// The shell asks the binary for ids (argument-parser's custom completion); the seeds are those
    /// the command line names.
    @Test func completionOffersIdsFromTheSeeds() throws {
        let run = try cli.grappe("---completion", "show", "--", "positional@0", "2", "4", "grappe", "show", "tech")
        #expect(run.output == "technomontreal\n", "\(run.output)\(run.error)")
        let script = try cli.grappe("--generate-completion-script", "bash")
        #expect(script.status == 0 && script.output.contains("---completion show"))
    }

    /// Metrics sampling options belong to the commands that compute metrics; a mission's card has none.
    @Test func optionsAreOfferedWhereTheyDoSomething() throws {
        let missionHelp = try cli.grappe("mission", "show", "--help").output
        #expect(!missionHelp.contains("--pivots") && !missionHelp.contains("--as-of"), "\(missionHelp)")
        let showHelp = try cli.grappe("show", "--help").output
        #expect(!showHelp.contains("--pivots") && showHelp.contains("--lang") && showHelp.contains("--format"))
        let summaryHelp = try cli.grappe("summary", "--help").output
        #expect(summaryHelp.contains("--pivots") && summaryHelp.contains("--as-of"))
        let refused = try cli.grappe("show", "picom", "--pivots", "3")
        #expect(refused.status == 64)
    }
}

/// The progress line's words: a percentage, then the time left once there is something to go on.
@Suite struct ProgressLineTests {
    @Test func percentageAndTimeLeft() {
        #expect(Progress.line(fraction: 0.25, elapsed: .seconds(3)) == "25% · about 9 s left")
        #expect(Progress.line(fraction: 0.5, elapsed: .milliseconds(200)) == "50%", "too early to estimate")
        #expect(Progress.line(fraction: 1, elapsed: .seconds(8)) == "100%")
    }
}

/// `-o` naming a device or a pipe writes into it; it is never replaced by a file (as root, an atomic
/// write to /dev/null used to replace the device with a regular file).
@Suite struct OutputTargetTests {
    let cli = CLITests()

    @Test func aPipeStaysAPipe() throws {
        let fifo = FileManager.default.temporaryDirectory.appendingPathComponent("grappe-fifo-\(UUID().uuidString)").path
        #expect(mkfifo(fifo, 0o600) == 0)
        defer { try? FileManager.default.removeItem(atPath: fifo) }
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [fifo]
        let output = Pipe()
        reader.standardOutput = output
        try reader.run()
        // Were the pipe replaced, nobody would open it for writing and the reader would wait forever.
        DispatchQueue.global().asyncAfter(deadline: .now() + 20) { if reader.isRunning { reader.terminate() } }
        let run = try cli.grappe("metrics", "-o", fifo)
        let received = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        reader.waitUntilExit()
        #expect(run.status == 0, "\(run.error)")
        #expect(received.hasPrefix("id,label,kind,degree"))
        var status = stat()
        #expect(stat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO, "still a FIFO")
    }
}
