import Foundation
import GrappeModel
import GrappeWords
import Testing

/// The vocabulary in both languages, numbers and money through Foundation's formatters.
@Suite struct WordsTests {
    let fr = Words(.fr), en = Words(.en)

    @Test func numbersAreWrittenAsEachLanguageWritesThem() {
        #expect(fr.number(21048) == "21\u{202F}048" || fr.number(21048) == "21\u{00A0}048", "\(fr.number(21048).unicodeScalars.map { $0.value })")
        #expect(en.number(21048) == "21,048")
        #expect(fr.decimal(0.0537, digits: 4) == "0,0537")
        #expect(en.decimal(0.0537, digits: 4) == "0.0537")
    }

    /// Each currency with its own minor units (ISO 4217): none for the yen, three for the dinar.
    @Test func moneyHasEachCurrencysMinorUnits() {
        #expect(en.money(200_000_000, currency: "CAD") == "CA$200,000,000.00")
        #expect(en.money(1500, currency: "JPY") == "¥1,500")
        #expect(en.money(12.5, currency: "TND").hasSuffix("12.500"), "\(en.money(12.5, currency: "TND"))")
        let euros = fr.money(12000, currency: "EUR")
        #expect(euros.hasPrefix("12") && euros.hasSuffix(",00\u{00A0}€"), "\(euros)")
    }

    /// French takes the singular for 0 and 1; English only for 1.
    @Test func countsAgree() {
        #expect(fr.count(0, ("erreur", "erreurs"), ("error", "errors")) == "0 erreur")
        #expect(en.count(0, ("erreur", "erreurs"), ("error", "errors")) == "0 errors")
        #expect(fr.count(2, .city) == "2 villes")
        #expect(en.count(1, .person) == "1 person")
        #expect(en.count(3, .person) == "3 people")
    }

    /// A missing year is said, never guessed.
    @Test func partialDatesAreWrittenAsPeopleWriteThem() throws {
        let october = try PartialDate.parse("XXXX-10").get()
        #expect(fr.date(october) == "oct., année inconnue")
        #expect(en.date(october) == "Oct, year unknown")
        #expect(fr.date(try PartialDate.parse("2013-03-12").get()) == "12 mars 2013")
        #expect(en.date(try PartialDate.parse("2005").get()) == "2005")
    }

    @Test func theLanguageComesFromTheEnvironment() {
        #expect(Language.fromEnvironment(["LANG": "fr_CA.UTF-8"]) == .fr)
        #expect(Language.fromEnvironment(["LC_ALL": "en_US.UTF-8", "LANG": "fr_FR.UTF-8"]) == .en)
        #expect(Language.fromEnvironment([:]) == .en)
    }
}
