import GrappeModel

/// What a store writes beside a record's JSON body, for people who query the store with sqlite3 or
/// psql: its kind, title, status, dates and budget as plain columns. Both drivers write these from
/// the body, so both stores answer the same queries the same way (docs/store.md).
public struct RecordColumns: Sendable, Hashable {
    /// The record's id.
    public var id: String
    /// `agreement`, `mission`, `project` or `event`.
    public var kind: String
    /// The record's title.
    public var title: String
    /// Its status's raw value (`planned`, `signed`…).
    public var status: String?
    /// The record's date (`2027-03`, `2027-03-10`), as written.
    public var start: String?
    /// The record's last date (a mission's or project's end, an agreement's end of validity), as written.
    public var end: String?
    /// The budget in minor units (cents) and its currency code.
    public var budgetCents: Int64?
    /// The budget's ISO 4217 currency code.
    public var budgetCurrency: String?

    /// Columns as a store holds them.
    public init(
        id: String, kind: String, title: String, status: String?, start: String?, end: String?, budgetCents: Int64?,
        budgetCurrency: String?
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.status = status
        self.start = start
        self.end = end
        self.budgetCents = budgetCents
        self.budgetCurrency = budgetCurrency
    }

    /// The columns of `record`, worked out from it.
    public init(_ record: Record) {
        let mission = record.mission
        let budget = mission?.budget ?? record.project?.budget
        let end: PartialDate? = mission?.end ?? record.project?.end ?? record.event?.end ?? record.agreement?.validTo
        id = record.id
        kind = record.kind.rawValue
        title = record.title
        status =
            switch record.body {
            case .agreement(let agreement): agreement.status.rawValue
            case .mission(let mission): mission.status.rawValue
            case .project(let project): project.status.rawValue
            case .event(let event): event.status.rawValue
            }
        start = record.date?.description
        self.end = end?.description
        budgetCents = budget?.minorUnits
        budgetCurrency = budget?.currency.code
    }
}
