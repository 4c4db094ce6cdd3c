/// The geometry of a table of rows under a header line, in the rectangle it is given: the columns'
/// widths (fixed columns first, the rest shared by weight, the last columns narrowed when it is too
/// tight), the first row shown so that the selection stays in view, and what is at a column or a row.
/// The section lists draw their cells with it (`SectionListView`) and answer clicks with it.
public struct Table {
    /// The columns, in order.
    public var columns: [Catalogue.Column]
    /// Where the table goes: its header on the first row, its rows below.
    public var area: Rect
    /// The selected row.
    public var selection: Int

    /// A table of `columns` in `area` with the `selection`-th row selected.
    public init(columns: [Catalogue.Column], area: Rect, selection: Int) {
        self.columns = columns
        self.area = area
        self.selection = selection
    }

    /// Each column's width; one column of margin on the left and one between columns.
    public var widths: [Int] {
        let total = area.width - 1
        let fixed = columns.filter { $0.weight == 0 }.reduce(0) { $0 + $1.minimum }
        let gaps = columns.count - 1
        let weights = columns.reduce(0) { $0 + $1.weight }
        let flexible = max(0, total - fixed - gaps)
        var widths = columns.map { $0.weight == 0 ? $0.minimum : max(4, flexible * $0.weight / max(1, weights)) }
        var overflow = widths.reduce(0, +) + gaps - total
        for index in widths.indices.reversed() where overflow > 0 {
            let cut = min(overflow, max(0, widths[index] - 3))
            widths[index] -= cut
            overflow -= cut
        }
        return widths
    }

    /// The first row shown, so that the selection stays in view.
    public var scroll: Int {
        let visible = max(1, area.height - 1)
        return max(0, selection - visible + 1)
    }

    /// The column whose header or cells are at `x`, or nil (a margin, a gap, past the last).
    public func column(atColumn x: Int) -> Int? {
        var left = area.x + 1
        for (index, width) in widths.enumerated() {
            if x >= left, x < left + width { return index }
            left += width + 1
        }
        return nil
    }

    /// The row drawn at `y` (counted from the first row, not the first shown); nil on the header or
    /// outside the table.
    public func row(atRow y: Int) -> Int? {
        guard y > area.y, y < area.maxY else { return nil }
        return scroll + (y - area.y - 1)
    }
}
