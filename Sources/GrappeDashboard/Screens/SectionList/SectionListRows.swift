import GrappeAnalysis
import GrappeModel
import GrappeWorkspace

/// A section list's rows: filtered, sorted and cached.
extension DashboardState {
    /// The rows of a section after its filter and sort: the best matches first while filtering,
    /// unless a sort was chosen. Cached: keys that do not change the filter or sort reuse the result,
    /// and a filter that grows narrows the previous result instead of scanning every row again.
    public func visibleRows(_ section: Section) -> RowList {
        let filter = lists.filters[section].map(TextFolding.fold) ?? ""
        let sort = lists.sorting[section]
        let key = RowCache.Key(
            section: section, filter: filter, sortColumn: sort?.column ?? -1, ascending: sort?.ascending ?? true,
            catalogue: catalogue.serial)
        if let cached = rowCache.rows(for: key) { return cached }
        guard let built = catalogue.rowsWhenReady(section) else {
            var list = RowList(all: [], order: nil)
            list.building = true
            return list
        }
        let all = built.rows
        var order: [Int32]?
        if filter.isEmpty {
            if section == .missions, sort == nil { order = upcomingFirst(all) }
        } else {
            let pool = rowCache.narrowing(for: key)?.order
            order = Fuzzy.filter(built.names, pool: pool, query: Array(filter.utf8), ranked: sort == nil)
        }
        if let sort, sort.column > 0 || !sort.ascending {
            let column = sort.column
            var sorted = order ?? Array(0..<Int32(all.count))
            // Empty values last, whichever the direction: a row without a date or a city says nothing.
            sorted.sort { a, b in
                let first = all[Int(a)].keys[column], second = all[Int(b)].keys[column]
                if first.isEmpty != second.isEmpty { return second.isEmpty }
                return sort.ascending ? first < second : first > second
            }
            order = sorted
        }
        let result = RowList(all: all, order: order)
        rowCache.store(result, for: key)
        return result
    }

    /// Missions still to come first, soonest first; then past ones, latest first (positions in `rows`).
    func upcomingFirst(_ rows: [Catalogue.Row]) -> [Int32] {
        let ordered = MissionSchedule.ordered(
            Array(rows.indices), today: today,
            record: { index in
                if case .record(let id) = rows[index].item { network.record(id) } else { nil }
            }, tie: { $0 < $1 })  // rows come sorted by name: their positions break a tie as their names would
        return ordered.map { Int32($0) }
    }
}
