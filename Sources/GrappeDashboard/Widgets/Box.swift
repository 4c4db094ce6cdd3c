/// A framed box with a title on its top border, its inside cleared: the help overlay.
public struct Box {
    /// The title written on the top border.
    public var title: String

    /// A box titled `title`.
    public init(title: String) { self.title = title }

    /// Clears `area`, frames it and writes the title (nothing in an area under 2×2).
    public func render(into canvas: inout Canvas, area: Rect) {
        guard area.width >= 2, area.height >= 2 else { return }
        for row in area.y..<area.maxY { canvas.fill(x: area.x, y: row, width: area.width, style: CellStyle(.plain, reverse: false)) }
        canvas.put("┌" + String(repeating: "─", count: area.width - 2) + "┐", x: area.x, y: area.y, style: .accent)
        canvas.put("└" + String(repeating: "─", count: area.width - 2) + "┘", x: area.x, y: area.maxY - 1, style: .accent)
        for row in (area.y + 1)..<(area.maxY - 1) {
            canvas.put("│", x: area.x, y: row, style: .accent)
            canvas.put("│", x: area.maxX - 1, y: row, style: .accent)
        }
        canvas.put(title, x: area.x + 2, y: area.y, style: .header)
    }
}
