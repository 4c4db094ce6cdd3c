import GRDB
import GrappeModel
import GrappeWords
import GrappeWorkspace

/// The columns and tables that mirror each record's body, as the file holds them (for `store
/// check`), and written again from the bodies (`store check --repair`).
extension SQLiteStoreBackend {
    func storedMirrors() throws -> [ID: RecordMirror]? {
        try wrap {
            try writer.read { db in
                var mirrors: [ID: RecordMirror] = [:]
                for row in try Row.fetchAll(
                    db, sql: "SELECT id, kind, title, status, start, \"end\", budget_cents, budget_currency FROM records WHERE workspace = ?",
                    arguments: [workspace])
                {
                    let columns = RecordColumns(
                        id: row["id"], kind: row["kind"], title: row["title"], status: row["status"], start: row["start"], end: row["end"],
                        budgetCents: row["budget_cents"], budgetCurrency: row["budget_currency"])
                    mirrors[columns.id] = RecordMirror(columns: columns, parties: [], places: [], outcomes: [], objectives: [])
                }
                let order = "WHERE workspace = ? ORDER BY record_id, position"
                for row in try Row.fetchAll(db, sql: "SELECT * FROM record_parties \(order)", arguments: [workspace]) {
                    mirrors[row["record_id"]]?.parties?.append(
                        RecordMirror.Party(entity: row["entity_id"], role: row["role"], title: row["title"], attendance: row["attendance"]))
                }
                for row in try Row.fetchAll(db, sql: "SELECT * FROM record_places \(order)", arguments: [workspace]) {
                    mirrors[row["record_id"]]?.places?.append(RecordMirror.Place(city: row["city_id"], isOrigin: row["is_origin"]))
                }
                for row in try Row.fetchAll(db, sql: "SELECT * FROM mission_outcomes \(order)", arguments: [workspace]) {
                    mirrors[row["record_id"]]?.outcomes?.append(
                        RecordMirror.Outcome(agreement: row["agreement_id"], partner: row["partner_id"], text: row["text"]))
                }
                for row in try Row.fetchAll(db, sql: "SELECT * FROM mission_objectives \(order)", arguments: [workspace]) {
                    mirrors[row["record_id"]]?.objectives?.append(row["text"])
                }
                return mirrors
            }
        }
    }

    func rebuildMirrors(_ records: [Record]) throws {
        try immediate { db, now in
            let transaction = SQLiteTransaction(db: db, workspace: workspace, now: now)
            for record in records {
                let columns = RecordColumns(record)
                try db.execute(
                    sql: """
                        UPDATE records SET kind = ?, title = ?, status = ?, start = ?, "end" = ?, budget_cents = ?, budget_currency = ?
                        WHERE workspace = ? AND id = ?
                        """,
                    arguments: [
                        columns.kind, columns.title, columns.status, columns.start, columns.end, columns.budgetCents, columns.budgetCurrency,
                        workspace, record.id,
                    ])
                try transaction.writeMirrorRows(of: record)
            }
        }
    }
}

extension SQLiteStoreBackend {
    func journalChainProblems() throws -> [Wording] {
        try wrap { try writer.read { db in try SQLiteJournal.chainProblems(db, workspace: workspace) } }
    }
}
