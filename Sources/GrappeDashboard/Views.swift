import GrappeAnalysis
import GrappeModel
import GrappeWorkspace

/// Renders a state into a canvas. Pure: the same state always draws the same cells.
public enum Views {
    public static func render(_ state: DashboardState) -> Canvas {
        var canvas = Canvas(width: state.width, height: state.height)
        let layout = state.layout
        if layout.isTooSmall {
            let notice = state.strings[.tooSmall]
            let lines = TextWidth.of(notice) <= state.width ? [notice] : notice.split(separator: ":").map { $0.trimmingSpaces() }
            for (index, line) in lines.enumerated() {
                let x = max(0, (state.width - TextWidth.of(line)) / 2)
                canvas.put(line, x: x, y: state.height / 2 - lines.count / 2 + index, style: .warning)
            }
            canvas.put("\(state.width)×\(state.height)", x: 0, y: 0, style: .muted)
            return canvas
        }
        header(&canvas, state)
        tabs(&canvas, state)
        trail(&canvas, state)
        if let form = state.form {
            self.form(&canvas, state, form)
        } else {
            body(&canvas, state)
        }
        bottom(&canvas, state)
        if state.showsHelp { help(&canvas, state) }
        return canvas
    }

    static func body(_ canvas: inout Canvas, _ state: DashboardState) {
        switch state.place.screen {
        case .section(.home): home(&canvas, state)
        case .section(let section): list(&canvas, state, section)
        default:
            let lines = Pages.lines(for: state.place.screen, state: state)
            page(&canvas, state, lines: lines, x: 0, width: state.width, selection: state.place.selection, focused: true)
        }
    }

    // MARK: frame

    static func header(_ canvas: inout Canvas, _ state: DashboardState) {
        let s = state.strings
        canvas.fill(x: 0, y: 0, width: state.width, style: .header)
        let counts = state.catalogue.counts.byEntityKind
        let parts = EntityKind.allCases.compactMap { kind in counts[kind].map { s.count($0, kind) } }
        let readOnly = state.storeNotice == nil ? "" : " \(s[.readOnlyBadge]) "
        let language = readOnly + " \(state.strings.language.rawValue.uppercased()) "
        let used = canvas.put(" \(state.network.name)", x: 0, y: 0, style: .header)
        canvas.put(" · \(state.network.entities.count) \(s[.entities]) — " + parts.joined(separator: " · "), x: used, y: 0,
                   width: max(0, state.width - used - language.count), style: CellStyle(.header))
        canvas.put(language, x: state.width - language.count, y: 0, style: CellStyle(.header, bold: true, reverse: true))
    }

    /// Where each section's tab is on the tabs row (for drawing and for mouse clicks).
    public static func tabRanges(_ state: DashboardState) -> [(section: Section, range: Range<Int>)] {
        var widths = Section.allCases.map { TextWidth.of("\($0.rawValue) \(state.strings[$0.title])") + 2 }
        // When they do not all fit, the widest tabs give up columns first.
        while widths.reduce(0, +) > state.width, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > 5 {
            widths[widest] -= 1
        }
        var x = 0
        return zip(Section.allCases, widths).map { section, width in
            defer { x += width }
            return (section, x..<(x + width))
        }
    }

    static func tabs(_ canvas: inout Canvas, _ state: DashboardState) {
        let current: Section? = if case .section(let section) = state.place.screen { section } else { nil }
        for (section, range) in tabRanges(state) {
            let label = " \(section.rawValue) \(state.strings[section.title])"
            let style = section == current ? CellStyle(.selected, bold: true, reverse: true) : CellStyle(.accent)
            canvas.put(label, x: range.lowerBound, y: 1, width: range.count - 1, style: style)
        }
    }

    static func trail(_ canvas: inout Canvas, _ state: DashboardState) {
        canvas.put(state.trail().joined(separator: " › "), x: 1, y: 2, width: state.width - 2, style: .muted)
    }

    static func bottom(_ canvas: inout Canvas, _ state: DashboardState) {
        let layout = state.layout
        let s = state.strings
        if state.form?.confirmingDiscard == true {
            canvas.put(s[.discardConfirm], x: 0, y: layout.promptRow, width: state.width, style: .warning)
        } else if let prompt = state.prompt {
            let label: String = switch prompt.purpose {
            case .filter: "/"
            case .palette: ":"
            case .pathFrom: "\(s[.pathFinder]) · \(s[.pathFrom]) :"
            case .pathTo(let from): "\(s[.pathFinder]) · \(state.catalogue.name(from)) → \(s[.pathTo]) :"
            }
            var x = canvas.put(label + " ", x: 0, y: layout.promptRow, style: .accent)
            x += canvas.put(prompt.text, x: x, y: layout.promptRow, style: .bold, limit: state.width - x - 1)
            canvas.put("▏", x: x, y: layout.promptRow, style: .accent)
            if prompt.purpose != .filter, x + 4 < state.width {
                let hint = prompt.purpose == .palette ? s[.paletteHint] : s[.selectPartner]
                canvas.put(hint, x: x + 3, y: layout.promptRow, width: state.width - x - 3, style: .muted)
            }
        } else if let message = state.message {
            canvas.put(message, x: 0, y: layout.promptRow, width: state.width, style: .warning)
        } else if let section = state.section, let filter = state.filters[section] {
            canvas.put("/ \(filter)  (\(state.visibleRows(section).count))", x: 0, y: layout.promptRow, width: state.width, style: .accent)
        }
        canvas.fill(x: 0, y: layout.statusRow, width: state.width, style: CellStyle(.muted, reverse: true))
        var x = 0
        for binding in KeyMap.bindings(state.context) where binding.inStatusBar {
            let text = " \(binding.keys[0].label) \(s[binding.help]) "
            guard x + TextWidth.of(text) <= state.width else { break }
            x += canvas.put(text, x: x, y: layout.statusRow, style: CellStyle(.muted, reverse: true))
        }
    }

    // MARK: lists

    /// The first row shown, so that the selection stays in view.
    public static func listScroll(_ state: DashboardState) -> Int {
        let visible = max(1, state.layout.bodyHeight - 1)
        return max(0, state.place.selection - visible + 1)
    }

    static func list(_ canvas: inout Canvas, _ state: DashboardState, _ section: Section) {
        let layout = state.layout
        let rows = state.visibleRows(section)
        let columns = Catalogue.columns(section)
        let width = layout.listWidth
        let widths = columnWidths(columns, total: width - 1)
        let sort = state.sorting[section]
        var x = 1
        for (index, column) in columns.enumerated() {
            var title = state.strings[column.title]
            if let sort, sort.column == index { title += sort.ascending ? " ▲" : " ▼" }
            canvas.put(title, x: x, y: layout.bodyTop, width: widths[index], style: CellStyle(.header, bold: true, underline: true))
            x += widths[index] + 1
        }
        if rows.isEmpty {
            canvas.put(state.strings[.noMatch], x: 2, y: layout.bodyTop + 2, style: .muted)
        }
        let scroll = listScroll(state)
        for (offset, entry) in rows.dropFirst(scroll).prefix(layout.bodyHeight - 1).enumerated() {
            let y = layout.bodyTop + 1 + offset
            let selected = scroll + offset == state.place.selection
            let base: CellStyle = selected ? (state.place.focusDetail ? CellStyle(.selected, underline: true) : .selected) : .plain
            canvas.fill(x: 0, y: y, width: width, style: base)
            var x = 1
            for (index, column) in columns.enumerated() {
                let text = display(entry.cells[index], column: column, state: state)
                let cellWidth = widths[index]
                if column.numeric {
                    let shown = Canvas.fitted(text, to: cellWidth)
                    canvas.put(shown, x: x + cellWidth - TextWidth.of(shown), y: y, style: base)
                } else {
                    canvas.put(text, x: x, y: y, width: cellWidth, style: base)
                    if index == 0, let filter = state.filters[section], let matches = Fuzzy.match(TextFolding.fold(filter), in: entry.folded) {
                        highlight(&canvas, entry, matches: matches, x: x, y: y, width: cellWidth, base: base)
                    }
                }
                x += cellWidth + 1
            }
        }
        if layout.showsDetail {
            for y in layout.bodyTop..<layout.bodyBottom { canvas.put("│", x: layout.listWidth, y: y, style: .muted) }
            if let entry = rows[safe: state.place.selection] {
                let lines = Pages.lines(for: .card(entry.item), state: state)
                page(&canvas, state, lines: lines, x: layout.detailX + 1, width: state.width - layout.detailX - 1,
                     selection: state.place.detailSelection, focused: state.place.focusDetail)
            }
        }
    }

    /// Vocabulary words in cells are shown in the interface's language.
    static func display(_ raw: String, column: Catalogue.Column, state: DashboardState) -> String {
        let s = state.strings
        switch column.title {
        case .type: return OrganisationType(rawValue: raw).map(s.organisationType) ?? raw
        case .kind: return EntityKind(rawValue: raw).map(s.kind) ?? raw
        case .status: return s.status(raw)
        case .date, .dates: return s.date(text: raw)
        default: return raw
        }
    }

    /// Underlines the filter's matched letters in the name cell (positions are in the folded name,
    /// which has one character per character of the name for the letters that matter).
    static func highlight(_ canvas: inout Canvas, _ row: Catalogue.Row, matches: [Int], x: Int, y: Int, width: Int, base: CellStyle) {
        let name = Sanitizer.visible(row.cells[0])
        var column = x
        let wanted = Set(matches)
        for (offset, character) in name.enumerated() {
            let size = TextWidth.of(character)
            guard column + size <= x + width else { break }
            if wanted.contains(offset) { canvas.restyle(x: column, y: y, width: size) { $0 = CellStyle(.match, bold: true, reverse: base.reverse, underline: true) } }
            column += size
        }
    }

    static func columnWidths(_ columns: [Catalogue.Column], total: Int) -> [Int] {
        let fixed = columns.filter { $0.weight == 0 }.reduce(0) { $0 + $1.minimum }
        let gaps = columns.count - 1
        let weights = columns.reduce(0) { $0 + $1.weight }
        let flexible = max(0, total - fixed - gaps)
        var widths = columns.map { $0.weight == 0 ? $0.minimum : max(4, flexible * $0.weight / max(1, weights)) }
        var overflow = widths.reduce(0, +) + gaps - total
        for index in widths.indices.reversed() where overflow > 0 {
            let cut = min(overflow, max(0, widths[index] - 3))
            widths[index] -= cut
            overflow -= cut
        }
        return widths
    }

    // MARK: pages

    /// The first line shown, so that the selected link stays in view.
    public static func pageScroll(_ state: DashboardState, lines: [PageLine], selection: Int? = nil) -> Int {
        let selected = selection ?? state.place.selection
        var seen = 0
        var target = 0
        for (index, line) in lines.enumerated() where line.link != nil {
            if seen == selected { target = index; break }
            seen += 1
        }
        return max(0, target - max(0, state.layout.bodyHeight - 2))
    }

    static func page(_ canvas: inout Canvas, _ state: DashboardState, lines: [PageLine], x: Int, width: Int, selection: Int, focused: Bool) {
        let layout = state.layout
        let scroll = pageScroll(state, lines: lines, selection: selection)
        var linkIndex = lines.prefix(scroll).count { $0.link != nil }
        for (offset, line) in lines.dropFirst(scroll).prefix(layout.bodyHeight).enumerated() {
            let y = layout.bodyTop + offset
            let selected = line.link != nil && linkIndex == selection && focused
            if line.link != nil { linkIndex += 1 }
            var column = x
            if selected { canvas.fill(x: x, y: y, width: width, style: .selected) }
            for (text, style) in line.pieces {
                guard column < x + width else { break }
                let shown = Canvas.fitted(text, to: x + width - column)
                column += canvas.put(shown, x: column, y: y, style: selected ? .selected : style)
            }
        }
    }

    // MARK: home

    static func home(_ canvas: inout Canvas, _ state: DashboardState) {
        let s = state.strings
        let layout = state.layout
        let figures = state.catalogue.home
        let twoColumns = state.width >= 100
        let columnWidth = twoColumns ? state.width / 2 - 2 : state.width - 2
        var blocks: [[PageLine]] = []
        let counts = state.catalogue.counts
        blocks.append([.heading(s[.entities])]
            + EntityKind.allCases.map { PageLine([("  " + s.count(counts.byEntityKind[$0] ?? 0, $0), .plain)]) }
            + RecordKind.allCases.map { PageLine([("  " + s.count(counts.byRecordKind[$0] ?? 0, $0), .plain)]) }
            + [PageLine([("  \(state.catalogue.warnings)  ", state.catalogue.warnings > 0 ? .warning : .bold), (s[.warnings], .plain)])])
        let maximum = figures.mostConnected.first?.links ?? 1
        blocks.append([.heading(s[.mostConnected])] + figures.mostConnected.map { entry in
            PageLine([("  " + bar(entry.links, of: maximum, width: 10) + " ", .accent), ("\(entry.links) ", .bold), (state.catalogue.name(entry.id), .plain)])
        })
        if !figures.brokers.isEmpty {
            blocks.append([.heading(s[.brokers])] + figures.brokers.map { entry in
                PageLine([("  " + state.catalogue.name(entry.id), .bold),
                          ("  \(s[.linkedClusters]) " + entry.groups.map(state.catalogue.name).joined(separator: ", "), .muted)])
            })
        }
        // Upcoming and past as the Missions list and `grappe mission list` have them (MissionSchedule).
        let ordered = MissionSchedule.ordered(figures.missions, today: state.today, record: { $0 }, tie: { $0.id < $1.id })
        let upcoming = ordered.filter { MissionSchedule.isUpcoming($0, today: state.today) }
        let past = ordered.filter { !MissionSchedule.isUpcoming($0, today: state.today) }
        let missionLine = { (mission: Record) in
            PageLine([("  \(mission.date.map(s.date) ?? s[.yearUnknown])  ", .accent), (mission.title, .plain)])
        }
        blocks.append([.heading(s[.upcomingMissions])] + (upcoming.isEmpty ? [.text("  " + s[.noData], .muted)] : upcoming.prefix(5).map(missionLine)))
        blocks.append([.heading(s[.recentMissions])]
            + (past.filter { $0.date?.bounds != nil }.prefix(5) + past.filter { $0.date?.bounds == nil }.prefix(3)).map(missionLine))
        let yearMax = figures.agreementsPerYear.map(\.count).max() ?? 1
        blocks.append([.heading(s[.agreementsPerYear])] + (figures.agreementsPerYear.isEmpty ? [.text("  " + s[.noData], .muted)] :
            figures.agreementsPerYear.suffix(8).map { entry in
                PageLine([("  \(entry.year == "?" ? s[.yearUnknown] : entry.year)".padding(toLength: 10, withPad: " ", startingAt: 0), .plain),
                          (bar(entry.count, of: yearMax, width: 20), .accent), (" \(entry.count)", .bold)])
            }))
        let fundingMax = figures.fundingPerProgramme.map(\.amount.minorUnits).max() ?? 1
        blocks.append([.heading(s[.fundingPerProgramme])] + (figures.fundingPerProgramme.isEmpty ? [.text("  " + s[.noData], .muted)] :
            figures.fundingPerProgramme.map { entry in
                PageLine([("  " + bar(Int(entry.amount.minorUnits / 100), of: Int(fundingMax / 100), width: 12) + " ", .accent),
                          (shortMoney(entry.amount) + " ", .bold), (entry.title, .plain)])
            }))
        var columnsY = [layout.bodyTop, layout.bodyTop]
        for block in blocks {
            let column = twoColumns ? (columnsY[0] <= columnsY[1] ? 0 : 1) : 0
            let x = column == 0 ? 1 : state.width / 2 + 1
            for line in block {
                guard columnsY[column] < layout.bodyBottom else { break }
                var cursor = x
                for (text, style) in line.pieces {
                    cursor += canvas.put(Canvas.fitted(text, to: max(0, x + columnWidth - cursor)), x: cursor, y: columnsY[column], style: style)
                }
                columnsY[column] += 1
            }
            columnsY[column] += 1
        }
    }

    static func bar(_ value: Int, of maximum: Int, width: Int) -> String {
        let eighths = maximum > 0 ? Int((Double(value) / Double(maximum) * Double(width * 8)).rounded()) : 0
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
        let bar = String(repeating: "█", count: eighths / 8) + partial
        return bar + String(repeating: " ", count: max(0, width - bar.count))
    }

    static func shortMoney(_ money: Money) -> String {
        let units = Double(money.minorUnits) / 100
        let text = units >= 1e9 ? String(format: "%.1f G", units / 1e9) : units >= 1e6 ? String(format: "%.1f M", units / 1e6)
            : units >= 1e3 ? String(format: "%.0f k", units / 1e3) : String(format: "%.0f", units)
        return "\(text) \(money.currency.code)"
    }

    // MARK: help

    static func help(_ canvas: inout Canvas, _ state: DashboardState) {
        var under = state
        under.showsHelp = false
        let s = state.strings
        var lines: [(String, String)] = []
        for binding in KeyMap.bindings(under.context) {
            let keys = binding.keys.map(\.label).joined(separator: " ")
            if let index = lines.firstIndex(where: { $0.1 == s[binding.help] }) {
                lines[index].0 += " " + keys
            } else {
                lines.append((keys, s[binding.help]))
            }
        }
        lines.append(("^C", s[.quit]))
        if state.mouse { lines.append(("🖱", s[.mouseHint])) }
        let width = min(state.width - 4, 64)
        let height = min(state.height - 4, lines.count + 3)
        let x = (state.width - width) / 2, y = (state.height - height) / 2
        for row in y..<(y + height) { canvas.fill(x: x, y: row, width: width, style: CellStyle(.plain, reverse: false)) }
        canvas.put("┌" + String(repeating: "─", count: width - 2) + "┐", x: x, y: y, style: .accent)
        canvas.put("└" + String(repeating: "─", count: width - 2) + "┘", x: x, y: y + height - 1, style: .accent)
        for row in (y + 1)..<(y + height - 1) {
            canvas.put("│", x: x, y: row, style: .accent)
            canvas.put("│", x: x + width - 1, y: row, style: .accent)
        }
        canvas.put(" \(s[.helpTitle]) — \(s[.keysOf]) ", x: x + 2, y: y, style: .header)
        let keyWidth = min(22, lines.map { TextWidth.of($0.0) }.max() ?? 10)
        let visible = height - 3
        let scroll = min(state.helpScroll, max(0, lines.count - visible))
        for (offset, line) in lines.dropFirst(scroll).prefix(visible).enumerated() {
            canvas.put(line.0, x: x + 2, y: y + 2 + offset, width: keyWidth, style: .bold)
            canvas.put(line.1, x: x + 3 + keyWidth, y: y + 2 + offset, width: width - keyWidth - 5)
        }
    }
}
