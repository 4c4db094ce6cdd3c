import GrappeModel

extension NetworkSummary {
    /// How long the rankings are, how metrics are computed, and the date the network is taken at.
    public struct Options: Sendable {
        /// How many partners each ranking lists.
        public var top: Int
        /// How the metrics are computed.
        public var metrics: NodeMetrics.Options
        /// The date the network is taken at (nil: as the seeds stand).
        public var asOf: PartialDate?

        /// How a summary is made: list lengths, metric options, and the date the network is taken at.
        public init(top: Int = 10, metrics: NodeMetrics.Options = .init(), asOf: PartialDate? = nil) {
            self.top = top
            self.metrics = metrics
            self.asOf = asOf
        }
    }

    /// Summarises `network` (already filtered to `options.asOf` by the caller, if wanted); `phases`
    /// hears each part's name as it starts and ends.
    public init(_ network: Network, options: Options = Options(), metrics precomputed: NodeMetrics? = nil, phases: Phases = .none) {
        let graph = precomputed?.graph ?? MetricsGraph(network: network)
        let metrics = precomputed ?? NodeMetrics(graph, options: options.metrics, phases: phases)
        let statistics = phases.run("distances") {
            GraphStatistics(
                graph, clustering: metrics.clustering, components: metrics.components,
                exactLimit: options.metrics.exactLimit, pivots: options.metrics.pivots,
                seed: options.metrics.seed)
        }
        let n = graph.nodeCount
        let entities = graph.ids.map { network.entity($0)! }
        func ranked(_ values: [Double], _ count: Int = options.top) -> [Ranked] {
            Self.topIndices(values, count).map {
                Ranked(id: graph.ids[$0], label: entities[$0].name, kind: entities[$0].kind.rawValue, value: values[$0])
            }
        }
        name = network.name
        asOf = options.asOf?.description
        counts = phases.run("counts") { Self.counts(network) }
        var distances = "exact"
        if !statistics.distancesAreExact {
            distances = "estimated from \(options.metrics.pivots) pivots (seed \(options.metrics.seed)); diameter is a lower bound"
        }
        self.graph = Graph(
            nodes: n, edges: graph.edgeCount, density: statistics.density, averageDegree: statistics.averageDegree,
            averageClustering: statistics.averageClustering, components: statistics.components.sizes.count,
            largestComponent: statistics.components.sizes.first ?? 0, diameter: statistics.diameter,
            averageShortestPath: statistics.averageShortestPath, distances: distances)
        let membership = metrics.communities.membership
        var central: [Int: Int] = [:]
        for node in 0..<n where central[membership[node]].map({ metrics.pagerank[node] > metrics.pagerank[$0] }) ?? true {
            central[membership[node]] = node
        }
        var sizes = [Int](repeating: 0, count: metrics.communities.count)
        for community in membership { sizes[community] += 1 }
        communities = Communities(
            count: metrics.communities.count, modularity: metrics.communities.modularity, seed: options.metrics.seed,
            largest: sizes.indices.prefix(options.top).map { Community(number: $0, size: sizes[$0], central: entities[central[$0]!].name) })
        if case .sampled(let k, let seed) = metrics.mode {
            betweenness = Method(method: "sampled", pivots: k, seed: seed)
        } else {
            betweenness = Method(method: "exact", pivots: nil, seed: nil)
        }
        let reach = phases.run("two-step reach") {
            Self.twoStepReach(graph, candidates: Self.topIndices(metrics.degree.map(Double.init), max(options.top * 20, 200)))
        }
        top = Top(
            degree: ranked(metrics.degree.map(Double.init)), betweenness: ranked(metrics.betweenness),
            closeness: ranked(metrics.closeness), pagerank: ranked(metrics.pagerank), twoStepReach: ranked(reach))
        brokers = phases.run("brokers") { Self.brokers(graph, entities: entities, metrics: metrics, count: options.top) }
        introductions = phases.run("introductions") { Self.introductions(graph, entities: entities, count: options.top) }
        funding = phases.run("funding") { Self.funding(network) }
        perYear = phases.run("per year") { Self.perYear(network) }
        let isolatedNodes = (0..<n).filter { graph.degree($0) == 0 && entities[$0].kind != .city }
        isolated = Isolated(count: isolatedNodes.count, partners: isolatedNodes.prefix(options.top * 5).map { entities[$0].name })
    }

    /// Indices of the `count` largest values, ties broken by index.
    /// Entities and records by kind, relations by type: one pass over each list.
    static func counts(_ network: Network) -> Counts {
        var entities = [EntityKind: Int](), records = [RecordKind: Int](), relations = [RelationType: Int]()
        for entity in network.entities { entities[entity.kind, default: 0] += 1 }
        for record in network.records { records[record.kind, default: 0] += 1 }
        for relation in network.relations { relations[relation.type, default: 0] += 1 }
        return Counts(
            entities: EntityKind.allCases.map { Count(name: $0.rawValue, count: entities[$0] ?? 0) },
            records: RecordKind.allCases.map { Count(name: $0.rawValue, count: records[$0] ?? 0) },
            relations: RelationType.allCases.compactMap { type in relations[type].map { Count(name: type.rawValue, count: $0) } })
    }

    static func topIndices(_ values: [Double], _ count: Int) -> [Int] {
        guard count > 0 else { return [] }
        if values.count <= count * 4 {
            return Array(values.indices.sorted { (values[$0], -$0) > (values[$1], -$1) }.prefix(count))
        }
        var heap: [Int] = []
        for index in values.indices {
            if heap.count < count {
                heap.append(index)
                if heap.count == count { heap.sort { (values[$0], -$0) > (values[$1], -$1) } }
            } else if (values[index], -index) > (values[heap[count - 1]], -heap[count - 1]) {
                heap[count - 1] = index
                var position = count - 1
                while position > 0, (values[heap[position]], -heap[position]) > (values[heap[position - 1]], -heap[position - 1]) {
                    heap.swapAt(position, position - 1)
                    position -= 1
                }
            }
        }
        return heap.count < count ? heap.sorted { (values[$0], -$0) > (values[$1], -$1) } : heap
    }

    /// Distinct nodes within two hops (itself excluded), for the candidates; 0 for the others.
    static func twoStepReach(_ graph: MetricsGraph, candidates: [Int]) -> [Double] {
        var reach = [Double](repeating: 0, count: graph.nodeCount)
        var seen = [Int](repeating: -1, count: graph.nodeCount)
        for node in candidates {
            seen[node] = node
            var count = 0
            for neighbour in graph.neighbours(of: node) {
                if seen[Int(neighbour)] != node { seen[Int(neighbour)] = node; count += 1 }
                for next in graph.neighbours(of: Int(neighbour)) where seen[Int(next)] != node {
                    seen[Int(next)] = node
                    count += 1
                }
            }
            reach[node] = Double(count)
        }
        return reach
    }

    /// Entities whose neighbours belong to several communities, by betweenness, with the clusters,
    /// poles and cities they touch.
    static func brokers(_ graph: MetricsGraph, entities: [Entity], metrics: NodeMetrics, count: Int) -> [Broker] {
        let membership = metrics.communities.membership
        var result: [Broker] = []
        for node in topIndices(metrics.betweenness, max(count * 10, 100)) where metrics.betweenness[node] > 0 {
            let neighbours = graph.neighbours(of: node).map(Int.init)
            let bridged = Set(neighbours.map { membership[$0] } + [membership[node]]).count
            guard bridged > 1 else { continue }
            let groups = neighbours.filter { [.cluster, .pole, .city].contains(entities[$0].kind) }.map { entities[$0].name }
            result.append(
                Broker(
                    id: graph.ids[node], label: entities[node].name, betweenness: metrics.betweenness[node],
                    communitiesBridged: bridged, groupsLinked: groups))
            if result.count == count { break }
        }
        return result
    }

    /// Unlinked pairs of partners (cities aside) with the most common neighbours (cities aside too).
    /// On large networks only the best-connected partners are considered.
    static func introductions(_ graph: MetricsGraph, entities: [Entity], count: Int) -> [Introduction] {
        let n = graph.nodeCount
        let partner = entities.map { $0.kind != .city }
        let candidates = n <= 5000 ? Array(0..<n) : topIndices((0..<n).map { Double(graph.degree($0)) }, 2000).sorted()
        var common = [Int](repeating: 0, count: n)
        var touched: [Int] = []
        var best: [(a: Int, b: Int, common: Int)] = []
        for a in candidates where partner[a] {
            for middle in graph.neighbours(of: a) where partner[Int(middle)] {
                for b in graph.neighbours(of: Int(middle)) where Int(b) > a && partner[Int(b)] {
                    if common[Int(b)] == 0 { touched.append(Int(b)) }
                    common[Int(b)] += 1
                }
            }
            for b in touched {
                if common[b] >= 2, !graph.hasEdge(a, b) { best.append((a, b, common[b])) }
                common[b] = 0
            }
            touched.removeAll(keepingCapacity: true)
            if best.count > count * 50 {
                best.sort { ($0.common, -$0.a, -$0.b) > ($1.common, -$1.a, -$1.b) }
                best.removeLast(best.count - count)
            }
        }
        best.sort { ($0.common, -$0.a, -$0.b) > ($1.common, -$1.a, -$1.b) }
        return best.prefix(count).map {
            Introduction(
                a: graph.ids[$0.a], aLabel: entities[$0.a].name, b: graph.ids[$0.b], bLabel: entities[$0.b].name, commonNeighbours: $0.common)
        }
    }

    /// Funding summed per project, funder, funder's city and currency, in exact cents; amounts come
    /// from funding lines, or from a share of the project's budget.
    static func funding(_ network: Network) -> Funding {
        var byProject: [String: [Currency: Int64]] = [:], byFunder: [String: [Currency: Int64]] = [:]
        var byCity: [String: [Currency: Int64]] = [:], byCurrency: [Currency: Int64] = [:]
        var unknown = 0
        var cityOf: [ID: String] = [:]
        for relation in network.relations where relation.type == .basedIn {
            if cityOf[relation.from] == nil { cityOf[relation.from] = network.entity(relation.to)?.name }
        }
        for record in network.records {
            guard case .project(let project) = record.body else { continue }
            for line in project.funding {
                guard let amount = line.effectiveAmount(budget: project.budget) else { unknown += 1; continue }
                let funder = line.funder.map { network.entity($0)?.name ?? $0 } ?? "unknown funder"
                byProject[record.title, default: [:]][amount.currency, default: 0] += amount.minorUnits
                byFunder[funder, default: [:]][amount.currency, default: 0] += amount.minorUnits
                byCity[line.funder.flatMap { cityOf[$0] } ?? "city unknown", default: [:]][amount.currency, default: 0] += amount.minorUnits
                byCurrency[amount.currency, default: 0] += amount.minorUnits
            }
        }
        // Amounts in two currencies are never ranked against each other: the currency with the most
        // entries first, then the others; in each, the largest first.
        func amounts(_ table: [String: [Currency: Int64]]) -> [Amount] {
            var entries: [Currency: Int] = [:]
            for sums in table.values { for currency in sums.keys { entries[currency, default: 0] += 1 } }
            func rank(_ currency: Currency) -> (Int, String) { (-entries[currency]!, currency.code) }
            return table.flatMap { name, sums in sums.map { (name, $0.key, $0.value) } }
                .sorted { a, b in
                    a.1 != b.1 ? rank(a.1) < rank(b.1) : (a.2, b.0) > (b.2, a.0)
                }
                .map { Amount(name: $0.0, currency: $0.1.code, amount: Money(minorUnits: $0.2, currency: $0.1).amountText) }
        }
        return Funding(
            byProject: amounts(byProject), byFunder: amounts(byFunder), byCity: amounts(byCity),
            byCurrency: byCurrency.keys.sorted().map {
                Amount(name: $0.code, currency: $0.code, amount: Money(minorUnits: byCurrency[$0]!, currency: $0).amountText)
            },
            linesWithoutAmount: unknown)
    }

    /// Agreements and missions per year of their date; those without a known year last.
    static func perYear(_ network: Network) -> [Year] {
        var table: [String: (Int, Int)] = [:]
        for record in network.records where record.kind == .agreement || record.kind == .mission {
            let year = record.date?.year.map(String.init) ?? "unknown"
            var entry = table[year] ?? (0, 0)
            if record.kind == .agreement { entry.0 += 1 } else { entry.1 += 1 }
            table[year] = entry
        }
        return table.keys.sorted { ($0 == "unknown" ? "9999" : $0) < ($1 == "unknown" ? "9999" : $1) }
            .map { Year(year: $0, agreements: table[$0]!.0, missions: table[$0]!.1) }
    }
}
