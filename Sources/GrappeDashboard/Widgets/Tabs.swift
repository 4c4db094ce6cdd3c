import GrappeModel

/// A row of tabs, one per label, the current one reversed. When they do not all fit, the widest
/// tabs give up columns first. It answers which tab is at a column, for clicks.
public struct Tabs {
    /// Each tab's label.
    public var labels: [String]
    /// The current tab; nil for none.
    public var current: Int?

    /// Tabs of `labels`, `current` reversed.
    public init(labels: [String], current: Int?) {
        self.labels = labels
        self.current = current
    }

    /// Where each tab is on a row `width` columns wide.
    public func ranges(width: Int) -> [Range<Int>] {
        var widths = labels.map { TextWidth.of($0) + 2 }
        while widths.reduce(0, +) > width, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 5 {
            widths[widest] -= 1
        }
        var x = 0
        return widths.map { tab in
            defer { x += tab }
            return x..<(x + tab)
        }
    }

    /// Draws the tabs on the first row of `area`.
    public func render(into canvas: inout Canvas, area: Rect) {
        for (index, range) in ranges(width: area.width).enumerated() {
            let style = index == current ? CellStyle(.selected, bold: true, reverse: true) : CellStyle(.accent)
            canvas.put(" " + labels[index], x: area.x + range.lowerBound, y: area.y, width: range.count - 1, style: style)
        }
    }

    /// The tab at column `x` of a row `width` columns wide, or nil.
    public func tab(atColumn x: Int, width: Int) -> Int? {
        ranges(width: width).firstIndex { $0.contains(x) }
    }
}
