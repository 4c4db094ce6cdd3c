import GrappeModel

/// What changed between two dates (`grappe summary --compare D1 D2`): relations that began or
/// ended, agreements and missions that happened in between, and the biggest moves in centrality.
public struct NetworkChanges: Sendable, Encodable {
    /// An entity or record that appeared between the two dates.
    public struct Item: Sendable, Encodable {
        /// Its id.
        public let id: String
        /// What it is, in a line.
        public let description: String
    }

    /// A partner whose number of links changed between the two dates.
    public struct Move: Sendable, Encodable {
        /// The partner's id.
        public let id: String
        /// Its name.
        public let label: String
        /// Its links at the first date.
        public let degreeBefore: Int
        /// Its links at the second date.
        public let degreeAfter: Int
        /// Its PageRank at the first date.
        public let pagerankBefore: Double
        /// Its PageRank at the second date.
        public let pagerankAfter: Double
    }

    /// The first date, as given.
    public let from: String
    /// The second date, as given.
    public let to: String
    /// Relations that began between the two dates.
    public let newRelations: [Item]
    /// Relations that ended between them.
    public let endedRelations: [Item]
    /// Agreements signed between them.
    public let newAgreements: [Item]
    /// Missions that took place between them.
    public let newMissions: [Item]
    /// The partners whose links changed most.
    public let biggestMoves: [Move]

    /// What changed in `network` between `start` and `end`.
    public init(_ network: Network, from start: PartialDate, to end: PartialDate, top: Int = 10) {
        let before = network.asOf(start), after = network.asOf(end)
        from = start.description
        to = end.description
        func name(_ id: ID) -> String { network.entity(id)?.name ?? id }
        func describe(_ relation: Relation) -> Item {
            Item(
                id: "\(relation.from) \(relation.type.rawValue) \(relation.to)",
                description: "\(name(relation.from)) \(relation.type.rawValue.replacingOccurrences(of: "_", with: " ")) \(name(relation.to))"
                    + ([relation.start, relation.end].contains { $0 != nil } || !relation.laterPeriods.isEmpty
                        ? " (" + relation.periods.map { "\($0.start?.description ?? "…")–\($0.end?.description ?? "")" }.joined(separator: ", ")
                            + ")" : ""))
        }
        let beforeRelations = Set(before.relations), afterRelations = Set(after.relations)
        newRelations = after.relations.filter { !beforeRelations.contains($0) }.map(describe)
        endedRelations = before.relations.filter { !afterRelations.contains($0) }.map(describe)
        let beforeRecords = Set(before.records.map(\.id))
        let added = after.records.filter { !beforeRecords.contains($0.id) }
        newAgreements = added.filter { $0.kind == .agreement }.map {
            Item(id: $0.id, description: "\($0.title) (\($0.date?.description ?? "date unknown"))")
        }
        newMissions = added.filter { $0.kind == .mission }.map {
            Item(id: $0.id, description: "\($0.title) (\($0.date?.description ?? "date unknown"))")
        }
        let graphBefore = MetricsGraph(network: before), graphAfter = MetricsGraph(network: after)
        let rankBefore = PageRank.scores(graphBefore).scores, rankAfter = PageRank.scores(graphAfter).scores
        var moves: [Move] = []
        for (index, id) in graphAfter.ids.enumerated() {
            let old = graphBefore.index(of: id)
            moves.append(
                Move(
                    id: id, label: name(id), degreeBefore: old.map(graphBefore.degree) ?? 0, degreeAfter: graphAfter.degree(index),
                    pagerankBefore: old.map { rankBefore[$0] } ?? 0, pagerankAfter: rankAfter[index]))
        }
        biggestMoves = Array(
            moves.filter { $0.degreeBefore != $0.degreeAfter || abs($0.pagerankAfter - $0.pagerankBefore) > 1e-12 }
                .sorted { (abs($0.pagerankAfter - $0.pagerankBefore), $1.id) > (abs($1.pagerankAfter - $1.pagerankBefore), $0.id) }
                .prefix(top))
    }
}
