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
        keyed(items, today: today, record: record).sorted { precedes($0, $1, tie: tie) }.map(\.item)
    }

    /// The first `count` items of `ordered` among those `keep` accepts (told whether each is upcoming),
    /// without sorting them all: the home page shows five of ten thousand.
    public static func leading<T>(_ count: Int, of items: [T], today: DayStamp, record: (T) -> Record?, tie: (T, T) -> Bool,
                                  keep: (T, _ upcoming: Bool) -> Bool) -> [T] {
        guard count > 0 else { return [] }
        var best: [Keyed<T>] = []
        best.reserveCapacity(count + 1)
        for entry in keyed(items, today: today, record: record) where keep(entry.item, entry.upcoming) {
            if best.count == count, let last = best.last, !precedes(entry, last, tie: tie) { continue }
            let at = best.firstIndex { precedes(entry, $0, tie: tie) } ?? best.endIndex
            best.insert(entry, at: at)
            if best.count > count { best.removeLast() }
        }
        return best.map(\.item)
    }

    private typealias Keyed<T> = (item: T, upcoming: Bool, day: DayStamp?)

    private static func keyed<T>(_ items: [T], today: DayStamp, record: (T) -> Record?) -> [Keyed<T>] {
        items.map { item -> Keyed<T> in
            guard let record = record(item) else { return (item, false, nil) }
            return (item, isUpcoming(record, today: today), record.mission?.start?.bounds?.first)
        }
    }

    private static func precedes<T>(_ a: Keyed<T>, _ b: Keyed<T>, tie: (T, T) -> Bool) -> Bool {
        if a.upcoming != b.upcoming { return a.upcoming }
        switch (a.day, b.day) {
        case let (x?, y?) where x != y: return a.upcoming ? x < y : x > y
        case (nil, _?): return false
        case (_?, nil): return true
        default: return tie(a.item, b.item)
        }
    }
}
