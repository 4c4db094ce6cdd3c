/// The one place that switches over screens: each `Screen` value to the type that handles it. A new
/// screen is a case of `Screen`, a type in its folder under `Screens/`, and a line here (the switch
/// is exhaustive, so the compiler asks for it).
extension Screen {
    var type: any ScreenType {
        switch self {
        case .section(.home): HomeScreen()
        case .section(let section): SectionListScreen(section: section)
        case .card(let item): CardScreen(item: item)
        case .path(let from, let to): PathScreen(from: from, to: to)
        case .diagnostics: DiagnosticsScreen()
        case .search(let text): SearchScreen(text: text)
        case .neighbourhood(let centre, let hops): NeighbourhoodScreen(centre: centre, hops: hops)
        case .map(let centre, let hops): MapScreen(centre: centre, hops: hops)
        case .timeline(let filter): TimelineScreen(filter: filter)
        }
    }
}
