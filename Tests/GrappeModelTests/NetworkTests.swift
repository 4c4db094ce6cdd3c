import GrappeModel
import Testing

@Suite struct NetworkTests {
    let network = Network(
        entities: [
            Entity(id: "laval", kind: .city, name: "Laval", country: "CA"),
            Entity(
                id: "cqic", kind: .organisation, name: "Centre québécois d'innovation en commerce", acronym: "CQIC",
                organisationType: .innovationCentre),
            Entity(id: "picom", kind: .pole, name: "PICOM"),
            Entity(id: "gouv", kind: .organisation, name: "Gouvernement", organisationType: .government),
        ],
        relations: [Relation(from: "cqic", to: "laval", type: .basedIn)],
        records: [
            Record(
                id: "entente", title: "Entente", parties: [Party(entity: "cqic", role: .signatory), Party(entity: "picom", role: .signatory)],
                body: .agreement(Agreement(place: "laval", status: .signed))),
            Record(
                id: "projet", title: "Projet", parties: [Party(entity: "cqic", role: .operator)],
                body: .project(
                    Project(
                        budget: Money(minorUnits: 210_000_000, currency: .cad),
                        funding: [FundingLine(funder: "gouv", share: Percentage(basisPoints: 5000))]))),
        ])

    @Test func looksUpById() {
        #expect(network.entity("picom")?.kind == .pole)
        #expect(network.entity("nope") == nil)
        #expect(network.record("entente")?.kind == .agreement)
        #expect(network.entity("cqic")?.shortName == "CQIC")
    }

    @Test func anIndexMadeApartServesLookupsAndOneFromOtherEntitiesIsIgnored() {
        let entities = network.entities + [Entity(id: "laval", kind: .organisation, name: "Doublon")]
        let given = Network(entities: entities, entityIndex: Network.EntityIndex(entities))
        #expect(given.entity("laval")?.kind == .city)
        #expect(given.entityPosition("gouv") == 3)
        let stale = Network(entities: entities, entityIndex: Network.EntityIndex(Array(entities.reversed().dropFirst())))
        #expect(stale.entityPosition("laval") == 0)
        #expect(stale.entityPosition("gouv") == 3)
    }

    @Test func findsWhatAnEntityTakesPartIn() {
        #expect(network.relations(involving: "laval").count == 1)
        #expect(network.records(involving: "picom").map(\.id) == ["entente"])
        #expect(network.records(involving: "laval").map(\.id) == ["entente"])
        #expect(network.records(involving: "gouv").map(\.id) == ["projet"])
    }

    @Test func countsByKind() {
        let counts = network.counts
        #expect(counts.byEntityKind[.organisation] == 2)
        #expect(counts.byEntityKind[.city] == 1)
        #expect(counts.byRecordKind[.project] == 1)
    }

    @Test func fundingAmountDerivesFromShare() throws {
        let project = try #require(network.record("projet")?.project)
        #expect(project.funding[0].effectiveAmount(budget: project.budget) == Money(minorUnits: 105_000_000, currency: .cad))
    }
}
