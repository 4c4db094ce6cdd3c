import GRDB
import GrappeModel
import GrappeWorkspace

// One record type per table (docs/store.md); every row belongs to a workspace, which leads each key. The JSON `body` is what Grappe reads back; the other
// columns and the child tables are written from it, for people who query the file with sqlite3.

/// A row of `records`.
struct RecordRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "records"
    var workspace: String
    var id: String
    var kind: String
    var title: String
    var status: String?
    var start: String?
    var end: String?
    var budget_cents: Int64?
    var budget_currency: String?
    var version: Int
    var created_at: String
    var created_by: String
    var updated_at: String
    var updated_by: String
    var body: String

    /// The columns an update changes: everything but when and by whom the row was created.
    static let updatedColumns = [
        "kind", "title", "status", "start", "end", "budget_cents", "budget_currency", "version",
        "updated_at", "updated_by", "body",
    ]

    init(_ record: Record, workspace: String, body: String, version: Int, now: String, author: String) {
        let columns = RecordColumns(record)
        self.workspace = workspace
        id = columns.id
        kind = columns.kind
        title = columns.title
        status = columns.status
        start = columns.start
        end = columns.end
        budget_cents = columns.budgetCents
        budget_currency = columns.budgetCurrency
        self.version = version
        created_at = now
        created_by = author
        updated_at = now
        updated_by = author
        self.body = body
    }

    var state: ItemState { ItemState(body: body, version: version, updatedAt: updated_at, updatedBy: updated_by) }
}

/// A row of `record_parties`.
struct PartyRow: Codable, PersistableRecord {
    static let databaseTableName = "record_parties"
    var workspace: String
    var record_id: String
    var position: Int
    var entity_id: String
    var role: String
    var title: String?
    var attendance: String?
}

/// A row of `record_places`.
struct PlaceRow: Codable, PersistableRecord {
    static let databaseTableName = "record_places"
    var workspace: String
    var record_id: String
    var position: Int
    var city_id: String
    var is_origin: Bool
}

/// A row of `mission_outcomes`.
struct OutcomeRow: Codable, PersistableRecord {
    static let databaseTableName = "mission_outcomes"
    var workspace: String
    var record_id: String
    var position: Int
    var agreement_id: String?
    var partner_id: String?
    var text: String?
}

/// A row of `mission_objectives`.
struct ObjectiveRow: Codable, PersistableRecord {
    static let databaseTableName = "mission_objectives"
    var workspace: String
    var record_id: String
    var position: Int
    var text: String
}

/// A row of `entities`.
struct EntityRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "entities"
    var workspace: String
    var id: String
    var kind: String
    var name: String
    var recorded_with: String?
    var version: Int
    var created_at: String
    var created_by: String
    var updated_at: String
    var updated_by: String
    var body: String

    static let updatedColumns = ["kind", "name", "version", "updated_at", "updated_by", "body"]

    var state: ItemState {
        ItemState(body: body, version: version, updatedAt: updated_at, updatedBy: updated_by, recordedWith: recorded_with)
    }
}

/// A row of `journal`; `seq` counts within its workspace.
struct JournalRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "journal"
    var workspace: String
    var seq: Int64
    var at: String
    var author: String
    var action: String
    var summary: String
    var undoes: Int?
    /// The entry's link in the journal's hash chain (JournalChain); nil in a store from before it.
    var hash: String? = nil

    func entry(items: [JournalEntry.Item]) -> JournalEntry {
        JournalEntry(
            sequence: Int(seq), at: at, author: author, action: Change.Action(rawValue: action) ?? .edit,
            summary: summary, undoes: undoes, items: items)
    }
}

/// A row of `journal_items`.
struct JournalItemRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "journal_items"
    var workspace: String
    var seq: Int64
    var position: Int
    var object_kind: String
    var object_id: String
    var before: String?
    var after: String?
    var version_before: Int
    var version_after: Int

    var item: JournalEntry.Item {
        JournalEntry.Item(
            kind: JournalEntry.Item.Kind(rawValue: object_kind) ?? .record, id: object_id, before: before, after: after,
            versionBefore: version_before, versionAfter: version_after)
    }
}

/// A row of `drafts`.
struct DraftRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "drafts"
    var workspace: String
    var key: String
    var updated_at: String
    var body: String
}
