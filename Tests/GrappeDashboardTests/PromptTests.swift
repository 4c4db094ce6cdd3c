import GrappeDashboard
import GrappeModel
import Testing

/// Every prompt edits its line as the form's fields do, keeps a history per kind of prompt, lists
/// what Tab found, and replaces a pre-fill with what is typed.
@Suite struct PromptTests {
    static func send(_ keys: [Key], to state: inout DashboardState) { for key in keys { _ = state.handle(key) } }
    static func typed(_ text: String) -> [Key] { text.map { Key.character($0) } }

    @Test func theLineIsEditedLikeAFormField() {
        var editor = LineEditor("ville de laval")
        editor.apply(.move(.wordLeft))
        editor.apply(.deleteWord)
        #expect(editor.text == "ville laval" && editor.offset == 6)
        editor.apply(.insert("à "))
        editor.apply(.move(.start))
        editor.apply(.deleteForward)
        #expect(editor.text == "ille à laval")
        editor.apply(.move(.end))
        editor.apply(.deleteToStart)
        #expect(editor.text.isEmpty)
        var selected = LineEditor("picom", selected: true)
        selected.apply(.insert("l"))
        #expect(selected.text == "l", "a pre-fill is replaced by what is typed")
        var kept = LineEditor("picom", selected: true)
        kept.apply(.move(.end))
        kept.apply(.insert("s"))
        #expect(kept.text == "picoms", "a move keeps it to edit")
    }

    @Test func thePaletteEditsWithReadlineKeysAndRemembers() {
        var state = DashboardTests.state()
        Self.send([.character(":")] + Self.typed("show picomx") + [.left, .delete, .home, .right, .right, .end], to: &state)
        #expect(state.prompt?.text == "show picom")
        Self.send([.control("w")] + Self.typed("cqic") + [.enter], to: &state)
        #expect(state.place.screen == .card(.entity("cqic")))
        Self.send([.character(":")] + Self.typed("partners") + [.enter], to: &state)
        // ↑ walks this prompt's history, newest first; ↓ past the newest brings back what was typed.
        Self.send([.character(":")] + Self.typed("he") + [.up], to: &state)
        #expect(state.prompt?.text == "partners")
        Self.send([.up, .up], to: &state)
        #expect(state.prompt?.text == "show cqic")
        Self.send([.down, .down], to: &state)
        #expect(state.prompt?.text == "he")
        Self.send([.escape, .character("p"), .up], to: &state)
        #expect(state.prompt?.text != "partners", "the path finder has its own history")
    }

    @Test func tabListsTheCandidatesWhenSeveralFit() {
        var state = DashboardTests.state()
        Self.send([.character(":")] + Self.typed("show ly") + [.tab], to: &state)
        #expect(state.prompt?.text == "show lyon")
        #expect(state.prompt?.candidates == ["lyon", "lyon-infocite", "reunion-ecommerce-lyon-octobre", "reunions-ecommerce-lyon"])
        #expect(Views.render(state).text.contains(": show lyon▏  lyon · lyon-infocite · reunion-ecommerce-lyon-octobre"))
        Self.send(Self.typed("-") + [.tab], to: &state)
        #expect(state.prompt?.text == "show lyon-infocite" && state.prompt?.candidates.isEmpty == true)
    }

    @Test func thePathFinderReplacesItsPreFillAndStaysOpenOnANameItCannotFind() {
        var state = DashboardTests.state(.fr)
        Self.send([.character(":")] + Self.typed("voir picom") + [.enter, .character("p")], to: &state)
        #expect(state.prompt?.text == "picom" && state.prompt?.editor.selected == true)
        Self.send(Self.typed("nulle part") + [.enter], to: &state)
        #expect(state.prompt?.purpose == .pathFrom && state.prompt?.text == "nulle part", "still open, nothing lost")
        #expect(Views.render(state).text.contains("Aucun résultat\u{00A0}: nulle part"))
        Self.send([.control("u")] + Self.typed("ville de laval") + [.enter] + Self.typed("lille") + [.enter], to: &state)
        #expect(state.place.screen == .path(from: "ville-de-laval", to: "lille"))
    }
}
