import GrappeAnalysis
import GrappeModel

/// A section's list: columns, filter matches highlighted, the selection in view, a card beside it when wide.
extension Views {
    /// The first row shown, so that the selection stays in view.
    public static func listScroll(_ state: DashboardState) -> Int {
        let visible = max(1, state.layout.bodyHeight - 1)
        return max(0, state.place.selection - visible + 1)
    }

    /// A section's list in `area`, with the selected row's card beside it on wide terminals.
    static func list(_ canvas: inout Canvas, _ state: DashboardState, _ section: Section, in area: Rect) {
        let layout = state.layout
        let rows = state.visibleRows(section)
        let columns = Catalogue.columns(section)
        let width = layout.listWidth
        let widths = columnWidths(columns, total: width - 1)
        let sort = state.lists.sorting[section]
        var x = 1
        for (index, column) in columns.enumerated() {
            var title = state.strings[column.title]
            // The arrow stays when the column is narrow: the title gives way, not the arrow.
            if let sort, sort.column == index {
                title = Canvas.fitted(title, to: max(0, widths[index] - 2)) + (sort.ascending ? " ▲" : " ▼")
            }
            canvas.put(title, x: x, y: area.y, width: widths[index], style: CellStyle(.header, bold: true, underline: true))
            x += widths[index] + 1
        }
        if rows.isEmpty {
            canvas.put(state.strings[.noMatch], x: 2, y: area.y + 2, style: .muted)
        }
        let scroll = listScroll(state)
        for (offset, entry) in rows.dropFirst(scroll).prefix(area.height - 1).enumerated() {
            let y = area.y + 1 + offset
            let selected = scroll + offset == state.place.selection
            let base: CellStyle = selected ? (state.place.focusDetail ? CellStyle(.selected, underline: true) : .selected) : .plain
            canvas.fill(x: 0, y: y, width: width, style: base)
            var x = 1
            for (index, column) in columns.enumerated() {
                let text = display(entry.cells[index], column: column, state: state)
                let cellWidth = widths[index]
                if column.numeric {
                    let shown = Canvas.fitted(text, to: cellWidth)
                    canvas.put(shown, x: x + cellWidth - TextWidth.of(shown), y: y, style: base)
                } else {
                    canvas.put(text, x: x, y: y, width: cellWidth, style: base)
                    if index == 0, let filter = state.lists.filters[section], let matches = Fuzzy.match(TextFolding.fold(filter), in: entry.folded) {
                        highlight(&canvas, entry, matches: matches, x: x, y: y, width: cellWidth, base: base)
                    }
                }
                x += cellWidth + 1
            }
        }
        if layout.showsDetail {
            for y in area.y..<area.maxY { canvas.put("│", x: layout.listWidth, y: y, style: .muted) }
            if let entry = rows[safe: state.place.selection] {
                let lines = Pages.lines(for: .card(entry.item), state: state)
                page(&canvas, state, lines: lines, in: Rect(x: layout.detailX + 1, y: area.y, width: area.width - layout.detailX - 1, height: area.height),
                     selection: state.place.detailSelection, focused: state.place.focusDetail)
            }
        }
    }

    /// Vocabulary words in cells are shown in the interface's language.
    static func display(_ raw: String, column: Catalogue.Column, state: DashboardState) -> String {
        let s = state.strings
        switch column.title {
        case .type: return OrganisationType(rawValue: raw).map(s.organisationType) ?? raw
        case .kind: return EntityKind(rawValue: raw).map(s.kind) ?? raw
        case .status: return s.status(raw)
        case .date, .dates: return s.date(text: raw)
        case .budget: return (try? Money.parse(raw).get()).map { s.shortMoney($0) } ?? raw
        default: return raw
        }
    }

    /// Underlines the filter's matched letters in the name cell (positions are in the folded name,
    /// which has one character per character of the name for the letters that matter).
    static func highlight(_ canvas: inout Canvas, _ row: Catalogue.Row, matches: [Int], x: Int, y: Int, width: Int, base: CellStyle) {
        let name = Sanitizer.visible(row.cells[0])
        var column = x
        let wanted = Set(matches)
        for (offset, character) in name.enumerated() {
            let size = TextWidth.of(character)
            guard column + size <= x + width else { break }
            if wanted.contains(offset) { canvas.restyle(x: column, y: y, width: size) { $0 = CellStyle(.match, bold: true, reverse: base.reverse, underline: true) } }
            column += size
        }
    }

    static func columnWidths(_ columns: [Catalogue.Column], total: Int) -> [Int] {
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
}
