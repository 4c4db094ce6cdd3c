import Foundation
import GrappeModel
import GrappeWords

/// What a store keeps beside a record's body for people who query it (docs/store.md): its plain
/// columns and, where they are tables (SQLite), its parties, places, outcomes and objectives, one row
/// each. Built from the body (`init(_:)`) it is what the store should hold; read from the store it is
/// what it does hold; `differences(from:)` names every cell a hand edit changed, as `amcheck` compares
/// an index with its table.
///
/// ```swift
/// let expected = RecordMirror(record)              // from the body
/// stored.differences(from: expected)                // ["title: 'Mission à Lyon' where the body says 'Mission à Lille'"]
/// ```
public struct RecordMirror: Sendable, Equatable {
    /// A row of `record_parties`.
    public struct Party: Sendable, Equatable {
        /// The entity's id.
        public var entity: String
        /// The role's raw value.
        public var role: String
        /// The capacity it takes part in.
        public var title: String?
        /// The attendance's raw value.
        public var attendance: String?

        /// A party row.
        public init(entity: String, role: String, title: String?, attendance: String?) {
            self.entity = entity
            self.role = role
            self.title = title
            self.attendance = attendance
        }
    }

    /// A row of `record_places`.
    public struct Place: Sendable, Equatable {
        /// The city's id.
        public var city: String
        /// Whether it is the mission's origin (the first place).
        public var isOrigin: Bool

        /// A place row.
        public init(city: String, isOrigin: Bool) {
            self.city = city
            self.isOrigin = isOrigin
        }
    }

    /// A row of `mission_outcomes`.
    public struct Outcome: Sendable, Equatable {
        /// The agreement it led to.
        public var agreement: String?
        /// The partner it met.
        public var partner: String?
        /// What came of it, in words.
        public var text: String?

        /// An outcome row.
        public init(agreement: String?, partner: String?, text: String?) {
            self.agreement = agreement
            self.partner = partner
            self.text = text
        }
    }

    /// The record's plain columns.
    public var columns: RecordColumns
    /// Its parties, in order; nil where the store derives them from the body (a view cannot drift).
    public var parties: [Party]?
    /// Its places (a mission's origin, then its destinations; an agreement's or event's place).
    public var places: [Place]?
    /// A mission's outcomes.
    public var outcomes: [Outcome]?
    /// A mission's objectives.
    public var objectives: [String]?

    /// What the store should hold for `record`.
    public init(_ record: Record) {
        columns = RecordColumns(record)
        parties = record.parties.map { Party(entity: $0.entity, role: $0.role.rawValue, title: $0.title, attendance: $0.attendance?.rawValue) }
        let origin = record.mission?.origin
        places = record.places.enumerated().map { Place(city: $1, isOrigin: origin != nil && $0 == 0) }
        outcomes = (record.mission?.outcomes ?? []).map { Outcome(agreement: $0.agreement, partner: $0.partner, text: $0.text) }
        objectives = record.mission?.objectives ?? []
    }

    /// What a store holds, as read from it.
    public init(columns: RecordColumns, parties: [Party]?, places: [Place]?, outcomes: [Outcome]?, objectives: [String]?) {
        self.columns = columns
        self.parties = parties
        self.places = places
        self.outcomes = outcomes
        self.objectives = objectives
    }

    /// Every difference between what the store holds (this) and what `expected` (from the body) says:
    /// each column by name, each table by its rows; empty when they agree. Tables the store does not
    /// keep (nil on either side) are not compared.
    public func differences(from expected: RecordMirror) -> [Wording] {
        var found: [Wording] = []
        func compare(_ name: String, _ stored: String?, _ wanted: String?) {
            guard stored != wanted else { return }
            let french = { (value: String?) in value.map { "«\u{00A0}\($0)\u{00A0}»" } ?? "NULL" }
            let english = { (value: String?) in value.map { "'\($0)'" } ?? "NULL" }
            found.append(
                Wording(
                    "colonne \(name)\u{00A0}: \(french(stored)), alors que le corps dit \(french(wanted))",
                    "column \(name): \(english(stored)) where the body says \(english(wanted))"))
        }
        let (a, b) = (columns, expected.columns)
        compare("kind", a.kind, b.kind)
        compare("title", a.title, b.title)
        compare("status", a.status, b.status)
        compare("start", a.start, b.start)
        compare("end", a.end, b.end)
        compare("budget_cents", a.budgetCents.map(String.init), b.budgetCents.map(String.init))
        compare("budget_currency", a.budgetCurrency, b.budgetCurrency)
        func table<Row: Equatable>(_ name: String, _ stored: [Row]?, _ wanted: [Row]?) {
            guard let stored, let wanted, stored != wanted else { return }
            let rows: Wording
            if stored.count == wanted.count {
                let differing = stored.indices.count { stored[$0] != wanted[$0] }
                rows = Wording(
                    differing == 1 ? "1 ligne diffère du corps" : "\(differing) lignes diffèrent du corps",
                    differing == 1 ? "1 row differs from the body" : "\(differing) rows differ from the body")
            } else {
                rows = Wording(
                    "\(stored.count) ligne\(stored.count == 1 ? "" : "s") alors que le corps en donne \(wanted.count)",
                    "\(stored.count) row\(stored.count == 1 ? "" : "s") where the body gives \(wanted.count)")
            }
            found.append(Wording("table \(name)", "table \(name)").then(rows))
        }
        table("record_parties", parties, expected.parties)
        table("record_places", places, expected.places)
        table("mission_outcomes", outcomes, expected.outcomes)
        table("mission_objectives", objectives, expected.objectives)
        return found
    }
}
