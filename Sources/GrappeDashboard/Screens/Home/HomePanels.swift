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
        let s = state.strings
        let figures = state.catalogue.home
        var blocks: [[PageLine]] = []
        let counts = state.catalogue.counts
        blocks.append([.heading(s[.entities])]
            + EntityKind.allCases.map { PageLine([("  " + s.count(counts.byEntityKind[$0] ?? 0, $0), .plain)]) }
            + RecordKind.allCases.map { PageLine([("  " + s.count(counts.byRecordKind[$0] ?? 0, $0), .plain)]) }
            + [PageLine([("  " + s.count(state.catalogue.warnings, ("avertissement des données", "avertissements des données"), ("data warning", "data warnings")),
                          state.catalogue.warnings > 0 ? .warning : .plain)])])
        let maximum = figures.mostConnected.first?.links ?? 1
        blocks.append([.heading(s[.mostConnected])] + figures.mostConnected.map { entry in
            PageLine([("  " + bar(entry.links, of: maximum, width: 10) + " ", .accent), ("\(entry.links) ", .bold), (state.catalogue.name(entry.id), .plain)])
        })
        if !figures.linkedToSeveralGroups.isEmpty {
            blocks.append([.heading(s[.linkedToSeveralGroups])] + figures.linkedToSeveralGroups.map { entry in
                PageLine([("  " + state.catalogue.name(entry.id), .bold),
                          ("  \(s[.linkedClusters]) " + entry.groups.map(state.catalogue.name).joined(separator: ", "), .muted)])
            })
        }
        // Upcoming and past as the Missions list and `grappe mission list` have them (MissionSchedule).
        // The few shown, picked without sorting every mission.
        func leading(_ count: Int, _ keep: (Record, Bool) -> Bool) -> [Record] {
            MissionSchedule.leading(count, of: figures.missions, today: state.today, record: { $0 }, tie: { $0.id < $1.id }, keep: keep)
        }
        let upcoming = leading(5) { _, upcoming in upcoming }
        let pastDated = leading(5) { mission, upcoming in !upcoming && mission.date?.bounds != nil }
        let pastUndated = leading(3) { mission, upcoming in !upcoming && mission.date?.bounds == nil }
        let missionLine = { (mission: Record) in
            PageLine([("  \(mission.date.map(s.date) ?? s[.undated])  ", .accent), (mission.title, .plain)])
        }
        blocks.append([.heading(s[.upcomingMissions])] + (upcoming.isEmpty ? [.text("  " + s[.noData], .muted)] : upcoming.map(missionLine)))
        blocks.append([.heading(s[.recentMissions])] + (pastDated + pastUndated).map(missionLine))
        let yearMax = figures.agreementsPerYear.map(\.count).max() ?? 1
        blocks.append([.heading(s[.agreementsPerYear])] + (figures.agreementsPerYear.isEmpty ? [.text("  " + s[.noData], .muted)] :
            figures.agreementsPerYear.suffix(8).map { entry in
                PageLine([(TextWidth.padded("  \(entry.year == "?" ? s[.yearUnknown] : entry.year)", to: 18), .plain),
                          (bar(entry.count, of: yearMax, width: 20), .accent), (" \(entry.count)", .bold)])
            }))
        // One scale per currency: a bar compares amounts in the same money only.
        var fundingMax: [String: Int64] = [:]
        for entry in figures.fundingPerProgramme {
            fundingMax[entry.amount.currency.code] = max(fundingMax[entry.amount.currency.code] ?? 1, entry.amount.minorUnits)
        }
        blocks.append([.heading(s[.fundingPerProgramme])] + (figures.fundingPerProgramme.isEmpty ? [.text("  " + s[.noData], .muted)] :
            figures.fundingPerProgramme.map { entry in
                PageLine([("  " + bar(Int(entry.amount.minorUnits), of: Int(fundingMax[entry.amount.currency.code] ?? 1), width: 12) + " ", .accent),
                          (s.shortMoney(entry.amount) + " ", .bold), (entry.title, .plain)])
            }))
        return blocks
    }

    static func bar(_ value: Int, of maximum: Int, width: Int) -> String {
        let eighths = maximum > 0 ? Int((Double(value) / Double(maximum) * Double(width * 8)).rounded()) : 0
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
        let bar = String(repeating: "█", count: eighths / 8) + partial
        return bar + String(repeating: " ", count: max(0, width - bar.count))
    }
}
