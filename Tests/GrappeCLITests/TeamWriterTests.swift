import Foundation
import GrappeTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Planners recording from their own machines on one PostgreSQL workspace, their processes killed at
/// random moments (SIGKILL: no chance to clean up): every mission a process acknowledged is stored,
/// nothing is half written, and the journal and the records agree.
@Suite(.serialized) struct TeamWriterTests {
    /// `--author` from the command line: a role the login may write as is named in the journal; a
    /// role it may not is refused with 77 and nothing is written.
    @Test func theAuthorIsARoleTheLoginMayWriteAs() throws {
        let workspace = TestPostgres.freshWorkspace(), cli = CLITests()
        let mission = [
            "mission", "add", "--workspace", workspace, "--title", "Mission signée", "--destination", "lyon", "--from", "2027-03-10",
            "--delegate", "alain-dumas",
        ]
        let admin = try cli.grappe(mission + ["--store", try TestPostgres.url(), "--title", "Première"])
        #expect(admin.status == 0, "\(admin.error)")
        let allowed = try cli.grappe(mission + ["--store", try TestPostgres.url(as: "grappe_planner"), "--author", "grappe_planners"])
        #expect(allowed.status == 0, "\(allowed.error)")
        #expect(allowed.error.contains("(grappe_planners, "), "\(allowed.error)")
        let refused = try cli.grappe(
            mission + [
                "--store", try TestPostgres.url(as: "grappe_viewer"), "--author", "grappe_planners",
                "--title", "Jamais",
            ])
        #expect(refused.status == 77, "\(refused.error)")
        #expect(refused.error.contains("does not let 'grappe_viewer' write as 'grappe_planners'"), "\(refused.error)")
        let history = try cli.grappe(["history", "--store", try TestPostgres.url(), "--workspace", workspace])
        #expect(history.output.contains("grappe_planners"), "\(history.output)")
        #expect(!history.output.contains("jamais"), "\(history.output)")
    }

    @Test func writersKilledAtRandomMomentsLoseNothingTheyAcknowledged() throws {
        let url = try TestPostgres.url(as: "grappe_planner"), workspace = TestPostgres.freshWorkspace()
        var environment = ProcessInfo.processInfo.environment
        environment["GRAPPE_SEEDS"] = nil
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = nil
        // The schema is the administrator's to create (planners may not): the first mission is the
        // superuser's, unhurried.
        let first = try CLITests().grappe([
            "mission", "add", "--store", try TestPostgres.url(), "--workspace", workspace,
            "--title", "Première mission", "--destination", "lyon", "--from", "2027-03-10",
            "--delegate", "alain-dumas",
        ])
        #expect(first.status == 0, "\(first.error)")
        var acknowledged: [String] = [first.output.trimmingCharacters(in: .whitespacesAndNewlines)], killed = 0, started = 1
        for round in 0..<8 {
            var writers: [(process: Process, output: Pipe)] = []
            for index in 0..<4 {
                let process = Process()
                process.executableURL = CLITests.binary
                process.arguments = [
                    "mission", "add", "--store", url, "--workspace", workspace, "--title", "Mission \(round)-\(index)",
                    "--destination", "lyon", "--from", "2027-03-10", "--delegate", "alain-dumas",
                ]
                process.currentDirectoryURL = CLITests.repository
                process.environment = environment
                let output = Pipe()
                process.standardOutput = output
                process.standardError = FileHandle.nullDevice
                try process.run()
                writers.append((process, output))
                started += 1
            }
            // About half are killed, each at a random moment: while starting, connecting, saving or done.
            for writer in writers where Bool.random() {
                usleep(UInt32.random(in: 0..<250_000))
                if writer.process.isRunning {
                    kill(writer.process.processIdentifier, SIGKILL)
                    killed += 1
                }
            }
            for writer in writers {
                let printed = String(decoding: writer.output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                writer.process.waitUntilExit()
                if writer.process.terminationReason == .exit, writer.process.terminationStatus == 0 {
                    acknowledged.append(printed.trimmingCharacters(in: .whitespacesAndNewlines))
                }
            }
        }
        print("team writers: \(started) started, \(killed) killed, \(acknowledged.count) acknowledged")
        #expect(killed > 0, "some writers were killed")
        #expect(!acknowledged.isEmpty, "some writers finished")
        let listed = try CLITests().grappe(["mission", "list", "--recorded", "--format", "json", "--store", url, "--workspace", workspace])
        #expect(listed.status == 0, "\(listed.error)")
        for id in acknowledged {
            #expect(listed.output.contains("\"\(id)\""), "acknowledged mission \(id) is stored")
        }
        // Every stored mission's history replays to its state, and each has its journal entry.
        let check = try CLITests().grappe(["store", "check", url, "--workspace", workspace])
        #expect(check.status == 0, "\(check.output)\(check.error)")
        let records = try TestPostgres.psql("SELECT count(*) FROM grappe.records WHERE workspace = '\(workspace)'")
        let entries = try TestPostgres.psql("SELECT count(*) FROM grappe.journal WHERE workspace = '\(workspace)'")
        #expect(records == entries, "one journal entry per recorded mission: \(records) records, \(entries) entries")
        #expect(Int(records) ?? -1 >= acknowledged.count && Int(records) ?? .max <= started)
    }
}
