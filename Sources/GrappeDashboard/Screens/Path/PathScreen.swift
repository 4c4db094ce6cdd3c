import GrappeModel

/// The shortest paths between two partners, each step a link.
struct PathScreen: PagedScreen {
    let from: ID
    let to: ID

    var screen: Screen { .path(from: from, to: to) }

    func title(in state: DashboardState) -> String { "\(state.catalogue.name(from)) → \(state.catalogue.name(to))" }

    func lines(in state: DashboardState) -> [PageLine] { Pages.path(from: from, to: to, state: state) }
}
