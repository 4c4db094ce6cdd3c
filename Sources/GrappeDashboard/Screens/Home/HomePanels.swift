import Foundation
import GrappeAnalysis
import GrappeModel
import GrappeWorkspace

/// Home's panels (counts, most connected partners, brokers, missions, agreements, funding) and where
/// each line goes in an area: one column, or two when it is wide enough. The view draws them; the
/// update scrolls within their height.
enum HomePanels {
    /// How many lines Home's panels take in `area` (what scrolling goes up to).
    static func height(_ state: DashboardState, in area: Rect) -> Int { layout(state, in: area).height }

    /// Each line of Home's panels with where it goes (unscrolled), and the height of it all.
    static func layout(_ state: DashboardState, in area: Rect) -> (placed: [(x: Int, y: Int, line: PageLine)], height: Int) {
        let blocks = blocks(state)
        let twoColumns = area.width >= 100
        var columnsY = [area.y, area.y]
        var placed: [(x: Int, y: Int, line: PageLine)] = []
        for block in blocks {
            let column = twoColumns ? (columnsY[0] <= columnsY[1] ? 0 : 1) : 0
            let x = area.x + (column == 0 ? 1 : area.width / 2 + 1)
            for line in block {
                placed.append((x, columnsY[column], line))
                columnsY[column] += 1
            }
            columnsY[column] += 1
        }
        return (placed, max(columnsY[0], columnsY[1]) - 1 - area.y)
    }

    /// Home's panels, each a list of lines.
    static func blocks(_ state: DashboardState) -> [[PageLine]] {
        // A panel with nothing under its heading says so (but past missions, which simply have none yet).
        let noData = [PageLine.text("  " + state.strings[.noData], .muted)]
        func orNoData(_ lines: [PageLine]) -> [PageLine] { lines.count == 1 ? lines + noData : lines }
        // On a large network the figures come a moment after the first frame: the counts are there.
        guard let figures = state.catalogue.homeFigures.whenReady else {
            return [counts(state), [.heading(state.strings[.mostConnected]), .text("  " + state.strings[.computingFigures], .muted)]]
        }
        var blocks = [counts(state), mostConnected(state, figures)]
        if let brokers = linkedToSeveralGroups(state, figures) { blocks.append(brokers) }
        let (upcoming, recent) = missions(state, figures)
        return blocks + [
            orNoData(upcoming), recent, orNoData(agreementsPerYear(state, figures)), orNoData(fundingPerProgramme(state, figures)),
        ]
    }

    /// How many of each kind, and the data's warnings.
    private static func counts(_ state: DashboardState) -> [PageLine] {
        let s = state.strings
        let counts = state.catalogue.counts
        let warnings = state.catalogue.warnings
        let said = s.count(warnings, ("avertissement des données", "avertissements des données"), ("data warning", "data warnings"))
        return [.heading(s[.entities])]
            + EntityKind.allCases.map { PageLine([("  " + s.count(counts.byEntityKind[$0] ?? 0, $0), .plain)]) }
            + RecordKind.allCases.map { PageLine([("  " + s.count(counts.byRecordKind[$0] ?? 0, $0), .plain)]) }
            + [PageLine([("  " + said, warnings > 0 ? .warning : .plain)])]
    }

    private static func mostConnected(_ state: DashboardState, _ figures: HomeFigures) -> [PageLine] {
        let maximum = figures.mostConnected.first?.links ?? 1
        return [.heading(state.strings[.mostConnected])]
            + figures.mostConnected.map { entry in
                PageLine([
                    ("  " + bar(entry.links, of: maximum, width: 10) + " ", .accent), ("\(entry.links) ", .bold),
                    (state.catalogue.name(entry.id), .plain),
                ])
            }
    }

    /// Partners linked to several clusters or poles; nil when there is none.
    private static func linkedToSeveralGroups(_ state: DashboardState, _ figures: HomeFigures) -> [PageLine]? {
        let brokers = figures.linkedToSeveralGroups
        guard !brokers.isEmpty else { return nil }
        return [.heading(state.strings[.linkedToSeveralGroups])]
            + brokers.map { entry in
                PageLine([
                    ("  " + state.catalogue.name(entry.id), .bold),
                    ("  \(state.strings[.linkedClusters]) " + entry.groups.map(state.catalogue.name).joined(separator: ", "), .muted),
                ])
            }
    }

    /// Upcoming and past as the Missions list and `grappe mission list` have them (MissionSchedule),
    /// the few shown picked without sorting every mission.
    private static func missions(_ state: DashboardState, _ figures: HomeFigures) -> (upcoming: [PageLine], recent: [PageLine]) {
        let s = state.strings
        func leading(_ count: Int, _ keep: (Record, Bool) -> Bool) -> [Record] {
            MissionSchedule.leading(
                count, of: figures.missions, today: state.today, record: { $0 }, tie: { $0.id < $1.id }, keep: keep)
        }
        let upcoming = leading(5) { _, upcoming in upcoming }
        let pastDated = leading(5) { mission, upcoming in !upcoming && mission.date?.bounds != nil }
        let pastUndated = leading(3) { mission, upcoming in !upcoming && mission.date?.bounds == nil }
        let missionLine = { (mission: Record) in
            PageLine([("  \(mission.date.map(s.date) ?? s[.undated])  ", .accent), (mission.title, .plain)])
        }
        return (
            [.heading(s[.upcomingMissions])] + upcoming.map(missionLine),
            [.heading(s[.recentMissions])] + (pastDated + pastUndated).map(missionLine)
        )
    }

    private static func agreementsPerYear(_ state: DashboardState, _ figures: HomeFigures) -> [PageLine] {
        let s = state.strings
        let years = figures.agreementsPerYear
        let yearMax = years.map(\.count).max() ?? 1
        return [.heading(s[.agreementsPerYear])]
            + years.suffix(8).map { entry in
                PageLine([
                    (TextWidth.padded("  \(entry.year == "?" ? s[.yearUnknown] : entry.year)", to: 18), .plain),
                    (bar(entry.count, of: yearMax, width: 20), .accent), (" \(entry.count)", .bold),
                ])
            }
    }

    /// One scale per currency: a bar compares amounts in the same money only.
    private static func fundingPerProgramme(_ state: DashboardState, _ figures: HomeFigures) -> [PageLine] {
        let programmes = figures.fundingPerProgramme
        var fundingMax: [String: Int64] = [:]
        for entry in programmes {
            fundingMax[entry.amount.currency.code] = max(fundingMax[entry.amount.currency.code] ?? 1, entry.amount.minorUnits)
        }
        return [.heading(state.strings[.fundingPerProgramme])]
            + programmes.map { entry in
                let scale = Int(fundingMax[entry.amount.currency.code] ?? 1)
                return PageLine([
                    ("  " + bar(Int(entry.amount.minorUnits), of: scale, width: 12) + " ", .accent),
                    (state.strings.shortMoney(entry.amount) + " ", .bold), (entry.title, .plain),
                ])
            }
    }

    static func bar(_ value: Int, of maximum: Int, width: Int) -> String {
        let eighths = maximum > 0 ? Int((Double(value) / Double(maximum) * Double(width * 8)).rounded()) : 0
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
        let bar = String(repeating: "█", count: eighths / 8) + partial
        return bar + String(repeating: " ", count: max(0, width - bar.count))
    }
}
