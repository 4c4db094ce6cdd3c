import GrappeAnalysis
import GrappeModel

/// The one-line prompt: typing, Tab completion, Esc, and what Enter does for each purpose (a filter,
/// the path finder's two ends, the palette).
extension DashboardState {
    mutating func handlePrompt(_ key: Key) -> Effect? {
        guard var prompt else { return nil }
        switch key {
        case .escape:
            if prompt.purpose == .filter, let section { lists.filters[section] = nil; place.selection = 0 }
            if prompt.purpose == .search, case .search = place.screen { goBack() }
            self.prompt = nil
            return nil
        case .enter:
            self.prompt = nil
            return submit(prompt)
        case .backspace:
            if prompt.text.isEmpty {
                self.prompt = nil
                return nil
            }
            prompt.text.removeLast()
        case .tab:
            prompt.text = complete(prompt)
        case .character(let character):
            prompt.text.append(character)
        case .paste(let text):
            prompt.text += Key.typedText(ofPaste: text)
        default:
            return nil
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
            guard let from = resolveEntity(prompt.text) else { return nil }
            self.prompt = Prompt(purpose: .pathTo(from: from), text: "")
        case .pathTo(let from):
            guard let to = resolveEntity(prompt.text) else { return nil }
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
