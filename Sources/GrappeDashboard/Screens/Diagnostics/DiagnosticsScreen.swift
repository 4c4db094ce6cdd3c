/// What a failed reload found wrong in the seeds, each at its place; built each time (it shows the
/// last load's diagnostics, which change without a new catalogue).
struct DiagnosticsScreen: PagedScreen {
    var screen: Screen { .diagnostics }

    func title(in state: DashboardState) -> String { state.strings[.diagnostics] }

    func lines(in state: DashboardState) -> [PageLine] { Pages.diagnostics(state: state) }

    func keptWidth(in state: DashboardState) -> Int? { nil }
}
