import GrappeModel

/// What a store writes beside a record's JSON body, for people who query the store with sqlite3 or
/// psql: its kind, title, status, dates and budget as plain columns. Both drivers write these from
/// the body, so both stores answer the same queries the same way (docs/store.md).
public struct RecordColumns: Sendable, Hashable {
    public var id: String
    public var kind: String
    public var title: String
    public var status: String?
    /// The record's date (`2027-03`, `2027-03-10`), as written.
    public var start: String?
    public var end: String?
    /// The budget in minor units (cents) and its currency code.
    public var budgetCents: Int64?
    public var budgetCurrency: String?

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
