import GrappeAnalysis
import GrappeDashboard
import GrappeModel
import GrappeTestSupport
import GrappeWorkspace
import Testing

/// One truth about "today": the dashboard counts links and Home's figures as of one day (today, or
/// the day `:asof` names), as `grappe summary --as-of` does, from the same `Moment`.
@Suite struct AsOfTests {
    static let today = DayStamp(2026, 11, 22)

    /// The reference network with a mission planned for 2027 led by Marc Demers, with a new partner.
    static let withPlannedMission: Network = {
        var network = referenceNetwork
        let mission = Record(
            id: "mission-2027", title: "Mission 2027",
            parties: [Party(entity: "marc-demers", role: .leader), Party(entity: "picom", role: .participant)],
            body: .mission(Mission(status: .planned, start: PartialDate(year: 2027, month: 3), outcomes: [Outcome(partner: "cafe-2027")])))
        network = Network(
            name: network.name, id: network.id, documents: network.documents,
            entities: network.entities + [Entity(id: "cafe-2027", kind: .organisation, name: "Café 2027")],
            relations: network.relations, records: network.records + [mission])
        return network
    }()

    func links(_ catalogue: Catalogue, _ id: ID) -> Int { catalogue.graph.index(of: id).map(catalogue.graph.degree) ?? -1 }

    @Test func aPlannedMissionCountsOnceItHasBegun() {
        let before = Catalogue(network: referenceNetwork, at: Moment(day: Self.today))
        let today = Catalogue(network: Self.withPlannedMission, at: Moment(day: Self.today))
        let later = Catalogue(network: Self.withPlannedMission, at: Moment(PartialDate(year: 2027)))
        #expect(links(today, "marc-demers") == links(before, "marc-demers"), "the 2027 mission has not happened")
        #expect(links(later, "marc-demers") > links(before, "marc-demers"))
        #expect(links(today, "cafe-2027") == 0 && links(later, "cafe-2027") == 2)
        // The rows' link counts are the graph's: the Partners list and Home say the same.
        let row = today.rows(.people).first { $0.item == .entity("marc-demers") }
        #expect(row?.cells.last == String(links(before, "marc-demers")))
        #expect(today.home.mostConnected.map(\.links) == before.home.mostConnected.map(\.links))
        // The summary's network at the same day has the same links.
        let summaryGraph = MetricsGraph(network: Self.withPlannedMission.asOf(PartialDate(year: 2026, month: 11, day: 22)))
        #expect(summaryGraph.index(of: "marc-demers").map(summaryGraph.degree) == links(today, "marc-demers"))
        #expect(summaryGraph.index(of: "cafe-2027") == nil, "the summary leaves the café out until the mission")
    }

    @Test func asOfInThePaletteRecountsAndSaysSoInTheHeader() throws {
        var state = DashboardState(
            catalogue: Catalogue(network: Self.withPlannedMission, at: Moment(day: Self.today)), language: .fr, width: 100, height: 30,
            today: Self.today)
        for case .buildCatalogue(let request) in state.update(.seedsLoaded(Self.withPlannedMission, warnings: 0, errors: [], reload: false)) {
            _ = state.update(.catalogueBuilt(request.build()))
        }
        func run(_ command: String) -> [Effect] {
            _ = state.handle(.character(":"))
            for character in command { _ = state.handle(.character(character)) }
            return state.handle(.enter).map { [$0] } ?? []
        }
        let effects = run("asof 2027-06")
        guard case .buildCatalogue(let request) = effects.first else {
            Issue.record("no catalogue asked for: \(effects)")
            return
        }
        #expect(request.moment == Moment(PartialDate(year: 2027, month: 6)))
        _ = state.update(.catalogueBuilt(request.build()))
        #expect(Views.render(state).text.split(separator: "\n").first?.contains("à fin juin 2027") == true)
        #expect(state.message == "Liens et chiffres comptés à fin juin 2027")
        #expect(Strings(.en).asOf(PartialDate(year: 2014, month: 6, day: 30)) == "as of 30 Jun 2014")
        #expect(links(state.catalogue, "cafe-2027") == 2)
        // A date without a year, or no date, is refused with the usage; the count stays.
        _ = run("asof 10")
        #expect(state.asOf == PartialDate(year: 2027, month: 6))
        #expect(state.message?.hasPrefix("asof DATE\u{00A0}:") == true)
        guard case .buildCatalogue(let back) = run("aujourdhui").first else {
            Issue.record("today again asks for a catalogue")
            return
        }
        #expect(state.asOf == nil && back.moment == Moment(day: Self.today))
        #expect(state.message == "Liens et chiffres comptés aujourd'hui")
    }

    @Test func fundingIsChartedPerCurrencyFromFundingLines() {
        func project(_ title: String, budget: Money?, _ lines: [FundingLine]) -> Record {
            Record(id: title, title: title, body: .project(Project(start: PartialDate(year: 2015), budget: budget, funding: lines)))
        }
        let cad = { (amount: Int64) in Money(minorUnits: amount * 100, currency: .cad) }
        let eur = { (amount: Int64) in Money(minorUnits: amount * 100, currency: .eur) }
        let records = [
            // Half of a 2.1 M budget: the funding is 1.05 M, not the budget.
            project("CQIC", budget: cad(2_100_000), [FundingLine(share: try! Percentage.parse("50 %").get())]),
            project("Grand", budget: nil, [FundingLine(amount: eur(150_000_000))]),
            project("Mixte", budget: nil, [FundingLine(amount: eur(10)), FundingLine(amount: cad(20)), FundingLine(amount: cad(5))]),
            project("Petit", budget: cad(12), []),
        ]
        let chart = HomeFigures.funding(records)
        #expect(chart.map(\.title) == ["CQIC", "Mixte", "Grand", "Mixte"], "CAD (two programmes) first, then EUR; largest first in each")
        #expect(chart.map(\.amount) == [cad(1_050_000), cad(25), eur(150_000_000), eur(10)])
    }
}
