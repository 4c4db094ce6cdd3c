import GrappeModel

/// The timeline: agreements, missions, projects, events and funding lines on a time axis, one per
/// line, each drawn as the span its dates can mean (a year alone covers the year, a month its month).
/// A date whose year is unknown is listed apart, never placed in a guessed year; undated items are
/// listed too, so that nothing leaves the view in silence.
struct TimelineItem: Equatable {
    let kind: TimelineKind
    /// The record the line opens (for funding, its project).
    let record: ID
    let title: String
    let start: PartialDate?
    let end: PartialDate?
    /// The first and last day the item can cover, when a year is known (worked out once).
    let span: Span?

    struct Span: Equatable {
        let first: DayStamp
        let last: DayStamp
    }

    init(kind: TimelineKind, record: ID, title: String, start: PartialDate?, end: PartialDate?) {
        self.kind = kind
        self.record = record
        self.title = title
        self.start = start
        self.end = end
        let first = start?.bounds?.first ?? end?.bounds?.first
        let last = end?.bounds?.last ?? start?.bounds?.last
        span = if let first, let last { Span(first: first, last: max(first, last)) } else { nil }
    }

    /// Whether the item is dated only by partial dates without a year.
    var yearUnknown: Bool { span == nil && (start != nil || end != nil) }

    static func items(of network: Network, records: [Record], filter: TimelineFilter, names: (ID) -> String) -> [TimelineItem] {
        var items: [TimelineItem] = []
        for record in records {
            switch record.body {
            case .agreement(let agreement):
                items.append(
                    TimelineItem(
                        kind: .agreement, record: record.id, title: record.title,
                        start: agreement.signed ?? agreement.validFrom, end: agreement.validTo))
            case .mission(let mission):
                items.append(TimelineItem(kind: .mission, record: record.id, title: record.title, start: mission.start, end: mission.end))
            case .event(let event):
                items.append(TimelineItem(kind: .event, record: record.id, title: record.title, start: event.date, end: event.end))
            case .project(let project):
                items.append(TimelineItem(kind: .project, record: record.id, title: record.title, start: project.start, end: project.end))
                for line in project.funding {
                    let funder = line.funder.map(names) ?? "?"
                    items.append(
                        TimelineItem(
                            kind: .funding, record: record.id, title: "\(funder) → \(record.title)",
                            start: line.start, end: line.end))
                }
            }
        }
        return filter.kind.map { kind in items.filter { $0.kind == kind } } ?? items
    }
}
