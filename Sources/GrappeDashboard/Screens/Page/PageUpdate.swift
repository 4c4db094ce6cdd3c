import GrappeAnalysis

/// The update shared by the screens that are pages of lines with links: cards, paths, the
/// diagnostics (and neighbourhoods, which add hops).
extension DashboardState {
    mutating func updatePage(_ command: Command) {
        if let distance = distance(command) { move(by: distance); return }
        switch command {
        case .open: open()
        case .back: goBack()
        case .neighbourhood:
            if let id = selectedEntity { navigate(to: .neighbourhood(id, hops: 1)) }
        default: break
        }
    }

    /// The page's selected link.
    var pageSelection: Lookup.Item? {
        Pages.lines(for: place.screen, state: self).compactMap(\.link)[safe: place.selection]
    }

    /// How many links the page has.
    var pageSelectableCount: Int {
        Pages.lines(for: place.screen, state: self).count { $0.link != nil }
    }

    /// A click on a link selects it; a click on the selected link follows it.
    mutating func clickPage(y: Int) {
        let lines = Pages.lines(for: place.screen, state: self)
        let lineIndex = Views.pageScroll(self, lines: lines) + (y - layout.bodyTop)
        guard let line = lines[safe: lineIndex], line.link != nil else { return }
        let linkIndex = lines[..<lineIndex].count { $0.link != nil }
        if linkIndex == place.selection { open() } else { place.selection = linkIndex }
    }
}
