import Foundation
import GrappeModel
import GrappeWords
import GrappeWorkspace

/// A connection of its own, on a thread of its own, that listens to `NOTIFY grappe` and keeps the
/// newest journal number announced for one workspace; it also tells whether the server is there,
/// and who is editing what: each session editing a record says so on `grappe_presence` every
/// `beat` seconds (and once when it stops), and a session not heard from for `presenceLife` seconds
/// is taken to have left (closed, or its connection lost). It
/// sends a heartbeat (`SELECT 1`) every `beat` seconds and takes the server for gone when one is not
/// answered within `patience` seconds or the connection drops, so a stopped or frozen server is known
/// within `beat + patience` seconds; it then connects again every second, and on its return reads
/// the head anew (announcements sent while it was away are not replayed).
final class PostgresListener: @unchecked Sendable {
    struct State: Sendable {
        /// Connected and listening: `head` is current.
        var listening = false
        var head: Int?
        /// Why the server is taken for gone; nil while it answers (or before the first try).
        var problem: StoreError?
        /// Whether a connection was tried at least once.
        var tried = false
    }

    let state = Locked(State())
    /// The record this session edits, announced to the others.
    let editing = Locked<ID?>(nil)
    /// Others' announcements: by session, what they edit, who they are, when last heard.
    private let presence = Locked([String: (id: ID, login: String, heard: Date)]())
    /// This session, in announcements (its own are not counted).
    private let session = UUID().uuidString.lowercased()
    private let stopped = Locked(false)
    static let presenceChannel = "grappe_presence"
    static let presenceLife = 8.0
    private let target: PostgresLocation
    private let workspace: String
    static let beat = 1.5
    static let patience = 2.5

    init(target: PostgresLocation, workspace: String) {
        self.target = target
        self.workspace = workspace
    }

    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "grappe-listen"
        thread.start()
    }

    /// Ends the thread within a second; its connection is closed.
    func stop() { stopped.withLock { $0 = true } }

    private var isStopped: Bool { stopped.withLock { $0 } }

    /// Who else is editing what now, by record.
    var othersEditing: [ID: [String]] {
        let now = Date()
        return presence.withLock { seen in
            var editing: [ID: [String]] = [:]
            for (_, entry) in seen where now.timeIntervalSince(entry.heard) < Self.presenceLife {
                if !editing[entry.id, default: []].contains(entry.login) { editing[entry.id, default: []].append(entry.login) }
            }
            return editing.mapValues { $0.sorted() }
        }
    }

    private func run() {
        var connection: PQConnection?
        var lastBeat = Date()
        var announced: ID?
        while !isStopped {
            guard let open = connection, !open.isClosed else {
                connection = nil
                do {
                    connection = try connect()
                    lastBeat = Date()
                } catch {
                    lost(error)
                    for _ in 0..<10 where !isStopped { usleep(100_000) }
                }
                continue
            }
            _ = open.waitForInput(seconds: 0.25)
            do {
                try hear(open.notifications())
                let editing = self.editing.withLock { $0 }
                if Date().timeIntervalSince(lastBeat) >= Self.beat || editing != announced {
                    // The heartbeat says what this session edits (or that it stopped), in one round trip.
                    var beat: [PQConnection.Statement] = [.query("SELECT 1")]
                    if let id = editing ?? announced {
                        beat.append(.query("SELECT pg_notify(\(Self.presenceChannel), \(announcement(id, editing: editing != nil)))"))
                    }
                    _ = try open.run(beat, timeout: Self.patience)
                    announced = editing
                    lastBeat = Date()
                    try hear(open.notifications())
                }
            } catch {
                open.close()
                connection = nil
                lost(error)
            }
        }
        connection?.close()
    }

    /// Connects, listens, then reads the head: an announcement sent between the two is heard.
    private func connect() throws -> PQConnection {
        let connection = try PostgresConnect.connect(target, extra: [("connect_timeout", String(Int(Self.patience)))])
        let answers = try connection.run(
            [
                .query("LISTEN grappe"), .query("LISTEN grappe_presence"),
                .query(PostgresStoreBackend.headQuery(workspace)),
            ],
            timeout: Self.patience)
        let head = try answers[2].first?.int(0) ?? 0
        login = connection.user
        state.withLock { state in
            state.head = max(state.head ?? 0, head)
            state.listening = true
            state.problem = nil
            state.tried = true
        }
        try hear(connection.notifications())
        return connection
    }

    /// Who this session is on the server, as others see it.
    private var login = ""

    /// `workspace TAB record TAB login TAB session TAB editing|left`.
    private func announcement(_ id: ID, editing: Bool) -> String {
        [workspace, id, login, session, editing ? "editing" : "left"].joined(separator: "\t")
    }

    private func hear(_ notifications: [(channel: String, payload: String)]) throws {
        for notification in notifications where notification.channel == Self.presenceChannel {
            // The workspace comes first and may itself hold a TAB: the four fields after it are read from the end.
            let parts = notification.payload.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 5, parts.dropLast(4).joined(separator: "\t") == workspace else { continue }
            let (id, login, other, state) = (parts[parts.count - 4], parts[parts.count - 3], parts[parts.count - 2], parts[parts.count - 1])
            guard other != session else { continue }
            presence.withLock { seen in
                if state == "editing" { seen[other] = (id, login, Date()) } else { seen[other] = nil }
            }
        }
        for notification in notifications where notification.channel == PostgresStoreBackend.channel {
            guard let tab = notification.payload.lastIndex(of: "\t"), notification.payload[..<tab] == workspace,
                let sequence = Int(notification.payload[notification.payload.index(after: tab)...])
            else { continue }
            state.withLock { $0.head = max($0.head ?? 0, sequence) }
        }
    }

    private func lost(_ error: any Error) {
        let problem = PostgresErrors.storeError(error, location: target.display)
        state.withLock { state in
            state.listening = false
            state.problem = problem
            state.tried = true
        }
    }
}

/// A value behind a lock, shared between threads.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
