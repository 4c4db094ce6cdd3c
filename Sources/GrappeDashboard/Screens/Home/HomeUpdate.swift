/// Home's own update: its panels scroll line by line and page by page.
extension DashboardState {
    mutating func updateHome(_ command: Command) {
        switch command {
        case .back: goBack()
        case .up, .down, .pageUp, .pageDown, .top, .bottom: scrollHome(by: distance(command) ?? 0)
        default: break
        }
    }

    /// Scrolls Home's panels by `lines` (keys and the wheel), within what there is to see.
    mutating func scrollHome(by lines: Int) {
        let limit = max(0, HomePanels.height(self, in: layout.body) - layout.bodyHeight)
        place.scroll = max(0, min(limit, place.scroll.addingReportingOverflow(lines).partialValue))
    }
}
