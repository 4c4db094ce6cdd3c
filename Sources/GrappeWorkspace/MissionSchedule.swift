import GrappeModel

/// Upcoming and past missions, as the lists show them.
public enum MissionSchedule {
    /// Still to come on `today`: by its last date, or without dates by its status (planned,
    /// confirmed, under way).
    public static func isUpcoming(_ record: Record, today: DayStamp) -> Bool {
        guard let mission = record.mission else { return false }
        if let last = (mission.end ?? mission.start)?.bounds?.last { return last >= today }
        return [.planned, .confirmed, .underWay].contains(mission.status)
    }

    /// Upcoming first, soonest first; then past, latest first; undated last in each group; `tie`
    /// orders the rest.
    public static func ordered<T>(_ items: [T], today: DayStamp, record: (T) -> Record?, tie: (T, T) -> Bool) -> [T] {
        let keyed = items.map { item -> (item: T, upcoming: Bool, day: DayStamp?) in
            guard let record = record(item) else { return (item, false, nil) }
            return (item, isUpcoming(record, today: today), record.mission?.start?.bounds?.first)
        }
        return keyed.sorted { a, b in
            if a.upcoming != b.upcoming { return a.upcoming }
            switch (a.day, b.day) {
            case let (x?, y?) where x != y: return a.upcoming ? x < y : x > y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return tie(a.item, b.item)
            }
        }.map(\.item)
    }
}
