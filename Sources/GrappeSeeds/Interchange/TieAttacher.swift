import GrappeModel

/// Attaches the record ties read from graph files' edges to their records, once every file is read
/// (a Gephi edges table names records that its nodes table defines). In file order, so parties keep
/// the order they were written in.
struct TieAttacher {
    let set: SeedSet

    func run() {
        guard !set.ties.isEmpty else { return }
        var index: [ID: Int] = [:]
        for (position, record) in set.records.enumerated() where index[record.id] == nil { index[record.id] = position }
        let reader = GraphItemReader(set: set)
        for pending in set.ties {
            guard let position = index[pending.record] else {
                let end = pending.tie == .funding ? "target" : "source"
                set.error(pending.item.at(end), "'\(pending.record)' is not a record of these seeds: \(Self.edge(pending.tie))'s \(end) is an agreement, mission, project or event")
                continue
            }
            attach(pending, to: &set.records[position], isRecord: { index[$0] != nil }, reader: reader)
        }
        set.ties = []
    }

    /// "an 'origin' edge", "a 'leader' edge".
    static func edge(_ tie: RecordTie) -> String {
        let name = tie.rawValue
        return ("aeiou".contains(name.first ?? "x") ? "an" : "a") + " '\(name)' edge"
    }

    private func attach(_ pending: PendingTie, to record: inout Record, isRecord: (ID) -> Bool, reader: GraphItemReader) {
        let item = pending.item, other = pending.other
        let otherEnd = pending.tie == .funding ? "source" : "target"
        func refer(_ target: PendingReference.Target, _ role: String) {
            set.references.append(PendingReference(id: other, target: target, location: item.at(otherEnd), role: role))
        }
        func wrongKind(_ kinds: String) {
            set.error(item.at(pending.typeKey), "\(Self.edge(pending.tie)) goes from \(kinds), not from \(record.kind.rawValue) '\(record.id)'")
        }
        switch (pending.tie, record.body) {
        case (.party(let role), _):
            refer(.entity(nil), "party of a \(record.kind.rawValue)")
            record.parties.append(Party(entity: other, role: role, title: item["title"],
                                        attendance: reader.choice(item, "attendance", Attendance.self)))
        case (.origin, .mission(var mission)):
            refer(.entity([.city]), "mission's origin")
            mission.origin = other
            record.body = .mission(mission)
        case (.destination, .mission(var mission)):
            refer(.entity([.city]), "mission's destination")
            mission.destinations.append(other)
            record.body = .mission(mission)
        case (.outcome, .mission(var mission)):
            if isRecord(other) {
                refer(.record(.agreement), "mission outcome")
                mission.outcomes.append(Outcome(agreement: other, text: item["text"]))
            } else {
                refer(.entity(nil), "mission outcome")
                mission.outcomes.append(Outcome(agreement: item["agreement"], partner: other, text: item["text"]))
            }
            record.body = .mission(mission)
        case (.place, .agreement(var agreement)):
            refer(.entity([.city]), "agreement's place")
            agreement.place = other
            record.body = .agreement(agreement)
        case (.place, .event(var event)):
            refer(.entity([.city]), "event's place")
            event.place = other
            record.body = .event(event)
        case (.funding, .project(var project)):
            refer(.entity(nil), "funder")
            let fromShare = item["amount_from_share"]?.lowercased() == "true"
            project.funding.append(FundingLine(funder: other, amount: fromShare ? nil : reader.money(item, "amount"),
                                               share: reader.percentage(item, "share_percent") ?? reader.percentage(item, "share"),
                                               start: reader.date(item, "start"), end: reader.date(item, "end"), note: item["note"]))
            record.body = .project(project)
        case (.programme, .project(var project)):
            refer(.record(.project), "part_of")
            project.partOf = other
            record.body = .project(project)
        case (.origin, _), (.destination, _), (.outcome, _): wrongKind("a mission")
        case (.place, _): wrongKind("an agreement or an event")
        case (.funding, _): wrongKind("a funder to a project")
        case (.programme, _): wrongKind("a project")
        }
    }
}
