import Foundation
import GrappeAnalysis
import GrappeModel
import GrappeWorkspace

/// Home: the network at a glance (counts, most connected partners, brokers, missions, agreements, funding).
extension Views {
    /// Home's panels in `area`, in two columns when it is wide enough, scrolled by `place.scroll`
    /// lines (the breadcrumbs' line says when more is above or below).
    static func home(_ canvas: inout Canvas, _ state: DashboardState, in area: Rect) {
        let (placed, height) = HomePanels.layout(state, in: area)
        let scroll = min(state.place.scroll, max(0, height - area.height))
        let columnWidth = area.width >= 100 ? area.width / 2 - 2 : area.width - 2
        for (x, y, line) in placed where (area.y..<area.maxY).contains(y - scroll) {
            var cursor = x
            for (text, style) in line.pieces {
                cursor += canvas.put(Canvas.fitted(text, to: max(0, x + columnWidth - cursor)), x: cursor, y: y - scroll, style: style)
            }
        }
    }
}
