/// A page of lines with links (a card, a path, a neighbourhood…) drawn into the rectangle it is
/// given: scrolled so that the selected link is in view, or where the reader scrolled; the selected
/// link highlighted when the page has the focus. It answers which line is at a row, so that a click
/// is handled without drawing.
///
/// ```swift
/// let view = PageView(lines: lines, selection: 2, focused: true, free: place.scroll)
/// view.render(into: &canvas, area: layout.body)
/// view.line(atRow: clickY, in: layout.body)     // the line clicked, or nil
/// ```
public struct PageView {
    /// The page's lines.
    public var lines: [PageLine]
    /// The selected link, counted among the lines that have one.
    public var selection: Int
    /// Whether the page has the keys (its selected link is drawn reversed).
    public var focused: Bool
    /// Where the reader scrolled (the page in front); nil: just far enough that the selected link is
    /// in view (a card beside a list).
    public var free: Int?

    /// A page of `lines` with the `selection`-th link selected.
    public init(lines: [PageLine], selection: Int, focused: Bool = true, free: Int? = nil) {
        self.lines = lines
        self.selection = selection
        self.focused = focused
        self.free = free
    }

    /// The first line shown in a rectangle `height` rows tall: where the reader scrolled but never
    /// past the end; without `free`, far enough that the selected link is in view.
    public func scroll(height: Int) -> Int {
        guard let free else {
            var seen = 0
            var target = 0
            for (index, line) in lines.enumerated() where line.link != nil {
                if seen == selection { target = index; break }
                seen += 1
            }
            return max(0, target - max(0, height - 2))
        }
        return max(0, min(free, lines.count - height))
    }

    /// Draws the lines shown in `area`, each cut to its width.
    public func render(into canvas: inout Canvas, area: Rect) {
        let scroll = scroll(height: area.height)
        var linkIndex = lines.prefix(scroll).count { $0.link != nil }
        for (offset, line) in lines.dropFirst(scroll).prefix(area.height).enumerated() {
            let y = area.y + offset
            let selected = line.link != nil && linkIndex == selection && focused
            if line.link != nil { linkIndex += 1 }
            var column = area.x
            if selected { canvas.fill(x: area.x, y: y, width: area.width, style: .selected) }
            for (text, style) in line.pieces {
                guard column < area.maxX else { break }
                let shown = Canvas.fitted(text, to: area.maxX - column)
                column += canvas.put(shown, x: column, y: y, style: selected ? .selected : style)
            }
        }
    }

    /// The index of the line drawn at row `y` of `area`; nil outside it or below the last line.
    public func line(atRow y: Int, in area: Rect) -> Int? {
        guard (area.y..<area.maxY).contains(y) else { return nil }
        let index = scroll(height: area.height) + (y - area.y)
        return lines.indices.contains(index) ? index : nil
    }

    /// The link drawn at row `y` of `area`, counted among the lines that have one; nil for a line
    /// without a link.
    public func link(atRow y: Int, in area: Rect) -> Int? {
        guard let index = line(atRow: y, in: area), lines[index].link != nil else { return nil }
        return lines[..<index].count { $0.link != nil }
    }
}
