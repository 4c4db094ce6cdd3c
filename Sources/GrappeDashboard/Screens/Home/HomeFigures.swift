import GrappeAnalysis
import GrappeModel

/// The home page's figures, computed once per network.
public struct HomeFigures: Sendable {
    /// The best connected partners, with their links.
    public let mostConnected: [(id: ID, links: Int)]
    /// Partners linked to several clusters or poles, with those groups. Not "brokers": that word is
    /// `grappe summary`'s, for partners that bridge communities (by betweenness, too costly for Home).
    public let linkedToSeveralGroups: [(id: ID, groups: [ID])]
    /// Every mission, for the upcoming and recent panels.
    public let missions: [Record]
    /// Agreements signed each year (`?` for an unknown year).
    public let agreementsPerYear: [(year: String, count: Int)]
    /// Each programme's funding (its funding lines, a share of its budget counted as that amount),
    /// one entry per currency it is funded in: the currency most programmes use first, then the others;
    /// in each, the largest first. Amounts in two currencies are never ranked against each other.
    public let fundingPerProgramme: [(title: String, amount: Money)]

    /// The figures of `network` on `graph` (built at `moment`, as every count is: agreements and
    /// funding that had not begun by then are left out; missions are all there, for the upcoming panel).
    init(network: Network, graph: MetricsGraph, kinds: [EntityKind], moment: Moment?) {
        // Node numbers, not ids, are ranked: ids are looked at only to break a tie in links.
        let partners = (0..<graph.nodeCount).lazy.filter { kinds[$0] != .city }
        func group(_ node: Int32) -> Bool { kinds[Int(node)] == .cluster || kinds[Int(node)] == .pole }
        let byLinks = { (a: Int, b: Int) -> Bool in
            let (x, y) = (graph.degree(a), graph.degree(b))
            return x != y ? x > y : graph.ids[a] < graph.ids[b]
        }
        mostConnected = partners.leading(8, by: byLinks).map { (id: graph.ids[$0], links: graph.degree($0)) }
        func linksSeveralGroups(_ node: Int) -> Bool {
            var groups = 0
            for other in graph.neighbours(of: node) where group(other) {
                groups += 1
                if groups == 2 { return true }
            }
            return false
        }
        linkedToSeveralGroups = partners.filter(linksSeveralGroups)
            .leading(6, by: byLinks)
            .map { node in (id: graph.ids[node], groups: graph.neighbours(of: node).filter(group).map { graph.ids[Int($0)] }) }
        missions = network.records.filter { $0.kind == .mission }
        var years: [String: Int] = [:]
        for record in network.records where record.kind == .agreement && moment?.holds(record) ?? true {
            years[record.date?.year.map(String.init) ?? "?", default: 0] += 1
        }
        agreementsPerYear = years.keys.sorted { ($0 == "?" ? "9999" : $0) < ($1 == "?" ? "9999" : $1) }.map { (year: $0, count: years[$0]!) }
        fundingPerProgramme = Self.funding(network.records.filter { moment?.holds($0) ?? true })
    }

    /// At most `perCurrency` programmes per currency and `total` in all (see `fundingPerProgramme`).
    public static func funding(_ records: [Record], perCurrency: Int = 4, total: Int = 8) -> [(title: String, amount: Money)] {
        var byCurrency: [Currency: [(title: String, amount: Money)]] = [:]
        for record in records {
            guard let project = record.project else { continue }
            var sums: [Currency: Int64] = [:]
            for line in project.funding {
                if let amount = line.effectiveAmount(budget: project.budget) { sums[amount.currency, default: 0] += amount.minorUnits }
            }
            for (currency, sum) in sums { byCurrency[currency, default: []].append((record.title, Money(minorUnits: sum, currency: currency))) }
        }
        let currencies = byCurrency.keys.sorted { (byCurrency[$0]!.count, $1.code) > (byCurrency[$1]!.count, $0.code) }
        let ranked = currencies.flatMap { currency in
            byCurrency[currency]!.sorted { ($0.amount.minorUnits, $1.title) > ($1.amount.minorUnits, $0.title) }.prefix(perCurrency)
        }
        return Array(ranked.prefix(total))
    }
}
