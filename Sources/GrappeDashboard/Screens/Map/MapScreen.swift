import GrappeAnalysis
import GrappeModel

/// A partner's neighbourhood as a picture: marks by hops, links between them. Its layout is computed
/// off the loop (`needs`); until it comes, the selection waits for it.
struct MapScreen: ScreenType {
    let centre: ID
    let hops: Int

    var context: Context { .map }

    func title(in state: DashboardState) -> String { "\(state.strings[.map].capitalizedFirst) · \(state.catalogue.name(centre))" }

    func update(_ command: Command, state: inout DashboardState) -> [Effect] {
        state.updateMap(command)
        return []
    }

    func render(into canvas: inout Canvas, area: Rect, state: DashboardState) { Views.map(&canvas, state, in: area) }
    func selection(in state: DashboardState) -> Lookup.Item? { state.currentMap?.nodes[safe: state.place.selection].map { .entity($0.id) } }
    func selectableCount(in state: DashboardState) -> Int { state.currentMap?.nodes.count ?? 0 }
    /// The map keeps its layout until a new one comes, which places the selection itself.
    func select(_ item: Lookup.Item, state: inout DashboardState) -> Bool { true }
    func click(x: Int, y: Int, state: inout DashboardState) { state.clickMap(x: x, y: y) }
    func wheel(by lines: Int, state: inout DashboardState) {}
    func extent(in state: DashboardState) -> (scroll: Int, total: Int)? { nil }
    func needs(state: inout DashboardState) -> Effect? { state.mapEffect() }
    func keepsSelection(in state: DashboardState) -> Bool { state.currentMap == nil }
}
