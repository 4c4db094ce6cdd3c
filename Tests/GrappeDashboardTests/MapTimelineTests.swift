import Foundation
import GrappeModel
import GrappeWords
import Testing

@testable import GrappeDashboard

/// The map (a partner's neighbourhood drawn) and the timeline (dated records on an axis), as values.
@Suite struct MapTests {
    static func send(_ keys: [Key], to state: inout DashboardState) {
        for key in keys { DashboardTests.send(key, to: &state) }
    }

    static func mapOf(_ id: String, _ language: Language = .en, width: Int = 80, height: Int = 24, hops: Int = 1) -> DashboardState {
        var state = DashboardTests.state(language, width: width, height: height)
        send(SnapshotTests.show(id) + [.character("M")] + Array(repeating: .character("+"), count: hops - 1), to: &state)
        return state
    }

    /// A hub with `count` partners, each of them also linked to the next one.
    static func hub(_ count: Int) -> Catalogue {
        var entities = [Entity(id: "hub", kind: .cluster, name: "Le Moyeu")]
        var relations: [Relation] = []
        for index in 0..<count {
            let kind: EntityKind = index % 10 == 0 ? .person : .organisation
            entities.append(Entity(id: "p\(index)", kind: kind, name: "Partenaire \(index)"))
            relations.append(Relation(from: "p\(index)", to: "hub", type: .memberOf))
            if index > 0, index % 7 == 0 { relations.append(Relation(from: "p\(index)", to: "p\(index - 1)", type: .partnerOf)) }
        }
        return Catalogue(network: Network(name: "Hub", entities: entities, relations: relations))
    }

    @Test func theMapPutsTheCentreInTheMiddleAndItsPartnersAroundInsideTheArea() throws {
        let state = Self.mapOf("technomontreal")
        let map = try #require(state.currentMap)
        let area = state.mapArea
        #expect(map.nodes[0].id == "technomontreal")
        #expect(abs(map.nodes[0].x - area.width / 2) <= 1 && abs(map.nodes[0].y - area.height / 2) <= 1)
        let direct = Set(
            state.catalogue.graph.neighbours(of: state.catalogue.graph.index(of: "technomontreal")!).map { state.catalogue.graph.ids[Int($0)] })
        #expect(Set(map.nodes.dropFirst().map(\.id)) == direct, "every direct partner drawn when there is room")
        #expect(map.hidden.allSatisfy { $0.isEmpty })
        let cells = map.nodes.map { "\($0.x),\($0.y)" }
        #expect(Set(cells).count == cells.count, "no two marks on one cell")
        #expect(map.nodes.allSatisfy { (0..<area.width).contains($0.x) && (0..<area.height).contains($0.y) })
        #expect(map.edges.filter { $0.from == 0 }.count == direct.count, "a link from the centre to each")
        let screen = Views.render(state).text
        #expect(screen.contains("◉ TechnoMontréal"), "\(screen)")
        #expect(screen.contains("Map · TechnoMontréal  1 hop"))
        let braille = screen.unicodeScalars.filter { (0x2801...0x28FF).contains($0.value) }
        #expect(!braille.isEmpty, "links drawn in braille")
    }

    @Test func aHubOfTwoThousandLinksIsSummarisedNotDrawn() throws {
        let catalogue = Self.hub(2_000)
        for (width, height) in [(80, 24), (160, 45)] {
            var state = DashboardState(catalogue: catalogue, language: .en, width: width, height: height, today: DayStamp(2026, 11, 22))
            Self.send([.character("3"), .enter], to: &state)
            #expect(state.place.screen == .card(.entity("hub")))
            Self.send([.character("M")], to: &state)
            let map = try #require(state.currentMap)
            let drawn = map.nodes.count - 1
            #expect(drawn > 10 && drawn < 120, "\(drawn) drawn at \(width)×\(height)")
            let hidden = map.hidden[0].values.reduce(0, +)
            #expect(drawn + hidden == 2_000, "every partner drawn or counted")
            #expect(map.hidden[0][.person]! + map.hidden[0][.organisation]! == hidden)
            let screen = Views.render(state).text
            let people = map.hidden[0][.person]!, organisations = map.hidden[0][.organisation]!
            let summary =
                "Distance 1: +\(organisations.formatted(.number.locale(Locale(identifier: "en_US")))) organisations, +\(people) people not drawn"
            #expect(screen.contains(summary), "\(summary)\n\(screen)")
            // The best connected come first: the partners that also link to a neighbour.
            #expect(map.nodes.dropFirst().allSatisfy { $0.degree >= 2 }, "only partners with a second link at this size")
        }
    }

    @Test func arrowsGoToTheNearestMarkThatWayAndEnterOpensItsCard() throws {
        var state = Self.mapOf("technomontreal")
        let map = try #require(state.currentMap)
        #expect(state.place.selection == 0)
        Self.send([.right], to: &state)
        let right = map.nodes[state.place.selection]
        #expect(right.x > map.nodes[0].x, "\(right)")
        Self.send([.left], to: &state)
        #expect(map.nodes[state.place.selection].x < right.x)
        Self.send([.up], to: &state)
        let up = map.nodes[state.place.selection]
        Self.send([.down], to: &state)
        #expect(map.nodes[state.place.selection].y > up.y)
        Self.send([.tab], to: &state)
        let chosen = map.nodes[state.place.selection]
        #expect(Views.render(state).text.contains("▸ "), "the selected mark is described below")
        Self.send([.enter], to: &state)
        #expect(state.place.screen == .card(.entity(chosen.id)))
        Self.send([.escape], to: &state)
        #expect(state.place.screen == .map("technomontreal", hops: 1))
        #expect(state.currentMap != nil, "the layout is kept")
    }

    /// The same map laid out again (a resize, or others' changes in a new catalogue) keeps the selected
    /// mark, wherever it lands in the new layout.
    @Test func theSelectedMarkStaysSelectedWhenTheMapIsLaidOutAgain() throws {
        var state = Self.mapOf("technomontreal")
        Self.send([.tab, .tab, .tab], to: &state)
        let chosen = try #require(state.currentMap?.nodes[state.place.selection].id)
        let effects = state.update(.resize(width: 140, height: 44))
        guard case .layOutMap(let request)? = effects.first else { Issue.record("no layout after resize"); return }
        _ = state.update(.mapLaidOut(NetworkMap.layOut(request)))
        #expect(state.currentMap?.request.width == 140)
        #expect(state.currentMap?.nodes[state.place.selection].id == chosen, "the same mark, not the same index")
    }

    @Test func hopsGoFromOneToThreeAndEachNeedsItsOwnLayout() throws {
        var state = DashboardTests.state(.en, width: 80, height: 24)
        Self.send(SnapshotTests.show("technomontreal"), to: &state)
        var effects = state.update(.key(.character("M")))
        guard case .layOutMap(let first)? = effects.first else { Issue.record("no layout asked: \(effects)"); return }
        #expect(Views.render(state).text.contains("Laying out the partners…"))
        // A second key before the layout came asks for nothing more.
        #expect(state.update(.key(.character("t"))).isEmpty)
        effects = state.update(.key(.character("+")))
        guard case .layOutMap(let second)? = effects.first else { Issue.record("no layout for 2 hops"); return }
        #expect(second.hops == 2)
        // The first layout arrives late: it is not the one the screen needs, and is not shown.
        _ = state.update(.mapLaidOut(NetworkMap.layOut(first)))
        #expect(state.currentMap == nil)
        _ = state.update(.mapLaidOut(NetworkMap.layOut(second)))
        #expect(state.currentMap?.request.hops == 2)
        Self.send([.character("+"), .character("+"), .character("+")], to: &state)
        #expect(state.place.screen == .map("technomontreal", hops: 3))
        Self.send([.character("-"), .character("-"), .character("-")], to: &state)
        #expect(state.place.screen == .map("technomontreal", hops: 1))
        // A resize needs a new layout at the new size.
        effects = state.update(.resize(width: 120, height: 40))
        guard case .layOutMap(let resized)? = effects.first else { Issue.record("no layout after resize"); return }
        #expect(resized.width == 120)
    }

    @Test func eachKindHasItsOwnShapeSoTheMapReadsWithoutColour() {
        let marks = EntityKind.allCases.map { Views.mapMark($0).mark } + [Views.centreMark]
        #expect(Set(marks).count == marks.count)
        #expect(marks.allSatisfy { TextWidth.of($0) == 1 })
    }

    @Test func aClickSelectsAMarkAndASecondClickOpensIt() throws {
        var state = Self.mapOf("technomontreal")
        let map = try #require(state.currentMap)
        let target = map.nodes[2]
        let area = state.mapArea
        Self.send([.click(x: area.x + target.x, y: area.y + target.y)], to: &state)
        #expect(state.place.selection == 2)
        Self.send([.click(x: area.x + target.x, y: area.y + target.y)], to: &state)
        #expect(state.place.screen == .card(.entity(target.id)))
    }

    @Test func relationTypesAreWrittenOnDemandAndMRecentres() throws {
        var state = Self.mapOf("ville-de-laval", .fr, width: 160, height: 45)
        #expect(!Views.render(state).text.contains("membre de"))
        Self.send([.character("t")], to: &state)
        let typed = Views.render(state).text
        #expect(typed.contains("dossiers communs") || typed.contains("membre"), "\(typed)")
        Self.send([.tab, .character("M")], to: &state)
        guard case .map(let centre, 1) = state.place.screen else { Issue.record("\(state.place.screen)"); return }
        #expect(centre != "ville-de-laval")
        #expect(state.trail().last == "Carte · \(state.catalogue.name(centre))")
    }

    @Test func theMapNeedsAPartner() {
        var state = DashboardTests.state(.fr)
        Self.send([.character("M")], to: &state)
        #expect(state.place.screen == .section(.home))
        #expect(state.message == "Choisissez d'abord un partenaire")
    }
}

@Suite struct TimelineTests {
    static func network(_ records: [Record]) -> Catalogue {
        let entities = [
            Entity(id: "laval", kind: .city, name: "Laval"), Entity(id: "lille", kind: .city, name: "Lille"),
            Entity(id: "mef", kind: .organisation, name: "Ministère"),
        ]
        return Catalogue(network: Network(name: "T", entities: entities, records: records))
    }

    static func date(_ text: String) -> PartialDate { try! PartialDate.parse(text).get() }

    static let records = [
        Record(
            id: "a-2010", title: "Entente de 2010", parties: [Party(entity: "laval", role: .signatory)],
            body: .agreement(Agreement(signed: date("2010")))),
        Record(
            id: "m-2012", title: "Mission de mars", parties: [Party(entity: "lille", role: .leader)],
            body: .mission(Mission(status: .completed, start: date("2012-03-10"), end: date("2012-03-12")))),
        Record(
            id: "e-oct", title: "Réunion d'octobre", parties: [Party(entity: "laval", role: .host)],
            body: .event(Event(type: .meeting, date: date("XXXX-10")))),
        Record(
            id: "p-none", title: "Projet sans date", parties: [Party(entity: "laval", role: .lead)],
            body: .project(Project(funding: [FundingLine(funder: "mef", start: date("2011"), end: date("2013"))]))),
    ]

    func state(_ language: Language = .en, width: Int = 100) -> DashboardState {
        DashboardState(catalogue: Self.network(Self.records), language: language, width: width, height: 30, today: DayStamp(2026, 11, 22))
    }

    @Test func datedItemsAreSpansOnTheAxisAndAnUnknownYearIsNotPlaced() throws {
        var state = state()
        MapTests.send([.character("T")], to: &state)
        #expect(state.place.screen == .timeline(TimelineFilter()))
        let lines = Pages.lines(for: state.place.screen, state: state).map { $0.pieces.map(\.text).joined() }
        let axis = try #require(lines.first { $0.contains("2010") && $0.contains("2012") })
        let year = try #require(lines.first { $0.contains("Entente de 2010") })
        let mission = try #require(lines.first { $0.contains("Mission de mars") })
        let funding = try #require(lines.first { $0.contains("Ministère → Projet sans date") })
        // Four years on the axis: 2010 takes its whole quarter, a three-day mission one cell in 2012.
        func bar(_ line: String) -> (start: Int, count: Int) {
            let characters = Array(line)
            let first = characters.firstIndex { $0 == "━" || $0 == "●" }!
            return (first, characters[first...].prefix { $0 == "━" || $0 == "●" }.count)
        }
        let axisStart = Array(axis).firstIndex(of: "2")!
        #expect(bar(year).start == axisStart, "\(year)\n\(axis)")
        let axisWidth = max(16, 100 * 45 / 100)
        #expect(abs(bar(year).count - axisWidth / 4) <= 1, "a year is a quarter of a 4-year axis: \(year)")
        #expect(bar(mission).count == 1 && bar(mission).start > bar(year).start + 2 * axisWidth / 4)
        #expect(abs(bar(funding).count - 3 * axisWidth / 4) <= 1, "2011 to 2013: \(funding)")
        let unknown = try #require(lines.firstIndex { $0.contains("Year unknown: not placed on the axis · 1") })
        #expect(lines[unknown + 1].contains("Oct, year unknown") && lines[unknown + 1].contains("Réunion d'octobre"))
        #expect(!lines[unknown + 1].contains("━"), "not placed in a guessed year")
        let undated = try #require(lines.firstIndex { $0.contains("Undated · 1") })
        #expect(lines[undated + 1].contains("Projet sans date"))
        #expect(lines.count { $0.contains("Projet sans date") } == 2, "the project once undated, its funding once placed")
    }

    @Test func kindsCycleAndAPartnersCardGivesItsOwnTimeline() throws {
        var state = state(.fr)
        MapTests.send([.character("T"), .character("t")], to: &state)
        #expect(state.place.screen == .timeline(TimelineFilter(kind: .agreement)))
        var text = Views.render(state).text
        #expect(text.contains("Entente de 2010") && !text.contains("Mission de mars"))
        #expect(text.contains("entente (t)"))
        MapTests.send(Array(repeating: .character("t"), count: 5), to: &state)
        #expect(state.place.screen == .timeline(TimelineFilter()))
        MapTests.send([.escape, .character("4"), .enter], to: &state)
        #expect(state.place.screen == .card(.entity("laval")))
        MapTests.send([.character("T")], to: &state)
        #expect(state.place.screen == .timeline(TimelineFilter(partner: "laval")))
        text = Views.render(state).text
        #expect(text.contains("Chronologie · Laval") && text.contains("Entente de 2010") && !text.contains("Mission de mars"), "\(text)")
        MapTests.send([.character("a")], to: &state)
        #expect(state.place.screen == .timeline(TimelineFilter()))
        // Enter opens the selected item's record.
        MapTests.send([.enter], to: &state)
        #expect(state.place.screen == .card(.record("a-2010")))
    }

    @Test func anEmptyTimelineSaysSo() {
        var state = DashboardState(catalogue: Self.network([]), language: .en, width: 80, height: 24, today: DayStamp(2026, 11, 22))
        MapTests.send([.character("T")], to: &state)
        #expect(Views.render(state).text.contains("no data"))
    }
}

/// `o` opens an entity's website (http or https only); the palette opens maps and timelines by name.
@Suite struct OpenAndPaletteTests {
    static func catalogue() -> Catalogue {
        Catalogue(
            network: Network(
                name: "W",
                entities: [
                    Entity(id: "a", kind: .organisation, name: "Avec site", website: "https://example.org/a?x=1"),
                    Entity(id: "b", kind: .organisation, name: "Site douteux", website: "javascript:alert(1)"),
                    Entity(id: "c", kind: .organisation, name: "Sans site"),
                ], relations: [Relation(from: "a", to: "b", type: .partnerOf), Relation(from: "a", to: "c", type: .partnerOf)]))
    }

    func state(_ language: Language = .en) -> DashboardState {
        DashboardState(catalogue: Self.catalogue(), language: language, width: 100, height: 30, today: DayStamp(2026, 11, 22))
    }

    @Test func oOpensAWebsiteAndRefusesAnythingElse() {
        var state = state()
        MapTests.send(SnapshotTests.show("a"), to: &state)
        #expect(Views.render(state).text.contains("Website: https://example.org/a?x=1  (o)"))
        #expect(state.update(.key(.character("o"))) == [.openLink("https://example.org/a?x=1")])
        _ = state.update(.linkOpened("https://example.org/a?x=1", problem: .noOpener))
        #expect(state.message == "Cannot open: no program to open a link ($BROWSER or xdg-open) on this machine — https://example.org/a?x=1")
        MapTests.send(SnapshotTests.show("b"), to: &state)
        #expect(state.update(.key(.character("o"))).isEmpty)
        #expect(state.message == "Not a web address (http or https): javascript:alert(1)")
        var french = self.state(.fr)
        MapTests.send(SnapshotTests.show("c"), to: &french)
        #expect(french.update(.key(.character("o"))).isEmpty)
        #expect(french.message == "Rien à ouvrir ici\u{00A0}: aucun site web n'est connu pour cet élément")
        // From a list row too.
        var list = self.state()
        MapTests.send([.character("2")], to: &list)
        #expect(list.update(.key(.character("o"))) == [.openLink("https://example.org/a?x=1")])
    }

    @Test func thePaletteOpensMapsAndTimelinesInBothLanguages() {
        var state = DashboardTests.state(.fr)
        MapTests.send([.character(":")] + DashboardTests.keys("carte technomontreal") + [.enter], to: &state)
        #expect(state.place.screen == .map("technomontreal", hops: 1))
        #expect(state.currentMap != nil)
        MapTests.send([.character(":")] + DashboardTests.keys("chronologie ville-de-laval") + [.enter], to: &state)
        #expect(state.place.screen == .timeline(TimelineFilter(partner: "ville-de-laval")))
        MapTests.send([.character(":")] + DashboardTests.keys("timeline") + [.enter], to: &state)
        #expect(state.place.screen == .timeline(TimelineFilter()))
        MapTests.send([.character(":")] + DashboardTests.keys("map") + [.enter], to: &state)
        #expect(state.message == "Choisissez d'abord un partenaire")
        MapTests.send([.character(":")] + DashboardTests.keys("chr") + [.tab], to: &state)
        #expect(state.prompt?.text == "chronologie ")
        #expect(Views.render(state).text.contains("voir ID, chemin A B, carte, chronologie"), "the palette's hint in French")
    }
}

/// Names from data holding ESC, OSC, C1 and bidi controls reach the map and the timeline only as
/// visible escapes.
@Suite struct MapTimelineControlTests {
    @Test func hostileNamesNeverReachTheCanvasRaw() {
        let hostile = "Évil \u{1B}[31mRed\u{1B}]52;c;aGk=\u{07} \u{9B}2J \u{202E}gnp.exe"
        let network = Network(
            name: "H",
            entities: [
                Entity(id: "a", kind: .organisation, name: hostile),
                Entity(id: "b", kind: .person, name: "Zoé \u{1B}[2J"),
            ],
            relations: [Relation(from: "a", to: "b", type: .partnerOf)],
            records: [
                Record(
                    id: "r", title: hostile, parties: [Party(entity: "a", role: .signatory)],
                    body: .agreement(Agreement(signed: TimelineTests.date("2012"))))
            ])
        for screen in [Screen.map("a", hops: 1), .timeline(TimelineFilter())] {
            var state = DashboardState(catalogue: Catalogue(network: network), language: .fr, width: 100, height: 30, today: DayStamp(2026, 11, 22))
            state.navigate(to: screen)
            if let request = state.mapEffect().flatMap({ if case .layOutMap(let r) = $0 { r } else { nil } }) {
                _ = state.update(.mapLaidOut(NetworkMap.layOut(request)))
            }
            let text = Views.render(state).text
            let raw = text.unicodeScalars.filter {
                $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value)
            }
            #expect(raw.isEmpty, "\(screen): \(raw.count) raw control characters")
            #expect(text.contains("Évil"), "\(screen) shows the name")
        }
    }

    /// The scale names its last year even when that year's column is too near the end for its label;
    /// the date column is as wide as the widest date where the screen allows.
    @Test func theScaleNamesItsLastYearAndDatesGetTheirRoom() {
        for width in [16, 30, 36, 44, 70] {
            let scale = String(TimelineLayout.Axis(firstYear: 2013, lastYear: 2027, width: width).scaleAndGrid().scale)
            #expect(scale.trimmingCharacters(in: .whitespaces).hasSuffix("2027") && scale.hasPrefix("2013"), "\(width): \(scale)")
        }
        #expect(TimelineLayout(width: 160, widestDate: 25).dateWidth == 25)
        #expect(TimelineLayout(width: 80, widestDate: 25).dateWidth == 13)
        #expect(TimelineLayout(width: 160, widestDate: 5).dateWidth == 8)
    }
}
