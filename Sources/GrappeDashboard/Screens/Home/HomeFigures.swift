import GrappeAnalysis
import GrappeModel

/// The home page's figures, computed once per network.
public struct HomeFigures: Sendable {
    public let mostConnected: [(id: ID, links: Int)]
    /// Partners linked to several clusters or poles, with those groups. Not "brokers": that word is
    /// `grappe summary`'s, for partners that bridge communities (by betweenness, too costly for Home).
    public let linkedToSeveralGroups: [(id: ID, groups: [ID])]
    public let missions: [Record]
    public let agreementsPerYear: [(year: String, count: Int)]
    public let fundingPerProgramme: [(title: String, amount: Money)]

    init(network: Network, graph: MetricsGraph, kinds: [EntityKind]) {
        let n = graph.nodeCount
        var ranked: [(ID, Int)] = []
        var brokers: [(ID, [ID], Int)] = []
        for node in 0..<n where kinds[node] != .city {
            let id = graph.ids[node]
            ranked.append((id, graph.degree(node)))
            let groups = graph.neighbours(of: node).filter { kinds[Int($0)] == .cluster || kinds[Int($0)] == .pole }.map { graph.ids[Int($0)] }
            if groups.count >= 2 { brokers.append((id, groups, graph.degree(node))) }
        }
        mostConnected = ranked.leading(8) { ($0.1, $1.0) > ($1.1, $0.0) }.map { (id: $0.0, links: $0.1) }
        linkedToSeveralGroups = brokers.leading(6) { ($0.2, $1.0) > ($1.2, $0.0) }.map { (id: $0.0, groups: $0.1) }
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
                funding.append((record.title, Money(minorUnits: lines.filter { $0.currency == first.currency }.reduce(0) { $0 + $1.minorUnits },
                                                    currency: first.currency)))
            }
        }
        fundingPerProgramme = Array(funding.sorted { $0.1.minorUnits > $1.1.minorUnits }.prefix(8)).map { (title: $0.0, amount: $0.1) }
    }
}
