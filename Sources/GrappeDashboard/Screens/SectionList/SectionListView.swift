import GrappeAnalysis
import GrappeModel

/// A section's list: columns, filter matches highlighted, the selection in view, a card beside it when wide.
extension Views {
    /// A section's list in `area`, with the selected row's card beside it on wide terminals.
    static func list(_ canvas: inout Canvas, _ state: DashboardState, _ section: Section, in area: Rect) {
        let panes = Layout.listPanes(area, section: section)
        let rows = state.visibleRows(section)
        let table = state.listTable(section, in: area)
        let columns = table.columns
        let widths = table.widths
        let sort = state.lists.sorting[section]
        var x = area.x + 1
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
            canvas.put(state.strings[rows.building ? .buildingList : .noMatch], x: area.x + 2, y: area.y + 2, style: .muted)
        }
        let scroll = table.scroll
        for (offset, entry) in rows.dropFirst(scroll).prefix(area.height - 1).enumerated() {
            let y = area.y + 1 + offset
            let selected = scroll + offset == state.place.selection
            let base: CellStyle = selected ? (state.place.focusDetail ? CellStyle(.selected, underline: true) : .selected) : .plain
            canvas.fill(x: area.x, y: y, width: panes.list.width, style: base)
            var x = area.x + 1
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
        if let detail = panes.detail {
            for y in area.y..<area.maxY { canvas.put("│", x: panes.list.maxX, y: y, style: .muted) }
            if let entry = rows[safe: state.place.selection] {
                PageView(
                    lines: Pages.lines(for: .card(entry.item), state: state), selection: state.place.detailSelection,
                    focused: state.place.focusDetail
                )
                .render(into: &canvas, area: detail)
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
            if wanted.contains(offset) {
                canvas.restyle(x: column, y: y, width: size) { $0 = CellStyle(.match, bold: true, reverse: base.reverse, underline: true) }
            }
            column += size
        }
    }
}
