import Foundation
import GrappeTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The real binary in a real terminal (tmux): keys in, screen text out, terminal modes checked.
@Suite(.serialized) struct DashboardEndToEndTests {
    /// Seconds a start on the generated network of 3,000 organisations may take: a debug build parses
    /// it while the rest of the suite runs beside it on two cores (alone it takes about a second).
    static let bigStart = 30.0

    final class Session {
        let name = "grappe-test-\(UUID().uuidString.prefix(8))"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("grappe-e2e-\(UUID().uuidString)")

        /// The workspace store: fresh for each session unless one is given.
        let store: String

        /// `jobControl`: the shell runs the dashboard as a job, as an interactive shell does, so Ctrl-Z
        /// stops it; the script then saves the terminal's modes (`suspended`) and brings it back with `fg`.
        init(
            width: Int = 100, height: Int = 30, arguments: String = "", store: String? = nil, seeds: String? = nil,
            environment: String = "", jobControl: Bool = false
        ) throws {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            self.store = store ?? folder.appendingPathComponent("workspace.sqlite").path
            // Each file is written under another name and renamed, so a reader never sees it half written.
            let script = """
                cd '\(folder.path)'
                stty -g > before.tmp && mv before.tmp before
                \(jobControl ? "set -m" : "")
                env LC_ALL=C.UTF-8 TERM=xterm-256color GRAPPE_STORE='\(self.store)' \(environment) '\(CLITests.binary.path)' --seeds '\(seeds ?? CLITests.repository.appendingPathComponent("seeds").path)' --lang en \(arguments)
                code=$?
                if [ $code = 148 ]; then
                  stty -g > suspended.tmp && mv suspended.tmp suspended
                  sleep 1
                  fg
                  code=$?
                fi
                echo "exit=$code" > status.tmp
                stty -g > after.tmp && mv after.tmp after && mv status.tmp status
                sleep 30
                """
            try script.write(to: folder.appendingPathComponent("run.sh"), atomically: true, encoding: .utf8)
            try tmux("new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", "bash '\(folder.path)/run.sh'")
        }

        deinit {
            _ = try? tmux("kill-session", "-t", name)
            try? FileManager.default.removeItem(at: folder)
        }

        /// Runs tmux with posix_spawn and waitpid: its server outlives the client and must not hold a
        /// pipe of ours, so output goes through a file.
        @discardableResult
        func tmux(_ arguments: String...) throws -> String { try tmux(arguments) }

        @discardableResult
        func tmux(_ arguments: [String]) throws -> String {
            let output = folder.appendingPathComponent("tmux-output").path
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            let argv = (["tmux"] + arguments).map { strdup($0) } + [nil]
            defer { for pointer in argv { free(pointer) } }
            var pid: pid_t = 0
            guard posix_spawnp(&pid, "tmux", &actions, nil, argv, environ) == 0 else { throw CocoaError(.executableNotLoadable) }
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        }

        func keys(_ keys: String...) throws { for key in keys { try tmux("send-keys", "-t", name, key) } }
        func type(_ text: String) throws { try tmux("send-keys", "-t", name, "-l", text) }
        var screen: String { (try? tmux("capture-pane", "-p", "-t", name)) ?? "" }

        /// Waits (up to 10 s) until the screen no longer shows `text`.
        func waitForAbsence(_ text: String) -> Bool {
            for _ in 0..<100 {
                if !screen.contains(text) { return true }
                Thread.sleep(forTimeInterval: 0.1)
            }
            return false
        }

        /// Waits (up to `seconds`, by the clock) until the screen shows `text`.
        func waitFor(_ text: String, seconds: Double = 10) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if screen.contains(text) { return true }
                Thread.sleep(forTimeInterval: 0.1)
            }
            return screen.contains(text)
        }

        func file(_ name: String) -> String? {
            for _ in 0..<50 {
                if let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) { return text }
                Thread.sleep(forTimeInterval: 0.1)
            }
            return nil
        }
    }

    /// A big network is kept as a snapshot after the first start and read back on the next one (not
    /// written again); edited seeds are parsed again; `--no-cache` writes nothing.
    @Test func aBigNetworkStartsFromItsSnapshotUntilTheSeedsChange() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("grappe-snapshot-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let seeds = folder.appendingPathComponent("seeds").path, cache = folder.appendingPathComponent("cache").path
        let generated = try CLITests().grappe("generate", "--organisations", "3000", "--relations", "20000", "--output", seeds)
        #expect(generated.status == 0, "\(generated.error)")
        let snapshots = cache + "/grappe/snapshots"
        func snapshot() -> (path: String, modified: Date)? {
            guard let name = (try? FileManager.default.contentsOfDirectory(atPath: snapshots))?.first(where: { $0.hasSuffix(".snapshot") }),
                let modified = (try? FileManager.default.attributesOfItem(atPath: snapshots + "/" + name))?[.modificationDate] as? Date
            else { return nil }
            return (snapshots + "/" + name, modified)
        }
        func waitForSnapshot(newerThan date: Date?) -> (path: String, modified: Date)? {
            for _ in 0..<300 {
                if let found = snapshot(), date.map({ found.modified > $0 }) ?? true { return found }
                Thread.sleep(forTimeInterval: 0.1)
            }
            return nil
        }

        // First start: parsed, then kept.
        var session: Session? = try Session(seeds: seeds, environment: "XDG_CACHE_HOME='\(cache)'")
        #expect(session!.waitFor("Most connected partners", seconds: Self.bigStart))
        let first = try #require(waitForSnapshot(newerThan: nil), "a snapshot is written after the first frame")
        let entities = try #require(session!.screen.split(separator: "\n").first.map(String.init))
        try session!.keys("q")
        #expect(session!.file("status")?.contains("exit=0") == true)
        session = nil

        // Second start: read back, not written again, the same network.
        session = try Session(seeds: seeds, environment: "XDG_CACHE_HOME='\(cache)'")
        #expect(session!.waitFor("Most connected partners", seconds: Self.bigStart))
        #expect(session!.screen.hasPrefix(entities))
        Thread.sleep(forTimeInterval: 2)
        #expect(snapshot()?.modified == first.modified, "an unchanged network is not written again")
        try session!.keys("q")
        #expect(session!.file("status")?.contains("exit=0") == true)
        session = nil

        // Edited seeds: parsed again (one more entity), and the snapshot follows.
        let nodes = try #require(FileHandle(forWritingAtPath: seeds + "/nodes.csv"))
        try nodes.seekToEnd()
        try nodes.write(contentsOf: Data("org-new,Nouvelle Entreprise,organisation,company,,,,,,synthetic-1\n".utf8))
        try nodes.close()
        session = try Session(seeds: seeds, environment: "XDG_CACHE_HOME='\(cache)'")
        #expect(session!.waitFor("Most connected partners", seconds: Self.bigStart))
        #expect(session!.screen.contains("3,001 organisations"), "\(session!.screen)")
        #expect(waitForSnapshot(newerThan: first.modified) != nil, "the edited seeds are kept in a new snapshot")
        try session!.keys("q")
        session = nil

        // --no-cache: nothing written.
        let otherCache = folder.appendingPathComponent("other-cache").path
        session = try Session(arguments: "--no-cache", seeds: seeds, environment: "XDG_CACHE_HOME='\(otherCache)'")
        #expect(session!.waitFor("Most connected partners", seconds: Self.bigStart))
        Thread.sleep(forTimeInterval: 2)
        try session!.keys("q")
        #expect(session!.file("status")?.contains("exit=0") == true)
        #expect(!FileManager.default.fileExists(atPath: otherCache + "/grappe/snapshots"))
    }

    /// Names with an emoji and a flag keep every column in place in a real terminal: the divider
    /// beside the list is at the same cell on every row, as the terminal counts cells (wcswidth), and
    /// the flag is drawn whole.
    @Test func emojiAndFlagsKeepTheColumns() throws {
        let seeds = FileManager.default.temporaryDirectory.appendingPathComponent("grappe-emoji-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: CLITests.repository.appendingPathComponent("seeds"), to: seeds)
        defer { try? FileManager.default.removeItem(at: seeds) }
        let file = seeds.appendingPathComponent("aqce.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: "name: Devrun\n", with: "name: \"Café ❤️ Montréal\"\n")
            .replacingOccurrences(of: "name: Ecritel\n", with: "name: \"🇫🇷 French Tech Lyon\"\n")
            .replacingOccurrences(of: "name: Consultra\n", with: "name: \"👩‍💻 Devs Québec\"\n")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let session = try Session(width: 120, height: 40, arguments: "--no-cache", seeds: seeds.path)
        #expect(session.waitFor("Most connected partners"))
        try session.keys("2")
        #expect(session.waitFor("Café ❤️ Montréal"), "the variation selector kept: \(session.screen)")
        #expect(session.waitFor("👩‍💻 Devs Québec"), "the joined emoji whole: \(session.screen)")
        // Sorted by name without the flag, among the F.
        #expect(session.waitFor("FEVAD"))
        let order = session.screen.split(separator: "\n").map(String.init)
        let fevad = order.firstIndex { $0.contains("FEVAD") }, flag = order.firstIndex { $0.contains("🇫🇷 French Tech Lyon") }
        #expect(flag != nil && fevad.map { $0 + 1 } == flag, "the flag whole, after FEVAD: \(session.screen)")
        let rows = session.screen.split(separator: "\n").map(String.init).filter {
            $0.contains("│") && ($0.contains("company") || $0.contains("other"))
        }
        // glibc's wcwidth, as terminals count (not exported to Swift by the Glibc module), and as tmux
        // joins: what follows a zero-width joiner takes no cell of its own.
        typealias WideWidth = @convention(c) (wchar_t) -> Int32
        let wcwidth = unsafeBitCast(try #require(dlsym(dlopen(nil, RTLD_NOW), "wcwidth")), to: WideWidth.self)
        setlocale(LC_CTYPE, "C.UTF-8")
        func cells(_ text: String) -> Int32 {
            var total: Int32 = 0, joined = false
            for scalar in text.unicodeScalars {
                if !joined { total += max(0, wcwidth(wchar_t(bitPattern: scalar.value))) }
                joined = scalar.value == 0x200D
            }
            return total
        }
        let dividers = Set(rows.map { row in cells(String(row[..<row.range(of: "│")!.lowerBound])) })
        #expect(rows.contains { $0.contains("French Tech Lyon") } && rows.count > 5)
        #expect(dividers.count == 1, "the divider moves: \(rows.joined(separator: "\n"))")
        try session.keys("q")
        #expect(session.file("status")?.contains("exit=0") == true)
    }

    @Test func browseFilterFollowBackHelpResizeQuit() throws {
        let session = try Session()
        #expect(session.waitFor("Most connected partners"))
        try session.keys("3", "/")
        try session.type("montreal")
        #expect(session.waitFor("/ montreal▏"))
        try session.keys("Enter", "Enter")
        #expect(session.waitFor("\n Clusters & poles › TechnoMontréal"))
        for _ in 0..<4 where !session.screen.contains("› Pôle de compétitivité") {
            try session.keys("j", "Enter")
            if !session.waitFor("› Pôle de compétitivité") { try session.keys("Escape") }
        }
        #expect(session.screen.contains("TechnoMontréal › Pôle de compétitivité des industries du commerce"))
        try session.keys("Escape")
        #expect(session.waitFor("\n Clusters & poles › TechnoMontréal\n"))
        try session.keys("?")
        #expect(session.waitFor("Help — Keys of this view"))
        try session.keys("Escape")
        #expect(session.waitForAbsence("Help — Keys of this view"), "\(session.screen)")
        try session.tmux("resize-window", "-t", session.name, "-x", "40", "-y", "12")
        #expect(session.waitFor("Enter follow link"))
        try session.tmux("resize-window", "-t", session.name, "-x", "39", "-y", "11")
        #expect(session.waitFor("Terminal too small"))
        try session.tmux("resize-window", "-t", session.name, "-x", "200", "-y", "60")
        #expect(session.waitFor("grappe industrielle des technologies de l'information et des communications du Grand Montréal"))
        try session.type("é")
        try session.keys("q")
        #expect(session.file("status")?.contains("exit=0") == true, "\(session.screen)")
        #expect(session.file("before") == session.file("after"), "terminal modes restored")
    }

    /// The map in a real terminal: laid out on another thread while the loop keeps reading keys, laid
    /// out again at the new size after a resize, then the timeline; Ctrl-C quits.
    @Test func theMapAndTheTimelineInARealTerminal() throws {
        let session = try Session(width: 80, height: 24)
        #expect(session.waitFor("Most connected partners"))
        try session.keys(":")
        try session.type("map technomontreal")
        try session.keys("Enter")
        #expect(session.waitFor("◉ TechnoMontréal"), "\(session.screen)")
        #expect(session.screen.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) }, "links in braille: \(session.screen)")
        try session.keys("Right")
        #expect(session.waitFor("▸ ● "), "\(session.screen)")
        try session.tmux("resize-window", "-t", session.name, "-x", "160", "-y", "45")
        #expect(session.waitFor("Map · TechnoMontréal  1 hop  ■ city ◆ cluster ▲ pole ● organisation ○ person"), "\(session.screen)")
        try session.keys("+")
        #expect(session.waitFor("2 hops"))
        #expect(session.waitFor("Lille"), "the second hop reaches Lille: \(session.screen)")
        try session.keys("T")
        #expect(session.waitFor("Year unknown: not placed on the axis"), "\(session.screen)")
        try session.keys("C-c")
        #expect(session.file("status")?.contains("exit=0") == true, "\(session.screen)")
        #expect(session.file("before") == session.file("after"), "terminal modes restored")
    }

    /// Mouse events as an xterm sends them (SGR 1006): `ESC [ < button ; x ; y M`, 1-based.
    /// A planner records a mission with accents from the form, quits, comes back and finds it; a form
    /// left open when the process is killed comes back as a draft.
    @Test func recordAMissionQuitRestartFindItAndRecoverADraft() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("grappe-e2e-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("workspace.sqlite").path
        do {
            let session = try Session(width: 110, height: 34, store: store)
            #expect(session.waitFor("Most connected partners"))
            try session.keys("m")
            #expect(session.waitFor("New mission"))
            try session.type("Délégation à Lyon — été 2027")
            try session.keys("Tab", "Tab")
            try session.type("demers")
            #expect(session.waitFor("marc-demers"), "\(session.screen)")
            try session.keys("Enter", "Tab", "Tab", "Tab")
            try session.type("lyo")
            #expect(session.waitFor("  Lyon  lyon"), "\(session.screen)")
            try session.keys("Enter", "Tab")
            try session.type("2027-06")
            try session.keys("Tab", "Tab", "Tab")
            try session.type("alain")
            try session.keys("Enter", "Up", "C-t")
            #expect(session.waitFor("· delegate · invited"), "\(session.screen)")
            try session.keys("C-s")
            #expect(session.waitFor("Saved: the addition of 'Délégation à Lyon — été 2027' (#1)"), "\(session.screen)")
            #expect(session.screen.contains("History"))
            try session.keys("q")
            #expect(session.file("status")?.contains("exit=0") == true, "\(session.screen)")
        }
        do {
            let session = try Session(width: 110, height: 34, store: store)
            #expect(session.waitFor("Most connected partners"))
            try session.keys("7")
            #expect(session.waitFor("Délégation à Lyon — été 2027"), "\(session.screen)")
            // A form left open when the process dies…
            try session.keys("m")
            try session.type("Brouillon pour Montréal")
            #expect(session.waitFor("Brouillon pour Montréal▏"))
            Thread.sleep(forTimeInterval: 0.3)
            let shell = try session.tmux("list-panes", "-t", session.name, "-F", "#{pane_pid}").trimmingCharacters(in: .whitespacesAndNewlines)
            let grappe = try #require(Self.children(of: Int32(shell) ?? -1).first, "the dashboard's process")
            kill(grappe, SIGKILL)
            #expect(session.file("status")?.contains("exit=137") == true, "\(session.screen)")
        }
        do {
            // …comes back next time.
            let session = try Session(width: 110, height: 34, store: store)
            #expect(session.waitFor("Unsaved draft restored"), "\(session.screen)")
            #expect(session.screen.contains("Brouillon pour Montréal"))
            try session.keys("Escape")
            #expect(session.waitFor("Discard your changes?"))
            try session.keys("y", "u")
            // Undoing an add takes a mission out of the store: asked first, in people's words.
            #expect(session.waitFor("Undo the addition of 'Délégation à Lyon — été 2027' by you (#1, "), "\(session.screen)")
            try session.keys("y")
            #expect(session.waitFor("Undone: the addition of 'Délégation à Lyon — été 2027' by you (#1, "), "\(session.screen)")
            #expect(session.waitFor("U to redo"), "\(session.screen)")
            try session.keys("C-c")
            #expect(session.file("status")?.contains("exit=") == true)
            #expect(session.file("before") == session.file("after"))
        }
    }

    /// A dashboard killed (kill -9) while its save hangs on a frozen server: nothing is half written
    /// (the server writes the whole save or none of it once it resumes), and the draft, kept on this
    /// machine, is offered at the next start.
    @Test func aDashboardKilledDuringASaveOnAFrozenServerLosesNothing() throws {
        let server = try PrivateServer("e2e-kill")
        defer { server.stop() }
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("grappe-e2e-state-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let environment = "XDG_STATE_HOME='\(state.path)' GRAPPE_WORKSPACE=e2e"
        do {
            let session = try Session(width: 110, height: 34, store: server.url, environment: environment)
            #expect(session.waitFor("Most connected partners"), "\(session.screen)")
            try session.keys("7", "m")
            try session.type("Mission gelée")
            try session.keys("Tab", "Tab")
            try session.type("marc-demers")
            try session.keys("Tab", "Tab", "Tab")
            try session.type("lille")
            try session.keys("Tab")
            try session.type("2027-06-10")
            #expect(session.waitFor("2027-06-10▏"), "\(session.screen)")
            Thread.sleep(forTimeInterval: 0.3)
            server.run("freeze")
            try session.keys("C-s")
            #expect(session.waitFor("Saving…"), "\(session.screen)")
            let shell = try session.tmux("list-panes", "-t", session.name, "-F", "#{pane_pid}").trimmingCharacters(in: .whitespacesAndNewlines)
            let grappe = try #require(Self.children(of: Int32(shell) ?? -1).first, "the dashboard's process")
            kill(grappe, SIGKILL)
            #expect(session.file("status")?.contains("exit=137") == true, "\(session.screen)")
            server.run("thaw")
        }
        // Whole or not at all: the journal explains what the store holds.
        let cli = CLITests()
        let check = try cli.grappe(["store", "check", "--store", server.url, "--workspace", "e2e"])
        #expect(check.status == 0, "\(check.output) \(check.error)")
        let listed = try cli.grappe(["mission", "list", "--store", server.url, "--workspace", "e2e", "--format", "csv"]).output
        #expect(listed.components(separatedBy: "Mission gelée").count <= 2, "at most once: \(listed)")
        do {
            // The draft is offered back, unless the server wrote the save once it resumed: then the
            // next start says so and forgets the draft.
            let session = try Session(width: 110, height: 34, store: server.url, environment: environment)
            if listed.contains("Mission gelée") {
                #expect(session.waitFor("Draft already saved, forgotten: 'Mission gelée'"), "\(session.screen)")
            } else {
                #expect(session.waitFor("Unsaved draft restored"), "the draft is kept: \(session.screen)")
                #expect(session.screen.contains("Mission gelée"))
            }
            try session.keys("C-c")
            #expect(session.file("status")?.contains("exit=") == true)
        }
    }

    /// A store that is not a Grappe database: the dashboard still opens, read-only, says why, and the
    /// file is left as it was.
    @Test func opensReadOnlyOnAForeignStore() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("grappe-e2e-foreign-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = folder.appendingPathComponent("workspace.sqlite").path
        try "carnet de notes de la mission".write(toFile: store, atomically: true, encoding: .utf8)
        let session = try Session(width: 120, height: 30, store: store)
        #expect(session.waitFor("read-only"), "\(session.screen)")
        #expect(session.screen.contains("Read-only store: not a Grappe workspace (not an SQLite database) — /"), "\(session.screen)")
        try session.keys("7")
        #expect(session.waitFor("Mission économique de Laval à Lille"))
        try session.keys("m")
        #expect(session.waitFor("Read-only store:"))
        #expect(!session.screen.contains("New mission"))
        try session.keys("q")
        #expect(session.file("status")?.contains("exit=0") == true, "\(session.screen)")
        #expect(try String(contentsOfFile: store, encoding: .utf8) == "carnet de notes de la mission")
    }

    /// The processes whose parent is `parent`, read from /proc.
    static func children(of parent: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> pid_t? in
            guard let pid = pid_t(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return nil }
            // After "pid (name) state ppid".
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && pid_t(fields[1]) == parent ? pid : nil
        }
    }

    /// Under tmux's own terminfo entry (X10 mouse reports only), the dashboard still asks for SGR
    /// reports, and a click or a wheel past column 223 arrives.
    @Test func theMouseSpeaksSGRUnderTmuxsOwnEntry() throws {
        let session = try Session(width: 450, height: 30, environment: "TERM=tmux-256color")
        #expect(session.waitFor("Most connected partners"))
        #expect(try session.tmux("display", "-p", "-t", session.name, "#{mouse_sgr_flag}").hasPrefix("1"))
        func mouse(_ button: Int, _ x: Int, _ y: Int) throws {
            let bytes = Array("\u{1B}[<\(button);\(x);\(y)M\u{1B}[<\(button);\(x);\(y)m".utf8).map { String(format: "%02x", $0) }
            try session.tmux(["send-keys", "-t", session.name, "-H"] + bytes)
        }
        try session.keys("2")
        #expect(session.waitFor("1/30"))
        // The list takes the first 247 columns: a click at column 230 selects the third row.
        try mouse(0, 230, 7)
        #expect(session.waitFor("3/30"), "a click at column 230: \(session.screen)")
        try mouse(0, 28, 2)
        #expect(session.waitFor("\n Clusters & poles "), "\(session.screen)")
        try session.keys("q")
    }

    @Test func mouseClicksTabsAndRowsAndTheWheelScrolls() throws {
        let session = try Session(width: 120, height: 30)
        #expect(session.waitFor("Most connected partners"))
        func mouse(_ button: Int, _ x: Int, _ y: Int, release: Bool = false) throws {
            let bytes = Array("\u{1B}[<\(button);\(x);\(y)\(release ? "m" : "M")".utf8).map { String(format: "%02x", $0) }
            try session.tmux(["send-keys", "-t", session.name, "-H"] + bytes)
        }
        try mouse(0, 28, 2)
        try mouse(0, 28, 2, release: true)
        #expect(session.waitFor("\n Clusters & poles "), "\(session.screen)")
        try mouse(65, 10, 10)
        #expect(session.waitFor("│ TechnoMontréal"), "\(session.screen)")
        try mouse(0, 5, 5)
        try mouse(0, 5, 5, release: true)
        #expect(session.waitFor("│ Pôle de compétitivité"), "\(session.screen)")
        try mouse(0, 5, 5)
        try mouse(0, 5, 5, release: true)
        #expect(session.waitFor("\n Clusters & poles › Pôle de compétitivité"), "\(session.screen)")
        try session.keys("q")
        #expect(session.file("status")?.contains("exit=0") == true, "\(session.screen)")
        #expect(session.file("before") == session.file("after"))
    }

    /// Esc and the next key in one burst: the key must not wait in ncurses' buffer for another one.
    @Test func aKeyRightAfterEscapeIsHandled() throws {
        let session = try Session()
        #expect(session.waitFor("Most connected partners"))
        try session.keys("2", "/")
        try session.type("ab")
        #expect(session.waitFor("/ ab▏"))
        try session.keys("Escape", "q")
        #expect(session.file("status")?.contains("exit=0") == true, "\(session.screen)")
    }

    @Test func controlCQuitsAndRestoresTheTerminal() throws {
        let session = try Session(arguments: "--no-color")
        #expect(session.waitFor("Most connected partners"))
        try session.keys("2", "C-c")
        #expect(session.file("status")?.contains("exit=0") == true)
        #expect(session.file("before") == session.file("after"))
    }

    @Test func controlZSuspendsAndFgRedraws() throws {
        let session = try Session(arguments: "--no-color", jobControl: true)
        #expect(session.waitFor("Most connected partners"))
        try session.keys("2", "j", "j")
        #expect(session.waitFor("Amazon"))
        Thread.sleep(forTimeInterval: 0.3)
        let page = session.screen
        try session.keys("C-z")
        // Stopped with the terminal as the shell had it: cooked modes, no dashboard modes left on.
        #expect(session.file("suspended") == session.file("before"))
        #expect(session.waitForAbsence("Amazon"), "the shell's screen is back while the job is stopped")
        // Back with fg: the same page is drawn again, whole, and keys work.
        var redrawn = false
        for _ in 0..<100 where !redrawn {
            redrawn = session.screen == page
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(redrawn, "\(session.screen)")
        try session.keys("q")
        #expect(session.file("status")?.contains("exit=0") == true)
        #expect(session.file("before") == session.file("after"))
    }

    @Test func pastedTextIsTypedNotRunAsKeys() throws {
        let session = try Session(arguments: "--no-color")
        #expect(session.waitFor("Most connected partners"))
        try session.keys("m")
        #expect(session.waitFor("New mission"))
        // An ESC (which would close the form) and a CR (which would move on) inside a bracketed paste.
        try session.tmux("set-buffer", "-b", "grappe-test", "Salon\u{1B}[A de Lille\rq")
        try session.tmux("paste-buffer", "-p", "-b", "grappe-test", "-t", session.name)
        #expect(session.waitFor("Salon\\e[A de Lille q"), "\(session.screen)")
        #expect(session.screen.contains("New mission"))
        try session.keys("C-c")
        #expect(session.file("status")?.contains("exit=0") == true)
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let session = try Session()
        #expect(session.waitFor("Most connected partners"))
        let pid = try session.tmux("display-message", "-p", "-t", session.name, "#{pane_pid}").trimmingCharacters(in: .whitespacesAndNewlines)
        let shell = Int32(pid) ?? -1
        var killed = 0
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let child = Int32(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { continue }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            if fields.count > 1, Int32(fields[1]) == shell, stat.contains("(grappe)") { kill(child, SIGTERM); killed += 1 }
        }
        #expect(killed == 1)
        #expect(session.file("status")?.contains("exit=143") == true)
        #expect(session.file("before") == session.file("after"))
    }

    /// What a library writes on standard error while the dashboard runs (here libpq's warning about a
    /// password file others may read) goes to a log, never over the screen, and the log is named at
    /// the end.
    @Test func standardErrorGoesToALogWhileTheDashboardRuns() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("grappe-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        try "127.0.0.1:*:*:grappe_secret:grappe-secret\n".write(to: home.appendingPathComponent(".pgpass"), atomically: true, encoding: .utf8)
        chmod(home.appendingPathComponent(".pgpass").path, 0o644)
        let url = try TestPostgres.url(as: "grappe_secret")
        let session = try Session(store: url, environment: "HOME='\(home.path)' XDG_STATE_HOME=")
        #expect(session.waitFor("the server asks for a password"), "\(session.screen)")
        #expect(session.screen.hasPrefix(" Grappe · 47 entities"), "the screen is whole: \(session.screen)")
        try session.keys("q")
        #expect(session.waitFor("while the dashboard ran is in"), "\(session.screen)")
        let log = try String(contentsOf: home.appendingPathComponent(".local/state/grappe/dashboard.log"), encoding: .utf8)
        #expect(log.contains("password file") && log.contains("group or world access"), "\(log)")
    }

    @Test func refusesWithoutATerminal() throws {
        let run = try CLITests().grappe("browse")
        #expect(run.status == 64, "a usage error, as sysexits says")
        #expect(run.error.contains("grappe summary"))
    }
}
