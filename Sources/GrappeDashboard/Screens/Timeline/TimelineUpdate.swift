import GrappeModel

/// The timeline's update: a page of lines, plus the kind shown and the partner.
extension DashboardState {
    /// `T`: the timeline of the partner whose card is in front, else of everyone.
    mutating func openTimeline() {
        let partner: ID? =
            switch place.screen {
            case .card(.entity(let id)): id
            case .map: currentMap?.nodes[safe: place.selection]?.id
            default: nil
            }
        navigate(to: .timeline(TimelineFilter(partner: partner)))
    }

    mutating func updateTimeline(_ command: Command) {
        guard case .timeline(var filter) = place.screen else { return }
        switch command {
        case .cycleKind:
            let kinds: [TimelineKind?] = [nil] + TimelineKind.allCases
            let index = kinds.firstIndex(of: filter.kind) ?? 0
            filter.kind = kinds[(index + 1) % kinds.count]
        case .allPartners:
            guard filter.partner != nil else { return }
            filter.partner = nil
        default:
            updatePage(command)
            return
        }
        place.screen = .timeline(filter)
        place.selection = 0
        place.scroll = 0
    }
}
