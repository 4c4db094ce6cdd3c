import GrappeAnalysis
import GrappeModel

/// A line of a page: styled pieces of text and, when the line stands for an item, the link that
/// `Enter` follows.
public struct PageLine: Sendable {
    /// The line's pieces of text, each with its style.
    public var pieces: [(text: String, style: CellStyle)]
    /// What `Enter` opens on this line, if anything.
    public var link: Lookup.Item?

    init(_ pieces: [(String, CellStyle)], link: Lookup.Item? = nil) {
        self.pieces = pieces.map { (text: $0.0, style: $0.1) }
        self.link = link
    }

    static let blank = PageLine([])
    static func heading(_ text: String) -> PageLine { PageLine([(text, .header)]) }
    static func text(_ text: String, _ style: CellStyle = .plain) -> PageLine { PageLine([(text, style)]) }
}

/// The contents of the screens that are pages rather than lists: cards, neighbourhoods, paths and
/// the diagnostics of a failed reload.
public enum Pages {
    /// The lines of a page screen; cards of entities, neighbourhoods and paths are kept once built.
    public static func lines(for screen: Screen, state: DashboardState) -> [PageLine] {
        switch screen {
        case .card(.entity), .neighbourhood, .path, .search, .timeline:
            // These depend on nothing but the catalogue and the language (and the timeline on the
            // width): built once, kept.
            let width = if case .timeline = screen { state.width } else { 0 }
            let key = PageCache.Key(screen: screen, language: state.strings.language, catalogue: state.catalogue.serial, width: width)
            return state.pageCache.lines(for: key) { build(screen, state: state) }
        case .card(.record), .diagnostics, .section, .map:
            return build(screen, state: state)
        }
    }

    private static func build(_ screen: Screen, state: DashboardState) -> [PageLine] {
        switch screen {
        case .section, .map: []
        case .card(.entity(let id)): state.network.entity(id).map { entity(entity: $0, state: state) } ?? [.text(id)]
        case .card(.record(let id)): state.network.record(id).map { record(record: $0, state: state) } ?? [.text(id)]
        case .neighbourhood(let id, let hops): neighbourhood(of: id, hops: hops, state: state)
        case .path(let from, let to): path(from: from, to: to, state: state)
        case .diagnostics: diagnostics(state: state)
        case .search(let text): search(text, state: state)
        case .timeline(let filter): timeline(filter, state: state)
        }
    }

}
