import GrappeAnalysis

/// What every screen of the dashboard answers. The screen in front is a `Screen` value (what the
/// history keeps); `Screen.type` (ScreenRouting.swift, the one switch over screens) gives the type
/// that handles it, and the app's update, the frame and the views forward to it.
///
/// A screen's own state lives in the dashboard's state (`place` for the selection and scroll, and a
/// field of its own when it has more: `lists`, `map`), so the methods are given the whole state.
protocol ScreenType {
    /// The key map that applies while the screen is in front (it also draws the status bar and help).
    var context: Context { get }
    /// The screen's name in the breadcrumbs.
    func title(in state: DashboardState) -> String
    /// Carries out one of the screen's own commands (moving, opening, its own keys).
    func update(_ command: Command, state: inout DashboardState) -> [Effect]
    /// Draws the screen into `area` (the body, between the frame's rows).
    func render(into canvas: inout Canvas, area: Rect, state: DashboardState)
    /// The item under the cursor: a row, a link, a mark.
    func selection(in state: DashboardState) -> Lookup.Item?
    /// How many lines (or marks) can be selected.
    func selectableCount(in state: DashboardState) -> Int
    /// Puts the selection back on `item` after the rows changed; false when it is no longer there.
    func select(_ item: Lookup.Item, state: inout DashboardState) -> Bool
    /// A click at `x`, `y` inside the body.
    func click(x: Int, y: Int, state: inout DashboardState)
    /// The mouse wheel turned by `lines` (negative: up).
    func wheel(by lines: Int, state: inout DashboardState)
    /// Where the reader is in the screen's content and how long it is, for the ▲▼ mark beside the
    /// breadcrumbs; nil for screens that show their position otherwise (lists) or have none (the map).
    func extent(in state: DashboardState) -> (scroll: Int, total: Int)?
    /// What the screen needs computed off the loop before it can be drawn (a map's layout); nil
    /// when it has it, or has asked already.
    func needs(state: inout DashboardState) -> Effect?
    /// Whether the selection must be left as it is until that computation comes back (the new
    /// layout puts it back on its mark).
    func keepsSelection(in state: DashboardState) -> Bool
}

extension ScreenType {
    func needs(state: inout DashboardState) -> Effect? { nil }
    func keepsSelection(in state: DashboardState) -> Bool { false }
}

/// The screens that are a page of lines with links (cards, paths, the diagnostics, search results,
/// neighbourhoods, the timeline): they share selection, scrolling, clicks and drawing, through
/// `PageView`, on the lines `Pages.lines` builds for them.
protocol PagedScreen: ScreenType {
    /// The `Screen` value whose lines the page shows.
    var screen: Screen { get }
}

extension PagedScreen {
    var context: Context { .card }

    func update(_ command: Command, state: inout DashboardState) -> [Effect] {
        state.updatePage(command)
        return []
    }

    func pageView(_ state: DashboardState) -> PageView {
        PageView(lines: Pages.lines(for: screen, state: state), selection: state.place.selection, free: state.place.scroll)
    }

    func render(into canvas: inout Canvas, area: Rect, state: DashboardState) {
        pageView(state).render(into: &canvas, area: area)
    }

    func selection(in state: DashboardState) -> Lookup.Item? { state.pageSelection }
    func selectableCount(in state: DashboardState) -> Int { state.pageSelectableCount }

    func select(_ item: Lookup.Item, state: inout DashboardState) -> Bool {
        guard let index = Pages.lines(for: screen, state: state).compactMap(\.link).firstIndex(of: item) else { return false }
        state.place.selection = index
        return true
    }

    func click(x: Int, y: Int, state: inout DashboardState) { state.clickPage(y: y) }
    func wheel(by lines: Int, state: inout DashboardState) { state.wheelPage(by: lines) }

    func extent(in state: DashboardState) -> (scroll: Int, total: Int)? {
        let view = pageView(state)
        return (view.scroll(height: state.layout.bodyHeight), view.lines.count)
    }
}
