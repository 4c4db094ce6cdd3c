import Foundation
import GrappeWords
import Testing

@testable import GrappeCLI

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
        #expect(
            (entity?["relations"] as? [[String: Any]])?.contains { $0["other"] as? String == "lille" && $0["direction"] as? String == "out" } == true)
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
        let english = Words(.en), french = Words(.fr)
        #expect(Progress.line(fraction: 0.25, elapsed: .seconds(3), words: english) == "25% · about 9 s left")
        #expect(Progress.line(fraction: 0.5, elapsed: .milliseconds(200), words: english) == "50%", "too early to estimate")
        #expect(Progress.line(fraction: 1, elapsed: .seconds(8), words: english) == "100%")
        #expect(Progress.line(fraction: 0.25, elapsed: .seconds(3), words: french) == "25\u{00A0}% · encore 9\u{00A0}s environ")
    }
}

/// A file that cannot be written, a folder that cannot be made, an import refused: said in the
/// locale's language, with the system's reason (Foundation's own text was English only).
@Suite struct FileMessagesInFrenchTests {
    let cli = CLITests()
    let french = ["LANG": "fr_FR.UTF-8"]

    @Test func writingAndImportingSayWhyInFrench() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("grappe-fr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("absent/x.graphml").path
        let refused = try cli.grappe(["export", "--format", "graphml", "--output", missing], environment: french)
        #expect(refused.status == 73)
        #expect(refused.error.contains("impossible d'écrire \(missing)\u{00A0}: fichier ou répertoire introuvable"), "\(refused.error)")
        let english = try cli.grappe(["export", "--format", "graphml", "--output", missing])
        #expect(english.error.contains("cannot write \(missing): No such file or directory"), "\(english.error)")

        let file = folder.appendingPathComponent("a-file").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        let notAFolder = try cli.grappe(["generate", "--organisations", "10", "--relations", "20", "--output", file + "/gen"], environment: french)
        #expect(notAFolder.status == 73)
        #expect(notAFolder.error.contains("impossible de créer \(file)/gen\u{00A0}: n'est pas un répertoire"), "\(notAFolder.error)")

        let exported = folder.appendingPathComponent("n.graphml").path
        #expect(try cli.grappe(["export", "--format", "graphml", "--output", exported]).status == 0)
        let alone = try cli.grappe(["import", exported, "--into", folder.appendingPathComponent("imported").path], environment: french)
        #expect(alone.status == 65)
        #expect(alone.error.contains("rien n'a été écrit\u{00A0}: les fichiers ont"), "\(alone.error)")
        #expect(alone.error.contains("erreur\u{00A0}: document inconnu"), "diagnostics in French: \(alone.error.prefix(400))")
        #expect(
            alone.error.contains("ajoutez-le aux fichiers (grappe import FICHIER seeds/documents.yaml --into DOSSIER)"), "\(alone.error.suffix(400))")
        let documents = CLITests.repository.appendingPathComponent("seeds/documents.yaml").path
        let imported = try cli.grappe(["import", exported, documents, "--into", folder.appendingPathComponent("imported").path], environment: french)
        #expect(imported.status == 0, "\(imported.error)")
        #expect(imported.output.contains("entités, ") && imported.output.contains("relations, "), "\(imported.output)")
        let again = try cli.grappe(["import", exported, documents, "--into", folder.appendingPathComponent("imported").path], environment: french)
        #expect(again.status == 73 && again.error.contains("existent déjà\u{00A0}; --force les remplace"), "\(again.error)")
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

extension CommandLineMannersTests {
    /// `export -o network.csv` reads as one file: csv writes two, so it is refused with the folder to
    /// give, and nothing is made.
    @Test func aCSVExportToOneFileNameIsRefusedWithTheFolderToGive() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("grappe-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("network.csv").path
        let run = try CLITests().grappe("export", "-o", target)
        #expect(run.status == 64)
        #expect(run.error.contains("give --output \(folder.appendingPathComponent("network").path)"), "\(run.error)")
        #expect(!FileManager.default.fileExists(atPath: target), "no folder named network.csv")
    }
}
