import GrappeModel
import GrappeSeeds
import Testing

/// Key facts of the five source documents, as the reference seeds must hold them.
@Suite struct ReferenceNetworkTests {
    let result: LoadResult
    var network: Network { result.network }

    init() throws {
        result = try SeedLoader.load(path: Paths.seeds)
    }

    @Test func seedsAreClean() {
        #expect(result.diagnostics.map(\.description) == [])
        #expect(network.documents.count == 5)
    }

    @Test func everyFactHasASourceAmongTheFiveDocuments() {
        let documents = Set(network.documents.map(\.id))
        let cited = network.entities.flatMap(\.sources) + network.relations.flatMap(\.sources) + network.records.flatMap(\.sources)
        #expect(network.entities.allSatisfy { !$0.sources.isEmpty })
        #expect(network.relations.allSatisfy { !$0.sources.isEmpty })
        #expect(network.records.allSatisfy { !$0.sources.isEmpty })
        #expect(cited.allSatisfy { documents.contains($0.document) })
        #expect(Set(cited.map(\.document)) == documents)
    }

    private func relation(_ from: ID, _ type: RelationType, _ to: ID) -> Relation? {
        network.relations.first { $0.from == from && $0.type == type && $0.to == to }
    }

    @Test func picomWasFoundedIn2005AndSitsInLille() throws {
        let picom = try #require(network.entity("picom"))
        #expect(picom.kind == .pole)
        #expect(picom.acronym == "PICOM")
        #expect(picom.founded == PartialDate(year: 2005))
        #expect(relation("picom", .basedIn, "lille") != nil)
        #expect(network.entity("lille")?.country == "FR")
    }

    @Test func cqicBudgetPeriodAndQuebecShare() throws {
        let project = try #require(network.record("developpement-cqic")?.project)
        #expect(project.budget == Money(minorUnits: 2_100_000_00, currency: .cad))
        #expect(project.duration == Span(years: 3))
        #expect(project.start == nil)
        let quebec = try #require(project.funding.first { $0.funder == "gouvernement-du-quebec" })
        #expect(quebec.share == Percentage(basisPoints: 5000))
        #expect(quebec.effectiveAmount(budget: project.budget) == Money(minorUnits: 1_050_000_00, currency: .cad))
        #expect(relation("cqic", .basedIn, "laval") != nil)
    }

    @Test func tripartiteAgreementHasThreeSignatoriesAndWasSignedInLille() throws {
        let record = try #require(network.record("entente-tripartite-lille"))
        let agreement = try #require(record.agreement)
        #expect(Set(record.parties(withRole: .signatory).map(\.entity)) == ["cqic", "technomontreal", "picom"])
        #expect(agreement.place == "lille")
        #expect(agreement.signed?.month == 10)
        #expect(agreement.signed?.year == nil, "the document gives no year; it must not be guessed")
    }

    @Test func laval_sMayorLedTheMissionToLille() throws {
        let record = try #require(network.record("mission-laval-lille"))
        let mission = try #require(record.mission)
        #expect(record.parties(withRole: .leader).map(\.entity) == ["marc-demers"])
        #expect(record.parties(withRole: .onBehalfOf).map(\.entity) == ["cqic"])
        #expect(mission.origin == "laval")
        #expect(mission.destinations == ["lille"])
        #expect(mission.outcomes.map(\.agreement) == ["entente-tripartite-lille"])
        #expect(mission.start?.year == nil)
        #expect(relation("marc-demers", .holdsTitle, "ville-de-laval")?.title == "maire")
    }

    @Test(arguments: [
        ("jonathan-roy", "président (administrateur provisoire)", "devrun"),
        ("guy-rochon", "vice-président (administrateur provisoire)", "nuovem"),
        ("mathieu-halle", "directeur général (administrateur provisoire)", "ecritel"),
    ])
    func aqceProvisionalOfficersAndTheirFirms(_ person: ID, _ title: String, _ firm: ID) throws {
        #expect(relation(person, .holdsTitle, "aqce")?.title == title)
        #expect(relation(person, .worksFor, firm) != nil)
        #expect(network.entity(firm)?.organisationType == .company)
        #expect(relation(firm, .partnerOf, "aqce") != nil, "the officers' firms are initial partners")
    }

    @Test func aqceAssemblyInOctober2013() throws {
        let event = try #require(network.record("aqce-assemblee-generale-2013")?.event)
        #expect(event.date == PartialDate(year: 2013, month: 10))
        #expect(event.type == .assembly)
    }

    @Test func retailProgrammeBelongsToTheDigitalPlan() throws {
        let plan = try #require(network.record("plan-action-economie-numerique")?.project)
        #expect(plan.budget == Money(minorUnits: 200_000_000_00, currency: .cad))
        let programme = try #require(network.record("programme-virage-numerique-detaillants"))
        #expect(programme.project?.partOf == "plan-action-economie-numerique")
        #expect(programme.project?.budget == nil, "the amount was not yet decided")
        #expect(programme.parties(withRole: .operator).map(\.entity) == ["cqcd"])
        #expect(relation("leopold-turgeon", .holdsTitle, "cqcd") != nil)
    }

    @Test func desjardinsLinksTwoStories() {
        let records = network.records(involving: "mouvement-desjardins").map(\.id)
        #expect(records == ["modele-financier-panier-bleu"])
        #expect(relation("mouvement-desjardins", .partnerOf, "aqce") != nil)
    }

    @Test func citiesOfTheNetwork() {
        #expect(Set(network.entities(ofKind: .city).map(\.name)) == ["Laval", "Lille", "Montréal", "Lyon"])
        #expect(network.entity("technomontreal")?.kind == .cluster)
    }

    @Test func onlyWhatTheDocumentsSay() throws {
        // Le Panier Bleu works on a "financial and governance" model; Amazon is the experience to
        // imitate, not a competitor the document names.
        #expect(network.record("modele-financier-panier-bleu")?.summary?.contains("financier et de gouvernance") == true)
        #expect(!network.relations.contains { $0.type == .competesWith })
        #expect(relation("alain-dumas", .mentions, "amazon") != nil)
        // The Lyon club has no alias in the texts, and Benoit is a commentator, not a stated member.
        #expect(network.entity("reunions-ecommerce-lyon")?.aliases == [])
        #expect(relation("benoit", .memberOf, "reunions-ecommerce-lyon") == nil)
        #expect(network.entity("benoit")?.sources.allSatisfy { $0.note?.contains("au nom") != true } == true)
        // The corridor is the agreement's setting, not a stated objective of the mission.
        let mission = try #require(network.record("mission-laval-lille")?.mission)
        #expect(!mission.objectives.contains { $0.contains("corridor") })
    }

    @Test func factsTheDocumentsGiveAreKept() throws {
        #expect(network.entity("aqce")?.founded == PartialDate(year: 2013))
        let club = try #require(network.entity("reunions-ecommerce-lyon"))
        let clubText = club.attributes.values.joined(separator: " ")
        for fact in [
            "publics ou associatifs", "aide à l'innovation", "services communs", "prématurée", "deux heures", "presse",
            "DGCCRF", "déchets", "clics frauduleux", "confiance des internautes",
        ] {
            #expect(clubText.contains(fact), "\(fact)")
        }
        #expect(network.entity("daniel-broche")?.summary?.contains("très petites entreprises") == true)
        let dumas = try #require(network.entity("alain-dumas")?.summary)
        #expect(dumas.contains("concurrence étrangère") && dumas.contains("commerçants, clients, gouvernements et investisseurs"))
        #expect(
            network.record("programme-virage-numerique-detaillants")?.attributes.values.contains {
                $0.contains("Léopold Turgeon") && $0.contains("historique")
            } == true)
        #expect(network.entity("cqic")?.attributes.values.contains { $0.contains("concentrations d'entreprises de commerce") } == true)
        let teyart = try #require(network.entity("teyart")?.attributes.values.joined())
        #expect(teyart.contains("biotechnologies") && teyart.contains("mode"))
    }

    @Test func typesTheDocumentsDoNotGiveAreMarked() {
        let inferred = [
            "amazon", "banque-nationale", "la-chambre", "overblog", "fevad", "acsel", "dgccrf", "jdn", "neteco", "cqcd",
            "la-presse", "mouvement-desjardins",
        ]
        for id in inferred {
            #expect(network.entity(id)?.attributes["classement"]?.hasPrefix("type choisi par la rédaction") == true, "\(id)")
        }
    }
}
