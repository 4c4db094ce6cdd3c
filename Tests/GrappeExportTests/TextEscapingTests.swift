import Testing

@testable import GrappeExport

/// What a cell or an attribute becomes in the files analysts open: quoted only when needed, formulas
/// neutralised, controls visible, never dropped.
@Suite struct TextEscapingTests {
    @Test func csvQuotesOnlyWhatNeedsIt() {
        #expect(CSVText.field("Lille") == "Lille")
        #expect(CSVText.field("Lille, France") == "\"Lille, France\"")
        #expect(CSVText.field("le \"pôle\"") == "\"le \"\"pôle\"\"\"")
        #expect(CSVText.field(" espace") == "\" espace\"")
        #expect(CSVText.field("ligne\nsuivante") == "\"ligne\nsuivante\"")
        #expect(CSVText.row(["a", "b,c", "🇫🇷"]) == "a,\"b,c\",🇫🇷\n")
    }

    @Test func csvNeutralisesFormulasButNotNumbers() {
        #expect(CSVText.field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(CSVText.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVText.field("+33 3 20") == "'+33 3 20")
        #expect(CSVText.field("-0.5") == "-0.5")
    }

    @Test func csvShowsControlsInsteadOfSendingThem() {
        let field = CSVText.field("rouge\u{1B}[31m")
        #expect(!field.unicodeScalars.contains("\u{1B}"))
        #expect(field.contains("31m"), "nothing is dropped: \(field)")
        #expect(!CSVText.field("a\u{202E}b").unicodeScalars.contains("\u{202E}"), "no bidirectional override")
    }

    @Test func xmlEscapesMarkupAndKeepsControlsVisible() {
        #expect(XMLText.escaped("R&D <Lille> \"pôle\" l'ami") == "R&amp;D &lt;Lille&gt; &quot;pôle&quot; l&apos;ami")
        #expect(XMLText.escaped("a\tb\nc") == "a&#9;b&#10;c")
        #expect(XMLText.escaped("bip\u{7}") == "bip\\u{7}", "XML 1.0 cannot carry BEL: it is shown, not dropped")
        #expect(XMLText.escaped("Montréal 🇨🇦") == "Montréal 🇨🇦")
    }
}
