import GrappeAnalysis

/// A section's list (partners, agreements, missions…): rows in a `Table`, filtered and sorted, the
/// selected row's card beside it on wide terminals.
struct SectionListScreen: ScreenType {
    let section: Section

    var context: Context { .list }

    func title(in state: DashboardState) -> String { state.strings[section.title] }

    func update(_ command: Command, state: inout DashboardState) -> [Effect] {
        state.updateList(command, section)
        return []
    }

    func render(into canvas: inout Canvas, area: Rect, state: DashboardState) { Views.list(&canvas, state, section, in: area) }
    func selection(in state: DashboardState) -> Lookup.Item? { state.listSelection(section) }
    func selectableCount(in state: DashboardState) -> Int { state.listSelectableCount(section) }

    func select(_ item: Lookup.Item, state: inout DashboardState) -> Bool {
        guard let index = state.visibleRows(section).firstIndex(where: { $0.item == item }) else { return false }
        state.place.selection = index
        return true
    }

    func click(x: Int, y: Int, state: inout DashboardState) { state.clickList(section, x: x, y: y) }
    func wheel(by lines: Int, state: inout DashboardState) { state.move(by: lines) }
    func extent(in state: DashboardState) -> (scroll: Int, total: Int)? { nil }
}
