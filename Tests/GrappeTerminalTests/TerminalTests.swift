import GrappeDashboard
import Testing

@testable import GrappeTerminal

#if canImport(Glibc)
import Glibc
#endif

/// What the terminal layer sends for a cell and what it makes of typed bytes; the drawing itself is
/// tested end to end, in tmux (GrappeCLITests).
@Suite struct TerminalTests {
    @Test func aFlagSendsOneIndicatorPerCell() {
        let (cell, next, _) = Terminal.drawable("🇫🇷")
        #expect(cell == [wchar_t(0x1F1EB)])
        #expect(next == wchar_t(0x1F1F7))
    }

    @Test func combiningMarksStayInTheirCell() {
        let (cell, next, _) = Terminal.drawable("e\u{0301}")
        #expect(cell == [wchar_t(0x65), wchar_t(0x301)])
        #expect(next == nil)
    }

    @Test func selectorsJoinersAndWhatFollowsThemAreLeftOut() {
        #expect(Terminal.drawable("❤\u{FE0F}").cell == [wchar_t(0x2764), wchar_t(0xFE0F)], "the variation selector is kept")
        #expect(Terminal.drawable("👩\u{200D}💻").cell == [wchar_t(0x1F469)])
        #expect(Terminal.drawable("👩\u{200D}💻").joined == "\u{200D}💻", "written after the frame, joined by the terminal")
        #expect(Terminal.drawable("👍🏽").cell == [wchar_t(0x1F44D)], "a skin tone is no mark")
        #expect(Terminal.drawable("é").cell == [wchar_t(0xE9)])
    }

    @Test func typedControlCodesAreKeys() {
        #expect(Terminal.key(typed: 0x0D) == .enter)
        #expect(Terminal.key(typed: 0x0A) == .enter)
        #expect(Terminal.key(typed: 0x1B) == .escape)
        #expect(Terminal.key(typed: 0x7F) == .backspace)
        #expect(Terminal.key(typed: 0x08) == .backspace, "Ctrl-H is backspace, not Ctrl-h")
        #expect(Terminal.key(typed: 0x09) == .tab)
        #expect(Terminal.key(typed: 0x03) == .control("c"))
        #expect(Terminal.key(typed: 0x12) == .control("r"))
        #expect(Terminal.key(typed: 0xE9) == .character("é"))
        #expect(Terminal.key(typed: 0x1F1EB) == .character("🇫"))
        #expect(Terminal.key(typed: 0xD800) == nil, "a lone surrogate is no character")
    }

    /// SGR (1006) mouse reports say any column, past the 223 of X10 reports.
    @Test func sgrMouseReportsAreReadAtAnyColumn() {
        #expect(Terminal.sgrEvent("0;250;6", pressed: true) == .click(x: 249, y: 5))
        #expect(Terminal.sgrEvent("64;3;3", pressed: true) == .wheelUp)
        #expect(Terminal.sgrEvent("65;3;3", pressed: true) == .wheelDown)
        #expect(Terminal.sgrEvent("0;250;6", pressed: false) == nil, "a release is nothing")
        #expect(Terminal.sgrEvent("32;5;5", pressed: true) == nil, "motion is nothing")
        #expect(Terminal.sgrEvent("0;x;6", pressed: true) == nil && Terminal.sgrEvent("0;0;6", pressed: true) == nil)
    }
}
