import GrappeModel
import Testing

@Suite struct TextTests {
    @Test func foldingIgnoresCaseAndAccents() {
        #expect(TextFolding.fold("TechnoMontréal") == "technomontreal")
        #expect(TextFolding.fold("Pôle") == "pole")
        #expect(TextFolding.fold("Œuvre Île-de-France") == "oeuvre ile-de-france")
        #expect(TextFolding.fold("Montre\u{301}al") == "montreal")
        // Beyond French: decomposition, and the letters it does not split.
        #expect(TextFolding.fold("Đà Nẵng") == "da nang")
        #expect(TextFolding.fold("Phở Ngư Ông") == "pho ngu ong")
        #expect(TextFolding.fold("Øresund Łódź İzmir Ærø") == "oresund lodz izmir aero")
    }

    @Test func namesSortWithoutTheirLeadingEmojiAndGraphemesStayWhole() {
        #expect(TextFolding.sortKey("👩‍💻 Devs Québec") == "devs quebec")
        #expect(TextFolding.sortKey("🇫🇷 « France » Numérique") == "france » numerique")
        #expect(TextFolding.sortKey("★★★") == "★★★")
        let names = ["Zèbre", "👩‍💻 Devs Québec", "Café ❤️ Montréal", "🇫🇷 France"].sorted { TextFolding.sortKey($0) < TextFolding.sortKey($1) }
        #expect(names == ["Café ❤️ Montréal", "👩‍💻 Devs Québec", "🇫🇷 France", "Zèbre"])
        // A cluster is measured and cut whole: never half an emoji, never a lost selector.
        #expect(TextWidth.of("👩‍💻 Devs") == 7 && TextWidth.of("🇫🇷") == 2)
        #expect(TextWidth.truncated("👩‍💻 Devs Québec", to: 4) == "👩‍💻 …")
        #expect(TextWidth.truncated("Café ❤️ Montréal", to: 7).unicodeScalars.contains("\u{FE0F}"))
    }

    @Test func suggestsTheNearestWord() {
        #expect(Suggestion.nearest(to: "nmae", in: ["id", "name", "acronym"]) == "name")
        #expect(Suggestion.nearest(to: "lile", in: ["laval", "lille", "lyon"]) == "lille")
        #expect(Suggestion.nearest(to: "technomontral", in: ["picom", "technomontreal"]) == "technomontreal")
        #expect(Suggestion.nearest(to: "zzzzzz", in: ["laval", "lille"]) == nil)
    }

    @Test func sanitizerShowsControlCharacters() {
        #expect(Sanitizer.visible("PICOM\u{1B}[31m") == "PICOM\\e[31m")
        #expect(Sanitizer.visible("a\nb\tc\u{7}") == "a\\nb\\tc\\u{7}")
        #expect(Sanitizer.visible("\u{202E}evil") == "\\u{202E}evil")
        #expect(Sanitizer.visible("Montréal 東京 🎉") == "Montréal 東京 🎉")
    }

    @Test func terminalEscapingKeepsEachFormatsMeaning() {
        let hostile = "a\u{1B}]0;t\u{7}b\u{85}c\u{202E}d\u{7F}é\n\t🎉"
        #expect(TerminalEscaping.json.escape(hostile) == "a\\u001B]0;t\\u0007b\\u0085c\\u202Ed\\u007Fé\n\t🎉")
        #expect(TerminalEscaping.characterReference.escape(hostile) == "a&#x1B;]0;t&#x7;b&#x85;c&#x202E;d&#x7F;é\n\t🎉")
        #expect(TerminalEscaping.visible.escape(hostile) == "a\\e]0;t\\u{7}b\\u{85}c\\u{202E}d\\u{7F}é\n\t🎉")
        #expect(TerminalEscaping.json.escape("Montréal 東京 ⁦ok") == "Montréal 東京 \\u2066ok")
        #expect(TerminalEscaping.json.escape("plain “quotes” – dash") == "plain “quotes” – dash", "other E2 characters stay")
    }
}
