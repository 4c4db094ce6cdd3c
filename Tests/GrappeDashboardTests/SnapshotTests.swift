import Foundation
import GrappeDashboard
import GrappeModel
import GrappeWords
import Testing

/// Each view drawn into a canvas and compared, as text, with a committed snapshot. To accept a change
/// on purpose: `GRAPPE_UPDATE_SNAPSHOTS=1 swift test --filter SnapshotTests`, then review the diff.
@Suite struct SnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let language: Language
        let width: Int
        let height: Int
        let keys: [Key]
        /// Also compare the roles of the cells (a letter per role), where colour carries meaning.
        var styled = false
        var testDescription: String { name }
    }

    static func typed(_ text: String) -> [Key] { text.map { Key.character($0) } }

    static let cases: [Case] = [
        Case(name: "home-en-100x30", language: .en, width: 100, height: 30, keys: []),
        Case(name: "home-fr-120x40", language: .fr, width: 120, height: 40, keys: []),
        Case(name: "partners-en-80x24", language: .en, width: 80, height: 24, keys: [.character("2")]),
        Case(name: "partners-fr-120x40", language: .fr, width: 120, height: 40, keys: [.character("2"), .down, .down]),
        Case(name: "clusters-en-100x30", language: .en, width: 100, height: 30, keys: [.character("3")]),
        Case(name: "cities-fr-100x30", language: .fr, width: 100, height: 30, keys: [.character("4")]),
        Case(name: "people-en-100x30", language: .en, width: 100, height: 30, keys: [.character("5")]),
        Case(name: "agreements-fr-100x30", language: .fr, width: 100, height: 30, keys: [.character("6")]),
        Case(name: "missions-en-100x30", language: .en, width: 100, height: 30, keys: [.character("7")]),
        Case(name: "projects-fr-100x30", language: .fr, width: 100, height: 30, keys: [.character("8"), .character("s"), .character("s")]),
        Case(name: "card-picom-fr-100x30", language: .fr, width: 100, height: 30, keys: [.character(":")] + typed("show picom") + [.enter]),
        Case(
            name: "card-agreement-en-100x30", language: .en, width: 100, height: 30,
            keys: [.character(":")] + typed("show entente-tripartite-lille") + [.enter, .down]),
        Case(name: "filter-en-100x30", language: .en, width: 100, height: 30, keys: [.character("2"), .character("/")] + typed("qc")),
        Case(
            name: "neighbourhood-en-100x30", language: .en, width: 100, height: 30,
            keys: [.character(":")] + typed("show technomontreal") + [.enter, .character("n"), .character("+")]),
        Case(
            name: "path-fr-100x30", language: .fr, width: 100, height: 30,
            keys: [.character("p")] + typed("ville-de-laval") + [.enter] + typed("lille") + [.enter]),
        Case(name: "path-prompt-en-100x30", language: .en, width: 100, height: 30, keys: [.character("p")] + typed("Ville de L")),
        Case(name: "help-fr-100x30", language: .fr, width: 100, height: 30, keys: [.character("2"), .character("?")]),
        Case(name: "too-small-en-39x11", language: .en, width: 39, height: 11, keys: []),
        Case(name: "narrow-en-40x12", language: .en, width: 40, height: 12, keys: [.character("3"), .enter]),
        Case(
            name: "form-new-fr-100x30", language: .fr, width: 100, height: 30,
            keys: [.character("m")] + typed("Mission à Lyon") + [.tab, .tab] + typed("marc")),
        Case(
            name: "form-errors-en-100x30", language: .en, width: 100, height: 30,
            keys: [.character("m")] + typed("Lyon") + Array(repeating: .tab, count: 5) + typed("lion") + [.tab] + typed("2027-03-10")
                + [.tab] + typed("2027-03-01") + [.control("s")]),
        Case(
            name: "form-edit-en-120x40", language: .en, width: 120, height: 40,
            keys: [.character(":")] + typed("show mission-laval-lille") + [.enter, .character("e")] + Array(repeating: .tab, count: 9)),
        // The map and the timeline, styled too (roles as letters beside the text): their colours carry meaning.
        Case(name: "map-fr-80x24", language: .fr, width: 80, height: 24, keys: show("technomontreal") + [.character("M")], styled: true),
        Case(
            name: "map-en-80x24", language: .en, width: 80, height: 24,
            keys: show("ville-de-laval") + [.character("M"), .character("+"), .character("t"), .right], styled: true),
        Case(
            name: "map-fr-160x45", language: .fr, width: 160, height: 45,
            keys: show("technomontreal") + [.character("M"), .character("+"), .character("t")], styled: true),
        Case(
            name: "map-en-160x45", language: .en, width: 160, height: 45,
            keys: show("picom") + [.character("M"), .character("+"), .character("+"), .down], styled: true),
        Case(name: "timeline-en-80x24", language: .en, width: 80, height: 24, keys: [.character("T")], styled: true),
        Case(name: "timeline-fr-80x24", language: .fr, width: 80, height: 24, keys: [.character("T"), .character("t")], styled: true),
        Case(name: "timeline-fr-160x45", language: .fr, width: 160, height: 45, keys: [.character("T"), .down], styled: true),
        Case(
            name: "timeline-en-160x45", language: .en, width: 160, height: 45,
            keys: show("ville-de-laval") + [.character("T")], styled: true),
    ]

    static func show(_ id: String) -> [Key] { [.character(":")] + typed("show \(id)") + [.enter] }

    @Test(arguments: cases)
    func matchesSnapshot(_ snapshot: Case) throws {
        var state = DashboardTests.state(snapshot.language, width: snapshot.width, height: snapshot.height)
        for key in snapshot.keys { DashboardTests.send(key, to: &state) }
        let canvas = Views.render(state)
        let text = canvas.text + "\n" + (snapshot.styled ? "\n" + canvas.styles + "\n" : "")
        let file = Self.folder.appendingPathComponent(snapshot.name + ".txt")
        if ProcessInfo.processInfo.environment["GRAPPE_UPDATE_SNAPSHOTS"] == "1" {
            try text.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(text == expected, "\(snapshot.name) differs from its snapshot")
    }
}
