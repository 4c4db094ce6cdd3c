/// The neighbourhood's own commands.
extension DashboardState {
    /// `+` and `-`: one hop more or fewer, from 1 to 4.
    mutating func changeHops(by delta: Int) {
        guard case .neighbourhood(let id, let hops) = place.screen else { return }
        place.screen = .neighbourhood(id, hops: min(4, max(1, hops + delta)))
        place.selection = 0
    }
}
