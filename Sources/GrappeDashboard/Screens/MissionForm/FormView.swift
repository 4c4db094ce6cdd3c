import GrappeModel
import GrappeWorkspace

/// The mission form on screen: a label column, one row per field, errors in red under their field,
/// completions under the focused one.
extension Views {
    struct FormLine {
        var pieces: [(String, CellStyle)]
        /// Set on a field's own row (not on its errors or completions).
        var field: MissionForm.Field?
        var isFocus = false
    }

    /// What a field shows: its text (with the cursor when focused) or its placeholder; a delegate's
    /// id, name, role and attendance.
    private static func fieldValue(
        _ field: MissionForm.Field, _ state: DashboardState, _ form: MissionForm, focused: Bool
    )
        -> [(String, CellStyle)]
    {
        let s = state.strings
        func withCursor(_ text: String) -> [(String, CellStyle)] {
            let at = text.index(text.startIndex, offsetBy: form.cursorOffset)
            return [(String(text[..<at]), .bold), ("▏", .accent), (String(text[at...]), .bold)]
        }
        switch field {
        case .text(let name):
            let text = form.texts[name] ?? ""
            if focused { return withCursor(text) }
            return text.isEmpty ? [(s.placeholder(name), .muted)] : [(text, .plain)]
        case .delegate(let number):
            guard let delegate = form.delegates[safe: number] else { return focused ? [] : [(s[.addDelegate], .muted)] }
            let role = PartyRole(rawValue: delegate.role).map(s.role) ?? delegate.role
            let attendance = delegate.attendance.isEmpty ? s[.attendanceNotSaid] : s.attendance(delegate.attendance)
            var value = focused ? withCursor(delegate.who) : [(delegate.who, .plain)]
            if let name = state.network.entity(delegate.who)?.name, name != delegate.who { value.append(("  " + name, .muted)) }
            value.append(("  · \(role) · \(attendance)", .accent))
            return value
        }
    }

    static func formLines(_ state: DashboardState, _ form: MissionForm, valueWidth: Int) -> [FormLine] {
        let s = state.strings
        var lines: [FormLine] = []
        for (index, field) in form.fields.enumerated() {
            let focused = index == min(form.focus, form.fields.count - 1)
            var value = fieldValue(field, state, form, focused: focused)
            if focused, value.isEmpty { value.append(("▏", .accent)) }
            lines.append(FormLine(pieces: value, field: field, isFocus: focused))
            // A field both people changed: theirs and mine, side by side, until settled.
            if let conflict = form.merge?.conflicts.first(where: { form.row(of: $0.field) == index }) {
                let text =
                    "≠ \(s[.theirs]) (\(form.mergeAuthor))\(s.colon)\(state.shown(conflict.field, in: conflict.theirs)) · "
                    + "\(s[.yours])\(s.colon)\(state.shown(conflict.field, in: conflict.mine))"
                for (number, piece) in wrap(text, width: max(10, valueWidth - 1)).enumerated() {
                    lines.append(FormLine(pieces: [((number == 0 ? "" : "  ") + piece, .warning)]))
                }
            }
            for issue in form.issues(for: field) {
                let entry = field == .text(.delegates) ? nil : issue.index.map { "#\($0 + 1) " }
                // Errors wrap rather than lose their end at the edge of the screen.
                for (number, piece) in wrap("↳ " + (entry ?? "") + issue.message, width: max(10, valueWidth - 1)).enumerated() {
                    lines.append(FormLine(pieces: [((number == 0 ? "" : "  ") + piece, .error)]))
                }
            }
            if focused {
                for (number, completion) in form.completions.enumerated() {
                    let style: CellStyle = number == form.completionIndex ? .selected : .accent
                    lines.append(
                        FormLine(pieces: [
                            ("  " + completion.label, style), (completion.label == completion.value ? "" : "  " + completion.value, .muted),
                        ]))
                }
            }
        }
        return lines
    }

    /// Words laid into lines of at most `width` columns (a word longer than that is cut).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if TextWidth.of(candidate) <= width || current.isEmpty {
                current = candidate
            } else {
                lines.append(current)
                current = word
            }
        }
        lines.append(current)
        return lines.map { TextWidth.truncated($0, to: width) }
    }

    static func formLabel(_ state: DashboardState, _ field: MissionForm.Field) -> String {
        switch field {
        case .text(let name): state.strings.field(name)
        case .delegate(0): state.strings[.delegates]
        case .delegate: ""
        }
    }

    static func form(_ canvas: inout Canvas, _ state: DashboardState, _ form: MissionForm) {
        let layout = state.layout
        let s = state.strings
        let title = form.isNew ? s[.newMissionTitle] : "\(s[.editMissionTitle]) · \(form.missionID ?? "") · v\(form.baseVersion)"
        let used = canvas.put(" " + title + (form.isDirty ? " •" : ""), x: 0, y: layout.bodyTop, width: state.width, style: .header)
        if let id = form.missionID, let editing = state.editingNotice(id), used + 4 < state.width {
            canvas.put("  ✎ " + editing, x: used, y: layout.bodyTop, width: state.width - used, style: .warning)
        }
        let labelWidth = min(max(12, state.width / 4), 2 + form.fields.map { TextWidth.of(formLabel(state, $0)) }.max()!)
        let valueX = labelWidth + 3
        let lines = formLines(state, form, valueWidth: state.width - valueX)
        let top = layout.bodyTop + 1
        let height = max(1, layout.bodyHeight - 1)
        let focusLine = lines.firstIndex { $0.isFocus } ?? 0
        // Keep the focused field, its errors and its completions in view.
        let lastWanted = min(lines.count - 1, focusLine + form.issues(for: form.focused).count + form.completions.count)
        let scroll = max(0, min(focusLine, lastWanted - height + 1))
        for (index, line) in lines.enumerated() {
            let y = top + index - scroll
            guard y >= top, y < layout.bodyBottom else { continue }
            if let field = line.field {
                let style: CellStyle = line.isFocus ? CellStyle(.accent, bold: true) : .muted
                canvas.put(line.isFocus ? "›" : " ", x: 0, y: y, style: style)
                canvas.put(formLabel(state, field), x: 1, y: y, width: labelWidth, style: style)
            }
            var x = valueX
            // A row wider than the screen ends with "…" where it is cut.
            for (number, (text, style)) in line.pieces.enumerated() where x < state.width {
                let room = state.width - x, width = TextWidth.of(text)
                let more = line.pieces[(number + 1)...].contains { !$0.0.isEmpty }
                let cut = width > room || (width == room && more)
                let shown = cut ? TextWidth.truncated(text + (width == room ? " " : ""), to: room) : text
                x += canvas.put(shown, x: x, y: y, style: style, limit: room)
            }
        }
    }
}
