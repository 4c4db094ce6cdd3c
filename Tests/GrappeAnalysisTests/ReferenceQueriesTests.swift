import Foundation
import GrappeAnalysis
import GrappeModel
import GrappeSeeds
import GrappeTestSupport
import Testing

/// Lookups, paths and time filtering on the reference network.
@Suite struct ReferenceQueriesTests {
    static let seeds = Repository.seeds.path
    let network: Network

    init() throws {
        network = try SeedLoader.load(path: Self.seeds).network
    }

    @Test(arguments: [
        ("technomontreal", Lookup.Item.entity("technomontreal")),
        ("ville de laval", .entity("ville-de-laval")),
        ("VILLE DE LAVAL", .entity("ville-de-laval")),
        ("picom", .entity("picom")),
        ("Pôle de compétitivité des industries du commerce", .entity("picom")),
        ("laval", .entity("laval")),
        ("Desjardins", .entity("mouvement-desjardins")),
        ("entente-tripartite-lille", .record("entente-tripartite-lille")),
    ])
    func findsByIdOrNameWithoutCaseOrAccents(_ query: String, _ expected: Lookup.Item) {
        #expect(Lookup(network).find(query) == .one(expected))
    }

    @Test func severalMatchesAreListed() {
        #expect(Lookup(network).find("montreal") == .one(.entity("montreal")), "an exact id wins over names containing it")
        guard case .several(let items) = Lookup(network).find("commerce") else {
            Issue.record("expected several matches")
            return
        }
        #expect(items.contains(.entity("cqic")) && items.contains(.entity("cqcd")) && items.contains(.entity("picom")))
    }

    @Test func exactNamesAcronymsAndAliasesNameEntities() {
        let lookup = Lookup(network)
        #expect(lookup.entities(named: "  desjardins ") == ["mouvement-desjardins"], "an alias, case and spaces aside")
        #expect(lookup.entities(named: "Mouvement Desjardins") == ["mouvement-desjardins"])
        #expect(lookup.entities(named: "PICOM") == ["picom"], "an acronym")
        #expect(lookup.entities(named: "mouvement-desjardins").isEmpty, "an id is not a name")
        #expect(lookup.entities(named: "Desj").isEmpty, "exact names only")
    }

    @Test func completionsStartWithIdsAndNamesThenWordsInside() {
        let lookup = Lookup(network)
        let found = lookup.completions(for: "desj", limit: 10) { _ in true }
        #expect(found.first == .entity("mouvement-desjardins"), "a word inside the name completes too")
        #expect(lookup.completions(for: "picom", limit: 10) { _ in false }.isEmpty, "what accept refuses is left out")
    }

    @Test func unknownQueriesSuggestASpelling() {
        #expect(Lookup(network).find("technomontrel") == .none(suggestion: .entity("technomontreal")))
    }

    @Test func lavalReachesPicomThroughTheTripartiteAgreement() throws {
        let routes = Connections(network).shortest(from: "ville-de-laval", to: "picom", all: true)
        #expect(!routes.isEmpty)
        #expect(routes.allSatisfy { $0.count == 2 })
        let viaAgreement = routes.contains { route in
            route.last!.links.contains { link in
                if case .record(let record) = link { return record.id == "entente-tripartite-lille" }
                return false
            }
        }
        #expect(viaAgreement)
        let hop = try #require(routes.first { $0[0].to == "technomontreal" }?[1])
        #expect(hop.links.contains(.relation(network.relations.first { $0.from == "technomontreal" && $0.to == "picom" }!, forward: true)))
    }

    @Test func unconnectedOrTooFar() {
        let connections = Connections(network)
        #expect(connections.shortest(from: "laval", to: "lyon").isEmpty)
        #expect(connections.shortest(from: "ville-de-laval", to: "lille", maximumHops: 2).isEmpty)
        #expect(connections.shortest(from: "ville-de-laval", to: "lille", maximumHops: 3).first?.count == 3)
    }

    @Test func asOfKeepsWhatHadHappened() {
        let network = Network(
            entities: [
                Entity(id: "a", kind: .organisation, name: "A"),
                Entity(id: "b", kind: .organisation, name: "B", founded: PartialDate(year: 2010)),
                Entity(id: "c", kind: .organisation, name: "C"),
            ],
            relations: [
                Relation(from: "a", to: "b", type: .partnerOf),
                Relation(from: "a", to: "c", type: .partnerOf, start: PartialDate(year: 2005), end: PartialDate(year: 2007)),
                Relation(from: "a", to: "c", type: .supports, start: PartialDate(year: 2008, month: 6)),
            ],
            records: [
                Record(
                    id: "m", title: "M", parties: [Party(entity: "a", role: .leader)],
                    body: .mission(Mission(status: .completed, start: PartialDate(year: 2012)))),
                Record(
                    id: "x", title: "X", parties: [Party(entity: "a", role: .lead)],
                    body: .project(Project(start: PartialDate(year: nil, month: 3)))),
            ])
        let in2006 = network.asOf(PartialDate(year: 2006))
        #expect(in2006.entities.map(\.id) == ["a", "c"])
        #expect(in2006.relations.map(\.type) == [.partnerOf])
        #expect(in2006.records.map(\.id) == ["x"], "a record with an unknown year is kept")
        let in2008 = network.asOf(PartialDate(year: 2008))
        #expect(in2008.relations.map(\.type) == [.supports])
        #expect(network.asOf(PartialDate(year: 2008, month: 5)).relations.isEmpty)
        #expect(network.asOf(PartialDate(year: 2013)).records.count == 2)
    }

    @Test func aPartnerMetOnAMissionJoinsTheNetworkWithTheMission() {
        let city = Entity(id: "montreal", kind: .city, name: "Montréal")
        let network = Network(
            entities: [
                Entity(id: "a", kind: .organisation, name: "A"), city,
                Entity(id: "cafe", kind: .organisation, name: "Café"),
                Entity(id: "lone", kind: .organisation, name: "Lone"),
            ],
            relations: [
                Relation(from: "a", to: "montreal", type: .basedIn), Relation(from: "cafe", to: "montreal", type: .basedIn),
            ],
            records: [
                Record(
                    id: "m", title: "M", parties: [Party(entity: "a", role: .leader)],
                    body: .mission(Mission(status: .planned, start: PartialDate(year: 2027), outcomes: [Outcome(partner: "cafe")])))
            ])
        let before = network.asOf(PartialDate(year: 2014))
        #expect(before.entities.map(\.id) == ["a", "montreal", "lone"], "the café is known from a 2027 mission only; an entity without ties stays")
        #expect(before.relations.map(\.from) == ["a"])
        #expect(network.asOf(PartialDate(year: 2027)).entities.count == 4)
    }
}
