/// Home's own update: its panels scroll line by line and page by page.
extension DashboardState {
    mutating func updateHome(_ command: Command) {
        let area = layout.body
        let limit = max(0, Views.homeHeight(self, in: area) - area.height)
        switch command {
        case .back: goBack()
        case .up, .down, .pageUp, .pageDown, .top, .bottom:
            let step = distance(command) ?? 0
            place.scroll = max(0, min(limit, place.scroll.addingReportingOverflow(step).partialValue))
        default: break
        }
    }
}
