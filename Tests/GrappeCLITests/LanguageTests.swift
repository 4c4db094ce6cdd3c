import Foundation
import Testing

/// The analyst's reports in both languages: `--lang`, else the locale, as the dashboard does.
@Suite struct LanguageTests {
    let cli = CLITests()

    private func golden(_ name: String) throws -> String {
        try String(contentsOf: CLITests.repository.appendingPathComponent("Tests/GrappeCLITests/Golden/\(name)"), encoding: .utf8)
    }

    /// Golden outputs: regenerate with `grappe summary --no-store --as-of 2026-12-01 --lang fr >
    /// Tests/GrappeCLITests/Golden/summary.fr.txt` (and en) after a deliberate change, and read the diff.
    @Test(arguments: ["fr", "en"])
    func summaryMatchesItsGoldenOutput(_ language: String) throws {
        let run = try cli.grappe("summary", "--no-store", "--as-of", "2026-12-01", "--lang", language)
        #expect(run.status == 0, "\(run.error)")
        #expect(run.output == (try golden("summary.\(language).txt")))
    }

    @Test func theLocaleChoosesTheLanguageWhenLangIsNotGiven() throws {
        let french = try cli.grappe(["check"], environment: ["LANG": "fr_CA.UTF-8"])
        #expect(french.output.contains("47 entités (4 villes, 1 grappe, 1 pôle, 30 organisations, 11 personnes)"), "\(french.output)")
        #expect(french.output.contains("0 erreur, 0 avertissement"))
        let english = try cli.grappe(["check", "--lang", "en"], environment: ["LANG": "fr_CA.UTF-8"])
        #expect(english.output.contains("47 entities (4 cities, 1 cluster, 1 pole, 30 organisations, 11 people)"), "\(english.output)")
        #expect(english.output.contains("0 errors, 0 warnings"))
    }

    /// Cards and paths: kinds, relation types, roles and partial dates in words (a missing year is
    /// said, never shown as XXXX), French typography in French only.
    @Test func cardsAndPathsSpeakTheLanguage() throws {
        let card = try cli.grappe("show", "cqic", "--lang", "fr").output
        #expect(card.contains("centre d'innovation · id cqic · fondé printemps, année inconnue"), "\(card)")
        #expect(!card.contains("XXXX"))
        let english = try cli.grappe("show", "cqic", "--lang", "en").output
        #expect(english.contains("innovation centre · id cqic · founded spring, year unknown"), "\(english)")
        let agreement = try cli.grappe("show", "entente-tripartite-lille", "--lang", "fr").output
        #expect(agreement.contains("statut\u{00A0}: "), "French puts a no-break space before the colon")
        #expect(agreement.contains("signataire"))
        let path = try cli.grappe("path", "laval", "lille", "--lang", "fr").output
        #expect(path.contains("Laval → Lille\u{00A0}: 3 sauts"), "\(path)")
        #expect(path.contains("basé à"))
        let missing = try cli.grappe("show", "zzzz-nothing", "--lang", "fr")
        #expect(missing.status == 66)
        #expect(missing.error.contains("rien ne correspond à «\u{00A0}zzzz-nothing\u{00A0}»"), "\(missing.error)")
    }

    /// An option refused before the command runs says why in the language asked for, `--lang` included.
    @Test func refusedOptionsSpeakTheLanguageAskedFor() throws {
        let french = try cli.grappe("path", "laval", "lille", "--max-hops", "0", "--lang", "fr")
        #expect(french.status == 64)
        #expect(french.error.contains("--max-hops doit valoir au moins 1"), "\(french.error)")
        let english = try cli.grappe("summary", "--compare", "2020-13", "2021", "--lang=en")
        #expect(english.error.contains("--compare: month 13 does not exist"), "\(english.error)")
        let glued = try cli.grappe("summary", "--compare", "2020-13", "2021", "--lang=fr")
        #expect(glued.error.contains("--compare\u{00A0}: le mois 13 n'existe pas"), "\(glued.error)")
    }
}
