import Foundation
import GrappeDashboard
import GrappeModel
import GrappeSeeds
import GrappeTestSupport
import GrappeWords
import GrappeWorkspace
import Testing

/// The dashboard core as values: a state, keys in, the canvas read back as text.
@Suite struct DashboardTests {
    static let seeds = Repository.seeds.path
    static let catalogue: Catalogue = {
        let result = try! SeedLoader.load(path: seeds)
        return Catalogue(network: result.network, warnings: result.diagnostics.warningCount)
    }()

    static func state(_ language: Language = .en, width: Int = 100, height: Int = 30) -> DashboardState {
        DashboardState(catalogue: catalogue, language: language, width: width, height: height, today: DayStamp(2026, 11, 22))
    }

    static func keys(_ text: String) -> [Key] { text.map { Key.character($0) } }

    /// A key through `update`, as the runtime sends it, with a map's layout computed at once (the
    /// runtime computes it off the main thread).
    static func send(_ key: Key, to state: inout DashboardState) {
        var effects = state.update(.key(key))
        while !effects.isEmpty {
            if case .layOutMap(let request) = effects.removeFirst() {
                effects += state.update(.mapLaidOut(NetworkMap.layOut(request)))
            }
        }
    }

    @Test func sectionsOpenOnNumberKeys() {
        var state = Self.state()
        for section in Section.allCases {
            _ = state.handle(.character(Character(String(section.rawValue))))
            #expect(state.section == section)
        }
        #expect(Views.render(state).text.contains("Entente de collaboration") == false, "projects list, not agreements")
    }

    /// Styles carry meaning, so screens are checked for them too (`Canvas.styles`, one letter a cell):
    /// the selected row, an error in the form, a control character from the data.
    @Test func stylesShowTheSelectionErrorsAndControlCharacters() {
        var state = Self.state(width: 80, height: 24)
        for key in [Key.character("2"), .down, .down] { _ = state.handle(key) }
        let canvas = Views.render(state)
        let lines = canvas.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let styles = canvas.styles.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let selectedRow = state.place.selection
        let row = lines.firstIndex { $0.hasPrefix(" " + state.visibleRows(.partners)[selectedRow].cells[0].prefix(10)) }!
        #expect(styles[row].filter { $0 == "S" }.count >= 40, "the whole selected row is styled: \(styles[row])")
        #expect(styles[row - 1].contains("S") == false)

        var form = Self.state(width: 100, height: 30)
        for key in [Key.character("m"), .control("s")] { _ = form.handle(key) }
        let formCanvas = Views.render(form)
        let formLines = formCanvas.text.split(separator: "\n").map(String.init)
        let formStyles = formCanvas.styles.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let error = formLines.firstIndex { $0.contains("a mission needs a title") }!
        let column = formLines[error].distance(from: formLines[error].startIndex, to: formLines[error].range(of: "a mission")!.lowerBound)
        #expect(Array(formStyles[error])[column] == "E", "errors are drawn in the error style")

        let network = SeedLoader.load(files: [(path: "x.yaml", contents: "cities: [{id: lyon, name: \"Ly\\u001Bon\"}]\n")]).network
        var hostile = DashboardState(catalogue: Catalogue(network: network), language: .en, width: 80, height: 24, today: DayStamp(2026, 11, 22))
        _ = hostile.handle(.character("4"))
        let hostileCanvas = Views.render(hostile)
        let text = hostileCanvas.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let styleLines = hostileCanvas.styles.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let line = text.firstIndex { $0.contains("Ly\\eon") }!
        let at = text[line].distance(from: text[line].startIndex, to: text[line].range(of: "\\e")!.lowerBound)
        #expect(Array(styleLines[line])[at] == "C" && Array(styleLines[line])[at + 1] == "C", "\(styleLines[line])")
        #expect(Array(styleLines[line])[at - 1] != "C")
    }

    @Test func filterIsFuzzyAndAccentInsensitive() {
        var state = Self.state()
        _ = state.handle(.character("3"))
        for key in [Key.character("/")] + Self.keys("montreal") { _ = state.handle(key) }
        #expect(state.visibleRows(.clustersAndPoles).map(\.item.id) == ["technomontreal"])
        _ = state.handle(.escape)
        #expect(state.lists.filters[.clustersAndPoles] == nil)
        _ = state.handle(.character("2"))
        for key in [Key.character("/")] + Self.keys("cqc") { _ = state.handle(key) }
        #expect(state.visibleRows(.partners).map(\.item.id).contains("cqcd"))
        _ = state.handle(.character("3"))
        for key in [Key.character("/")] + Self.keys("pole") { _ = state.handle(key) }
        #expect(state.visibleRows(.clustersAndPoles).first?.item.id == "picom", "'pole' finds Pôle")
    }

    @Test func switchingSectionStartsANewTrailAndALongOneIsCutAtTheFront() {
        var state = Self.state(width: 40)
        for key in [Key.character("2"), .enter] { _ = state.handle(key) }
        for _ in 0..<3 { _ = state.handle(.enter) }
        #expect(state.trail().count >= 3 && state.trail()[0] == "Partners")
        let shown = Views.render(state).text.split(separator: "\n")[2]
        #expect(shown.hasPrefix(" … › "), "\(shown)")
        _ = state.handle(.character("4"))
        #expect(state.trail() == ["Cities"])
    }

    @Test func openFollowAndGoBackWithBreadcrumbs() {
        var state = Self.state()
        for key in [Key.character("3"), .character("/")] + Self.keys("montreal") + [.enter, .enter] { _ = state.handle(key) }
        #expect(state.place.screen == .card(.entity("technomontreal")))
        let links = Pages.lines(for: state.place.screen, state: state).compactMap(\.link)
        let picom = links.firstIndex(of: .entity("picom"))!
        for _ in 0..<picom { _ = state.handle(.character("j")) }
        _ = state.handle(.enter)
        #expect(state.place.screen == .card(.entity("picom")))
        #expect(
            state.trail() == ["Clusters & poles", "TechnoMontréal", "Pôle de compétitivité des industries du commerce"],
            "the trail starts at the section, not at what came before it")
        _ = state.handle(.escape)
        #expect(state.place.screen == .card(.entity("technomontreal")))
        _ = state.handle(.character("]"))
        #expect(state.place.screen == .card(.entity("picom")))
        _ = state.handle(.character("["))
        _ = state.handle(.character("["))
        #expect(state.place.screen == .section(.clustersAndPoles))
    }

    @Test func helpListsTheKeysOfTheView() {
        var state = Self.state(.fr, width: 120, height: 60)
        _ = state.handle(.character("2"))
        _ = state.handle(.character("?"))
        let text = Views.render(state).text
        #expect(text.contains("Aide — Touches de cette vue"))
        for binding in KeyMap.bindings(.list, section: .partners) { #expect(text.contains(Strings(.fr)[binding.help]) || binding.help == .partners) }
        _ = state.handle(.escape)
        #expect(!state.help.isShown)
        #expect(!text.contains("▼"), "all of it fits at 120×60")
        // At 80×24 the keys do not all fit: the frame says how many are below, then that some are above.
        var small = Self.state(.en, width: 80, height: 24)
        for key in [Key.character("2"), .character("?")] { _ = small.handle(key) }
        let frame = Views.render(small).text.split(separator: "\n").map(String.init)
        #expect(frame.contains { $0.contains("└") && $0.contains(" ▼ ") }, "\(frame.joined(separator: "\n"))")
        for _ in 0..<40 { _ = small.handle(.character("j")) }
        #expect(Views.render(small).text.split(separator: "\n").contains { $0.contains("└") && $0.contains(" ▲ ") })
    }

    @Test(arguments: [Language.en, .fr]) func statusBarComesFromTheKeyMap(_ language: Language) {
        var state = Self.state(language)
        _ = state.handle(.character("2"))
        let status = Views.render(state).text.split(separator: "\n").last.map(String.init) ?? ""
        for binding in KeyMap.bindings(.list) where binding.inStatusBar {
            #expect(status.contains("\(binding.keys[0].label(in: language)) \(Strings(language)[binding.help])"))
        }
        // Keys are named as the language's keyboards name them.
        #expect(status.contains(language == .fr ? "Entrée ouvrir" : "Enter open"))
        #expect(!status.contains(language == .fr ? "Enter" : "Entrée"))
    }

    @Test func tooSmallTerminals() {
        var state = Self.state(width: 39, height: 12)
        #expect(Views.render(state).text.contains("Terminal too small"))
        state.resize(width: 40, height: 12)
        #expect(!Views.render(state).text.contains("Terminal too small"))
        state.resize(width: 10, height: 3)
        #expect(Views.render(state).width == 10)
    }

    @Test func bothLanguagesAndSwitching() {
        var state = Self.state(.fr)
        #expect(Views.render(state).text.contains("Partenaires les plus connectés"))
        for key in [Key.character(":")] + Self.keys("lang en") + [.enter] { _ = state.handle(key) }
        #expect(Views.render(state).text.contains("Most connected partners"))
        #expect(Language.fromEnvironment(["LANG": "fr_CA.UTF-8"]) == .fr)
        #expect(Language.fromEnvironment(["LC_ALL": "C.UTF-8", "LANG": "fr_FR.UTF-8"]) == .en)
        #expect(Language.fromEnvironment([:]) == .en)
    }

    @Test func paletteShowAndPath() {
        var state = Self.state()
        for key in [Key.character(":")] + Self.keys("show picom") + [.enter] { _ = state.handle(key) }
        #expect(state.place.screen == .card(.entity("picom")))
        for key in [Key.character(":")] + Self.keys("path ville-de-laval lille") + [.enter] { _ = state.handle(key) }
        #expect(state.place.screen == .path(from: "ville-de-laval", to: "lille"))
        #expect(Views.render(state).text.contains("Entente de collaboration tripartite"))
        for key in [Key.character(":")] + Self.keys("sh") + [.tab] { _ = state.handle(key) }
        #expect(state.prompt?.text == "show ")
        _ = state.handle(.escape)
        #expect(state.handle(.control("c")) == .quit)
    }

    @Test func neighbourhoodGrowsWithPlus() {
        var state = Self.state()
        for key in [Key.character(":")] + Self.keys("show technomontreal") + [.enter, .character("n")] { _ = state.handle(key) }
        #expect(state.place.screen == .neighbourhood("technomontreal", hops: 1))
        let one = Pages.lines(for: state.place.screen, state: state).count { $0.link != nil }
        _ = state.handle(.character("+"))
        #expect(state.place.screen == .neighbourhood("technomontreal", hops: 2))
        #expect(Pages.lines(for: state.place.screen, state: state).count { $0.link != nil } > one)
    }

    @Test func controlCharactersFromDataAreDrawnVisibly() {
        var canvas = Canvas(width: 20, height: 1)
        canvas.put("ab\u{1B}[2Jc", x: 0, y: 0)
        #expect(canvas.text == "ab\\e[2Jc")
        #expect(canvas[2, 0].style == .control)
    }

    @Test func wideCharactersKeepAlignment() {
        var canvas = Canvas(width: 12, height: 2)
        canvas.put("東京の会議", x: 0, y: 0, width: 6)
        canvas.put("Montréal🎉x", x: 0, y: 1, width: 9)
        #expect(canvas.text == "東京…\nMontréal…")
        #expect(TextWidth.of("東京…") == 5)
    }
}

@Suite struct DateDisplayTests {
    @Test(arguments: [
        ("XXXX-10", Language.fr, "oct., année inconnue"), ("XXXX-10", .en, "Oct, year unknown"),
        ("XXXX-03-12", .fr, "12 mars, année inconnue"), ("2013-10", .en, "Oct 2013"),
        ("2005", .fr, "2005"), ("XXXX-22~", .fr, "été, année inconnue ~"), ("2013-21", .en, "spring 2013"),
    ])
    func datesReadAsPeopleWriteThem(_ raw: String, _ language: Language, _ expected: String) {
        #expect(Strings(language).date(text: raw) == expected)
    }

    /// What the home page picks without sorting everything is the start of the full order, for any
    /// mix of upcoming, past, dated and undated missions (ties included).
    @Test func theLeadingMissionsAreTheStartOfTheFullOrder() throws {
        var random = SystemRandomNumberGenerator()
        let today = DayStamp(2026, 11, 22)
        let statuses: [MissionStatus] = [.planned, .confirmed, .underWay, .completed, .cancelled]
        for _ in 0..<20 {
            let missions = (0..<Int.random(in: 0...60, using: &random)).map { index -> Record in
                let year = Int.random(in: 2025...2028, using: &random), month = Int.random(in: 1...12, using: &random)
                let start: PartialDate? = Bool.random(using: &random) ? nil : PartialDate(year: year, month: month, day: nil)
                let mission = Mission(status: statuses.randomElement(using: &random)!, start: start)
                return Record(id: String(format: "m%03d", Int.random(in: 0..<40, using: &random) * 100 + index), title: "M", body: .mission(mission))
            }
            let full = MissionSchedule.ordered(missions, today: today, record: { $0 }, tie: { $0.id < $1.id })
            for count in [0, 1, 3, 5, 100] {
                for keep in [
                    { (_: Record, upcoming: Bool) in upcoming }, { (_: Record, upcoming: Bool) in !upcoming }, { (_: Record, _: Bool) in true },
                ] {
                    let picked = MissionSchedule.leading(count, of: missions, today: today, record: { $0 }, tie: { $0.id < $1.id }, keep: keep)
                    let expected = full.filter { keep($0, MissionSchedule.isUpcoming($0, today: today)) }.prefix(count)
                    #expect(picked.map(\.id) == expected.map(\.id))
                }
            }
        }
    }

    /// Home, the Missions list and `grappe mission list` share one answer to "upcoming" (MissionSchedule):
    /// a mission under way (started, not ended) is upcoming; one whose dates are unknown goes by status.
    @Test func homeAndTheListAgreeOnUpcomingMissions() {
        let yaml = """
            documents: [{id: d, title: D}]
            cities: [{id: lyon, name: Lyon, sources: [d]}]
            people: [{id: ana, name: Ana, sources: [d]}]
            missions:
              - {id: en-cours, title: Mission en cours, status: under_way, start: 2026-11-20, end: 2026-11-30, destinations: [lyon], parties: [{id: ana, role: leader}], sources: [d]}
              - {id: passee, title: Mission passée, status: completed, start: 2026-10-01, end: 2026-10-03, destinations: [lyon], parties: [{id: ana, role: leader}], sources: [d]}
              - {id: prevue, title: Mission prévue, status: planned, start: 2027-01-10, destinations: [lyon], parties: [{id: ana, role: leader}], sources: [d]}
            """
        let network = SeedLoader.load(files: [(path: "m.yaml", contents: yaml)]).network
        // One column, tall enough for every panel: the headings and missions read top to bottom.
        let state = DashboardState(catalogue: Catalogue(network: network), language: .en, width: 70, height: 80, today: DayStamp(2026, 11, 22))
        let home = Views.render(state).text.split(separator: "\n").map(String.init)
        func line(_ text: String) -> Int { home.firstIndex { $0.contains(text) } ?? -1 }
        let upcoming = line("Upcoming missions"), recent = line("Recent missions")
        #expect(upcoming >= 0 && recent > upcoming, "\(home.joined(separator: "\n"))")
        #expect((upcoming..<recent).contains(line("Mission en cours")))
        #expect((upcoming..<recent).contains(line("Mission prévue")))
        #expect(line("Mission en cours") < line("Mission prévue"), "soonest first")
        #expect(line("Mission passée") > recent)
        var list = state
        _ = list.handle(.character("7"))
        #expect(list.visibleRows(.missions).map(\.item.id) == ["en-cours", "prevue", "passee"])
    }
}

/// Every screen answers every command of the key map without leaving its selection out of range: the
/// routing to each screen's own update is checked for all pairs, not only the keys its bar shows.
@Suite struct ScreenRoutingTests {
    static let screens: [Screen] =
        Section.allCases.map { .section($0) } + [
            .card(.entity("picom")), .card(.record(DashboardTests.catalogue.network.records[0].id)),
            .neighbourhood("picom", hops: 2), .path(from: "ville-de-laval", to: "picom"), .diagnostics, .search("lav"),
        ]
    static let commands: [Command] =
        Section.allCases.map { .section($0) } + [
            .up, .down, .pageUp, .pageDown, .top, .bottom, .open, .back, .historyBack, .historyForward,
            .filter, .sort, .sortReverse, .nextPane, .previousPane, .neighbourhood, .moreHops, .fewerHops, .pathFinder,
        ]

    @Test(arguments: [80, 160])
    func everyCommandOnEveryScreen(width: Int) {
        for screen in Self.screens {
            for command in Self.commands {
                var state = DashboardTests.state(width: width, height: 24)
                state.navigate(to: screen)
                _ = state.run(.down)
                _ = state.run(command)
                let count = state.selectableCountForTests
                let selection = state.place.focusDetail ? state.place.detailSelection : state.place.selection
                #expect(
                    count == 0 ? selection == 0 && !state.place.focusDetail : (0..<count).contains(selection),
                    "\(command) on \(screen) at \(width) columns")
                _ = Views.render(state)
            }
        }
    }

    @Test func hopsChangeOnlyOnANeighbourhood() {
        var state = DashboardTests.state()
        state.navigate(to: .neighbourhood("picom", hops: 1))
        _ = state.run(.moreHops)
        #expect(state.place.screen == .neighbourhood("picom", hops: 2))
        state.navigate(to: .card(.entity("picom")))
        _ = state.run(.moreHops)
        #expect(state.place.screen == .card(.entity("picom")))
    }

    @Test func escapeClearsAListsFilterBeforeGoingBack() {
        var state = DashboardTests.state()
        _ = state.run(.section(.partners))
        _ = state.run(.filter)
        for key in DashboardTests.keys("lav") { _ = state.handle(key) }
        _ = state.handle(.enter)
        #expect(state.lists.filters[.partners] == "lav")
        _ = state.run(.back)
        #expect(state.lists.filters[.partners] == nil && state.section == .partners)
        _ = state.run(.back)
        #expect(state.section == .home)
    }
}

/// The status bar and the help show the keys that matter where the user is.
@Suite struct KeyHintTests {
    static func lines(_ state: DashboardState) -> [String] {
        Views.render(state).text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func theMissionsListOffersNewAndEditAndOtherListsDoNotOfferEdit() {
        var state = DashboardTests.state(width: 160, height: 30)
        _ = state.run(.section(.missions))
        let bar = Self.lines(state)[29]
        #expect(bar.contains(" m ") && bar.contains(" e "), "\(bar)")
        _ = state.run(.section(.partners))
        _ = state.run(.help)
        let help = Self.lines(state).joined(separator: "\n")
        #expect(!help.contains(state.strings[.editMission]), "\(help)")
        #expect(help.contains(state.strings[.newMission]))
    }

    @Test func homesHelpNamesEachKeyOnce() {
        var state = DashboardTests.state(width: 100, height: 40)
        _ = state.run(.help)
        let help = Self.lines(state).joined(separator: "\n")
        #expect(!help.contains("2 2"), "\(help)")
    }
}

/// A click on a column's title sorts by it (a count starts with the largest), a second click reverses;
/// the arrow stays visible in a narrow column.
@Suite struct ClickToSortTests {
    @Test func aClickOnATitleSorts() throws {
        var state = DashboardTests.state(width: 80, height: 24)
        _ = state.handle(.character("2"))
        let lines = KeyHintTests.lines(state)
        let y = try #require(lines.firstIndex { $0.contains("Name") && $0.contains("Lin") })
        let x = try #require(lines[y].range(of: "Lin")).lowerBound.utf16Offset(in: lines[y])
        _ = state.handle(.click(x: x, y: y))
        let links = state.visibleRows(.partners).map { Int($0.cells[3]) ?? 0 }
        #expect(links.first == links.max() && links == links.sorted(by: >), "the largest count first")
        #expect(KeyHintTests.lines(state)[y].contains("▼"), "the arrow shows in a six-cell column: \(KeyHintTests.lines(state)[y])")
        _ = state.handle(.click(x: x, y: y))
        #expect(state.visibleRows(.partners).map { Int($0.cells[3]) ?? 0 } == links.sorted())
        #expect(KeyHintTests.lines(state)[y].contains("▲"))
        // The name column sorts by name.
        _ = state.handle(.click(x: 2, y: y))
        let names = state.visibleRows(.partners).map(\.keys[0])
        #expect(names == names.sorted() && KeyHintTests.lines(state)[y].contains("▲"))
    }
}

/// Every page scrolls at 80×24: Home to its last panel, a card past its last link.
@Suite struct ScrollingTests {
    @Test(arguments: [Language.en, .fr])
    func homeScrollsToItsLastPanel(_ language: Language) {
        var state = DashboardTests.state(language, width: 80, height: 24)
        let last = state.strings[.fundingPerProgramme]
        #expect(!Views.render(state).text.contains(last), "at 80×24 the first panels fill the screen")
        #expect(Views.render(state).text.contains("▼"))
        for _ in 0..<60 { _ = state.handle(.character("j")) }
        let bottom = Views.render(state).text
        #expect(bottom.contains(last), "\(bottom)")
        #expect(bottom.contains("▲") && !bottom.contains("▼"))
        _ = state.handle(.character("g"))
        #expect(Views.render(state).text.contains(state.strings[.mostConnected]))
    }

    @Test func aCardScrollsPastItsLastLink() throws {
        var state = DashboardTests.state(width: 80, height: 24)
        let longest = try #require(
            state.network.entities.max { a, b in
                Pages.lines(for: .card(.entity(a.id)), state: state).count < Pages.lines(for: .card(.entity(b.id)), state: state).count
            })
        state.navigate(to: .card(.entity(longest.id)))
        let lines = Pages.lines(for: state.place.screen, state: state)
        #expect(lines.count > state.layout.bodyHeight, "a card longer than the screen")
        let lastText = try #require(lines.last { !$0.pieces.isEmpty }).pieces.map(\.text).joined()
        for _ in 0..<lines.count { _ = state.run(.down) }
        let screen = Views.render(state).text
        #expect(screen.contains(String(lastText.prefix(30)).trimmingCharacters(in: .whitespaces)), "\(screen)")
        // Back up to the top, link by link and line by line.
        for _ in 0..<lines.count { _ = state.run(.up) }
        #expect(
            state.place.selection == 0
                && PageView(lines: lines, selection: state.place.selection, free: state.place.scroll).scroll(height: state.layout.bodyHeight) == 0)
    }
}

@Suite struct PalettePathTests {
    @Test(arguments: ["path ville de laval lille", "path \"Ville de Laval\" lille", "chemin lille \"ville de laval\""])
    func namesWithSpacesFindTheirPartners(_ typed: String) {
        var state = DashboardTests.state()
        for key in [Key.character(":")] + DashboardTests.keys(typed) + [.enter] { _ = state.handle(key) }
        guard case .path(let from, let to) = state.place.screen else {
            Issue.record("no path for \(typed): \(state.message ?? "")")
            return
        }
        #expect(Set([from, to]) == ["ville-de-laval", "lille"])
    }

    @Test func anUnclearPathSaysHowToWriteIt() {
        var state = DashboardTests.state()
        for key in [Key.character(":")] + DashboardTests.keys("path commerce") + [.enter] { _ = state.handle(key) }
        #expect(state.section == .home)
        #expect(state.message?.contains("quotes") == true)
    }
}

/// Finding anything from anywhere: `/` outside the lists, `:find`, and `:show` with several matches.
@Suite struct SearchTests {
    @Test func slashOnHomeSearchesEverythingAsYouType() throws {
        var state = DashboardTests.state(width: 100, height: 30)
        for key in [Key.character("/")] + DashboardTests.keys("desjardins") { _ = state.handle(key) }
        #expect(state.place.screen == .search("desjardins"))
        let screen = Views.render(state).text
        #expect(screen.contains("Mouvement Desjardins"), "\(screen)")
        #expect(screen.contains("1 result for 'desjardins'"), "\(screen)")
        #expect(screen.contains("Home › Search 'desjardins'"), "\(screen)")
        _ = state.handle(.enter)  // closes the prompt; the results stay
        _ = state.handle(.enter)  // opens the first result
        #expect(state.place.screen == .card(.entity("mouvement-desjardins")))
        _ = state.handle(.escape)
        #expect(state.place.screen == .search("desjardins"), "back to the results, one step for the whole search")
        _ = state.handle(.escape)
        #expect(state.section == .home)
    }

    @Test func theResultsSayHowManyInTheLanguage() {
        var state = DashboardTests.state(.fr, width: 100, height: 30)
        for key in [Key.character("/")] + DashboardTests.keys("lav") { _ = state.handle(key) }
        let screen = Views.render(state).text
        #expect(screen.contains("7 résultats pour «\u{00A0}lav\u{00A0}»"), "\(screen)")
        #expect(screen.contains("Accueil › Rechercher «\u{00A0}lav\u{00A0}»"), "\(screen)")
    }

    @Test func searchFindsAccentsAndSummariesAndGroupsByKind() {
        let hits = DashboardTests.catalogue.lookup.search("MONTREAL")
        #expect(hits.first?.item == .entity("montreal"), "a name before ids and summaries")
        #expect(hits.contains { $0.item == .entity("technomontreal") })
        let bySummary = DashboardTests.catalogue.lookup.search("commerçant lyonnais")
        #expect(bySummary.map(\.item) == [.entity("daniel-broche")], "a summary matches where its text appears whole")
        #expect(bySummary.first?.matched.hasPrefix("e-commerçant lyonnais") == true)
        #expect(
            !DashboardTests.catalogue.lookup.search("montreal").contains { $0.matched.count > 80 },
            "letters scattered through a summary do not match")
        var state = DashboardTests.state(.fr, width: 120, height: 60)
        state.navigate(to: .search("commerce"))
        let screen = Views.render(state).text
        #expect(screen.contains("Organisations (") && screen.contains("Projets ("), "\(screen)")
    }

    @Test func showWithSeveralMatchesOpensAChooser() {
        var state = DashboardTests.state()
        for key in [Key.character(":")] + DashboardTests.keys("show commerce") + [.enter] { _ = state.handle(key) }
        #expect(state.place.screen == .search("commerce"))
        let links = Pages.lines(for: state.place.screen, state: state).compactMap(\.link)
        #expect(links.count > 1)
    }

    @Test func slashOnACardSearchesToo() {
        var state = DashboardTests.state()
        state.navigate(to: .card(.entity("picom")))
        for key in [Key.character("/")] + DashboardTests.keys("lille") { _ = state.handle(key) }
        #expect(state.place.screen == .search("lille"))
    }
}

@Suite struct SortingTests {
    @Test func aCountColumnStartsWithTheLargestAndEmptyValuesGoLast() {
        var state = DashboardTests.state()
        _ = state.run(.section(.partners))
        _ = state.run(.sort)  // type
        _ = state.run(.sort)  // city, ascending
        let byCity = state.visibleRows(.partners)
        let cities = (0..<byCity.count).map { byCity[$0].cells[2] }
        #expect(cities.contains(""), "some partners have no known city")
        let firstEmpty = cities.firstIndex(of: "") ?? cities.count
        let tail = cities[firstEmpty...]
        #expect(tail.allSatisfy { $0.isEmpty }, "empty cities last: \(cities)")
        _ = state.run(.sortReverse)
        let reversed = state.visibleRows(.partners)
        #expect(reversed[reversed.count - 1].cells[2].isEmpty, "still last when reversed")
        #expect(!reversed[0].cells[2].isEmpty)
        _ = state.run(.sort)  // links: the largest first
        let byLinks = state.visibleRows(.partners)
        let links = (0..<byLinks.count).map { Int(byLinks[$0].cells[3]) ?? 0 }
        #expect(links == links.sorted(by: >), "\(links)")
    }

    @Test func theNeighbourhoodIsSortedByName() {
        let state = DashboardTests.state()
        let second = Pages.lines(for: .neighbourhood("technomontreal", hops: 2), state: state)
        let ringTwo = second.drop { !$0.pieces.contains { $0.text.hasPrefix(state.strings[.distance] + " 2") } }.compactMap { line in
            line.link.map { state.catalogue.name($0.id) }
        }
        #expect(ringTwo.count > 1)
        #expect(ringTwo.map(TextFolding.fold) == ringTwo.map(TextFolding.fold).sorted(), "\(ringTwo)")
    }
}

/// Seed problems and store warnings reach the diagnostics screen in the interface's language.
@Suite struct DiagnosticsScreenTests {
    static let problem = Wording(
        "broken/a.yaml:3:5: erreur\u{00A0}: clé inconnue «\u{00A0}nmae\u{00A0}» dans une ville",
        "broken/a.yaml:3:5: error: unknown key 'nmae' in a city")

    @Test(arguments: [Language.fr, .en])
    func seedErrorsShowInTheInterfacesLanguage(_ language: Language) {
        var state = DashboardTests.state(language, width: 100, height: 24)
        _ = state.update(.seedsLoaded(nil, warnings: 0, errors: [Self.problem], reload: true))
        let screen = Views.render(state).text
        #expect(screen.contains(language == .fr ? "clé inconnue «\u{00A0}nmae\u{00A0}» dans une ville" : "unknown key 'nmae' in a city"), "\(screen)")
        #expect(!screen.contains(language == .fr ? "unknown key" : "clé inconnue"), "\(screen)")
    }

    /// A diagnostic quoting control characters from a file wraps as it is drawn (with their
    /// stand-ins), so no word of it is cut off at 80 columns.
    @Test func controlCharactersWrapAsTheyAreDrawn() {
        let text =
            "broken/a.yaml:2:9: erreur\u{00A0}: l'id «\u{00A0}bad\u{1B}[31m\u{9B}2J\u{202E}id\u{00A0}» n'est pas un identifiant court\u{00A0}: "
            + "minuscules, chiffres et traits d'union, comme «\u{00A0}bad-31m-2j-id\u{00A0}» fin"
        var state = DashboardTests.state(.fr, width: 80, height: 24)
        _ = state.update(.seedsLoaded(nil, warnings: 0, errors: [Wording(text, text)], reload: true))
        let lines = KeyHintTests.lines(state)[3..<8].joined(separator: "\n")
        #expect(!lines.contains("…"), "\(lines)")
        #expect(
            lines.contains("\\e[31m\\u{9B}2J\\u{202E}id") && lines.contains(" un") && lines.contains("identifiant court") && lines.contains("» fin"),
            "\(lines)")
    }

    @Test func storeWarningsAreWordedInFrench() throws {
        var state = DashboardTests.state(.fr, width: 160, height: 24)
        let seeds = try SeedLoader.load(path: DashboardTests.seeds).network
        var effects = state.update(.seedsLoaded(seeds, warnings: 0, errors: [], reload: false))
        let record = Record(
            id: "mission-x", title: "X", parties: [Party(entity: "gone-partner", role: .leader)],
            body: .mission(Mission(status: .planned, destinations: ["lyon"])))
        let workspace = Workspace(records: [StoredRecord(record: record, version: 1, updatedAt: "", updatedBy: "t")])
        effects += state.update(.workspaceLoaded(workspace, journal: [], location: "store.sqlite"))
        for case .buildCatalogue(let request) in effects { _ = state.update(.catalogueBuilt(request.build())) }
        let warning = OverlayWarning(record: "mission-x", missing: "gone-partner")
        #expect(state.message?.contains("n'est plus dans les graines") == true, "\(state.message ?? "")")
        #expect(state.loaded.diagnostics.map(\.french) == ["store.sqlite: avertissement\u{00A0}: \(warning.french)"])
        #expect(state.loaded.diagnostics.map(\.english) == ["store.sqlite: warning: \(warning.description)"])
    }
}

/// Amounts, shares and durations on cards and in lists are written as the language writes them,
/// through Foundation's formatters.
@Suite struct AmountWordingTests {
    @Test(arguments: [
        (Language.fr, ["Budget\u{00A0}: 2\u{202F}100\u{202F}000,00\u{00A0}$CA", "Durée\u{00A0}: 3 ans", "50\u{00A0}%"]),
        (.en, ["Budget: CA$2,100,000.00", "Duration: 3 years", "50%"]),
    ])
    func aProjectCardSpeaksTheLanguage(_ language: Language, _ expected: [String]) {
        var state = DashboardTests.state(language, width: 160, height: 45)
        state.navigate(to: .card(.record("developpement-cqic")))
        let lines = Pages.lines(for: state.place.screen, state: state).map { $0.pieces.map(\.text).joined() }
        for text in expected {
            #expect(lines.contains { $0.contains(text) }, "\(text) in \(lines)")
        }
        #expect(!lines.contains { $0.contains("2100000.00 CAD") || $0.contains("P3Y") })
    }
}
