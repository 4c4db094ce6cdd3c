import GrappeModel

/// The section lists' own state: per section, the filter text and the sort column and direction.
public struct ListSettings: Sendable {
    /// Each section's filter, as typed.
    public var filters: [Section: String] = [:]
    /// Each section's sort: the column and the direction.
    public var sorting: [Section: (column: Int, ascending: Bool)] = [:]
}
