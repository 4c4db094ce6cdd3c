import GrappeModel

/// The timeline's lines: a legend, the scale, a row per placed item with its bar, then the items
/// whose year is unknown and the undated ones, each listed apart.
extension Pages {
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
        var lines = [timelineLegend(filter, count: items.count, state: state)]
        if placed.isEmpty && unknownYear.isEmpty && undated.isEmpty {
            return lines + [.blank, .text("  " + s[.noData], .muted)]
        }
        var rows = TimelineRows(layout: TimelineLayout(width: state.width), strings: s)
        rows.fitDates(to: placed + unknownYear, offAxis: unknownYear)
        if let firstYear = placed.map({ $0.span!.first.year }).min(), let lastYear = placed.map({ $0.span!.last.year }).max() {
            let axis = TimelineLayout.Axis(firstYear: firstYear, lastYear: lastYear, width: rows.layout.axisWidth)
            lines += rows.placed(placed, on: axis)
        }
        if !unknownYear.isEmpty {
            lines += [.blank, .heading("\(s[.notPlaced]) · \(s.number(unknownYear.count))")]
            for item in unknownYear { lines.append(rows.row(item, axis: [])) }
        }
        if !undated.isEmpty {
            lines += [.blank, .heading("\(s[.undated]) · \(s.number(undated.count))")]
            for item in undated { lines.append(rows.row(item, axis: [])) }
        }
        return lines
    }

    /// The first line: what is shown, and the kinds' marks.
    private static func timelineLegend(_ filter: TimelineFilter, count: Int, state: DashboardState) -> PageLine {
        let s = state.strings
        var legend: [(String, CellStyle)] = [(" \(s[.timeline].capitalizedFirst)", .header)]
        if let partner = filter.partner { legend.append((" · " + state.catalogue.name(partner), .bold)) }
        legend.append(("  " + s.count(count, ("élément", "éléments"), ("item", "items")) + " · ", .muted))
        legend.append(((filter.kind.map { timelineKindName($0, s) } ?? s[.allKinds]) + " (t)", .accent))
        for kind in TimelineKind.allCases where filter.kind == nil || filter.kind == kind {
            let (mark, role) = timelineMark(kind)
            legend.append(("  " + mark, CellStyle(role, bold: true)))
            legend.append((" " + timelineKindName(kind, s), .muted))
        }
        return PageLine(legend)
    }
}

/// Makes the timeline's rows. Many items share their dates and many bars their length: each text
/// (a run of spaces, a date in words, a dates cell, a piece of grid or bar) is made once per build,
/// when first needed, not once per row.
struct TimelineRows {
    let layout: TimelineLayout
    let strings: Strings
    private var spaceRuns: [Int: String] = [:]
    private var worded: [PartialDate: String] = [:]
    private var cells: [Cell: String] = [:]
    private var pieces: [Int: String] = [:]
    /// The date column off the axis (see `row`).
    private var offAxisDateWidth = 20

    private struct Cell: Hashable { let start: PartialDate?, end: PartialDate?, columns: Int }

    init(layout: TimelineLayout, strings: Strings) {
        self.layout = layout
        self.strings = strings
    }

    /// The scale, then a row per item with its bar on the axis.
    mutating func placed(_ items: [TimelineItem], on axis: TimelineLayout.Axis) -> [PageLine] {
        let s = strings
        let (scale, grid) = axis.scaleAndGrid()
        var lines = [
            PageLine([
                (" ", .plain), (padded(s[.date], layout.dateWidth), .muted), (String(repeating: " ", count: 3), .plain),
                (padded(s[.title], layout.titleWidth), .muted), (" ", .plain), (String(scale), .accent),
            ])
        ]
        let stride = axis.width + 1
        for item in items {
            let span = item.span!
            let covered = axis.columns(span)
            let (from, count) = (covered.lowerBound, covered.count)
            let sure = [item.start?.qualifier, item.end?.qualifier].compactMap { $0 }.allSatisfy { $0 == .exact }
            let bar =
                span.first == span.last
                ? "●"
                : sure
                    ? piece(2 * stride + count) { String(repeating: "━", count: count) }
                    : piece(3 * stride + count) { String(repeating: "┅", count: count) }
            let after = min(axis.width, from + (span.first == span.last ? 1 : count))
            let (_, role) = Pages.timelineMark(item.kind)
            lines.append(
                row(
                    item,
                    axis: [
                        (piece(from) { String(grid[0..<from]) }, .muted), (bar, CellStyle(role, bold: true)),
                        (piece(stride + after) { String(grid[after..<axis.width]) }, .muted),
                    ]))
        }
        return lines
    }

    /// Widens the date column to the widest date of `items`, as far as the width allows (one
    /// column for every row: marks and titles line up on and off the axis).
    mutating func fitDates(to items: [TimelineItem], offAxis: [TimelineItem]) {
        let widest = items.map { TextWidth.of(dateText($0)) }.max() ?? 0
        let widestOff = offAxis.map { TextWidth.of(dateText($0)) }.max() ?? 0
        let fitted = TimelineLayout(width: layout.width, widestDate: widest)
        if fitted.dateWidth != layout.dateWidth { self = TimelineRows(layout: fitted, strings: strings) }
        offAxisDateWidth = max(layout.dateWidth, min(widestOff, 22))
    }

    /// An item's row: its dates, its mark, its title (a link to its record), then `axis`. Off the
    /// axis, where the date column is narrower than a date in words ("Oct, year unknown") on a
    /// narrow screen, the date has the room it needs; the title has the rest.
    mutating func row(_ item: TimelineItem, axis: [(String, CellStyle)]) -> PageLine {
        let (mark, role) = Pages.timelineMark(item.kind)
        let columns = axis.isEmpty ? offAxisDateWidth : layout.dateWidth
        let title = axis.isEmpty ? max(8, layout.width - 1 - columns - 1 - 2 - 1) : layout.titleWidth
        return PageLine(
            [
                (" ", .plain), (dates(item, columns), .muted), (" ", .plain), (mark + " ", CellStyle(role, bold: true)),
                (padded(item.title, title), .link), (" ", .plain),
            ] + axis, link: .record(item.record))
    }

    private mutating func piece(_ key: Int, _ make: () -> String) -> String {
        if let known = pieces[key] { return known }
        let text = make()
        pieces[key] = text
        return text
    }

    private mutating func spaces(_ count: Int) -> String {
        if let run = spaceRuns[count] { return run }
        let run = String(decoding: [UInt8](repeating: 0x20, count: count), as: UTF8.self)
        spaceRuns[count] = run
        return run
    }

    /// `text` cut or padded to `columns`. A text that fits (most do) is measured once; only a longer
    /// one is cut, then measured.
    private mutating func padded(_ text: String, _ columns: Int) -> String {
        if !text.unicodeScalars.contains(where: Sanitizer.needsEscape) {
            let measured = TextWidth.of(text)
            if measured <= columns { return text + spaces(columns - measured) }
        }
        let fitted = Canvas.fitted(text, to: columns)
        return fitted + spaces(max(0, columns - TextWidth.of(fitted)))
    }

    private mutating func word(_ date: PartialDate) -> String {
        if let known = worded[date] { return known }
        let text = strings.date(date)
        worded[date] = text
        return text
    }

    private mutating func dateText(_ item: TimelineItem) -> String {
        switch (item.start, item.end) {
        case let (start?, end?) where start != end: "\(word(start)) – \(word(end))"
        case let (start?, _): word(start)
        case let (nil, end?): "– " + word(end)
        case (nil, nil): ""
        }
    }

    private mutating func dates(_ item: TimelineItem, _ columns: Int) -> String {
        let cell = Cell(start: item.start, end: item.end, columns: columns)
        if let known = cells[cell] { return known }
        let made = padded(dateText(item), columns)
        cells[cell] = made
        return made
    }
}
