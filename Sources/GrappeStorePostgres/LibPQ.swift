import CLibPQ
import Foundation

/// A statement and its parameters, written as SQL with the values interpolated: each `\(value)`
/// becomes `$n` and travels apart from the text (as text, which the server reads as the column's
/// or the cast's type), so no value is ever spliced into SQL.
struct SQL: ExpressibleByStringInterpolation, Sendable {
    var text: String
    var binds: [String?]

    init(stringLiteral value: String) {
        text = value
        binds = []
    }

    init(stringInterpolation: Interpolation) {
        text = stringInterpolation.text
        binds = stringInterpolation.binds
    }

    /// SQL assembled by hand (table names from code, never from data), with its parameters.
    init(unsafeSQL text: String, binds: [String?] = []) {
        self.text = text
        self.binds = binds
    }

    struct Interpolation: StringInterpolationProtocol {
        var text = ""
        var binds: [String?] = []

        init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + 3 * interpolationCount)
        }

        mutating func appendLiteral(_ literal: String) { text += literal }

        mutating func appendInterpolation(_ value: String?) {
            binds.append(value)
            text += "$\(binds.count)"
        }

        mutating func appendInterpolation<Number: BinaryInteger>(_ value: Number?) {
            appendInterpolation(value.map { String($0) })
        }
    }
}

/// What libpq or the server said went wrong with a statement or a connection.
struct PQFailure: Error, CustomStringConvertible {
    enum Kind: Equatable {
        /// The server refused the statement (its SQLSTATE says why).
        case refused(sqlState: String)
        /// The connection was lost, or never made.
        case lost
        /// The server did not answer within the time allowed; the connection was closed.
        case noAnswer(seconds: Double)
        /// A value Grappe cannot send (a NUL character: PostgreSQL's text cannot hold one).
        case unsendable
    }

    var kind: Kind
    var message: String

    var sqlState: String? {
        if case .refused(let state) = kind { return state }
        return nil
    }

    var description: String { message }
}

/// One row of a result, as text (libpq's text format: integers in decimal, booleans `t`/`f`).
struct PQRow: Sendable {
    let values: [String?]

    func string(_ column: Int) throws -> String {
        guard let value = values[column] else { throw PQFailure(kind: .refused(sqlState: "22004"), message: "column \(column + 1) is NULL") }
        return value
    }

    func optionalString(_ column: Int) -> String? { values[column] }

    func int(_ column: Int) throws -> Int {
        let text = try string(column)
        guard let value = Int(text) else {
            throw PQFailure(kind: .refused(sqlState: "22P02"), message: "column \(column + 1) is not an integer: \(text)")
        }
        return value
    }

    func optionalInt(_ column: Int) throws -> Int? {
        values[column] == nil ? nil : try int(column)
    }

    func bool(_ column: Int) throws -> Bool { try string(column) == "t" }
}

/// One libpq connection (`PGconn`), used by one thread at a time. Statements go out in pipeline mode
/// (PostgreSQL 14 and later): several are sent together and answered in one round trip, and after the
/// first that fails the server skips the rest up to the sync, so nothing after a failure takes effect.
/// Every wait for an answer has a deadline: a server that stops answering (frozen, or the network gone
/// without a reset) closes the connection and fails the statement instead of hanging.
final class PQConnection {
    private var handle: OpaquePointer?

    /// Statements prepared on this connection (`PQprepare`), by name.
    var prepared: Set<String> = []

    private init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit { close() }

    /// Connects with libpq's own reading of `settings` (keyword, value; `dbname` may be a URL or a
    /// connection string, which libpq expands): every `PG*` variable, `~/.pgpass`, `pg_service.conf`,
    /// `sslmode` and the system's certificates, SCRAM and GSSAPI, several hosts and
    /// `target_session_attrs`. A setting that comes later wins over one that comes earlier.
    static func connect(_ settings: [(String, String)]) throws -> PQConnection {
        let keywords = settings.map { strdup($0.0) } + [nil]
        let values = settings.map { strdup($0.1) } + [nil]
        defer { for pointer in keywords + values { free(pointer) } }
        let handle: OpaquePointer? = keywords.withUnsafeBufferPointer { keywords in
            values.withUnsafeBufferPointer { values in
                keywords.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: keywords.count) { keywords in
                    values.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: values.count) { values in
                        PQconnectdbParams(keywords, values, 1)
                    }
                }
            }
        }
        guard let handle else { throw ConnectFailure(message: "out of memory", needsPassword: false, usedPassword: false) }
        guard PQstatus(handle) == CONNECTION_OK else {
            let failure = ConnectFailure(
                message: Self.message(PQerrorMessage(handle)), needsPassword: PQconnectionNeedsPassword(handle) == 1,
                usedPassword: PQconnectionUsedPassword(handle) == 1)
            PQfinish(handle)
            throw failure
        }
        // The server's notices and warnings ("terminating connection due to…") are not printed on
        // standard error, where they would land in the middle of the dashboard's screen: what they
        // announce reaches Grappe as the failure of the next statement.
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
        return PQConnection(handle: handle)
    }

    /// Why a connection could not be made, as libpq says it.
    struct ConnectFailure: Error, CustomStringConvertible {
        var message: String
        /// The server asked for a password and none was found (`PGPASSWORD`, `~/.pgpass`).
        var needsPassword: Bool
        /// A password was sent (and so, most likely, refused).
        var usedPassword: Bool
        var description: String { message }
    }

    var isClosed: Bool {
        guard let handle else { return true }
        return PQstatus(handle) != CONNECTION_OK
    }

    /// Whether an idle connection is still there: a server that restarted or dropped it has said so
    /// (its goodbye, or the end of the stream) by the time it is used again, and reading that now
    /// closes it, so that a statement is never sent into a connection already gone.
    func isAlive() -> Bool {
        guard let handle, PQstatus(handle) == CONNECTION_OK else { return false }
        // Whatever came while idle is read, until nothing more is waiting: a goodbye is followed by the
        // end of the stream, which only a further read sees.
        for _ in 0..<4 {
            guard Self.wait(handle, milliseconds: 0) > 0 else { break }
            guard PQconsumeInput(handle) == 1, PQstatus(handle) == CONNECTION_OK else {
                close()
                return false
            }
            while let notification = PQnotifies(handle) { PQfreemem(notification) }
            // An error while no statement runs is the server ending the session (57P01, 57P02…).
            if PQisBusy(handle) == 0, let result = PQgetResult(handle) {
                PQclear(result)
                close()
                return false
            }
        }
        return true
    }

    /// The user the connection logged in as.
    var user: String { handle.flatMap { PQuser($0) }.map { String(cString: $0) } ?? "" }

    func close() {
        if let handle { PQfinish(handle) }
        handle = nil
        prepared = []
    }

    /// One statement of a pipeline.
    enum Statement {
        case query(SQL)
        /// Prepares `sql` under `name` (its parameters' types left to the server).
        case prepare(name: String, sql: String)
        /// Runs a statement prepared under `name`.
        case prepared(name: String, binds: [String?])
    }

    /// Sends `statements` together and waits for all their answers (at most `timeout` seconds in
    /// all): their rows, in order. The first refusal is thrown once every answer is in, so nothing is
    /// left running; the server has then skipped the statements after it.
    func run(_ statements: [Statement], timeout: Double) throws -> [[PQRow]] {
        guard let handle, PQstatus(handle) == CONNECTION_OK else { throw PQFailure(kind: .lost, message: "the connection is closed") }
        let deadline = Date().addingTimeInterval(timeout)
        guard PQenterPipelineMode(handle) == 1 else { throw lost() }
        for statement in statements {
            let sent: Int32
            switch statement {
            case .query(let sql):
                sent = try Self.withCStrings(sql.binds) { values in
                    PQsendQueryParams(handle, sql.text, Int32(values.count), nil, values, nil, nil, 0)
                }
            case .prepare(let name, let sql):
                sent = PQsendPrepare(handle, name, sql, 0, nil)
            case .prepared(let name, let binds):
                sent = try Self.withCStrings(binds) { values in
                    PQsendQueryPrepared(handle, name, Int32(values.count), values, nil, nil, 0)
                }
            }
            guard sent == 1 else { throw lost() }
        }
        guard PQpipelineSync(handle) == 1 else { throw lost() }
        var answers: [[PQRow]] = []
        var failure: PQFailure?
        for _ in statements {
            var rows: [PQRow] = []
            while let result = try nextResult(deadline: deadline, timeout: timeout) {
                defer { PQclear(result) }
                switch PQresultStatus(result) {
                case PGRES_TUPLES_OK, PGRES_SINGLE_TUPLE: rows += Self.rows(result)
                case PGRES_COMMAND_OK, PGRES_EMPTY_QUERY, PGRES_PIPELINE_ABORTED: break
                default:
                    if failure == nil { failure = Self.refusal(result) ?? lost() }
                }
            }
            answers.append(rows)
        }
        // The sync's own answer ends the pipeline (a few empty answers may come before it).
        var synced = false
        for _ in 0..<8 where !synced {
            guard let result = try nextResult(deadline: deadline, timeout: timeout) else { continue }
            synced = PQresultStatus(result) == PGRES_PIPELINE_SYNC
            PQclear(result)
        }
        guard synced, PQexitPipelineMode(handle) == 1 else {
            let failure = lost()
            close()
            throw failure
        }
        if let failure { throw failure }
        return answers
    }

    /// One statement, its rows.
    func rows(_ sql: SQL, timeout: Double) throws -> [PQRow] {
        try run([.query(sql)], timeout: timeout)[0]
    }

    /// Reads announcements (`NOTIFY`) that arrived: the channel and payload of each, oldest first.
    func notifications() throws -> [(channel: String, payload: String)] {
        guard let handle else { throw PQFailure(kind: .lost, message: "the connection is closed") }
        guard PQconsumeInput(handle) == 1 else { throw lost() }
        var heard: [(String, String)] = []
        while let notification = PQnotifies(handle) {
            heard.append((String(cString: notification.pointee.relname), String(cString: notification.pointee.extra)))
            PQfreemem(notification)
        }
        return heard
    }

    /// Waits until the server sends something, at most `seconds`; false when nothing came.
    func waitForInput(seconds: Double) -> Bool {
        guard let handle else { return false }
        let ready = Self.wait(handle, milliseconds: Int32(max(0, seconds * 1000)))
        return ready > 0
    }

    // MARK: Inside

    /// The next result, waiting for the server at most until `deadline`; nil when the current
    /// statement has no more.
    private func nextResult(deadline: Date, timeout: Double) throws -> OpaquePointer? {
        guard let handle else { throw PQFailure(kind: .lost, message: "the connection is closed") }
        while PQisBusy(handle) == 1 {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 {
                close()
                throw PQFailure(kind: .noAnswer(seconds: timeout), message: "the server did not answer within \(Int(timeout)) s")
            }
            let ready = Self.wait(handle, milliseconds: Int32(min(left, 1) * 1000) + 1)
            if ready < 0, errno != EINTR { throw lost() }
            if ready > 0, PQconsumeInput(handle) == 0 {
                let failure = lost()
                close()
                throw failure
            }
        }
        if PQstatus(handle) != CONNECTION_OK {
            let failure = lost()
            close()
            throw failure
        }
        return PQgetResult(handle)
    }

    /// Waits until the connection's socket has something to read (or is closed), at most
    /// `milliseconds`: `poll`'s answer (above 0 when there is).
    private static func wait(_ handle: OpaquePointer, milliseconds: Int32) -> Int32 {
        var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, milliseconds)
    }

    private func lost() -> PQFailure {
        PQFailure(kind: .lost, message: handle.map { Self.message(PQerrorMessage($0)) } ?? "the connection is closed")
    }

    private static func refusal(_ result: OpaquePointer) -> PQFailure? {
        guard let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))) else { return nil }
        let primary = PQresultErrorField(result, Int32(UInt8(ascii: "M"))).map { String(cString: $0) }
        return PQFailure(kind: .refused(sqlState: String(cString: state)), message: primary ?? message(PQresultErrorMessage(result)))
    }

    private static func rows(_ result: OpaquePointer) -> [PQRow] {
        let count = Int(PQntuples(result)), columns = Int(PQnfields(result))
        var rows: [PQRow] = []
        rows.reserveCapacity(count)
        for row in 0..<count {
            var values: [String?] = []
            values.reserveCapacity(columns)
            for column in 0..<columns {
                if PQgetisnull(result, Int32(row), Int32(column)) == 1 {
                    values.append(nil)
                } else {
                    let length = Int(PQgetlength(result, Int32(row), Int32(column)))
                    let bytes = UnsafeRawPointer(PQgetvalue(result, Int32(row), Int32(column))!)
                    values.append(String(decoding: UnsafeRawBufferPointer(start: bytes, count: length), as: UTF8.self))
                }
            }
            rows.append(PQRow(values: values))
        }
        return rows
    }

    static func message(_ text: UnsafePointer<CChar>?) -> String {
        guard let text else { return "unknown error" }
        return String(cString: text).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The values as C strings for libpq; a NUL inside one is refused (it would end the text there).
    private static func withCStrings<T>(_ values: [String?], _ body: ([UnsafePointer<CChar>?]) -> T) throws -> T {
        if values.contains(where: { $0?.utf8.contains(0) == true }) {
            throw PQFailure(kind: .unsendable, message: "a text holds a NUL character, which PostgreSQL cannot store")
        }
        let copies = values.map { $0.map { strdup($0) } ?? nil }
        defer { for copy in copies { free(copy) } }
        return body(copies.map { $0.map { UnsafePointer($0) } })
    }
}
