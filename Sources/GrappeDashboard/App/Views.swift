import GrappeAnalysis
import GrappeModel
import GrappeWords
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
        state.place.screen.type.render(into: &canvas, area: state.layout.body, state: state)
    }

    // MARK: frame

    static func header(_ canvas: inout Canvas, _ state: DashboardState) {
        let s = state.strings
        canvas.fill(x: 0, y: 0, width: state.width, style: .header)
        let counts = state.catalogue.counts.byEntityKind
        let parts = EntityKind.allCases.compactMap { kind in counts[kind].map { s.count($0, kind) } }
        let badge = state.store.isOffline ? " \(s[.offlineBadge]) " : state.store.notice == nil ? "" : " \(s[.readOnlyBadge]) "
        let asOf = state.asOf.map { " \(s.asOf($0)) " } ?? ""
        let language = badge + asOf + " \(state.strings.language.rawValue.uppercased()) "
        let used = canvas.put(" \(state.network.name)", x: 0, y: 0, style: .header)
        canvas.put(
            " · \(s.number(state.network.entities.count)) \(s[.entities]) — " + parts.joined(separator: " · "), x: used, y: 0,
            width: max(0, state.width - used - language.count), style: CellStyle(.header))
        canvas.put(language, x: state.width - language.count, y: 0, style: CellStyle(.header, bold: true, reverse: true))
    }

    static func tabs(_ canvas: inout Canvas, _ state: DashboardState) {
        state.sectionTabs.render(into: &canvas, area: Rect(x: 0, y: state.layout.tabsRow, width: state.width, height: 1))
    }

    /// On Home and pages, whether there is more above or below the body, and how many lines below
    /// ("▲▼ 12"); nil when it all fits, and for lists (which show their position instead).
    static func scrollMark(_ state: DashboardState) -> String? {
        guard let (scroll, total) = state.place.screen.type.extent(in: state) else { return nil }
        let below = total - scroll - state.layout.bodyHeight
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
            // A list still being built has no position yet.
            let position =
                " "
                + (rows.building
                    ? "…"
                    : state.strings.position(state.place.selection, of: rows.count, total: rows.all.count, filtering: filtering)) + " "
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

    /// The prompt's line from `x`, with its cursor (a pre-fill shown selected); where it ends.
    static func promptLine(_ canvas: inout Canvas, _ state: DashboardState, _ prompt: Prompt, x start: Int) -> Int {
        let row = state.layout.promptRow
        let limit = state.width - start - 1
        if prompt.editor.selected {
            return start + canvas.put(prompt.text, x: start, y: row, style: .selected, limit: limit)
        }
        let (before, after) = prompt.editor.aroundCursor
        var x = start + canvas.put(String(before), x: start, y: row, style: .bold, limit: limit)
        x += canvas.put("▏", x: x, y: row, style: .accent)
        return x + canvas.put(String(after), x: x, y: row, style: .bold, limit: max(0, state.width - x - 1))
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
            let label: String =
                switch prompt.purpose {
                case .filter: "/"
                case .search: "\(s[.searchTitle]) /"
                case .palette: ":"
                case .pathFrom: "\(s[.pathFinder]) · \(s[.pathFrom]) :"
                case .pathTo(let from): "\(s[.pathFinder]) · \(state.catalogue.name(from)) → \(s[.pathTo]) :"
                }
            var x = canvas.put(label + " ", x: 0, y: layout.promptRow, style: .accent)
            x = promptLine(&canvas, state, prompt, x: x)
            // After the line: why Enter did not go on, else what Tab found, else what to type.
            if x + 4 < state.width {
                let hint = prompt.purpose == .palette ? s[.paletteHint] : prompt.purpose == .search ? s[.searchHint] : s[.selectPartner]
                let (after, style): (String?, CellStyle) =
                    if let message = state.message {
                        (message, .warning)
                    } else if !prompt.candidates.isEmpty {
                        (prompt.candidates.joined(separator: " · "), .accent)
                    } else {
                        (prompt.purpose == .filter ? nil : hint, .muted)
                    }
                if let after { canvas.put(after, x: x + 2, y: layout.promptRow, width: state.width - x - 2, style: style) }
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
        Box(title: " \(s[.helpTitle]) — \(s[.keysOf]) ").render(into: &canvas, area: Rect(x: x, y: y, width: width, height: height))
        let keyWidth = min(22, lines.map { TextWidth.of($0.0) }.max() ?? 10)
        let visible = height - 3
        let scroll = min(state.help.scroll, max(0, lines.count - visible))
        for (offset, line) in lines.dropFirst(scroll).prefix(visible).enumerated() {
            canvas.put(line.0, x: x + 2, y: y + 2 + offset, width: keyWidth, style: .bold)
            canvas.put(line.1, x: x + 3 + keyWidth, y: y + 2 + offset, width: width - keyWidth - 5)
        }
        // When the keys do not all fit, the frame says what is above and below, as pages do ("▲▼ 12").
        let below = lines.count - scroll - visible
        if scroll > 0 || below > 0 {
            let mark = " " + (scroll > 0 ? "▲" : "") + (below > 0 ? "▼ \(s.number(below))" : "") + " "
            canvas.put(mark, x: x + width - 2 - TextWidth.of(mark), y: y + height - 1, style: .accent)
        }
    }
}
