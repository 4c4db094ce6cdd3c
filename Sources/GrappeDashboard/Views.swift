import GrappeAnalysis
import GrappeModel
import GrappeWorkspace

/// Renders a state into a canvas. Pure: the same state always draws the same cells.
public enum Views {
    /// The whole screen for a state.
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
        if state.help.isShown { help(&canvas, state) }
        return canvas
    }

    static func body(_ canvas: inout Canvas, _ state: DashboardState) {
        switch state.place.screen {
        case .section(.home): home(&canvas, state, in: state.layout.body)
        case .section(let section): list(&canvas, state, section, in: state.layout.body)
        case .map: map(&canvas, state, in: state.layout.body)
        case .card, .neighbourhood, .path, .diagnostics, .search, .timeline:
            let lines = Pages.lines(for: state.place.screen, state: state)
            page(&canvas, state, lines: lines, in: state.layout.body, selection: state.place.selection, focused: true,
                 free: state.place.scroll)
        }
    }

    // MARK: frame

    static func header(_ canvas: inout Canvas, _ state: DashboardState) {
        let s = state.strings
        canvas.fill(x: 0, y: 0, width: state.width, style: .header)
        let counts = state.catalogue.counts.byEntityKind
        let parts = EntityKind.allCases.compactMap { kind in counts[kind].map { s.count($0, kind) } }
        let badge = state.store.isOffline ? " \(s[.offlineBadge]) " : state.store.notice == nil ? "" : " \(s[.readOnlyBadge]) "
        let language = badge + " \(state.strings.language.rawValue.uppercased()) "
        let used = canvas.put(" \(state.network.name)", x: 0, y: 0, style: .header)
        canvas.put(" · \(s.number(state.network.entities.count)) \(s[.entities]) — " + parts.joined(separator: " · "), x: used, y: 0,
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

    /// On Home and pages, whether there is more above or below the body, and how many lines below
    /// ("▲▼ 12"); nil when it all fits, and for lists (which show their position instead).
    static func scrollMark(_ state: DashboardState) -> String? {
        let height = state.layout.bodyHeight
        let (scroll, total): (Int, Int)
        switch state.place.screen {
        case .section(.home):
            let content = homeHeight(state, in: state.layout.body)
            (scroll, total) = (min(state.place.scroll, max(0, content - height)), content)
        case .section, .map: return nil
        case .card, .neighbourhood, .path, .diagnostics, .search, .timeline:
            let lines = Pages.lines(for: state.place.screen, state: state)
            (scroll, total) = (pageScroll(state, lines: lines, free: state.place.scroll), lines.count)
        }
        let below = total - scroll - height
        guard scroll > 0 || below > 0 else { return nil }
        return " " + (scroll > 0 ? "▲" : " ") + (below > 0 ? "▼ \(state.strings.number(below))" : "") + " "
    }

    /// The breadcrumbs; a trail too long for the line loses its first steps, and says so with "…".
    static func trail(_ canvas: inout Canvas, _ state: DashboardState) {
        var room = state.width - 2
        if let more = scrollMark(state) {
            let width = TextWidth.of(more)
            if width + 10 < room {
                canvas.put(more, x: state.width - width, y: 2, style: .accent)
                room -= width + 1
            }
        } else if let section = state.section, section != .home {
            let rows = state.visibleRows(section)
            let filtering = !(state.lists.filters[section] ?? "").isEmpty
            let position = " " + state.strings.position(state.place.selection, of: rows.count, total: state.catalogue.rows(section).count,
                                                        filtering: filtering) + " "
            let width = TextWidth.of(position)
            if width + 10 < room {
                canvas.put(position, x: state.width - width, y: 2, style: .accent)
                room -= width + 1
            }
        }
        var steps = state.trail()
        var text = steps.joined(separator: " › ")
        while TextWidth.of(text) > room, steps.count > 1 {
            steps.removeFirst()
            text = "… › " + steps.joined(separator: " › ")
        }
        canvas.put(text, x: 1, y: 2, width: room, style: .muted)
    }

    static func bottom(_ canvas: inout Canvas, _ state: DashboardState) {
        let layout = state.layout
        let s = state.strings
        if state.form?.confirmingDiscard == true {
            canvas.put(s[.discardConfirm], x: 0, y: layout.promptRow, width: state.width, style: .warning)
        } else if let form = state.form, let question = state.conflictQuestion(form) {
            canvas.put(question, x: 0, y: layout.promptRow, width: state.width, style: .warning)
        } else if case .asking(let plan) = state.store.takeBack {
            canvas.put("\(plan.question()(s)) \(s[.yesNo])", x: 0, y: layout.promptRow, width: state.width, style: .warning)
        } else if let prompt = state.prompt {
            let label: String = switch prompt.purpose {
            case .filter: "/"
            case .search: "\(s[.searchTitle]) /"
            case .palette: ":"
            case .pathFrom: "\(s[.pathFinder]) · \(s[.pathFrom]) :"
            case .pathTo(let from): "\(s[.pathFinder]) · \(state.catalogue.name(from)) → \(s[.pathTo]) :"
            }
            var x = canvas.put(label + " ", x: 0, y: layout.promptRow, style: .accent)
            x += canvas.put(prompt.text, x: x, y: layout.promptRow, style: .bold, limit: state.width - x - 1)
            canvas.put("▏", x: x, y: layout.promptRow, style: .accent)
            if prompt.purpose != .filter, x + 4 < state.width {
                let hint = prompt.purpose == .palette ? s[.paletteHint] : prompt.purpose == .search ? s[.searchHint] : s[.selectPartner]
                canvas.put(hint, x: x + 3, y: layout.promptRow, width: state.width - x - 3, style: .muted)
            }
        } else if let message = state.message {
            canvas.put(message, x: 0, y: layout.promptRow, width: state.width, style: .warning)
        } else if let section = state.section, let filter = state.lists.filters[section] {
            canvas.put("/ \(filter)  (\(state.visibleRows(section).count))", x: 0, y: layout.promptRow, width: state.width, style: .accent)
        }
        canvas.fill(x: 0, y: layout.statusRow, width: state.width, style: CellStyle(.muted, reverse: true))
        var x = 0
        for binding in KeyMap.bindings(state.context, section: state.section, recording: state.canRecord) where binding.inStatusBar {
            let text = " \(binding.keys[0].label(in: s.language)) \(s[binding.help]) "
            guard x + TextWidth.of(text) <= state.width else { break }
            x += canvas.put(text, x: x, y: layout.statusRow, style: CellStyle(.muted, reverse: true))
        }
    }

    // MARK: pages

    /// The first line shown: for the page in front, where the reader scrolled (`free`, kept by the
    /// page's update so that a selection it moves stays in view) but never past the end; for the card
    /// beside a list, far enough that its selected link is in view.
    public static func pageScroll(_ state: DashboardState, lines: [PageLine], selection: Int? = nil, height: Int? = nil,
                                  free: Int? = nil) -> Int {
        let selected = selection ?? state.place.selection
        var seen = 0
        var target = 0
        for (index, line) in lines.enumerated() where line.link != nil {
            if seen == selected { target = index; break }
            seen += 1
        }
        let height = height ?? state.layout.bodyHeight
        guard let free else { return max(0, target - max(0, height - 2)) }
        return max(0, min(free, lines.count - height))
    }

    /// A page of lines in `area`, scrolled so that the selected link is in view.
    static func page(_ canvas: inout Canvas, _ state: DashboardState, lines: [PageLine], in area: Rect, selection: Int, focused: Bool,
                     free: Int? = nil) {
        let x = area.x, width = area.width
        let scroll = pageScroll(state, lines: lines, selection: selection, height: area.height, free: free)
        var linkIndex = lines.prefix(scroll).count { $0.link != nil }
        for (offset, line) in lines.dropFirst(scroll).prefix(area.height).enumerated() {
            let y = area.y + offset
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

    // MARK: help

    static func help(_ canvas: inout Canvas, _ state: DashboardState) {
        var under = state
        under.help.isShown = false
        let s = state.strings
        var lines: [(String, String)] = []
        for binding in KeyMap.bindings(under.context, section: under.section, recording: under.canRecord) {
            let keys = binding.keys.map { $0.label(in: s.language) }.joined(separator: " ")
            if let index = lines.firstIndex(where: { $0.1 == s[binding.help] }) {
                // Two bindings with the same help (Home's "2 Partners" and the sections' "2") show each key once.
                let known = Set(lines[index].0.split(separator: " ").map(String.init))
                let added = binding.keys.map { $0.label(in: s.language) }.filter { !known.contains($0) }
                if !added.isEmpty { lines[index].0 += " " + added.joined(separator: " ") }
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
        let scroll = min(state.help.scroll, max(0, lines.count - visible))
        for (offset, line) in lines.dropFirst(scroll).prefix(visible).enumerated() {
            canvas.put(line.0, x: x + 2, y: y + 2 + offset, width: keyWidth, style: .bold)
            canvas.put(line.1, x: x + 3 + keyWidth, y: y + 2 + offset, width: width - keyWidth - 5)
        }
    }
}
