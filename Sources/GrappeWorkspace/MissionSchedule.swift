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
    public static func leading<T>(
        _ count: Int, of items: [T], today: DayStamp, record: (T) -> Record?, tie: (T, T) -> Bool,
        keep: (T, _ upcoming: Bool) -> Bool
    ) -> [T] {
        withoutActuallyEscaping(keep) { keep in
            keyed(items, today: today, record: record).lazy.filter { keep($0.item, $0.upcoming) }
                .leading(count) { precedes($0, $1, tie: tie) }.map(\.item)
        }
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
