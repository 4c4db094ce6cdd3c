/// The neighbourhood's own update: a page of links, plus hops.
extension DashboardState {
    mutating func updateNeighbourhood(_ command: Command) {
        switch command {
        case .moreHops: changeHops(by: 1)
        case .fewerHops: changeHops(by: -1)
        default: updatePage(command)
        }
    }

    /// `+` and `-`: one hop more or fewer, from 1 to 4.
    mutating func changeHops(by delta: Int) {
        guard case .neighbourhood(let id, let hops) = place.screen else { return }
        place.screen = .neighbourhood(id, hops: min(4, max(1, hops + delta)))
        place.selection = 0
    }
}
