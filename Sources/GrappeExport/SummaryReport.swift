import Foundation
import GrappeAnalysis
import GrappeModel
import GrappeWords

/// `grappe summary` as text (aligned for an 80-column terminal), markdown, JSON or CSV.
public enum SummaryReport {
    /// The summary as JSON (docs/summary-format.md), keys sorted, numbers as computed.
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

    /// The report's words: labels, numbers and money in its language (`Words`), counts agreeing.
    struct Writer {
        let words: Words

        func say(_ french: String, _ english: String) -> String { words.say(french, english) }
        var colon: String { words.colon }
        func int(_ value: Int) -> String { words.number(value) }
        func decimal(_ value: Double, _ digits: Int = 4) -> String {
            value == value.rounded() && abs(value) < 1e12 ? words.number(Int(value)) : words.decimal(value, digits: digits)
        }
        func money(_ amount: NetworkSummary.Amount) -> String {
            Decimal(string: amount.amount, locale: Locale(identifier: "en_US_POSIX")).map { words.money($0, currency: amount.currency) }
                ?? "\(amount.amount) \(amount.currency)"
        }
        /// A funding line's name; the summary's own words for what is not known are said in the language.
        func name(_ amount: NetworkSummary.Amount) -> String {
            switch amount.name {
            case "city unknown": say("ville inconnue", "city unknown")
            case "unknown funder": say("bailleur inconnu", "unknown funder")
            default: amount.name
            }
        }

        func kind(_ raw: String) -> String {
            EntityKind(rawValue: raw).map(words.kind) ?? RecordKind(rawValue: raw).map(words.kind) ?? raw.replacingOccurrences(of: "_", with: " ")
        }
        func date(_ raw: String) -> String {
            guard case .success(let date) = PartialDate.parse(raw) else { return raw }
            return words.date(date)
        }

        /// "4 villes · 1 grappe", "partner of 12 · based in 9".
        func counts(_ counts: [NetworkSummary.Count]) -> String {
            counts.filter { $0.count > 0 }.map { count in
                if let kind = EntityKind(rawValue: count.name) { return words.count(count.count, kind) }
                if let kind = RecordKind(rawValue: count.name) { return words.count(count.count, kind) }
                let label = RelationType(rawValue: count.name).map { words.relation($0) } ?? count.name.replacingOccurrences(of: "_", with: " ")
                return "\(label) \(int(count.count))"
            }.joined(separator: " · ")
        }

        func graphLines(_ summary: NetworkSummary) -> [String] {
            let graph = summary.graph
            let share = graph.nodes > 0 ? Int((Double(graph.largestComponent) / Double(graph.nodes) * 100).rounded()) : 0
            let percent = words.language == .fr ? "\(share)\u{00A0}%" : "\(share)%"
            let betweenness =
                summary.betweenness.method == "exact"
                ? say("exacte", "exact")
                : say(
                    "échantillonnée sur \(int(summary.betweenness.pivots!)) pivots (graine \(summary.betweenness.seed!))",
                    "sampled from \(int(summary.betweenness.pivots!)) pivots (seed \(summary.betweenness.seed!))")
            return [
                say("nœuds", "nodes") + " \(int(graph.nodes)) · " + say("liens", "edges") + " \(int(graph.edges)) · "
                    + say("densité", "density") + " \(decimal(graph.density)) · " + say("degré moyen", "average degree")
                    + " \(decimal(graph.averageDegree, 2))",
                say("composantes", "components") + " \(int(graph.components)) ("
                    + say(
                        "la plus grande\u{00A0}: \(int(graph.largestComponent)) nœuds, \(percent)",
                        "largest \(int(graph.largestComponent)) nodes, \(percent)") + ")",
                say("plus grande composante\(colon)diamètre", "largest component\(colon)diameter") + " \(int(graph.diameter)) · "
                    + say("chemin moyen", "average shortest path")
                    + " \(graph.averageShortestPath.map { decimal($0, 3) } ?? "–") (\(graph.distances))",
                say("agrégation moyenne", "average clustering") + " \(decimal(graph.averageClustering)) · "
                    + words.count(summary.communities.count, ("communauté", "communautés"), ("community", "communities"))
                    + ", " + say("modularité", "modularity") + " \(decimal(summary.communities.modularity)) (Louvain, " + say("graine", "seed")
                    + " \(summary.communities.seed))",
                say("intermédiarité\(colon)", "betweenness\(colon)") + betweenness,
            ]
        }

        var rankings: [(String, KeyPath<NetworkSummary.Top, [NetworkSummary.Ranked]>, Int)] {
            [
                (say("degré", "degree"), \.degree, 0), (say("intermédiarité", "betweenness"), \.betweenness, 4),
                (say("proximité", "closeness"), \.closeness, 4), ("PageRank", \.pagerank, 4),
                (say("portée à deux pas", "two-step reach"), \.twoStepReach, 0),
            ]
        }

        func topTitle(_ count: Int, _ name: String) -> String {
            say("Les \(int(count)) premiers par \(name)", "Top \(int(count)) by \(name)")
        }

        func title(_ summary: NetworkSummary) -> String {
            "\(summary.name) — " + say("synthèse du réseau", "network summary") + (summary.asOf.map { say(" au ", " as of ") + date($0) } ?? "")
        }

        var fundingSections: [(String, KeyPath<NetworkSummary.Funding, [NetworkSummary.Amount]>)] {
            [
                (say("par projet", "by project"), \.byProject), (say("par bailleur", "by funder"), \.byFunder),
                (say("par ville du bailleur", "by funder's city"), \.byCity), (say("total", "total"), \.byCurrency),
            ]
        }

        func year(_ raw: String) -> String { raw == "unknown" ? say("année inconnue", "year unknown") : raw }

        var perYearTitle: String { say("Ententes et missions par année", "Agreements and missions per year") }
        var isolatedTitle: String { say("Partenaires sans aucun lien", "Partners without any link") }
    }

    // MARK: text

    /// The summary as text for a terminal `width` columns wide, in `words`' language.
    public static func text(_ summary: NetworkSummary, changes: NetworkChanges? = nil, width: Int = 80, words: Words = Words(.en)) -> String {
        let writer = Writer(words: words)
        var lines: [String] = []
        let title = writer.title(summary)
        lines += [title, String(repeating: "═", count: min(width, TextWidth.of(title))), ""]
        let labels = [writer.say("entités", "entities"), writer.say("dossiers", "records"), writer.say("relations", "relations")]
        let labelWidth = labels.map(TextWidth.of).max()! + 2
        let pad = String(repeating: " ", count: labelWidth)
        for (label, counts) in zip(labels, [summary.counts.entities, summary.counts.records, summary.counts.relations]) {
            let flowed = wrapped(writer.counts(counts), width: width - labelWidth, indent: "")
            lines += flowed.enumerated().map { ($0.offset == 0 ? TextWidth.padded(label, to: labelWidth) : pad) + $0.element }
        }
        lines += [
            "",
            writer.say(
                "Graphe (entités\u{00A0}; relations et dossiers partagés comme liens)", "Graph (entities; relations and shared records as links)"),
        ]
        lines += writer.graphLines(summary).flatMap { wrapped("  " + $0, width: width, indent: "    ") }
        lines += rankingLines(summary, width: width, writer: writer)
        lines += groupLines(summary, width: width, writer: writer)
        lines += fundingLines(summary.funding, width: width, writer: writer)
        if !summary.perYear.isEmpty {
            lines += ["", writer.perYearTitle]
            for year in summary.perYear {
                lines.append(
                    "  \(TextWidth.padded(writer.year(year.year), to: 15)) "
                        + writer.words.count(year.agreements, ("entente", "ententes"), ("agreement", "agreements")) + " · "
                        + writer.words.count(year.missions, ("mission", "missions"), ("mission", "missions")))
            }
        }
        lines += ["", writer.isolatedTitle + words.colon + writer.int(summary.isolated.count)]
        if !summary.isolated.partners.isEmpty {
            lines += wrapped("  " + summary.isolated.partners.joined(separator: ", "), width: width, indent: "  ")
        }
        if let changes { lines += [""] + changeLines(changes, width: width, writer: writer) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The top entities by each measure, values aligned on the right.
    private static func rankingLines(_ summary: NetworkSummary, width: Int, writer: Writer) -> [String] {
        var lines: [String] = []
        for (name, path, digits) in writer.rankings {
            let list = summary.top[keyPath: path]
            guard !list.isEmpty else { continue }
            lines += ["", writer.topTitle(list.count, name)]
            for (rank, item) in list.enumerated() {
                let value = writer.decimal(item.value, digits)
                let prefix = String(repeating: " ", count: rank < 9 ? 2 : 1) + "\(rank + 1). "
                let room = width - TextWidth.of(prefix) - TextWidth.of(value) - 1
                lines.append(prefix + TextWidth.padded("\(item.label) (\(writer.kind(item.kind)))", to: room) + " " + value)
            }
        }
        return lines
    }

    /// Communities, the brokers between them, and the introductions worth making.
    private static func groupLines(_ summary: NetworkSummary, width: Int, writer: Writer) -> [String] {
        var lines: [String] = []
        if !summary.communities.largest.isEmpty {
            lines += ["", writer.say("Plus grandes communautés", "Largest communities")]
            for community in summary.communities.largest {
                let members = writer.words.count(community.size, ("membre", "membres"), ("member", "members"))
                lines.append(
                    TextWidth.truncated(
                        "  #\(community.number)  \(members), " + writer.say("autour de", "around") + " \(community.central)", to: width))
            }
        }
        if !summary.brokers.isEmpty {
            lines += [
                "",
                writer.say(
                    "Passeurs (voisins dans plusieurs communautés, par intermédiarité)", "Brokers (neighbours in several communities, by betweenness)"
                ),
            ]
            for broker in summary.brokers {
                let groups =
                    broker.groupsLinked.isEmpty
                    ? "" : writer.say("\u{00A0}; liés\u{00A0}: ", "; links ") + broker.groupsLinked.joined(separator: ", ")
                let bridges = writer.say(
                    "relie \(writer.int(broker.communitiesBridged)) communautés", "bridges \(writer.int(broker.communitiesBridged)) communities")
                lines += wrapped(
                    "  \(broker.label)" + writer.words.colon + "\(writer.decimal(broker.betweenness)), \(bridges)\(groups)", width: width,
                    indent: "      ")
            }
        }
        if !summary.introductions.isEmpty {
            lines += [
                "",
                writer.say(
                    "Présentations à faire (sans lien, le plus de partenaires en commun)",
                    "Suggested introductions (no link, most partners in common)"),
            ]
            for pair in summary.introductions {
                lines += wrapped(
                    "  \(pair.aLabel) ↔ \(pair.bLabel)" + writer.words.colon
                        + writer.say("\(writer.int(pair.commonNeighbours)) en commun", "\(writer.int(pair.commonNeighbours)) in common"),
                    width: width, indent: "      ")
            }
        }
        return lines
    }

    private static func fundingLines(_ funding: NetworkSummary.Funding, width: Int, writer: Writer) -> [String] {
        guard !funding.byCurrency.isEmpty || funding.linesWithoutAmount > 0 else { return [] }
        var lines = ["", writer.say("Financement", "Funding")]
        for (name, path) in writer.fundingSections where !funding[keyPath: path].isEmpty {
            lines.append("  \(name)")
            for amount in funding[keyPath: path] {
                let value = writer.money(amount)
                lines.append(
                    "    " + TextWidth.padded(path == \.byCurrency ? amount.currency : writer.name(amount), to: width - 5 - TextWidth.of(value)) + " "
                        + value)
            }
        }
        if funding.linesWithoutAmount > 0 {
            lines.append(
                "  "
                    + writer.words.count(
                        funding.linesWithoutAmount, ("ligne de financement sans montant connu", "lignes de financement sans montant connu"),
                        ("funding line without a known amount", "funding lines without a known amount")))
        }
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

    static func changeLines(_ changes: NetworkChanges, width: Int, writer: Writer) -> [String] {
        var lines = [
            writer.say(
                "Changements du \(writer.date(changes.from)) au \(writer.date(changes.to))",
                "Changes from \(writer.date(changes.from)) to \(writer.date(changes.to))")
        ]
        for (title, items) in [
            (writer.say("nouvelles relations", "new relations"), changes.newRelations),
            (writer.say("relations terminées", "ended relations"), changes.endedRelations),
            (writer.say("nouvelles ententes", "new agreements"), changes.newAgreements),
            (writer.say("nouvelles missions", "new missions"), changes.newMissions),
        ] {
            lines.append("  \(title)" + writer.words.colon + writer.int(items.count))
            for item in items.prefix(20) { lines += wrapped("    " + item.description, width: width, indent: "      ") }
            if items.count > 20 {
                lines.append("    " + writer.say("… et \(writer.int(items.count - 20)) de plus", "… and \(writer.int(items.count - 20)) more"))
            }
        }
        if !changes.biggestMoves.isEmpty {
            lines.append("  " + writer.say("plus grands mouvements (PageRank, degré)", "biggest moves (PageRank, degree)"))
            for move in changes.biggestMoves {
                let value =
                    "\(writer.decimal(move.pagerankBefore)) → \(writer.decimal(move.pagerankAfter)), \(move.degreeBefore) → \(move.degreeAfter)"
                lines.append("    " + TextWidth.padded(move.label, to: width - 5 - TextWidth.of(value)) + " " + value)
            }
        }
        return lines
    }

    // MARK: markdown

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
        for (key, value) in [
            ("nodes", "\(graph.nodes)"), ("edges", "\(graph.edges)"), ("density", "\(graph.density)"),
            ("average_degree", "\(graph.averageDegree)"), ("average_clustering", "\(graph.averageClustering)"),
            ("components", "\(graph.components)"), ("largest_component", "\(graph.largestComponent)"),
            ("diameter", "\(graph.diameter)"), ("average_shortest_path", graph.averageShortestPath.map { "\($0)" } ?? ""),
            ("distances", graph.distances), ("communities", "\(summary.communities.count)"),
            ("modularity", "\(summary.communities.modularity)"), ("betweenness", summary.betweenness.method),
        ] {
            row("graph", nil, key, key, value)
        }
        for (name, path, _) in Writer(words: Words(.en)).rankings {
            for (rank, item) in summary.top[keyPath: path].enumerated() {
                row(
                    "top_" + name.lowercased().replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_"), rank + 1, item.id,
                    item.label, "\(item.value)")
            }
        }
        for (rank, broker) in summary.brokers.enumerated() { row("brokers", rank + 1, broker.id, broker.label, "\(broker.betweenness)") }
        for (rank, pair) in summary.introductions.enumerated() {
            row("introductions", rank + 1, "\(pair.a) \(pair.b)", "\(pair.aLabel) ↔ \(pair.bLabel)", "\(pair.commonNeighbours)")
        }
        for (section, amounts) in [
            ("funding_by_project", summary.funding.byProject), ("funding_by_funder", summary.funding.byFunder),
            ("funding_by_city", summary.funding.byCity), ("funding_total", summary.funding.byCurrency),
        ] {
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
