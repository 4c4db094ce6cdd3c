import GrappeAnalysis

/// The section list's own update: moving, opening, the card beside it, filtering and sorting.
extension DashboardState {
    mutating func updateList(_ command: Command, _ section: Section) {
        if let distance = distance(command) { move(by: distance); return }
        switch command {
        case .open: open()
        case .back:
            if !(lists.filters[section] ?? "").isEmpty {
                lists.filters[section] = nil
                place.selection = 0
            } else {
                goBack()
            }
        case .nextPane, .previousPane: switchPane(section)
        case .neighbourhood:
            if let id = selectedEntity { navigate(to: .neighbourhood(id, hops: 1)) }
        case .filter: prompt = Prompt(purpose: .filter, text: lists.filters[section] ?? "", selected: true)
        case .sort, .sortReverse: sortList(section, reverse: command == .sortReverse)
        default: break
        }
    }

    /// `s` sorts by the next column (ascending, but a count column starts with the largest), `S`
    /// reverses the current order; the selection goes to the top.
    mutating func sortList(_ section: Section, reverse: Bool) {
        var sort = lists.sorting[section] ?? (0, true)
        if reverse {
            sort.ascending.toggle()
        } else {
            let columns = Catalogue.columns(section)
            let next = (sort.column + 1) % columns.count
            sort = (next, !columns[next].numeric)
        }
        lists.sorting[section] = sort
        place.selection = 0
    }

    /// Tab: between the list and the card beside it, when the card has links to follow.
    mutating func switchPane(_ section: Section) {
        guard layout.showsDetail else { return }
        if place.focusDetail {
            place.focusDetail = false
        } else if let row = visibleRows(section)[safe: place.selection],
            Pages.lines(for: .card(row.item), state: self).contains(where: { $0.link != nil })
        {
            place.focusDetail = true
            place.detailSelection = 0
        }
    }

    /// The selected row's item, or the selected link of its card when the focus is beside the list.
    func listSelection(_ section: Section) -> Lookup.Item? {
        let row = visibleRows(section)[safe: place.selection]
        guard place.focusDetail, layout.showsDetail else { return row?.item }
        return row.flatMap { Pages.lines(for: .card($0.item), state: self).compactMap(\.link)[safe: place.detailSelection] }
    }

    /// The rows shown, or the links of the card beside the list when it has the focus.
    func listSelectableCount(_ section: Section) -> Int {
        if place.focusDetail, layout.showsDetail, let row = visibleRows(section)[safe: place.selection] {
            return Pages.lines(for: .card(row.item), state: self).count { $0.link != nil }
        }
        return visibleRows(section).count
    }

    /// A click on a row selects it; a click on the selected row opens it; a click on a column's title
    /// sorts by that column, and a second click reverses the order.
    mutating func clickList(_ section: Section, x: Int, y: Int) {
        if let detail = Layout.listPanes(layout.body, section: section).detail, x >= detail.x - 2 { return }
        let table = listTable(section, in: layout.body)
        if y == layout.bodyTop {
            guard let index = table.column(atColumn: x) else { return }
            let current = lists.sorting[section] ?? (0, true)
            lists.sorting[section] = current.column == index ? (index, !current.ascending) : (index, !table.columns[index].numeric)
            place.selection = 0
            return
        }
        guard let index = table.row(atRow: y), index < visibleRows(section).count else { return }
        if index == place.selection, !place.focusDetail {
            open()
        } else {
            place.selection = index
            place.focusDetail = false
            place.detailSelection = 0
        }
    }

    /// The list's table in `area` (the body, or the rectangle the list is drawn in): its columns in
    /// the list's pane, the selection in view.
    func listTable(_ section: Section, in area: Rect) -> Table {
        Table(columns: Catalogue.columns(section), area: Layout.listPanes(area, section: section).list, selection: place.selection)
    }
}
