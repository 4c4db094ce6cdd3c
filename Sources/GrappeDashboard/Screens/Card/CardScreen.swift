import GrappeAnalysis

/// The card of a partner or a record: its facts, its links, its sources. A record's card is built
/// each time (it shows the store's version and history, which change without a new catalogue).
struct CardScreen: PagedScreen {
    let item: Lookup.Item

    var screen: Screen { .card(item) }

    func title(in state: DashboardState) -> String { state.catalogue.name(item.id) }

    func lines(in state: DashboardState) -> [PageLine] {
        switch item {
        case .entity(let id): state.network.entity(id).map { Pages.entity(entity: $0, state: state) } ?? [.text(id)]
        case .record(let id): state.network.record(id).map { Pages.record(record: $0, state: state) } ?? [.text(id)]
        }
    }

    func keptWidth(in state: DashboardState) -> Int? {
        if case .entity = item { return 0 }
        return nil
    }
}
