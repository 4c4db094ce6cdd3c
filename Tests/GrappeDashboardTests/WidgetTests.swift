import GrappeModel
import Testing

@testable import GrappeDashboard

/// Each widget drawn into a canvas of its own size, text and styles compared cell by cell (as
/// ratatui's buffer tests do), and its hit tests, which clicks use instead of drawing.
@Suite struct WidgetTests {
    static let lines: [PageLine] = [
        .heading("Liens"),
        PageLine([("→ ", .muted), ("PICOM", .plain)], link: .entity("picom")),
        .text("texte sans lien"),
        PageLine([("→ ", .muted), ("Lille 🇫🇷", .plain)], link: .entity("lille")),
        PageLine([("→ ", .muted), ("Montréal", .plain)], link: .entity("montreal")),
    ]

    @Test func pageViewDrawsTheSelectedLinkReversed() {
        var canvas = Canvas(width: 12, height: 3)
        PageView(lines: Self.lines, selection: 0).render(into: &canvas, area: Rect(x: 0, y: 0, width: 12, height: 3))
        #expect(canvas.text == "Liens\n→ PICOM\ntexte sans …", "a line too long is cut with an ellipsis")
        #expect(canvas.styles == "HHHHH\nSSSSSSSSSSSS\n", "the selected link fills its row")
        var second = Canvas(width: 12, height: 3)
        PageView(lines: Self.lines, selection: 1).render(into: &second, area: Rect(x: 0, y: 0, width: 12, height: 3))
        #expect(second.text == "texte sans …\n→ Lille 🇫🇷\n→ Montréal", "scrolled so that the selected link has a line above it")
        #expect(second.styles == "\nSSSSSSSSSSS\nmm", "a flag is one character in two cells")
    }

    @Test func pageViewUnfocusedShowsNoSelection() {
        var canvas = Canvas(width: 10, height: 2)
        PageView(lines: Self.lines, selection: 0, focused: false, free: 0).render(into: &canvas, area: Rect(x: 0, y: 0, width: 10, height: 2))
        #expect(canvas.text == "Liens\n→ PICOM")
        #expect(canvas.styles == "HHHHH\nmm")
    }

    @Test func pageViewScrollsToTheSelectionWithoutFreeScroll() {
        let view = PageView(lines: Self.lines, selection: 2)
        #expect(view.scroll(height: 3) == 3, "the third link is line 4: one line of context above it")
        #expect(PageView(lines: Self.lines, selection: 0, free: 99).scroll(height: 3) == 2, "never past the end")
    }

    @Test func pageViewAnswersWhatIsAtARow() {
        let area = Rect(x: 5, y: 10, width: 20, height: 3)
        let view = PageView(lines: Self.lines, selection: 0, free: 1)
        #expect(view.line(atRow: 9, in: area) == nil)
        #expect(view.line(atRow: 10, in: area) == 1)
        #expect(view.link(atRow: 10, in: area) == 0)
        #expect(view.link(atRow: 11, in: area) == nil, "a line without a link")
        #expect(view.link(atRow: 12, in: area) == 1)
        #expect(view.line(atRow: 13, in: area) == nil)
    }

    @Test func tabsGiveWayWidestFirstAndAnswerClicks() {
        let tabs = Tabs(labels: ["1 Accueil", "2 Partenaires", "3 Grappes"], current: 1)
        #expect(tabs.ranges(width: 80) == [0..<11, 11..<26, 26..<37])
        #expect(tabs.ranges(width: 30) == [0..<10, 10..<20, 20..<30], "the widest tabs give columns first")
        var canvas = Canvas(width: 30, height: 1)
        tabs.render(into: &canvas, area: Rect(x: 0, y: 0, width: 30, height: 1))
        #expect(canvas.text == " 1 Accue…  2 Parte…  3 Grapp…")
        #expect(canvas.styles == "AAAAAAAAA.SSSSSSSSS.AAAAAAAAA", "the current tab reversed, a column between tabs")
        #expect(tabs.tab(atColumn: 12, width: 30) == 1)
        #expect(tabs.tab(atColumn: 31, width: 30) == nil)
    }

    @Test func tableSharesWidthByWeightAndAnswersClicks() {
        let columns = Catalogue.columns(.partners)
        let table = Table(columns: columns, area: Rect(x: 0, y: 3, width: 60, height: 6), selection: 7)
        let widths = table.widths
        #expect(widths.reduce(0, +) + widths.count - 1 <= 59, "columns, gaps and the margin fit: \(widths)")
        #expect(table.scroll == 3, "five rows under the header: the eighth row is the last shown")
        #expect(table.row(atRow: 3) == nil, "the header")
        #expect(table.row(atRow: 4) == 3)
        #expect(table.row(atRow: 9) == nil, "below the table")
        #expect(table.column(atColumn: 0) == nil, "the margin")
        #expect(table.column(atColumn: 1) == 0)
        #expect(table.column(atColumn: 1 + widths[0]) == nil, "the gap between two columns")
        #expect(table.column(atColumn: 2 + widths[0]) == 1)
    }

    @Test func boxFramesItsAreaAndClearsIt() {
        var canvas = Canvas(width: 12, height: 4)
        canvas.put(String(repeating: "x", count: 12), x: 0, y: 1, style: .warning)
        Box(title: " Aide ").render(into: &canvas, area: Rect(x: 1, y: 0, width: 10, height: 4))
        #expect(canvas.text == " ┌─ Aide ─┐\nx│        │x\n │        │\n └────────┘")
        #expect(canvas.styles == ".AAHHHHHHAA\nWA........AW\n.A........A\n.AAAAAAAAAA", "the inside cleared, what is outside kept")
    }
}
