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
    /// Each programme's funding.
    public let fundingPerProgramme: [(title: String, amount: Money)]

    init(network: Network, graph: MetricsGraph, kinds: [EntityKind]) {
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
        for record in network.records where record.kind == .agreement {
            years[record.date?.year.map(String.init) ?? "?", default: 0] += 1
        }
        agreementsPerYear = years.keys.sorted { ($0 == "?" ? "9999" : $0) < ($1 == "?" ? "9999" : $1) }.map { (year: $0, count: years[$0]!) }
        var funding: [(String, Money)] = []
        for record in network.records {
            guard let project = record.project else { continue }
            let lines = project.funding.compactMap { $0.effectiveAmount(budget: project.budget) }
            if let budget = project.budget {
                funding.append((record.title, budget))
            } else if let first = lines.first {
                funding.append(
                    (
                        record.title,
                        Money(
                            minorUnits: lines.filter { $0.currency == first.currency }.reduce(0) { $0 + $1.minorUnits },
                            currency: first.currency)
                    ))
            }
        }
        fundingPerProgramme = Array(funding.sorted { $0.1.minorUnits > $1.1.minorUnits }.prefix(8)).map { (title: $0.0, amount: $0.1) }
    }
}
