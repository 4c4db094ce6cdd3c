/// The diagnostics of seeds that failed to load, each at its `path:line:column`.
extension Pages {
    static func diagnostics(state: DashboardState) -> [PageLine] {
        [.heading(state.strings[.diagnostics])] + state.loaded.diagnostics.map { .text($0, .warning) }
    }
}
