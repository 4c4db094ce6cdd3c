/// Dated records on a time axis: a page of lines, with the kind shown and the partner as filters.
struct TimelineScreen: PagedScreen {
    let filter: TimelineFilter

    var screen: Screen { .timeline(filter) }
    var context: Context { .timeline }

    func title(in state: DashboardState) -> String {
        state.strings[.timeline].capitalizedFirst + (filter.partner.map { " · \(state.catalogue.name($0))" } ?? "")
    }

    func lines(in state: DashboardState) -> [PageLine] { Pages.timeline(filter, state: state) }

    /// The axis spans the width: kept per width.
    func keptWidth(in state: DashboardState) -> Int? { state.width }

    func update(_ command: Command, state: inout DashboardState) -> [Effect] {
        state.updateTimeline(command)
        return []
    }
}
