import GRDB
import GrappeModel
import GrappeWords
import GrappeWorkspace

/// One `BEGIN IMMEDIATE` transaction on the store file, as the journal rules see it, within one workspace.
struct SQLiteTransaction: StoreTransaction {
    let db: Database
    let workspace: String
    let now: String

    /// A row's key: its workspace, then its id.
    private func key(_ id: ID) -> [String: any DatabaseValueConvertible] { ["workspace": workspace, "id": id] }

    func state(of kind: JournalEntry.Item.Kind, id: ID) throws -> ItemState? {
        switch kind {
        case .record: try RecordRow.fetchOne(db, key: key(id))?.state
        case .entity: try EntityRow.fetchOne(db, key: key(id))?.state
        }
    }

    func put(_ record: Record, body: String, version: Int, author: String) throws {
        let row = RecordRow(record, workspace: workspace, body: body, version: version, now: now, author: author)
        if try RecordRow.exists(db, key: key(record.id)) {
            try row.update(db, columns: RecordRow.updatedColumns)
        } else {
            try row.insert(db)
        }
        try writeMirrorRows(of: record)
    }

    /// The rows of the tables that mirror `record`'s body (parties, places, outcomes, objectives),
    /// written again from `RecordMirror`, the one definition `store check` compares them with.
    func writeMirrorRows(of record: Record) throws {
        try removeChildren(of: record.id)
        let mirror = RecordMirror(record)
        for (position, party) in (mirror.parties ?? []).enumerated() {
            try PartyRow(
                workspace: workspace, record_id: record.id, position: position, entity_id: party.entity, role: party.role,
                title: party.title, attendance: party.attendance
            ).insert(db)
        }
        for (position, place) in (mirror.places ?? []).enumerated() {
            try PlaceRow(workspace: workspace, record_id: record.id, position: position, city_id: place.city, is_origin: place.isOrigin)
                .insert(db)
        }
        for (position, outcome) in (mirror.outcomes ?? []).enumerated() {
            try OutcomeRow(
                workspace: workspace, record_id: record.id, position: position, agreement_id: outcome.agreement,
                partner_id: outcome.partner, text: outcome.text
            ).insert(db)
        }
        for (position, objective) in (mirror.objectives ?? []).enumerated() {
            try ObjectiveRow(workspace: workspace, record_id: record.id, position: position, text: objective).insert(db)
        }
    }

    func put(_ entity: Entity, body: String, version: Int, recordedWith: ID?, author: String) throws {
        let row = EntityRow(
            workspace: workspace, id: entity.id, kind: entity.kind.rawValue, name: entity.name, recorded_with: recordedWith,
            version: version, created_at: now, created_by: author, updated_at: now, updated_by: author, body: body)
        if try EntityRow.exists(db, key: key(entity.id)) {
            try row.update(db, columns: EntityRow.updatedColumns)
        } else {
            try row.insert(db)
        }
    }

    func remove(_ kind: JournalEntry.Item.Kind, id: ID) throws {
        switch kind {
        case .record:
            try removeChildren(of: id)
            _ = try RecordRow.deleteOne(db, key: key(id))
        case .entity:
            _ = try EntityRow.deleteOne(db, key: key(id))
        }
    }

    func journalLinks() throws -> [JournalEntry] {
        try JournalRow.fetchAll(db, sql: "SELECT * FROM journal WHERE workspace = ? ORDER BY seq", arguments: [workspace]).map { $0.entry(items: []) }
    }

    func entry(_ sequence: Int) throws -> JournalEntry? {
        try SQLiteJournal.entry(db, workspace: workspace, sequence: sequence)
    }

    func append(_ entry: JournalEntry) throws -> Int {
        // The write lock is held (BEGIN IMMEDIATE): no one else can take the same number.
        let sequence =
            (try Int64.fetchOne(
                db, sql: "SELECT coalesce(max(seq), 0) + 1 FROM journal WHERE workspace = ?",
                arguments: [workspace])) ?? 1
        // Linked into the hash chain as it is written, from the entry in hand and the previous hash.
        let previous = try String.fetchOne(
            db, sql: "SELECT hash FROM journal WHERE workspace = ? AND seq = ?", arguments: [workspace, sequence - 1])
        var numbered = entry
        numbered.sequence = Int(sequence)
        try JournalRow(
            workspace: workspace, seq: sequence, at: entry.at, author: entry.author, action: entry.action.rawValue,
            summary: entry.summary, undoes: entry.undoes, hash: Digest.sha256Hex(JournalChain.text(previous: previous, entry: numbered))
        ).insert(db)
        for (position, item) in entry.items.enumerated() {
            try JournalItemRow(
                workspace: workspace, seq: sequence, position: position, object_kind: item.kind.rawValue, object_id: item.id,
                before: item.before, after: item.after, version_before: item.versionBefore,
                version_after: item.versionAfter
            ).insert(db)
        }
        return Int(sequence)
    }

    /// The rows of the child tables that mirror a record's body.
    private func removeChildren(of id: ID) throws {
        for table in Schema.recordChildren {
            try db.execute(sql: "DELETE FROM \(table) WHERE workspace = ? AND record_id = ?", arguments: [workspace, id])
        }
    }
}

/// Reading a workspace's journal entries' items.
enum SQLiteJournal {
    static func entry(_ db: Database, workspace: String, sequence: Int) throws -> JournalEntry? {
        guard
            let row = try JournalRow.fetchOne(
                db, sql: "SELECT * FROM journal WHERE workspace = ? AND seq = ?",
                arguments: [workspace, sequence])
        else { return nil }
        return row.entry(items: try items(db, workspace: workspace, seq: row.seq))
    }

    static func items(_ db: Database, workspace: String, seq: Int64) throws -> [JournalEntry.Item] {
        try JournalItemRow.filter(Column("workspace") == workspace && Column("seq") == seq).order(Column("position")).fetchAll(db).map(\.item)
    }

    /// Links the entries from `first` on into the journal's hash chain, in order, each after the hash
    /// its previous entry holds (JournalChain).
    static func chain(_ db: Database, workspace: String, from first: Int64) throws {
        var previous = try String.fetchOne(db, sql: "SELECT hash FROM journal WHERE workspace = ? AND seq = ?", arguments: [workspace, first - 1])
        let rows = try JournalRow.fetchAll(
            db, sql: "SELECT * FROM journal WHERE workspace = ? AND seq >= ? ORDER BY seq", arguments: [workspace, first])
        for row in rows {
            let hash = Digest.sha256Hex(
                JournalChain.text(previous: previous, entry: row.entry(items: try items(db, workspace: workspace, seq: row.seq))))
            try db.execute(sql: "UPDATE journal SET hash = ? WHERE workspace = ? AND seq = ?", arguments: [hash, workspace, row.seq])
            previous = hash
        }
    }

    /// Each entry whose hash is not the one its content and its previous entry's hash give: an entry
    /// (or a hash) edited by hand, or one written before the chain existed and never linked.
    static func chainProblems(_ db: Database, workspace: String) throws -> [Wording] {
        var problems: [Wording] = []
        var previous: String?
        for row in try JournalRow.fetchAll(db, sql: "SELECT * FROM journal WHERE workspace = ? ORDER BY seq", arguments: [workspace]) {
            let expected = Digest.sha256Hex(
                JournalChain.text(previous: previous, entry: row.entry(items: try items(db, workspace: workspace, seq: row.seq))))
            if row.hash != expected { problems.append(JournalChain.problem(Int(row.seq), hash: row.hash)) }
            previous = row.hash
        }
        return problems
    }
}
