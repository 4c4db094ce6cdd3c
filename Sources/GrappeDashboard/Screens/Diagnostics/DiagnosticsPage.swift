import GrappeModel

/// The diagnostics of seeds that failed to load, and the store's warnings, each at its
/// `path:line:column`, in the interface's language. A long one is wrapped to the width (its
/// continuation indented), so that every word can be read at 80 columns.
extension Pages {
    static func diagnostics(state: DashboardState) -> [PageLine] {
        let width = max(20, state.width - 1)
        var lines: [PageLine] = [.heading(state.strings[.diagnostics])]
        for diagnostic in state.loaded.diagnostics {
            // Wrapped as it will be drawn: control characters from the files take their stand-ins'
            // width (`\e`, `\u{202E}`).
            let text = Sanitizer.visible(state.strings.say(diagnostic.french, diagnostic.english))
            for (index, piece) in Views.wrap(text, width: width - 2).enumerated() {
                lines.append(.text(index == 0 ? piece : "  " + piece, .warning))
            }
        }
        return lines
    }
}
