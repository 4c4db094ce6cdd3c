import GrappeAnalysis

/// The update shared by the screens that are pages of lines with links: cards, paths, the
/// diagnostics (and neighbourhoods, which add hops).
extension DashboardState {
    mutating func updatePage(_ command: Command) {
        if [.up, .down, .pageUp, .pageDown, .top, .bottom].contains(command) {
            scrollPage(command)
            return
        }
        switch command {
        case .open: open()
        case .back: goBack()
        case .neighbourhood:
            if let id = selectedEntity { navigate(to: .neighbourhood(id, hops: 1)) }
        default: break
        }
    }

    /// Moving on a page: ↑/↓ go to the next link in view, and otherwise scroll a line, so that text
    /// after the last link (a mission's history) is reachable; pages scroll by a screen and select the
    /// first link in view; Home/End go to the first and last.
    mutating func scrollPage(_ command: Command) {
        let lines = Pages.lines(for: place.screen, state: self)
        let height = layout.bodyHeight
        let linkLines = lines.indices.filter { lines[$0].link != nil }
        let end = max(0, lines.count - height)
        let view = PageView(lines: lines, selection: place.selection, free: place.scroll).scroll(height: height)
        let visible = view..<(view + height)
        let current = linkLines[safe: place.selection] ?? -1
        switch command {
        case .down:
            if let next = linkLines.indices.first(where: { linkLines[$0] > current && visible.contains(linkLines[$0]) }) {
                place.selection = next
            } else {
                place.scroll = min(end, view + 1)
            }
        case .up:
            if let previous = linkLines.indices.last(where: { linkLines[$0] < current && visible.contains(linkLines[$0]) }) {
                place.selection = previous
            } else {
                place.scroll = max(0, view - 1)
            }
        case .pageDown, .pageUp:
            let step = max(1, height - 2)
            place.scroll = command == .pageDown ? min(end, view + step) : max(0, view - step)
            if let first = linkLines.firstIndex(where: { $0 >= place.scroll && $0 < place.scroll + height }) { place.selection = first }
        case .top:
            place.selection = 0
            place.scroll = 0
        case .bottom:
            place.selection = max(0, linkLines.count - 1)
            place.scroll = end
        default: break
        }
    }

    /// The wheel scrolls the page in front without moving the selection.
    mutating func wheelPage(by lines: Int) {
        let count = Pages.lines(for: place.screen, state: self).count
        place.scroll = max(0, min(max(0, count - layout.bodyHeight), place.scroll + lines))
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
        let view = PageView(lines: Pages.lines(for: place.screen, state: self), selection: place.selection, free: place.scroll)
        guard let linkIndex = view.link(atRow: y, in: layout.body) else { return }
        if linkIndex == place.selection { open() } else { place.selection = linkIndex }
    }
}
