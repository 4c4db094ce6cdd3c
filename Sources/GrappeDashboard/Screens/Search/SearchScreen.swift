/// Everything that matches a text, grouped by kind, each hit a link.
struct SearchScreen: PagedScreen {
    let text: String

    var screen: Screen { .search(text) }

    func title(in state: DashboardState) -> String { "\(state.strings[.searchTitle]) \(state.strings.quoted(text))" }

    func lines(in state: DashboardState) -> [PageLine] { Pages.search(text, state: state) }
}
