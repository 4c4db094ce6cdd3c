import GrappeAnalysis

/// Home: the network at a glance, in panels that scroll; nothing on it is selected.
struct HomeScreen: ScreenType {
    var context: Context { .home }

    func title(in state: DashboardState) -> String { state.strings[Section.home.title] }

    func update(_ command: Command, state: inout DashboardState) -> [Effect] {
        state.updateHome(command)
        return []
    }

    func render(into canvas: inout Canvas, area: Rect, state: DashboardState) { Views.home(&canvas, state, in: area) }
    func selection(in state: DashboardState) -> Lookup.Item? { nil }
    func selectableCount(in state: DashboardState) -> Int { 0 }
    func select(_ item: Lookup.Item, state: inout DashboardState) -> Bool { true }
    func click(x: Int, y: Int, state: inout DashboardState) {}
    func wheel(by lines: Int, state: inout DashboardState) { state.scrollHome(by: lines) }

    func extent(in state: DashboardState) -> (scroll: Int, total: Int)? {
        let content = HomePanels.height(state, in: state.layout.body)
        return (min(state.place.scroll, max(0, content - state.layout.bodyHeight)), content)
    }
}
