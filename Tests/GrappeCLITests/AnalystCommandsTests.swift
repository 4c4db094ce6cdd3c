import Foundation
import Testing

/// The analysts' commands, run as a user would.
@Suite struct AnalystCommandsTests {
    let cli = CLITests()

    @Test func metricsHasExactlyTheDocumentedColumns() throws {
        let run = try cli.grappe("metrics")
        #expect(run.status == 0)
        let lines = run.output.split(separator: "\n")
        #expect(lines.first == "id,label,kind,degree,degree_centrality,betweenness,closeness,pagerank,clustering,component,community")
        #expect(lines.count == 48)
        #expect(lines.contains { $0.hasPrefix("aqce,Association québécoise de commerce électronique,organisation,12,") })
    }

    @Test func metricsJSONSaysHowBetweennessWasComputed() throws {
        let exact = try cli.grappe("metrics", "--format", "json")
        #expect(exact.output.contains("\"betweenness\" : \"exact\""))
        let sampled = try cli.grappe("metrics", "--format", "json", "--exact-limit", "10", "--pivots", "5", "--seed", "3")
        #expect(sampled.output.contains("\"betweenness\" : \"sampled\"") && sampled.output.contains("\"pivots\" : 5"))
        #expect(sampled.error.contains("sampled from 5 pivots (seed 3)"))
    }

    /// `--timings` profiles the summary: each part with its time and memory on standard error, the
    /// report itself unchanged on standard output.
    @Test func summaryTimingsProfileEveryPart() throws {
        let plain = try cli.grappe("summary", "--format", "json")
        let timed = try cli.grappe("summary", "--format", "json", "--timings")
        #expect(timed.status == 0 && timed.output == plain.output)
        let rows = timed.error.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        #expect(rows.first?.joined(separator: " ") == "part seconds resident MB peak MB")
        let parts = rows.dropFirst().map { $0.dropLast(3).joined(separator: " ") }
        for part in [
            "load: parse", "load: validate", "metrics graph", "degree", "betweenness", "closeness", "pagerank", "clustering", "components",
            "communities", "distances", "counts", "two-step reach", "brokers", "introductions", "funding", "per year", "report", "total",
        ] {
            #expect(parts.contains(part), "\(part) in \(parts)")
        }
        #expect(parts.contains { $0.hasPrefix("as of ") })
        #expect(rows.dropFirst().allSatisfy { $0.suffix(3).allSatisfy { Double($0) != nil } }, "\(timed.error)")
    }

    @Test func showFindsByNameAndSaysWhenNothingMatches() throws {
        let card = try cli.grappe("show", "ville de laval")
        #expect(card.status == 0)
        #expect(card.output.hasPrefix("Ville de Laval\n"))
        #expect(card.output.contains("has officer Marc Demers  (maire)"), "the relation read from the city's side")
        let missing = try cli.grappe("show", "technomontrel")
        #expect(missing.status == 66)
        #expect(missing.error.contains("did you mean 'technomontreal'"))
        // Several matches are not an answer: they are listed on standard error and the exit is 64.
        let several = try cli.grappe("show", "commerce")
        #expect(several.status == 64)
        #expect(several.error.contains("matches") && several.error.contains("cqcd"))
    }

    @Test func pathGoesThroughTheTripartiteAgreement() throws {
        let run = try cli.grappe("path", "ville-de-laval", "picom", "--all")
        #expect(run.status == 0)
        #expect(run.output.hasPrefix("Ville de Laval → Pôle de compétitivité des industries du commerce: 2 hops"))
        #expect(run.output.contains("• agreement: Entente de collaboration tripartite CQIC – TechnoMontréal – PICOM"))
        let far = try cli.grappe("path", "laval", "lyon")
        #expect(far.output.contains("are not connected"))
    }

    @Test func summaryFormats() throws {
        let text = try cli.grappe("summary")
        #expect(text.status == 0)
        #expect(text.output.contains("Top 10 by betweenness") && text.output.contains("Suggested introductions"))
        let json = try cli.grappe("summary", "--format", "json", "--top", "3")
        let object = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        #expect((object?["summary"] as? [String: Any])?["top"] != nil)
        #expect(try cli.grappe("summary", "--format", "markdown").output.contains("| # | partner | kind | degree |"))
        #expect(try cli.grappe("summary", "--format", "md").output == (try cli.grappe("summary", "--format", "markdown").output), "md is markdown")
        #expect(try cli.grappe("summary", "--format", "csv").output.hasPrefix("section,rank,id,label,value\n"))
    }

    @Test func badDatesAndFlagsAreUsageErrors() throws {
        #expect(try cli.grappe("summary", "--as-of", "2013-13").status == 64)
        #expect(try cli.grappe("summary", "--as-of", "XXXX-10").status == 64)
        #expect(try cli.grappe("summary", "--compare", "2012").status == 64)
        #expect(try cli.grappe("metrics", "--format", "xml").status == 64)
        #expect(try cli.grappe("path", "picom").status == 64)
        #expect(try cli.grappe("export", "--format", "csv").status == 64)
    }

    @Test func analysisRefusesBrokenSeeds() throws {
        let run = try cli.grappe("summary", "--seeds", "Tests/GrappeSeedsTests/Fixtures/broken")
        #expect(run.status == 65)
        #expect(run.output.isEmpty)
    }
}
