import GRDB
import GrappeModel
import GrappeWorkspace

/// One `BEGIN IMMEDIATE` transaction on the store file, as the journal rules see it.
struct SQLiteTransaction: StoreTransaction {
    let db: Database
    let now: String

    func state(of kind: JournalEntry.Item.Kind, id: ID) throws -> ItemState? {
        switch kind {
        case .record: try RecordRow.fetchOne(db, key: id)?.state
        case .entity: try EntityRow.fetchOne(db, key: id)?.state
        }
    }

    func put(_ record: Record, body: String, version: Int, author: String) throws {
        let row = RecordRow(record, body: body, version: version, now: now, author: author)
        if try RecordRow.exists(db, key: record.id) {
            try row.update(db, columns: RecordRow.updatedColumns)
        } else {
            try row.insert(db)
        }
        try removeChildren(of: record.id)
        for (position, party) in record.parties.enumerated() {
            try PartyRow(record_id: record.id, position: position, entity_id: party.entity, role: party.role.rawValue, title: party.title,
                         attendance: party.attendance?.rawValue).insert(db)
        }
        let mission = record.mission
        for (position, city) in record.places.enumerated() {
            try PlaceRow(record_id: record.id, position: position, city_id: city, is_origin: mission?.origin != nil && position == 0).insert(db)
        }
        for (position, outcome) in (mission?.outcomes ?? []).enumerated() {
            try OutcomeRow(record_id: record.id, position: position, agreement_id: outcome.agreement, partner_id: outcome.partner,
                           text: outcome.text).insert(db)
        }
        for (position, objective) in (mission?.objectives ?? []).enumerated() {
            try ObjectiveRow(record_id: record.id, position: position, text: objective).insert(db)
        }
    }

    func put(_ entity: Entity, body: String, version: Int, recordedWith: ID?, author: String) throws {
        let row = EntityRow(id: entity.id, kind: entity.kind.rawValue, name: entity.name, recorded_with: recordedWith, version: version,
                            created_at: now, created_by: author, updated_at: now, updated_by: author, body: body)
        if try EntityRow.exists(db, key: entity.id) {
            try row.update(db, columns: EntityRow.updatedColumns)
        } else {
            try row.insert(db)
        }
    }

    func remove(_ kind: JournalEntry.Item.Kind, id: ID) throws {
        switch kind {
        case .record:
            try removeChildren(of: id)
            _ = try RecordRow.deleteOne(db, key: id)
        case .entity:
            _ = try EntityRow.deleteOne(db, key: id)
        }
    }

    func newestUndoable() throws -> JournalEntry? {
        guard let row = try JournalRow.fetchOne(db, sql: """
            SELECT * FROM journal j
            WHERE action <> 'undo' AND NOT EXISTS (SELECT 1 FROM journal u WHERE u.undoes = j.seq)
            ORDER BY seq DESC LIMIT 1
            """) else { return nil }
        let items = try JournalItemRow.filter(Column("seq") == row.seq).order(Column("position")).fetchAll(db)
        return row.entry(items: items.map(\.item))
    }

    func append(_ entry: JournalEntry) throws -> Int {
        var row = JournalRow(seq: nil, at: entry.at, author: entry.author, action: entry.action.rawValue, summary: entry.summary,
                             undoes: entry.undoes)
        try row.insert(db)
        let sequence = row.seq ?? db.lastInsertedRowID
        for (position, item) in entry.items.enumerated() {
            try JournalItemRow(seq: sequence, position: position, object_kind: item.kind.rawValue, object_id: item.id, before: item.before,
                               after: item.after, version_before: item.versionBefore, version_after: item.versionAfter).insert(db)
        }
        return Int(sequence)
    }

    /// The rows of the child tables that mirror a record's body.
    private func removeChildren(of id: ID) throws {
        _ = try PartyRow.filter(Column("record_id") == id).deleteAll(db)
        _ = try PlaceRow.filter(Column("record_id") == id).deleteAll(db)
        _ = try OutcomeRow.filter(Column("record_id") == id).deleteAll(db)
        _ = try ObjectiveRow.filter(Column("record_id") == id).deleteAll(db)
    }
}
