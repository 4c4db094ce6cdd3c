import GrappeModel

/// A partner's neighbourhood: a page of links in rings by hops, with `+` and `-` for more or fewer.
struct NeighbourhoodScreen: PagedScreen {
    let centre: ID
    let hops: Int

    var screen: Screen { .neighbourhood(centre, hops: hops) }

    func title(in state: DashboardState) -> String {
        "\(state.strings[.neighbourhood].capitalizedFirst) · \(state.catalogue.name(centre))"
    }

    func lines(in state: DashboardState) -> [PageLine] { Pages.neighbourhood(of: centre, hops: hops, state: state) }

    func update(_ command: Command, state: inout DashboardState) -> [Effect] {
        state.updateNeighbourhood(command)
        return []
    }
}
