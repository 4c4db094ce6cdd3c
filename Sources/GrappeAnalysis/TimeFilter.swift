import GrappeModel

/// The day analysis takes the network at (the last day a date can mean), and what held then. Every
/// screen and report that says "as of" asks this one type:
/// - an entity founded later, or ended before, was not there, nor were its relations;
/// - a partner met on a mission that the network knows from nothing else (no founding date, no
///   relation but where it is based, no earlier record) comes in with the mission;
/// - a relation holds if one of its periods had started by then (or has no start) and had not
///   ended before;
/// - a record holds if it had happened or begun by then (or has no date).
/// Dates whose year is unknown (`XXXX-10`) cannot be placed in time: what carries them holds.
public struct Moment: Hashable, Sendable {
    /// The date as given (a year, a month or a day).
    public let date: PartialDate
    /// Its last day.
    public let day: DayStamp

    /// The moment at the end of `date`; nil when its year is unknown.
    public init?(_ date: PartialDate) {
        guard let last = date.bounds?.last else { return nil }
        self.date = date
        day = last
    }

    /// The moment at the end of `day`.
    public init(day: DayStamp) {
        date = PartialDate(year: day.year, month: day.month, day: day.day)
        self.day = day
    }

    /// Whether something starting at `start` had begun (no start: it always had).
    public func hasBegun(_ start: PartialDate?) -> Bool { start?.bounds.map { $0.first <= day } ?? true }

    /// Whether something ending at `end` had not ended yet (no end: it has not).
    public func hasNotEnded(_ end: PartialDate?) -> Bool { end?.bounds.map { $0.last >= day } ?? true }

    /// Whether a relation held then (in one of its periods), its ends aside.
    public func holds(_ relation: Relation) -> Bool {
        if hasBegun(relation.start) && hasNotEnded(relation.end) { return true }
        return relation.laterPeriods.contains { hasBegun($0.start) && hasNotEnded($0.end) }
    }

    /// Whether an entity was there: founded by then and not yet ended.
    public func holds(_ entity: Entity) -> Bool { hasBegun(entity.founded) && hasNotEnded(entity.ended) }

    /// Whether a record had happened or begun.
    public func holds(_ record: Record) -> Bool { hasBegun(record.date) }
}

extension Network {
    /// The network as it stood at the end of `date` (see `Moment`); the network itself when `date`
    /// has no year.
    public func asOf(_ date: PartialDate) -> Network {
        guard let moment = Moment(date) else { return self }
        // Usually everything held: then the network itself, not a copy of ten million relations.
        if records.allSatisfy(moment.holds), entities.allSatisfy(moment.holds), relations.allSatisfy(moment.holds) { return self }
        let keptRecords = records.filter(moment.holds)
        let kept = entities.filter(moment.holds)
        let notYet = Self.knownOnlyFromLaterRecords(kept, relations: relations, records: records, kept: keptRecords)
        // The entities left out, usually few: looked up for each relation, rather than the kept millions.
        var absent = notYet
        if kept.count < entities.count { for entity in entities where !moment.holds(entity) { absent.insert(entity.id) } }
        return Network(
            name: name, id: id, documents: documents, entities: notYet.isEmpty ? kept : kept.filter { !notYet.contains($0.id) },
            relations: relations.filter { moment.holds($0) && (absent.isEmpty || (!absent.contains($0.from) && !absent.contains($0.to))) },
            records: keptRecords)
    }

    /// The entities that were not yet there at `moment`: founded later, or partners met on missions
    /// that had not begun (see `Moment`). Usually few: the graph of a moment leaves out their links.
    public func absent(at moment: Moment) -> Set<ID> {
        var absent = Set(entities.lazy.filter { !moment.holds($0) }.map(\.id))
        let kept = records.filter(moment.holds)
        absent.formUnion(Self.knownOnlyFromLaterRecords(entities, relations: relations, records: records, kept: kept))
        return absent
    }

    /// The partners met on missions (outcomes naming an entity) that had not yet begun, when the
    /// network knows them from nothing else: no founding date, no relation of their own (where they
    /// are based aside), and no record among `kept`.
    private static func knownOnlyFromLaterRecords(_ entities: [Entity], relations: [Relation], records: [Record], kept: [Record]) -> Set<ID> {
        guard kept.count < records.count else { return [] }
        let keptIDs = Set(kept.lazy.map(\.id))
        var candidates = Set<ID>()
        for record in records where !keptIDs.contains(record.id) {
            guard case .mission(let mission) = record.body else { continue }
            for outcome in mission.outcomes { if let partner = outcome.partner { candidates.insert(partner) } }
        }
        guard !candidates.isEmpty else { return [] }
        for relation in relations where relation.type != .basedIn {
            candidates.remove(relation.from)
            candidates.remove(relation.to)
        }
        for record in kept { for id in record.memberIDs { candidates.remove(id) } }
        for entity in entities where entity.founded != nil { candidates.remove(entity.id) }
        return candidates
    }
}
