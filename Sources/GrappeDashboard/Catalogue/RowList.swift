import GrappeModel

/// A section's rows after filter and sort: positions into the section's rows, so that filtering
/// 100,000 rows moves 4-byte numbers rather than references.
public struct RowList: RandomAccessCollection, Sendable {
    let all: [Catalogue.Row]
    /// Positions in `all`, in the order shown; nil for all of them in their order.
    let order: [Int32]?
    /// The list is still being built (it has no rows yet).
    public var building = false

    /// The first position.
    public var startIndex: Int { 0 }
    /// Past the last position: how many rows are shown.
    public var endIndex: Int { order?.count ?? all.count }
    /// The row shown at `position`.
    public subscript(position: Int) -> Catalogue.Row { all[order.map { Int($0[position]) } ?? position] }

    /// The row shown at `position`, or nil past the end.
    public subscript(safe position: Int) -> Catalogue.Row? { indices.contains(position) ? self[position] : nil }
}
