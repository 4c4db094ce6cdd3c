/// The section list's own commands.
extension DashboardState {
    /// `s` sorts by the next column (ascending), `S` reverses the current order; the selection goes to the top.
    mutating func sortList(_ section: Section, reverse: Bool) {
        var sort = lists.sorting[section] ?? (0, true)
        if reverse { sort.ascending.toggle() } else { sort = ((sort.column + 1) % Catalogue.columns(section).count, true) }
        lists.sorting[section] = sort
        place.selection = 0
    }
}
