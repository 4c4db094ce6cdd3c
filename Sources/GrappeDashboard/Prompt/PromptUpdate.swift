import GrappeAnalysis
import GrappeModel

/// The one-line prompt: typing, Tab completion, Esc, and what Enter does for each purpose (a filter,
/// the path finder's two ends, the palette).
extension DashboardState {
    mutating func handlePrompt(_ key: Key) -> Effect? {
        guard var prompt else { return nil }
        message = nil
        switch key {
        case .escape:
            if prompt.purpose == .filter, let section { lists.filters[section] = nil; place.selection = 0 }
            if prompt.purpose == .search, case .search = place.screen { goBack() }
            self.prompt = nil
            return nil
        case .enter:
            remember(prompt)
            self.prompt = nil
            return submit(prompt)
        case .backspace where prompt.text.isEmpty:
            self.prompt = nil
            return nil
        case .tab:
            let (text, candidates) = complete(prompt)
            prompt.text = text
            prompt.candidates = candidates
        case .up, .down:
            recall(key == .up ? -1 : 1, into: &prompt)
        default:
            guard let edit = LineEditor.edit(for: key) else { return nil }
            prompt.editor.apply(edit)
            prompt.candidates = []
        }
        self.prompt = prompt
        if prompt.purpose == .filter, let section {
            lists.filters[section] = prompt.text.isEmpty ? nil : prompt.text
            place.selection = 0
            place.detailSelection = 0
        }
        if prompt.purpose == .search { showSearch(prompt.text) }
        return nil
    }

    /// Keeps what was entered at a prompt for ↑, once (the same line twice in a row is kept once).
    private mutating func remember(_ prompt: Prompt) {
        let text = prompt.text.trimmingSpaces()
        guard !text.isEmpty else { return }
        var lines = promptHistory[prompt.historyKey] ?? []
        if lines.last != text { lines.append(text) }
        promptHistory[prompt.historyKey] = Array(lines.suffix(100))
    }

    /// ↑ (`step` -1) an older line of this prompt's history, ↓ a newer one, and past the newest the
    /// line that was being typed.
    private func recall(_ step: Int, into prompt: inout Prompt) {
        let lines = promptHistory[prompt.historyKey] ?? []
        guard !lines.isEmpty else { return }
        if prompt.historyIndex == nil {
            guard step < 0 else { return }
            prompt.typed = prompt.text
            prompt.historyIndex = lines.count - 1
        } else if let index = prompt.historyIndex {
            let next = index + step
            if next >= lines.count {
                prompt.historyIndex = nil
                prompt.text = prompt.typed
                return
            }
            prompt.historyIndex = max(0, next)
        }
        prompt.text = lines[prompt.historyIndex!]
        prompt.candidates = []
    }

    /// The results of a search as the user types: the search screen in front, updated in place (one
    /// step in the history, not one per letter).
    mutating func showSearch(_ text: String) {
        if case .search = place.screen {
            place = Place(.search(text))
        } else {
            navigate(to: .search(text))
        }
    }

    mutating func submit(_ prompt: Prompt) -> Effect? {
        switch prompt.purpose {
        case .filter, .search:
            return nil
        case .pathFrom:
            // A name that finds no one, or several, leaves the prompt open with what was typed
            // (what is typed next edits it, never runs as commands) and says why.
            guard let from = resolveEntity(prompt.text) else { self.prompt = prompt; return nil }
            self.prompt = Prompt(purpose: .pathTo(from: from), text: "")
        case .pathTo(let from):
            guard let to = resolveEntity(prompt.text) else { self.prompt = prompt; return nil }
            navigate(to: .path(from: from, to: to))
        case .palette:
            return runPalette(prompt.text)
        }
        return nil
    }

    mutating func resolveEntity(_ text: String) -> ID? {
        switch catalogue.lookup.find(text) {
        case .one(.entity(let id)): return id
        case .several(let items):
            if let first = items.first(where: { if case .entity = $0 { true } else { false } }), items.count == 1 { return first.id }
            message = "\(strings[.noMatch])\(strings.colon)\(text) (\(items.count))"
        default:
            message = "\(strings[.noMatch])\(strings.colon)\(text)"
        }
        return nil
    }
}
