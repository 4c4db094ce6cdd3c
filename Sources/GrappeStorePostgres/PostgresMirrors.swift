import GrappeModel
import GrappeWorkspace

/// The plain columns that mirror each record's body on the server, as they are (for `store check`),
/// and written again from the bodies (`store check --repair`). Its parties, places, outcomes and
/// objectives are views computed from the body (PostgresSchema): they cannot drift, so they are not
/// read.
extension PostgresStoreBackend {
    func storedMirrors() throws -> [ID: RecordMirror]? {
        try withConnection { connection in
            var mirrors: [ID: RecordMirror] = [:]
            for row in try rows(
                connection,
                "SELECT id, kind, title, status, start, \"end\", budget_cents, budget_currency FROM grappe.records WHERE workspace = \(workspace)")
            {
                let columns = RecordColumns(
                    id: try row.string(0), kind: try row.string(1), title: try row.string(2), status: row.optionalString(3),
                    start: row.optionalString(4), end: row.optionalString(5), budgetCents: row.optionalString(6).flatMap { Int64($0) },
                    budgetCurrency: row.optionalString(7))
                mirrors[columns.id] = RecordMirror(columns: columns, parties: nil, places: nil, outcomes: nil, objectives: nil)
            }
            return mirrors
        }
    }

    func rebuildMirrors(_ records: [Record]) throws {
        try transaction { transaction in
            guard let transaction = transaction as? PostgresTransaction else { return }
            for record in records {
                let columns = RecordColumns(record)
                try transaction.send(
                    """
                    UPDATE grappe.records SET kind = \(columns.kind), title = \(columns.title), status = \(columns.status)::text,
                        start = \(columns.start)::text, "end" = \(columns.end)::text, budget_cents = \(columns.budgetCents)::bigint,
                        budget_currency = \(columns.budgetCurrency)::text
                    WHERE workspace = \(workspace) AND id = \(record.id)
                    """)
            }
        }
    }
}
