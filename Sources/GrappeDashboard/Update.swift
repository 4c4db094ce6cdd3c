import GrappeAnalysis
import GrappeModel
import GrappeWorkspace

/// What the outside world must do after a key: the core itself does no I/O.
public enum Effect: Equatable, Sendable {
    case quit
    case reload
    /// Save a validated mission (one transaction), then forget the form's draft.
    case saveMission(Change, draftKey: String)
    /// Keep the form's content, so that a crash or a closed terminal loses nothing.
    case keepDraft(key: String, MissionDraft)
    case forgetDraft(key: String)
    case undo
}

extension DashboardState {
    /// The terminal's new size; the selection stays in view.
    public mutating func resize(width: Int, height: Int) {
        self.width = width
        self.height = height
        clampSelection()
    }

    /// Applies one key; returns the effect it asks for, if any.
    public mutating func handle(_ key: Key) -> Effect? {
        if key == .control("c") { return .quit }
        if form != nil, !help.isShown { return handleForm(key) }
        if prompt != nil { return handlePrompt(key) }
        message = nil
        switch key {
        case .click(let x, let y): return handleClick(x: x, y: y)
        case .wheelUp: move(by: -3); return nil
        case .wheelDown: move(by: 3); return nil
        default: break
        }
        guard let command = KeyMap.command(for: key, in: context) else { return nil }
        return run(command)
    }

    /// Carries out a command of the key map (or the palette); returns the effect it asks for, if any.
    public mutating func run(_ command: Command) -> Effect? {
        if help.isShown {
            scrollHelp(command)
            return nil
        }
        switch command {
        case .quit: return .quit
        case .help: help.isShown = true; help.scroll = 0
        case .palette: prompt = Prompt(purpose: .palette, text: "")
        case .reload:
            message = strings[.loading]
            return .reload
        case .section, .up, .down, .pageUp, .pageDown, .top, .bottom, .open, .back, .historyBack, .historyForward,
             .nextPane, .previousPane, .neighbourhood, .moreHops, .fewerHops:
            navigate(command)
        case .filter:
            if let section { prompt = Prompt(purpose: .filter, text: lists.filters[section] ?? "") }
        case .sort, .sortReverse:
            if let section { sortList(section, reverse: command == .sortReverse) }
        case .pathFinder:
            prompt = Prompt(purpose: .pathFrom, text: selectedEntity ?? "")
        case .newMission, .editMission, .undo:
            return record(command)
        case .nextField, .previousField, .saveForm, .closeForm, .cycleRole, .cycleAttendance, .removeDelegate,
             .completionUp, .completionDown, .acceptCompletion, .deleteWord, .clearField:
            break // the form's own commands: `handleForm` runs them while it is open
        }
        return nil
    }

    /// The help overlay scrolls; Esc or ? closes it.
    private mutating func scrollHelp(_ command: Command) {
        switch command {
        case .back, .help: help.isShown = false
        case .down: help.scroll += 1
        case .up: help.scroll = max(0, help.scroll - 1)
        case .pageDown: help.scroll += 10
        case .pageUp: help.scroll = max(0, help.scroll - 10)
        case .top: help.scroll = 0
        default: break
        }
    }

    /// Moving: between sections, rows and pages, through the history, to a neighbourhood.
    private mutating func navigate(_ command: Command) {
        switch command {
        case .section(let section): navigate(to: .section(section))
        case .up: move(by: -1)
        case .down: move(by: 1)
        case .pageUp: move(by: -max(1, layout.bodyHeight - 2))
        case .pageDown: move(by: max(1, layout.bodyHeight - 2))
        case .top: move(by: Int.min / 2)
        case .bottom: move(by: Int.max / 2)
        case .open: open()
        case .back:
            if let section, !(lists.filters[section] ?? "").isEmpty {
                lists.filters[section] = nil
                place.selection = 0
            } else {
                goBack()
            }
        case .historyBack: goBack()
        case .historyForward:
            if let next = forward.popLast() {
                back.append(place)
                place = next
            }
        case .nextPane, .previousPane:
            if layout.showsDetail { place.focusDetail.toggle() }
        case .neighbourhood:
            if let id = selectedEntity { navigate(to: .neighbourhood(id, hops: 1)) }
        case .moreHops, .fewerHops:
            changeHops(by: command == .moreHops ? 1 : -1)
        default: break
        }
    }

    /// Recording: a new mission, an edit, an undo; a store that cannot record says why instead.
    private mutating func record(_ command: Command) -> Effect? {
        if let notice = store.notice {
            message = "\(strings[.readOnlyStore]): \(notice)"
            return nil
        }
        switch command {
        case .newMission: form = MissionForm(draft: MissionDraft())
        case .editMission:
            guard let id = selectedMission, let record = network.record(id) else { message = strings[.notAMission]; break }
            form = MissionForm(draft: MissionDraft(editing: record, version: store.versions[id] ?? 0))
        case .undo: return .undo
        default: break
        }
        return nil
    }

    /// The mission the user is on: a mission's card, or the selected row of a list.
    var selectedMission: ID? {
        if case .card(.record(let id)) = place.screen, network.record(id)?.kind == .mission { return id }
        if let link = selectedLink, case .record(let id) = link, network.record(id)?.kind == .mission { return id }
        return nil
    }

    // MARK: navigation

    /// Opens a screen, keeping the current one in the history.
    public mutating func navigate(to screen: Screen) {
        guard screen != place.screen else { return }
        back.append(place)
        if back.count > 200 { back.removeFirst() }
        forward.removeAll()
        place = Place(screen)
    }

    mutating func goBack() {
        guard let previous = back.popLast() else { return }
        forward.append(place)
        place = previous
    }

    /// The entity the user is on: a card's own entity, else the selected row or link.
    var selectedEntity: ID? {
        if case .card(.entity(let id)) = place.screen { return id }
        if let link = selectedLink, case .entity(let id) = link { return id }
        if case .neighbourhood(let id, _) = place.screen { return id }
        return nil
    }

    /// The item under the cursor: the selected row of a list, or the selected link of a page.
    var selectedLink: Lookup.Item? {
        if let section, section != .home {
            if place.focusDetail, layout.showsDetail {
                let row = visibleRows(section)[safe: place.selection]
                return row.flatMap { Pages.lines(for: .card($0.item), state: self).compactMap(\.link)[safe: place.detailSelection] }
            }
            return visibleRows(section)[safe: place.selection]?.item
        }
        return Pages.lines(for: place.screen, state: self).compactMap(\.link)[safe: place.selection]
    }

    mutating func open() {
        guard let item = selectedLink else { return }
        navigate(to: .card(item))
    }

    /// How many selectable lines the current screen has.
    var selectableCount: Int {
        if let section {
            if section == .home { return 0 }
            if place.focusDetail, layout.showsDetail, let row = visibleRows(section)[safe: place.selection] {
                return Pages.lines(for: .card(row.item), state: self).count { $0.link != nil }
            }
            return visibleRows(section).count
        }
        return Pages.lines(for: place.screen, state: self).count { $0.link != nil }
    }

    mutating func move(by delta: Int) {
        let count = selectableCount
        guard count > 0 else { return }
        if place.focusDetail, layout.showsDetail {
            place.detailSelection = max(0, min(count - 1, place.detailSelection.addingReportingOverflow(delta).partialValue))
        } else {
            let target = delta > count ? count - 1 : (delta < -count ? 0 : place.selection + delta)
            place.selection = max(0, min(count - 1, target))
            place.detailSelection = 0
        }
    }

    mutating func clampSelection() {
        let count = selectableCount
        place.selection = count == 0 ? 0 : min(place.selection, count - 1)
    }

    // MARK: mouse

    mutating func handleClick(x: Int, y: Int) -> Effect? {
        guard mouse else { return nil }
        let layout = layout
        if y == layout.tabsRow {
            if let tab = Views.tabRanges(self).first(where: { $0.range.contains(x) }) { navigate(to: .section(tab.section)) }
            return nil
        }
        guard (layout.bodyTop..<layout.bodyBottom).contains(y) else { return nil }
        if let section, section != .home {
            if layout.showsDetail, x >= layout.detailX { return nil }
            let index = Views.listScroll(self) + (y - layout.bodyTop - 1)
            guard y > layout.bodyTop, index < visibleRows(section).count else { return nil }
            if index == place.selection, !place.focusDetail { open() } else { place.selection = index; place.focusDetail = false; place.detailSelection = 0 }
            return nil
        }
        let lines = Pages.lines(for: place.screen, state: self)
        let lineIndex = Views.pageScroll(self, lines: lines) + (y - layout.bodyTop)
        guard let line = lines[safe: lineIndex], line.link != nil else { return nil }
        let linkIndex = lines[..<lineIndex].count { $0.link != nil }
        if linkIndex == place.selection { open() } else { place.selection = linkIndex }
        return nil
    }

    // MARK: prompts

    mutating func handlePrompt(_ key: Key) -> Effect? {
        guard var prompt else { return nil }
        switch key {
        case .escape:
            if prompt.purpose == .filter, let section { lists.filters[section] = nil; place.selection = 0 }
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
        return nil
    }

    mutating func submit(_ prompt: Prompt) -> Effect? {
        switch prompt.purpose {
        case .filter:
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
            message = "\(strings[.noMatch]): \(text) (\(items.count))"
        default:
            message = "\(strings[.noMatch]): \(text)"
        }
        return nil
    }

    static let paletteCommands = ["home", "partners", "clusters", "cities", "people", "agreements", "missions", "projects",
                                  "show", "path", "lang", "reload", "help", "quit"]

    mutating func runPalette(_ text: String) -> Effect? {
        let words = text.split(separator: " ").map(String.init)
        guard let command = words.first.map({ TextFolding.fold($0) }) else { return nil }
        let sections: [String: Section] = ["home": .home, "accueil": .home, "partners": .partners, "partenaires": .partners,
                                           "clusters": .clustersAndPoles, "grappes": .clustersAndPoles, "poles": .clustersAndPoles,
                                           "cities": .cities, "villes": .cities, "people": .people, "personnes": .people,
                                           "agreements": .agreements, "ententes": .agreements, "missions": .missions,
                                           "projects": .projects, "projets": .projects]
        if let section = sections[command] {
            navigate(to: .section(section))
            return nil
        }
        switch command {
        case "quit", "q", "quitter": return .quit
        case "reload", "recharger":
            message = strings[.loading]
            return .reload
        case "help", "aide": help.isShown = true
        case "lang", "langue":
            if let language = words.dropFirst().first.flatMap({ Language(rawValue: $0.lowercased()) }) {
                strings = Strings(language)
            } else {
                strings = Strings(strings.language == .fr ? .en : .fr)
            }
        case "show", "voir":
            let query = words.dropFirst().joined(separator: " ")
            switch catalogue.lookup.find(query) {
            case .one(let item): navigate(to: .card(item))
            case .several(let items): navigate(to: .card(items[0]))
            case .none: message = "\(strings[.noMatch]): \(query)"
            }
        case "path", "chemin":
            let arguments = Array(words.dropFirst())
            guard arguments.count >= 2, let from = resolveEntity(arguments[0]), let to = resolveEntity(arguments.dropFirst().joined(separator: " ")) else {
                if arguments.count < 2 { message = "path A B" }
                return nil
            }
            navigate(to: .path(from: from, to: to))
        default:
            message = "\(strings[.commandUnknown]): \(command)"
        }
        return nil
    }

    /// Tab completion: palette commands, then ids of entities and records by folded prefix.
    func complete(_ prompt: Prompt) -> String {
        let text = prompt.text
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard let last = words.last else { return text }
        let completingCommand = prompt.purpose == .palette && words.count == 1
        let candidates: [String]
        if completingCommand {
            candidates = Self.paletteCommands.filter { $0.hasPrefix(TextFolding.fold(last)) }
        } else {
            guard !last.isEmpty else { return text }
            let recordsToo = prompt.purpose == .palette && ["show", "voir"].contains(words.first)
            candidates = catalogue.lookup.completions(for: TextFolding.fold(last), limit: 50) { item in
                if case .entity = item { true } else { recordsToo }
            }.map(\.id).sorted()
        }
        guard let first = candidates.first else { return text }
        var common = first
        for candidate in candidates.dropFirst() {
            while !candidate.hasPrefix(common) { common.removeLast() }
        }
        words[words.count - 1] = candidates.count == 1 ? first + (completingCommand ? " " : "") : (common.count >= last.count ? common : last)
        return words.joined(separator: " ")
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
