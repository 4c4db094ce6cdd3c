import Foundation
import GrappeAnalysis
import GrappeExport
import GrappeModel
import GrappeSeeds
import GrappeTestSupport
import Testing

@Suite struct SummaryTests {
    let network: Network

    init() throws {
        network = try SeedLoader.load(path: Repository.seeds.path).network
    }

    @Test func referenceNetworkFigures() {
        let summary = NetworkSummary(network)
        #expect(summary.counts.entities.first { $0.name == "pole" }?.count == 1)
        #expect(summary.counts.records.map(\.count) == [1, 1, 6, 4])
        #expect(summary.graph.nodes == 47)
        #expect(summary.graph.edges == 58)
        #expect(summary.graph.distances == "exact")
        #expect(summary.betweenness.method == "exact")
        #expect(summary.top.degree.first?.id == "aqce")
        #expect(summary.top.degree.first?.value == 12)
        #expect(summary.top.degree.count == 10)
    }

    @Test func fundingIsRolledUpExactly() {
        let funding = NetworkSummary(network).funding
        #expect(funding.byCurrency.map(\.amount) == ["201050000.00"])
        #expect(funding.byProject.first { $0.name.hasPrefix("Développement du Centre") }?.amount == "1050000.00")
        #expect(funding.byFunder.map(\.name) == ["Gouvernement du Québec"])
        #expect(funding.linesWithoutAmount == 1, "the retail programme's amount was not yet decided")
    }

    @Test func recordsWithoutAYearAreCountedAsUnknown() {
        let years = NetworkSummary(network).perYear
        #expect(years.count == 1)
        #expect(years.first?.year == "unknown")
        #expect(years.first?.agreements == 1 && years.first?.missions == 1)
    }

    @Test func brokersAndIntroductions() {
        let summary = NetworkSummary(network)
        #expect(summary.brokers.first?.id == "aqce")
        #expect(summary.brokers.allSatisfy { $0.communitiesBridged >= 2 })
        let ville = summary.brokers.first { $0.id == "ville-de-laval" }
        #expect(ville?.groupsLinked.sorted() == ["Laval", "TechnoMontréal"])
        #expect(summary.introductions.allSatisfy { $0.commonNeighbours >= 2 })
        #expect(summary.introductions.contains { Set([$0.a, $0.b]) == ["picom", "ville-de-laval"] })
    }

    @Test func textFitsEightyColumnsAndIsStable() {
        let summary = NetworkSummary(network)
        let text = SummaryReport.text(summary)
        #expect(text.split(separator: "\n").allSatisfy { TextWidth.of(String($0)) <= 80 })
        #expect(text == SummaryReport.text(NetworkSummary(network)))
        #expect(text.contains("Top 10 by betweenness"))
        #expect(text.contains("CA$201,050,000.00"))
    }

    @Test func jsonIsStableAndDocumented() throws {
        let data = try SummaryReport.json(NetworkSummary(network))
        #expect(data == (try SummaryReport.json(NetworkSummary(network))))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["format"] as? String == "grappe-summary")
        let summary = try #require(object["summary"] as? [String: Any])
        let documented = try String(contentsOfFile: Repository.root.path + "/docs/summary-format.md", encoding: .utf8)
        for key in summary.keys { #expect(documented.contains("`\(key)`"), "\(key) is not documented") }
    }

    @Test func compareTwoDates() {
        let network = Network(
            entities: ["a", "b", "c"].map { Entity(id: $0, kind: .organisation, name: $0.uppercased()) },
            relations: [
                Relation(from: "a", to: "b", type: .partnerOf, start: PartialDate(year: 2010)),
                Relation(from: "a", to: "c", type: .supports, start: PartialDate(year: 2014)),
                Relation(from: "b", to: "c", type: .partnerOf, start: PartialDate(year: 2009), end: PartialDate(year: 2012)),
            ],
            records: [
                Record(
                    id: "deal", title: "Deal", parties: [Party(entity: "b", role: .signatory), Party(entity: "c", role: .signatory)],
                    body: .agreement(Agreement(signed: PartialDate(year: 2013, month: 5), status: .signed)))
            ])
        let changes = NetworkChanges(network, from: PartialDate(year: 2011), to: PartialDate(year: 2015))
        #expect(changes.newRelations.map(\.id) == ["a supports c"])
        #expect(changes.endedRelations.map(\.id) == ["b partner_of c"])
        #expect(changes.newAgreements.map(\.id) == ["deal"])
        #expect(changes.biggestMoves.contains { $0.id == "c" && $0.degreeBefore == 1 && $0.degreeAfter == 2 })
    }

    @Test func largeNetworksSayTheyAreSampled() {
        var options = NetworkSummary.Options()
        options.metrics.exactLimit = 10
        options.metrics.pivots = 8
        let summary = NetworkSummary(network, options: options)
        #expect(summary.betweenness.method == "sampled" && summary.betweenness.pivots == 8 && summary.betweenness.seed == 1)
        #expect(summary.graph.distances.hasPrefix("estimated from 8 pivots (seed 1)"))
        #expect(SummaryReport.text(summary).contains("sampled from 8 pivots (seed 1)"))
    }
}
