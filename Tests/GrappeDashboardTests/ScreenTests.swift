import GrappeModel
import GrappeWords
import Testing

@testable import GrappeDashboard

/// Each screen type on its own: drawn into a rectangle of its own (never outside it), with the
/// context, title and selection the routing gives it.
@Suite struct ScreenTests {
    static let screens: [Screen] = [
        .section(.home), .section(.partners), .section(.missions), .card(.entity("picom")), .card(.record("entente-tripartite-lille")),
        .neighbourhood("picom", hops: 2), .path(from: "picom", to: "technomontreal"), .search("lille"), .diagnostics,
        .timeline(TimelineFilter()), .map("picom", hops: 1),
    ]

    /// A state with `screen` in front, its map laid out when it is one.
    static func state(on screen: Screen, width: Int = 100, height: Int = 30) -> DashboardState {
        var state = DashboardTests.state(.fr, width: width, height: height)
        state.navigate(to: screen)
        if let effect = state.update(.tick(today: state.today)).first, case .layOutMap(let request) = effect {
            _ = state.update(.mapLaidOut(NetworkMap.layOut(request)))
        }
        return state
    }

    @Test(arguments: screens) func drawsOnlyInsideItsArea(_ screen: Screen) {
        var state = Self.state(on: screen)
        var canvas = Canvas(width: 100, height: 30)
        for y in 0..<30 { canvas.put(String(repeating: "#", count: 100), x: 0, y: y) }
        let area = Rect(x: 7, y: 4, width: 60, height: 12)
        if let request = state.mapRequest(for: DashboardState.mapArea(in: area)) { state.map.layout = NetworkMap.layOut(request) }
        screen.type.render(into: &canvas, area: area, state: state)
        var drawnInside = false
        for y in 0..<30 {
            for x in 0..<100 {
                let inside = x >= area.x && x < area.maxX && y >= area.y && y < area.maxY
                if inside {
                    drawnInside = drawnInside || canvas[x, y].character != "#"
                } else {
                    #expect(canvas[x, y].character == "#", "\(screen) drew at \(x), \(y)")
                }
            }
        }
        #expect(drawnInside, "\(screen) drew nothing")
    }

    @Test func eachScreenHasItsContextAndTitle() {
        let state = DashboardTests.state(.fr)
        let expected: [(Screen, Context, String)] = [
            (.section(.home), .home, "Accueil"),
            (.section(.partners), .list, "Partenaires"),
            (.card(.entity("lille")), .card, "Lille"),
            (.neighbourhood("lille", hops: 2), .card, "Voisinage · Lille"),
            (.path(from: "lille", to: "laval"), .card, "Lille → Laval"),
            (.search("lille"), .card, "Rechercher «\u{00A0}lille\u{00A0}»"),
            (.map("lille", hops: 1), .map, "Carte · Lille"),
            (.timeline(TimelineFilter(partner: "lille")), .timeline, "Chronologie · Lille"),
        ]
        for (screen, context, title) in expected {
            #expect(screen.type.context == context, "\(screen)")
            #expect(screen.type.title(in: state) == title, "\(screen)")
        }
    }

    @Test func aCardSelectsItsLinksAndFindsThemAgain() throws {
        var state = Self.state(on: .card(.entity("picom")))
        let type = state.place.screen.type
        let count = type.selectableCount(in: state)
        #expect(count >= 2)
        state.place.selection = count - 1
        let item = try #require(type.selection(in: state))
        state.place.selection = 0
        #expect(type.select(item, state: &state))
        #expect(state.place.selection == count - 1)
        #expect(!type.select(.entity("nowhere"), state: &state), "an item the card does not link to")
    }

    @Test func theMapWaitsForItsLayoutAndAsksForIt() {
        var state = DashboardTests.state(.en)
        state.navigate(to: .map("picom", hops: 1))
        let type = state.place.screen.type
        #expect(type.keepsSelection(in: state))
        guard case .layOutMap? = type.needs(state: &state) else { Issue.record("the map asks for its layout"); return }
        #expect(type.needs(state: &state) == nil, "once")
    }
}

/// The dashboard's own table of words, walked in French: each phrase's typography, and the glossary's
/// words where the English says one of its ideas.
@Suite struct InterfaceWordsTests {
    @Test func everyInterfaceWordUsesTheGlossary() {
        let (french, english) = (Strings(.fr), Strings(.en))
        var problems: [String] = []
        for key in UI.allCases {
            let (fr, en) = (french[key].lowercased(), english[key].lowercased())
            for term in Term.allCases where term.englishWords.contains(where: { Self.has(en, $0) }) {
                for replaced in term.replacedInFrench where Self.has(fr, replaced) { problems.append("\(key): '\(replaced)' for \(term): \(fr)") }
            }
        }
        #expect(problems.isEmpty, Comment(rawValue: problems.joined(separator: "\n")))
    }

    static func has(_ text: String, _ word: String) -> Bool {
        text.split { !$0.isLetter }.contains { $0 == word }
    }

    @Test func everyFrenchInterfaceWordHasFrenchTypography() {
        let strings = Strings(.fr)
        let problems = UI.allCases.flatMap { key in Typography.problems(inFrench: strings[key]).map { "\(key): \($0): \(strings[key])" } }
        #expect(problems.isEmpty, Comment(rawValue: "\(problems.count) problems:\n" + problems.joined(separator: "\n")))
    }
}

/// Messages made of an interface word and a value put the language's colon between them.
@Suite struct MessageTypographyTests {
    @Test(arguments: [Language.fr, .en]) func anUnknownCommandAndANoMatchSayTheirColon(_ language: Language) {
        var state = DashboardTests.state(language)
        for key in [Key.character(":")] + "zzz".map(Key.character) + [.enter] { _ = state.update(.key(key)) }
        let strings = Strings(language)
        #expect(state.message == strings[.commandUnknown] + strings.colon + "zzz")
        for key in [Key.character(":")] + "show qqqqq".map(Key.character) + [.enter] { _ = state.update(.key(key)) }
        #expect(state.message == strings[.noMatch] + strings.colon + "qqqqq")
        if language == .fr { #expect(state.message?.contains("\u{00A0}: ") == true) }
    }
}
