import Foundation
import GrappeAnalysis
import GrappeModel

/// `grappe summary` as text (aligned for an 80-column terminal), markdown, JSON or CSV.
public enum SummaryReport {
    public static func json(_ summary: NetworkSummary, changes: NetworkChanges? = nil) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        struct Document: Encodable {
            let format = "grappe-summary"
            let version = 1
            let summary: NetworkSummary
            let changes: NetworkChanges?
        }
        return try encoder.encode(Document(summary: summary, changes: changes)) + Data("\n".utf8)
    }

    static func number(_ value: Double, _ digits: Int = 4) -> String {
        if value == value.rounded(), abs(value) < 1e12 { return String(Int(value)) }
        return String(format: "%.\(digits)f", value)
    }

    static func counts(_ counts: [NetworkSummary.Count]) -> String {
        counts.filter { $0.count > 0 }.map { "\($0.name.replacingOccurrences(of: "_", with: " ")) \($0.count)" }.joined(separator: " · ")
    }

    static func graphLines(_ summary: NetworkSummary) -> [String] {
        let graph = summary.graph
        let share = graph.nodes > 0 ? Int((Double(graph.largestComponent) / Double(graph.nodes) * 100).rounded()) : 0
        return [
            "nodes \(graph.nodes) · edges \(graph.edges) · density \(number(graph.density)) · average degree \(number(graph.averageDegree, 2))",
            "components \(graph.components) (largest \(graph.largestComponent) nodes, \(share)%)",
            "largest component: diameter \(graph.diameter) · average shortest path \(graph.averageShortestPath.map { number($0, 3) } ?? "–") (\(graph.distances))",
            "average clustering \(number(graph.averageClustering)) · \(summary.communities.count) communities, modularity \(number(summary.communities.modularity)) (Louvain, seed \(summary.communities.seed))",
            "betweenness: " + (summary.betweenness.method == "exact" ? "exact" : "sampled from \(summary.betweenness.pivots!) pivots (seed \(summary.betweenness.seed!))"),
        ]
    }

    static var rankings: [(String, KeyPath<NetworkSummary.Top, [NetworkSummary.Ranked]>, Int)] {
        [("degree", \.degree, 0), ("betweenness", \.betweenness, 4), ("closeness", \.closeness, 4),
         ("PageRank", \.pagerank, 4), ("two-step reach", \.twoStepReach, 0)]
    }

    // MARK: text

    public static func text(_ summary: NetworkSummary, changes: NetworkChanges? = nil, width: Int = 80) -> String {
        var lines: [String] = []
        let title = "\(summary.name) — network summary" + (summary.asOf.map { " as of \($0)" } ?? "")
        lines += [title, String(repeating: "═", count: min(width, TextWidth.of(title))), ""]
        let pad = String(repeating: " ", count: 11)
        lines += wrapped("entities   " + counts(summary.counts.entities), width: width, indent: pad)
        lines += wrapped("records    " + counts(summary.counts.records), width: width, indent: pad)
        lines += wrapped("relations  " + counts(summary.counts.relations), width: width, indent: pad)
        lines += ["", "Graph (entities; relations and shared records as links)"]
        lines += graphLines(summary).flatMap { wrapped("  " + $0, width: width, indent: "    ") }
        lines += rankingLines(summary, width: width)
        lines += groupLines(summary, width: width)
        lines += fundingLines(summary.funding, width: width)
        if !summary.perYear.isEmpty {
            lines += ["", "Agreements and missions per year"]
            for year in summary.perYear {
                lines.append("  \(TextWidth.padded(year.year, to: 8)) agreements \(year.agreements) · missions \(year.missions)")
            }
        }
        lines += ["", "Partners without any link: \(summary.isolated.count)"]
        if !summary.isolated.partners.isEmpty { lines += wrapped("  " + summary.isolated.partners.joined(separator: ", "), width: width, indent: "  ") }
        if let changes { lines += [""] + changeLines(changes, width: width) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The top entities by each measure, values aligned on the right.
    private static func rankingLines(_ summary: NetworkSummary, width: Int) -> [String] {
        var lines: [String] = []
        for (name, path, digits) in rankings {
            let list = summary.top[keyPath: path]
            guard !list.isEmpty else { continue }
            lines += ["", "Top \(list.count) by \(name)"]
            for (rank, item) in list.enumerated() {
                let value = number(item.value, digits)
                let prefix = String(repeating: " ", count: rank < 9 ? 2 : 1) + "\(rank + 1). "
                let room = width - TextWidth.of(prefix) - TextWidth.of(value) - 1
                lines.append(prefix + TextWidth.padded("\(item.label) (\(item.kind))", to: room) + " " + value)
            }
        }
        return lines
    }

    /// Communities, the brokers between them, and the introductions worth making.
    private static func groupLines(_ summary: NetworkSummary, width: Int) -> [String] {
        var lines: [String] = []
        if !summary.communities.largest.isEmpty {
            lines += ["", "Largest communities"]
            for community in summary.communities.largest {
                lines.append(TextWidth.truncated("  #\(community.number)  \(community.size) members, around \(community.central)", to: width))
            }
        }
        if !summary.brokers.isEmpty {
            lines += ["", "Brokers (neighbours in several communities, by betweenness)"]
            for broker in summary.brokers {
                let groups = broker.groupsLinked.isEmpty ? "" : "; links " + broker.groupsLinked.joined(separator: ", ")
                lines += wrapped("  \(broker.label): \(number(broker.betweenness)), bridges \(broker.communitiesBridged) communities\(groups)", width: width, indent: "      ")
            }
        }
        if !summary.introductions.isEmpty {
            lines += ["", "Suggested introductions (no link, most partners in common)"]
            for pair in summary.introductions {
                lines += wrapped("  \(pair.aLabel) ↔ \(pair.bLabel): \(pair.commonNeighbours) in common", width: width, indent: "      ")
            }
        }
        return lines
    }

    private static func fundingLines(_ funding: NetworkSummary.Funding, width: Int) -> [String] {
        guard !funding.byCurrency.isEmpty || funding.linesWithoutAmount > 0 else { return [] }
        var lines = ["", "Funding"]
        for (name, amounts) in [("by project", funding.byProject), ("by funder", funding.byFunder), ("by funder's city", funding.byCity),
                                ("total", funding.byCurrency)] where !amounts.isEmpty {
            lines.append("  \(name)")
            for amount in amounts {
                let value = "\(groupedDigits(amount.amount)) \(amount.currency)"
                lines.append("    " + TextWidth.padded(name == "total" ? amount.currency : amount.name, to: width - 5 - TextWidth.of(value)) + " " + value)
            }
        }
        if funding.linesWithoutAmount > 0 { lines.append("  \(funding.linesWithoutAmount) funding line(s) without a known amount") }
        return lines
    }

    /// Words flowed into lines of at most `width` columns; lines after the first start with `indent`.
    static func wrapped(_ text: String, width: Int, indent: String) -> [String] {
        let lead = String(text.prefix { $0 == " " })
        var lines: [String] = [], current = lead
        for word in text.dropFirst(lead.count).split(separator: " ").map(String.init) {
            let candidate = current.trimmingCharacters(in: .whitespaces).isEmpty ? current + word : current + " " + word
            if TextWidth.of(candidate) > width, !current.trimmingCharacters(in: .whitespaces).isEmpty {
                lines.append(current)
                current = indent + word
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.map { TextWidth.truncated($0, to: width) }
    }

    static func changeLines(_ changes: NetworkChanges, width: Int) -> [String] {
        var lines = ["Changes from \(changes.from) to \(changes.to)"]
        for (title, items) in [("new relations", changes.newRelations), ("ended relations", changes.endedRelations),
                               ("new agreements", changes.newAgreements), ("new missions", changes.newMissions)] {
            lines.append("  \(title): \(items.count)")
            for item in items.prefix(20) { lines += wrapped("    " + item.description, width: width, indent: "      ") }
            if items.count > 20 { lines.append("    … and \(items.count - 20) more") }
        }
        if !changes.biggestMoves.isEmpty {
            lines.append("  biggest moves (PageRank, degree)")
            for move in changes.biggestMoves {
                let value = "\(number(move.pagerankBefore)) → \(number(move.pagerankAfter)), \(move.degreeBefore) → \(move.degreeAfter)"
                lines.append("    " + TextWidth.padded(move.label, to: width - 5 - TextWidth.of(value)) + " " + value)
            }
        }
        return lines
    }

    /// `2100000.00` → `2 100 000.00`.
    static func groupedDigits(_ amount: String) -> String {
        let parts = amount.split(separator: ".", maxSplits: 1)
        var digits = Array(parts[0]), grouped = ""
        let negative = digits.first == "-"
        if negative { digits.removeFirst() }
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped += " " }
            grouped.append(digit)
        }
        return (negative ? "-" : "") + grouped + (parts.count > 1 ? "." + parts[1] : "")
    }

    // MARK: markdown

    public static func markdown(_ summary: NetworkSummary, changes: NetworkChanges? = nil) -> String {
        func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
        var lines = ["# \(cell(summary.name)) — network summary" + (summary.asOf.map { " as of \($0)" } ?? ""), ""]
        lines += ["| | |", "|---|---|", "| entities | \(counts(summary.counts.entities)) |", "| records | \(counts(summary.counts.records)) |",
                  "| relations | \(counts(summary.counts.relations)) |", ""]
        lines += ["## Graph", ""] + graphLines(summary).map { "- " + $0 } + [""]
        for (name, path, digits) in rankings where !summary.top[keyPath: path].isEmpty {
            lines += ["## Top \(summary.top[keyPath: path].count) by \(name)", "", "| # | partner | kind | \(name) |", "|---:|---|---|---:|"]
            for (rank, item) in summary.top[keyPath: path].enumerated() {
                lines.append("| \(rank + 1) | \(cell(item.label)) | \(item.kind) | \(number(item.value, digits)) |")
            }
            lines.append("")
        }
        if !summary.brokers.isEmpty {
            lines += ["## Brokers", "", "| partner | betweenness | communities bridged | clusters, poles and cities linked |", "|---|---:|---:|---|"]
            for broker in summary.brokers {
                lines.append("| \(cell(broker.label)) | \(number(broker.betweenness)) | \(broker.communitiesBridged) | \(cell(broker.groupsLinked.joined(separator: ", "))) |")
            }
            lines.append("")
        }
        if !summary.introductions.isEmpty {
            lines += ["## Suggested introductions", "", "| partner | partner | in common |", "|---|---|---:|"]
            for pair in summary.introductions { lines.append("| \(cell(pair.aLabel)) | \(cell(pair.bLabel)) | \(pair.commonNeighbours) |") }
            lines.append("")
        }
        if !summary.funding.byCurrency.isEmpty {
            lines += ["## Funding", "", "| by | name | amount | currency |", "|---|---|---:|---|"]
            for (by, amounts) in [("project", summary.funding.byProject), ("funder", summary.funding.byFunder),
                                  ("funder's city", summary.funding.byCity), ("total", summary.funding.byCurrency)] {
                for amount in amounts { lines.append("| \(by) | \(cell(amount.name)) | \(groupedDigits(amount.amount)) | \(amount.currency) |") }
            }
            lines.append("")
        }
        if !summary.perYear.isEmpty {
            lines += ["## Agreements and missions per year", "", "| year | agreements | missions |", "|---|---:|---:|"]
            for year in summary.perYear { lines.append("| \(year.year) | \(year.agreements) | \(year.missions) |") }
            lines.append("")
        }
        lines += ["## Partners without any link", "", "\(summary.isolated.count)" + (summary.isolated.partners.isEmpty ? "" : ": " + cell(summary.isolated.partners.joined(separator: ", "))), ""]
        if let changes { lines += ["## " + changeLines(changes, width: 1000)[0], ""] + changeLines(changes, width: 1000).dropFirst().map { "    " + $0 } + [""] }
        return lines.joined(separator: "\n")
    }

    // MARK: csv

    /// Long format: one fact per row, `section,rank,id,label,value`.
    public static func csv(_ summary: NetworkSummary, changes: NetworkChanges? = nil) -> String {
        var text = CSVText.row(["section", "rank", "id", "label", "value"])
        func row(_ section: String, _ rank: Int?, _ id: String, _ label: String, _ value: String) {
            text += CSVText.row([section, rank.map(String.init) ?? "", id, label, value])
        }
        for count in summary.counts.entities { row("entities", nil, count.name, count.name, String(count.count)) }
        for count in summary.counts.records { row("records", nil, count.name, count.name, String(count.count)) }
        for count in summary.counts.relations { row("relations", nil, count.name, count.name, String(count.count)) }
        let graph = summary.graph
        for (key, value) in [("nodes", "\(graph.nodes)"), ("edges", "\(graph.edges)"), ("density", "\(graph.density)"),
                             ("average_degree", "\(graph.averageDegree)"), ("average_clustering", "\(graph.averageClustering)"),
                             ("components", "\(graph.components)"), ("largest_component", "\(graph.largestComponent)"),
                             ("diameter", "\(graph.diameter)"), ("average_shortest_path", graph.averageShortestPath.map { "\($0)" } ?? ""),
                             ("distances", graph.distances), ("communities", "\(summary.communities.count)"),
                             ("modularity", "\(summary.communities.modularity)"), ("betweenness", summary.betweenness.method)] {
            row("graph", nil, key, key, value)
        }
        for (name, path, _) in rankings {
            for (rank, item) in summary.top[keyPath: path].enumerated() {
                row("top_" + name.lowercased().replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_"), rank + 1, item.id, item.label, "\(item.value)")
            }
        }
        for (rank, broker) in summary.brokers.enumerated() { row("brokers", rank + 1, broker.id, broker.label, "\(broker.betweenness)") }
        for (rank, pair) in summary.introductions.enumerated() {
            row("introductions", rank + 1, "\(pair.a) \(pair.b)", "\(pair.aLabel) ↔ \(pair.bLabel)", "\(pair.commonNeighbours)")
        }
        for (section, amounts) in [("funding_by_project", summary.funding.byProject), ("funding_by_funder", summary.funding.byFunder),
                                   ("funding_by_city", summary.funding.byCity), ("funding_total", summary.funding.byCurrency)] {
            for amount in amounts { row(section, nil, amount.currency, amount.name, amount.amount) }
        }
        for year in summary.perYear {
            row("agreements_per_year", nil, year.year, year.year, "\(year.agreements)")
            row("missions_per_year", nil, year.year, year.year, "\(year.missions)")
        }
        row("isolated", nil, "count", "partners without any link", "\(summary.isolated.count)")
        if let changes {
            for item in changes.newRelations { row("new_relations", nil, item.id, item.description, "") }
            for item in changes.endedRelations { row("ended_relations", nil, item.id, item.description, "") }
            for item in changes.newAgreements { row("new_agreements", nil, item.id, item.description, "") }
            for item in changes.newMissions { row("new_missions", nil, item.id, item.description, "") }
            for move in changes.biggestMoves { row("pagerank_moves", nil, move.id, move.label, "\(move.pagerankAfter - move.pagerankBefore)") }
        }
        return text
    }
}
