import GrappeModel
import GrappeWords

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
                set.error(
                    pending.item.at(end),
                    "«\u{00A0}\(pending.record)\u{00A0}» n'est pas un dossier de ces graines\u{00A0}: la \(end) d'\(Self.edge(pending.tie).french) est une entente, "
                        + "une mission, un projet ou un événement",
                    "'\(pending.record)' is not a record of these seeds: \(Self.edge(pending.tie).english)'s \(end) is an agreement, mission, project or event"
                )
                continue
            }
            attach(pending, to: &set.records[position], isRecord: { index[$0] != nil }, reader: reader)
        }
        set.ties = []
    }

    /// "un lien «\u{00A0}origin\u{00A0}»", "an 'origin' edge".
    static func edge(_ tie: RecordTie) -> Wording {
        let name = tie.rawValue
        return Wording("un lien «\u{00A0}\(name)\u{00A0}»", ("aeiou".contains(name.first ?? "x") ? "an" : "a") + " '\(name)' edge")
    }

    /// A funding edge's line: its amount (none when the file says it was worked out from the share),
    /// share, dates and note.
    private static func fundingLine(_ item: GraphItem, funder: ID, reader: GraphItemReader) -> FundingLine {
        let fromShare = item["amount_from_share"]?.lowercased() == "true"
        return FundingLine(
            funder: funder, amount: fromShare ? nil : reader.money(item, "amount"),
            share: reader.percentage(item, "share_percent") ?? reader.percentage(item, "share"),
            start: reader.date(item, "start"), end: reader.date(item, "end"), note: item["note"])
    }

    private func attach(_ pending: PendingTie, to record: inout Record, isRecord: (ID) -> Bool, reader: GraphItemReader) {
        let item = pending.item, other = pending.other
        let otherEnd = pending.tie == .funding ? "source" : "target"
        func refer(_ target: PendingReference.Target, _ role: Wording) {
            set.references.append(PendingReference(id: other, target: target, location: item.at(otherEnd), role: role))
        }
        func wrongKind(_ kinds: Wording) {
            set.error(item.at(pending.typeKey)) { w in
                w.say(
                    "\(Self.edge(pending.tie).french) part d'\(kinds.french), pas d'\(w.a(record.kind)) (\(w.quoted(record.id)))",
                    "\(Self.edge(pending.tie).english) goes from \(kinds.english), not from \(record.kind.rawValue) \(w.quoted(record.id))")
            }
        }
        switch (pending.tie, record.body) {
        case (.party(let role), _):
            refer(.entity(nil), .party(of: record.kind))
            record.parties.append(
                Party(
                    entity: other, role: role, title: item["title"],
                    attendance: reader.choice(item, "attendance", Attendance.self)))
        case (.origin, .mission(var mission)):
            refer(.entity([.city]), .missionOrigin)
            mission.origin = other
            record.body = .mission(mission)
        case (.destination, .mission(var mission)):
            refer(.entity([.city]), .missionDestination)
            mission.destinations.append(other)
            record.body = .mission(mission)
        case (.outcome, .mission(var mission)):
            if isRecord(other) {
                refer(.record(.agreement), .missionOutcome)
                mission.outcomes.append(Outcome(agreement: other, text: item["text"]))
            } else {
                refer(.entity(nil), .missionOutcome)
                mission.outcomes.append(Outcome(agreement: item["agreement"], partner: other, text: item["text"]))
            }
            record.body = .mission(mission)
        case (.place, .agreement(var agreement)):
            refer(.entity([.city]), .agreementPlace)
            agreement.place = other
            record.body = .agreement(agreement)
        case (.place, .event(var event)):
            refer(.entity([.city]), .eventPlace)
            event.place = other
            record.body = .event(event)
        case (.funding, .project(var project)):
            refer(.entity(nil), .funder)
            project.funding.append(Self.fundingLine(item, funder: other, reader: reader))
            record.body = .project(project)
        case (.programme, .project(var project)):
            refer(.record(.project), .partOf)
            project.partOf = other
            record.body = .project(project)
        case (.origin, _), (.destination, _), (.outcome, _): wrongKind(Wording("une mission", "a mission"))
        case (.place, _): wrongKind(Wording("une entente ou d'un événement", "an agreement or an event"))
        case (.funding, _): wrongKind(Wording("un financeur vers un projet", "a funder to a project"))
        case (.programme, _): wrongKind(Wording("un projet", "a project"))
        }
    }
}
