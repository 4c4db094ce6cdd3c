/// Home's own update: it has no selection yet, so only going back means something.
extension DashboardState {
    mutating func updateHome(_ command: Command) {
        switch command {
        case .back: goBack()
        default: break
        }
    }
}
