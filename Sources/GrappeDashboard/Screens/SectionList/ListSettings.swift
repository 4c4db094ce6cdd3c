import GrappeModel

/// The section lists' own state: per section, the filter text and the sort column and direction.
public struct ListSettings: Sendable {
    public var filters: [Section: String] = [:]
    public var sorting: [Section: (column: Int, ascending: Bool)] = [:]
}
