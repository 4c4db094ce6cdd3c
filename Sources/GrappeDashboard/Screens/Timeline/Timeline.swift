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
                items.append(TimelineItem(kind: .agreement, record: record.id, title: record.title,
                                          start: agreement.signed ?? agreement.validFrom, end: agreement.validTo))
            case .mission(let mission):
                items.append(TimelineItem(kind: .mission, record: record.id, title: record.title, start: mission.start, end: mission.end))
            case .event(let event):
                items.append(TimelineItem(kind: .event, record: record.id, title: record.title, start: event.date, end: event.end))
            case .project(let project):
                items.append(TimelineItem(kind: .project, record: record.id, title: record.title, start: project.start, end: project.end))
                for line in project.funding {
                    let funder = line.funder.map(names) ?? "?"
                    items.append(TimelineItem(kind: .funding, record: record.id, title: "\(funder) → \(record.title)",
                                              start: line.start, end: line.end))
                }
            }
        }
        return filter.kind.map { kind in items.filter { $0.kind == kind } } ?? items
    }
}

extension Pages {
    /// 1 for the first of January.
    static func dayOfYear(_ day: DayStamp) -> Int {
        (1..<max(1, day.month)).reduce(0) { $0 + Gregorian.daysIn(month: $1, year: day.year) } + day.day
    }

    /// Each kind's mark (its shape reads without colour) and colour role.
    static func timelineMark(_ kind: TimelineKind) -> (mark: String, role: CellStyle.Role) {
        switch kind {
        case .agreement: ("◆", .cluster)
        case .mission: ("▶", .organisation)
        case .project: ("■", .city)
        case .event: ("●", .person)
        case .funding: ("¤", .pole)
        }
    }

    static func timelineKindName(_ kind: TimelineKind, _ s: Strings) -> String {
        switch kind {
        case .agreement: s.kind(RecordKind.agreement)
        case .mission: s.kind(RecordKind.mission)
        case .project: s.kind(RecordKind.project)
        case .event: s.kind(RecordKind.event)
        case .funding: s[.funding]
        }
    }

    static func timeline(_ filter: TimelineFilter, state: DashboardState) -> [PageLine] {
        let s = state.strings
        let catalogue = state.catalogue
        let records = filter.partner.map { catalogue.records(of: $0) } ?? catalogue.network.records
        let items = TimelineItem.items(of: catalogue.network, records: records, filter: filter, names: catalogue.name)
        let placed = items.filter { $0.span != nil }.sorted { a, b in
            let (sa, sb) = (a.span!, b.span!)
            return sa.first != sb.first ? sa.first < sb.first : (sa.last, a.title, a.record) < (sb.last, b.title, b.record)
        }
        let unknownYear = items.filter(\.yearUnknown).sorted { ($0.title, $0.record) < ($1.title, $1.record) }
        let undated = items.filter { $0.start == nil && $0.end == nil }.sorted { ($0.title, $0.record) < ($1.title, $1.record) }

        // The first line: what is shown, and the kinds' marks.
        var legend: [(String, CellStyle)] = [(" \(s[.timeline].capitalizedFirst)", .header)]
        if let partner = filter.partner { legend.append((" · " + catalogue.name(partner), .bold)) }
        legend.append(("  " + s.count(items.count, ("élément", "éléments"), ("item", "items")) + " · ", .muted))
        legend.append(((filter.kind.map { timelineKindName($0, s) } ?? s[.allKinds]) + " (t)", .accent))
        for kind in TimelineKind.allCases where filter.kind == nil || filter.kind == kind {
            let (mark, role) = timelineMark(kind)
            legend.append(("  " + mark, CellStyle(role, bold: true)))
            legend.append((" " + timelineKindName(kind, s), .muted))
        }
        var lines = [PageLine(legend)]

        // Columns: date, mark, title, then the axis over the rest.
        let width = state.width
        let dateWidth = width >= 120 ? 18 : 13
        let axisWidth = max(16, width * 45 / 100)
        let titleWidth = max(8, width - 1 - dateWidth - 1 - 2 - 1 - axisWidth - 1)
        // Runs of spaces made once each, when first needed, not once per cell.
        var spaceRuns: [Int: String] = [:]
        func spaces(_ count: Int) -> String {
            if let run = spaceRuns[count] { return run }
            let run = String(decoding: [UInt8](repeating: 0x20, count: count), as: UTF8.self)
            spaceRuns[count] = run
            return run
        }
        func padded(_ text: String, _ columns: Int) -> String {
            // A text that fits (most do) is measured once; only a longer one is cut, then measured.
            if !text.unicodeScalars.contains(where: Sanitizer.needsEscape) {
                let measured = TextWidth.of(text)
                if measured <= columns { return text + spaces(columns - measured) }
            }
            let fitted = Canvas.fitted(text, to: columns)
            return fitted + spaces(max(0, columns - TextWidth.of(fitted)))
        }
        // Many items share their dates: each is worded once, and each span's cell made once.
        var worded: [PartialDate: String] = [:]
        func word(_ date: PartialDate) -> String {
            if let known = worded[date] { return known }
            let text = s.date(date)
            worded[date] = text
            return text
        }
        struct Cell: Hashable { let start: PartialDate?, end: PartialDate?, columns: Int }
        var cells: [Cell: String] = [:]
        func dates(_ item: TimelineItem, _ columns: Int) -> String {
            let cell = Cell(start: item.start, end: item.end, columns: columns)
            if let known = cells[cell] { return known }
            let text: String = switch (item.start, item.end) {
            case let (start?, end?) where start != end: "\(word(start)) – \(word(end))"
            case let (start?, _): word(start)
            case let (nil, end?): "– " + word(end)
            case (nil, nil): ""
            }
            let made = padded(text, columns)
            cells[cell] = made
            return made
        }
        func row(_ item: TimelineItem, axis: [(String, CellStyle)]) -> PageLine {
            let (mark, role) = timelineMark(item.kind)
            // Off the axis there is room for a date said in words ("Oct, year unknown").
            // and for the whole title.
            let columns = axis.isEmpty ? max(dateWidth, 20) : dateWidth
            let title = axis.isEmpty ? max(8, width - 1 - columns - 1 - 2 - 1) : titleWidth
            return PageLine([(" ", .plain), (dates(item, columns), .muted), (" ", .plain), (mark + " ", CellStyle(role, bold: true)),
                             (padded(item.title, title), .link), (" ", .plain)] + axis, link: .record(item.record))
        }

        if placed.isEmpty && unknownYear.isEmpty && undated.isEmpty {
            lines += [.blank, .text("  " + s[.noData], .muted)]
            return lines
        }
        if let firstYear = placed.map({ $0.span!.first.year }).min(), let lastYear = placed.map({ $0.span!.last.year }).max() {
            let years = lastYear - firstYear + 1
            func column(_ day: DayStamp, end: Bool) -> Int {
                let days = Double(Gregorian.isLeap(day.year) ? 366 : 365)
                let ordinal = Double(dayOfYear(day) - (end ? 0 : 1)) / days
                let position = (Double(day.year - firstYear) + ordinal) / Double(years) * Double(axisWidth)
                return max(0, min(axisWidth - 1, Int(end ? position.rounded(.up) - 1 : position.rounded(.down))))
            }
            // The axis: each year's first column, labelled where the label fits.
            var scale = [Character](repeating: " ", count: axisWidth)
            var grid = [Character](repeating: " ", count: axisWidth)
            var free = 0
            for year in firstYear...lastYear {
                let x = column(DayStamp(year, 1, 1), end: false)
                grid[x] = "┊"
                let label = Array(String(year))
                if x >= free, x + label.count <= axisWidth {
                    for (offset, character) in label.enumerated() { scale[x + offset] = character }
                    free = x + label.count + 1
                }
            }
            lines.append(PageLine([(" ", .plain), (padded(s[.date], dateWidth), .muted), (String(repeating: " ", count: 3), .plain),
                                   (padded(s[.title], titleWidth), .muted), (" ", .plain), (String(scale), .accent)]))
            // Every piece of a row made once per build, when first needed, not once per row: the grid
            // before and after a bar, and bars of each length.
            var made: [Int: String] = [:]
            func piece(_ key: Int, _ make: () -> String) -> String {
                if let known = made[key] { return known }
                let text = make()
                made[key] = text
                return text
            }
            let stride = axisWidth + 1
            func before(_ count: Int) -> String { piece(count) { String(grid[0..<count]) } }
            func after(_ start: Int) -> String { piece(stride + start) { String(grid[start..<axisWidth]) } }
            func solid(_ count: Int) -> String { piece(2 * stride + count) { String(repeating: "━", count: count) } }
            func dashed(_ count: Int) -> String { piece(3 * stride + count) { String(repeating: "┅", count: count) } }
            for item in placed {
                let span = item.span!
                let (from, to) = (column(span.first, end: false), max(column(span.first, end: false), column(span.last, end: true)))
                let qualifiers = [item.start?.qualifier, item.end?.qualifier].compactMap { $0 }
                let sure = qualifiers.allSatisfy { $0 == .exact }
                let bar = span.first == span.last ? "●" : sure ? solid(to - from + 1) : dashed(to - from + 1)
                let (_, role) = timelineMark(item.kind)
                lines.append(row(item, axis: [(before(from), .muted), (bar, CellStyle(role, bold: true)),
                                              (after(min(axisWidth, from + (span.first == span.last ? 1 : to - from + 1))), .muted)]))
            }
        }
        if !unknownYear.isEmpty {
            lines += [.blank, .heading("\(s[.notPlaced]) · \(s.number(unknownYear.count))")]
            for item in unknownYear { lines.append(row(item, axis: [])) }
        }
        if !undated.isEmpty {
            lines += [.blank, .heading("\(s[.undated]) · \(s.number(undated.count))")]
            for item in undated { lines.append(row(item, axis: [])) }
        }
        return lines
    }
}

/// The timeline's update: a page of lines, plus the kind shown and the partner.
extension DashboardState {
    /// `T`: the timeline of the partner whose card is in front, else of everyone.
    mutating func openTimeline() {
        let partner: ID? = switch place.screen {
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
