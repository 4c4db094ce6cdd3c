import Foundation
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
    /// Ask the store what an undo (or redo) would take back: this author's change, and when there
    /// is none, the newest of anyone's (offered with a question).
    case planTakeBack(UndoRules.Direction)
    /// Take back the plan's entry (if it still may be).
    case takeBack(TakeBackPlan)
    /// Put text on the system clipboard through the terminal; `what` names it in the notice.
    case copy(String, what: String)
    /// Lay out a map off the main thread; the result comes back as `Message.mapLaidOut`.
    case layOutMap(MapRequest)
    /// Open a web address (http or https, checked) in the system's browser.
    case openLink(String)
    /// Build the catalogue off the main thread; it comes back as `Message.catalogueBuilt`.
    case buildCatalogue(CatalogueRequest)
    /// Read the store's whole workspace again (the journal could not be followed entry by entry).
    case rereadWorkspace
}

/// The application's own update: it routes a key to the help, the form, the prompt or the screen
/// in front, and carries out what belongs to no one screen (sections, history, recording, quitting).
/// Each screen's own commands live in its folder under `Screens/`.
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
        if case .asking(let plan) = store.takeBack { return answerTakeBack(key, plan) }
        if prompt != nil { return handlePrompt(key) }
        message = nil
        switch key {
        case .click(let x, let y): return handleClick(x: x, y: y)
        case .wheelUp, .wheelDown:
            place.screen.type.wheel(by: key == .wheelUp ? -3 : 3, state: &self)
            return nil
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
        case .section(let section): navigate(to: .section(section))
        case .historyBack: goBack()
        case .historyForward: goForward()
        // A pre-fill is selected: typing replaces it, ← or → keep it to edit.
        case .pathFinder: prompt = Prompt(purpose: .pathFrom, text: selectedEntity ?? "", selected: true)
        case .find:
            if case .search(let text) = place.screen {
                prompt = Prompt(purpose: .search, text: text, selected: true)
            } else {
                prompt = Prompt(purpose: .search, text: "")
            }
        case .newMission, .editMission, .undo, .redo: return record(command)
        case .copyID, .copyCard: return copy(command)
        case .map: openMap()
        case .openLink: return openLink()
        case .timeline: openTimeline()
        case .up, .down, .pageUp, .pageDown, .top, .bottom, .open, .back, .nextPane, .previousPane, .neighbourhood,
            .moreHops, .fewerHops, .filter, .sort, .sortReverse, .left, .right, .toggleTypes, .cycleKind, .allPartners:
            return place.screen.type.update(command, state: &self).first
        case .nextField, .previousField, .saveForm, .closeForm, .cycleRole, .cycleAttendance, .removeDelegate,
            .completionUp, .completionDown, .acceptCompletion, .deleteWord, .clearField, .deleteForward, .cursor:
            break  // the form's own commands: `handleForm` runs them while it is open
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

    /// How far a movement command takes the selection, in selectable lines; nil for other commands.
    func distance(_ command: Command) -> Int? {
        switch command {
        case .up: -1
        case .down: 1
        case .pageUp: -max(1, layout.bodyHeight - 2)
        case .pageDown: max(1, layout.bodyHeight - 2)
        case .top: Int.min / 2
        case .bottom: Int.max / 2
        default: nil
        }
    }

    /// Whether missions can be recorded now: a store that may write, and (for a server) answers.
    public var canRecord: Bool { store.notice == nil && !store.isOffline }

    /// Recording: a new mission, an edit, an undo, a redo; a store that cannot record says why instead.
    private mutating func record(_ command: Command) -> Effect? {
        if let notice = store.notice {
            message = "\(strings[.readOnlyStore])\(strings.colon)\(notice(strings))"
            return nil
        }
        if store.isOffline {
            message = strings[.offline]
            return nil
        }
        switch command {
        case .newMission: form = MissionForm(draft: MissionDraft(), language: strings.language)
        case .editMission:
            guard let id = selectedMission, let record = network.record(id) else { message = strings[.notAMission]; break }
            form = MissionForm(draft: MissionDraft(editing: record, version: store.versions[id] ?? 0), language: strings.language)
        case .undo, .redo:
            guard store.takeBack == .idle else {
                message = strings[.takeBackUnderWay]
                return nil
            }
            let direction: UndoRules.Direction = command == .undo ? .undo : .redo
            store.takeBack = .planning(direction)
            return .planTakeBack(direction)
        default: break
        }
        return nil
    }

    /// The answer to "undo …?": yes sends it; anything else leaves everything as it was.
    private mutating func answerTakeBack(_ key: Key, _ plan: TakeBackPlan) -> Effect? {
        if [.character("o"), .character("O"), .character("y"), .character("Y")].contains(key) {
            store.takeBack = .running(plan)
            message = strings[.saving]
            return .takeBack(plan)
        }
        store.takeBack = .idle
        message = strings[.nothingDone]
        return nil
    }

    /// "léo is editing this mission right now", when someone else is; nil when no one is.
    func editingNotice(_ id: ID) -> String? {
        guard let logins = store.presence[id], !logins.isEmpty else { return nil }
        return logins.joined(separator: ", ") + " " + strings[logins.count == 1 ? .isEditing : .areEditing]
    }

    /// The title of the record a change is about, as the network has it now; nil when it has none.
    func title(of plan: TakeBackPlan) -> String? {
        plan.origin.items.first { $0.kind == .record }.flatMap { network.record($0.id)?.title }
    }

    /// The mission the user is on: a mission's card, or the selected row of a list.
    var selectedMission: ID? {
        if case .card(.record(let id)) = place.screen, network.record(id)?.kind == .mission { return id }
        if let link = selectedLink, case .record(let id) = link, network.record(id)?.kind == .mission { return id }
        return nil
    }

    // MARK: history

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

    mutating func goForward() {
        guard let next = forward.popLast() else { return }
        back.append(place)
        place = next
    }

    // MARK: copying

    /// `y`: the id of the card in front, else of the row or link under the cursor; `Y`: its card as
    /// plain text (escapes shown, never sent).
    private mutating func copy(_ command: Command) -> Effect? {
        let item: Lookup.Item? = if case .card(let item) = place.screen { item } else { selectedLink }
        guard let item else {
            message = strings[.nothingToCopy]
            return nil
        }
        let id =
            switch item {
            case .entity(let id), .record(let id): id
            }
        guard command == .copyCard else { return .copy(id, what: id) }
        let text = Pages.lines(for: .card(item), state: self)
            .map { line in line.pieces.map(\.text).joined() }
            .joined(separator: "\n")
        return .copy(Sanitizer.visible(text, keepingLineBreaks: true), what: "\(strings[.cardOf]) \(id)")
    }

    /// `o`: the website of the entity in front (its card, or the row or mark under the cursor).
    private mutating func openLink() -> Effect? {
        guard let id = selectedEntity, let website = network.entity(id)?.website else {
            message = strings[.nothingToOpen]
            return nil
        }
        guard let url = URL(string: website), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
            message = "\(strings[.notAWebAddress])\(strings.colon)\(website)"
            return nil
        }
        return .openLink(url.absoluteString)
    }

    // MARK: the selection, whatever the screen

    /// The entity the user is on: a card's own entity, else the selected row or link.
    var selectedEntity: ID? {
        if case .card(.entity(let id)) = place.screen { return id }
        if let link = selectedLink, case .entity(let id) = link { return id }
        if case .neighbourhood(let id, _) = place.screen { return id }
        return nil
    }

    /// The item under the cursor: the selected row of a list, or the selected link of a page.
    var selectedLink: Lookup.Item? {
        place.screen.type.selection(in: self)
    }

    /// How many selectable lines the current screen has.
    var selectableCount: Int {
        place.screen.type.selectableCount(in: self)
    }

    /// Opens the card of the item under the cursor.
    mutating func open() {
        guard let item = selectedLink else { return }
        navigate(to: .card(item))
    }

    /// Moves the selection by `delta` selectable lines, within the screen.
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
        // A map waiting for its new layout keeps its selection: the layout puts it back on its mark.
        if place.screen.type.keepsSelection(in: self) { return }
        let count = selectableCount
        place.selection = count == 0 ? 0 : min(place.selection, count - 1)
    }

    // MARK: mouse

    /// A click on a tab opens its section; a click in the body goes to the screen in front.
    mutating func handleClick(x: Int, y: Int) -> Effect? {
        guard mouse else { return nil }
        if y == layout.tabsRow {
            if let tab = sectionTabs.tab(atColumn: x, width: width) { navigate(to: .section(Section.allCases[tab])) }
            return nil
        }
        guard (layout.bodyTop..<layout.bodyBottom).contains(y) else { return nil }
        place.screen.type.click(x: x, y: y, state: &self)
        return nil
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

extension DashboardState {
    /// How many selectable lines the screen in front has (for tests of the routing).
    public var selectableCountForTests: Int { selectableCount }
}
