import GrappeModel

/// The map's own state: the last layout the runtime computed, the one asked for, and whether
/// relation types are written on the links. Which mark is selected is the place's `selection`.
public struct MapState: Sendable {
    /// The last layout computed.
    public var layout: NetworkMap?
    /// The layout asked for and not come back yet.
    public var pending: MapRequest?
    /// Whether relation types are written on the centre's links (`t`).
    public var showsTypes = false

    /// No map laid out yet.
    public init() {}
}

/// The map's update: arrows go to the nearest mark that way, Enter opens its card, + and − change the
/// hops, `t` writes relation types on the links, `M` centres the map on the selected mark.
extension DashboardState {
    /// The most hops a map draws.
    static let mapMaximumHops = 3

    /// Where the map itself is drawn: the body less a line above (legend) and two below (what is not
    /// drawn, the selected mark).
    var mapArea: Rect { Self.mapArea(in: layout.body) }

    /// Where a map drawn in `area` puts its marks: all but a line above and two below.
    static func mapArea(in area: Rect) -> Rect {
        Rect(x: area.x, y: area.y + 1, width: area.width, height: max(1, area.height - 3))
    }

    /// The layout the screen in front needs, when it is a map.
    var mapRequest: MapRequest? { mapRequest(for: mapArea) }

    /// The layout a map of the screen in front needs to fill `plot`.
    func mapRequest(for plot: Rect) -> MapRequest? {
        guard case .map(let id, let hops) = place.screen else { return nil }
        return MapRequest(catalogue: catalogue, centre: id, hops: hops, width: plot.width, height: plot.height)
    }

    /// The map's layout when it is the one the screen needs (nil while it is being computed).
    var currentMap: NetworkMap? { mapLayout(for: mapArea) }

    /// The map's layout when it was made for `plot`'s size; nil otherwise.
    func mapLayout(for plot: Rect) -> NetworkMap? {
        guard let layout = map.layout, let wanted = mapRequest(for: plot), layout.request == wanted else { return nil }
        return layout
    }

    /// Asks for the layout the screen needs, once, when it is not there yet.
    mutating func mapEffect() -> Effect? {
        guard let request = mapRequest, map.layout?.request != request, map.pending != request else { return nil }
        map.pending = request
        return .layOutMap(request)
    }

    /// A layout came back: kept when it is still the one the screen needs.
    mutating func mapLaidOut(_ layout: NetworkMap) {
        if map.pending == layout.request { map.pending = nil }
        guard layout.request == mapRequest else { return }
        // The same map laid out again (new data, a resize): the selection stays on its mark.
        let previous = map.layout
        let selected = previous.flatMap {
            $0.request.centre == layout.request.centre && $0.request.hops == layout.request.hops
                ? $0.nodes[safe: place.selection]?.id : nil
        }
        map.layout = layout
        if let selected, let index = layout.nodes.firstIndex(where: { $0.id == selected }) {
            place.selection = index
        } else {
            place.selection = min(place.selection, max(0, layout.nodes.count - 1))
        }
    }

    /// Opens the map of the partner in front (or of the selected mark, on a map).
    mutating func openMap() {
        if case .map = place.screen, let node = currentMap?.nodes[safe: place.selection] {
            if node.id != currentMap?.request.centre { navigate(to: .map(node.id, hops: 1)) }
            return
        }
        guard let id = selectedEntity else {
            message = strings[.selectPartnerFirst]
            return
        }
        navigate(to: .map(id, hops: 1))
    }

    mutating func updateMap(_ command: Command) {
        guard case .map(let id, let hops) = place.screen else { return }
        let nodes = currentMap?.nodes ?? []
        switch command {
        case .up, .down, .left, .right:
            let (dx, dy) =
                switch command {
                case .up: (0, -1)
                case .down: (0, 1)
                case .left: (-1, 0)
                default: (1, 0)
                }
            if let next = currentMap?.neighbour(of: place.selection, dx: dx, dy: dy) { place.selection = next }
        case .nextPane, .previousPane:
            guard !nodes.isEmpty else { return }
            place.selection = (place.selection + (command == .nextPane ? 1 : nodes.count - 1)) % nodes.count
        case .top: place.selection = 0
        case .open:
            if let node = nodes[safe: place.selection] { navigate(to: .card(.entity(node.id))) }
        case .moreHops, .fewerHops:
            let next = min(Self.mapMaximumHops, max(1, hops + (command == .moreHops ? 1 : -1)))
            guard next != hops else { return }
            place.screen = .map(id, hops: next)
            place.selection = 0
        case .toggleTypes: map.showsTypes.toggle()
        case .neighbourhood:
            if let node = nodes[safe: place.selection] { navigate(to: .neighbourhood(node.id, hops: 1)) }
        case .back: goBack()
        default: break
        }
    }

    /// A click on a mark (or its label) selects it; a click on the selected mark opens its card.
    mutating func clickMap(x: Int, y: Int) {
        guard let map = currentMap else { return }
        let area = mapArea
        let (mx, my) = (x - area.x, y - area.y)
        let hit = map.nodes.indices.filter { map.nodes[$0].y == my }
            .min { abs(map.nodes[$0].x - mx) < abs(map.nodes[$1].x - mx) }
        guard let hit, abs(map.nodes[hit].x - mx) <= NetworkMap.labelWidth(forMapWidth: area.width) else { return }
        if hit == place.selection { updateMap(.open) } else { place.selection = hit }
    }
}
