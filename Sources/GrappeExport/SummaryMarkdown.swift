import Foundation
import GrappeAnalysis
import GrappeModel
import GrappeWords

/// The summary as Markdown, for a report or a wiki page: the counts, the graph, each ranking, then
/// tables of brokers, introductions, funding and years; `|` in names escaped.
extension SummaryReport {
    /// The summary as Markdown, in `words`' language.
    public static func markdown(_ summary: NetworkSummary, changes: NetworkChanges? = nil, words: Words = Words(.en)) -> String {
        let writer = Writer(words: words)
        func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
        var lines = ["# " + cell(writer.title(summary)), ""]
        lines += [
            "| | |", "|---|---|", "| \(writer.say("entités", "entities")) | \(writer.counts(summary.counts.entities)) |",
            "| \(writer.say("dossiers", "records")) | \(writer.counts(summary.counts.records)) |",
            "| \(writer.say("relations", "relations")) | \(writer.counts(summary.counts.relations)) |", "",
        ]
        lines += ["## " + writer.say("Graphe", "Graph"), ""] + writer.graphLines(summary).map { "- " + $0 } + [""]
        for (name, path, digits) in writer.rankings where !summary.top[keyPath: path].isEmpty {
            lines += [
                "## " + writer.topTitle(summary.top[keyPath: path].count, name), "",
                "| # | \(writer.say("partenaire", "partner")) | \(writer.say("nature", "kind")) | \(name) |", "|---:|---|---|---:|",
            ]
            for (rank, item) in summary.top[keyPath: path].enumerated() {
                lines.append("| \(rank + 1) | \(cell(item.label)) | \(writer.kind(item.kind)) | \(writer.decimal(item.value, digits)) |")
            }
            lines.append("")
        }
        lines += markdownTables(summary, writer: writer, cell: cell)
        lines += [
            "## " + writer.isolatedTitle, "",
            writer.int(summary.isolated.count)
                + (summary.isolated.partners.isEmpty ? "" : words.colon + cell(summary.isolated.partners.joined(separator: ", "))), "",
        ]
        if let changes {
            let change = changeLines(changes, width: 1000, writer: writer)
            lines += ["## " + change[0], ""] + change.dropFirst().map { "    " + $0 } + [""]
        }
        return lines.joined(separator: "\n")
    }

    /// The brokers, the introductions, the funding and the years, as Markdown tables (those with rows).
    private static func markdownTables(_ summary: NetworkSummary, writer: Writer, cell: (String) -> String) -> [String] {
        var lines: [String] = []
        if !summary.brokers.isEmpty {
            lines += [
                "## " + writer.say("Passeurs", "Brokers"), "",
                writer.say(
                    "| partenaire | intermédiarité | communautés reliées | grappes, pôles et villes reliés |",
                    "| partner | betweenness | communities bridged | clusters, poles and cities linked |"), "|---|---:|---:|---|",
            ]
            for broker in summary.brokers {
                lines.append(
                    "| \(cell(broker.label)) | \(writer.decimal(broker.betweenness)) | \(broker.communitiesBridged) | \(cell(broker.groupsLinked.joined(separator: ", "))) |"
                )
            }
            lines.append("")
        }
        if !summary.introductions.isEmpty {
            lines += [
                "## " + writer.say("Présentations à faire", "Suggested introductions"), "",
                writer.say("| partenaire | partenaire | en commun |", "| partner | partner | in common |"), "|---|---|---:|",
            ]
            for pair in summary.introductions { lines.append("| \(cell(pair.aLabel)) | \(cell(pair.bLabel)) | \(pair.commonNeighbours) |") }
            lines.append("")
        }
        if !summary.funding.byCurrency.isEmpty {
            lines += [
                "## " + writer.say("Financement", "Funding"), "", writer.say("| par | nom | montant |", "| by | name | amount |"), "|---|---|---:|",
            ]
            for (by, path) in writer.fundingSections {
                for amount in summary.funding[keyPath: path] { lines.append("| \(by) | \(cell(writer.name(amount))) | \(writer.money(amount)) |") }
            }
            lines.append("")
        }
        if !summary.perYear.isEmpty {
            lines += [
                "## " + writer.perYearTitle, "", writer.say("| année | ententes | missions |", "| year | agreements | missions |"), "|---|---:|---:|",
            ]
            for year in summary.perYear { lines.append("| \(writer.year(year.year)) | \(year.agreements) | \(year.missions) |") }
            lines.append("")
        }
        return lines
    }
}
