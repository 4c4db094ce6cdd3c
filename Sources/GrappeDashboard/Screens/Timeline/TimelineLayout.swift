import GrappeModel

/// Where the timeline's columns go at a width: the dates, the mark, the title, then the axis over
/// the rest; and, on the axis, the column of each day from the first year shown to the last.
struct TimelineLayout {
    let width: Int
    let dateWidth: Int
    let axisWidth: Int
    let titleWidth: Int

    /// The columns at `width` for dates whose widest takes `widestDate` columns: the date column is
    /// as wide as that when the width allows (up to 28 columns on a wide terminal, 13 at 80), so that
    /// dates are cut only on narrow screens.
    init(width: Int, widestDate: Int = 18) {
        self.width = width
        let most = width >= 150 ? 28 : width >= 120 ? 22 : width >= 100 ? 16 : 13
        dateWidth = max(8, min(widestDate, most))
        axisWidth = max(16, width * 45 / 100)
        titleWidth = max(8, width - 1 - dateWidth - 1 - 2 - 1 - axisWidth - 1)
    }

    /// The axis from the first of January of `firstYear` to the end of `lastYear`.
    struct Axis {
        let firstYear: Int
        let years: Int
        let width: Int

        init(firstYear: Int, lastYear: Int, width: Int) {
            self.firstYear = firstYear
            years = lastYear - firstYear + 1
            self.width = width
        }

        /// The column where `day` starts (or, with `end`, where it ends).
        func column(_ day: DayStamp, end: Bool) -> Int {
            let days = Double(Gregorian.isLeap(day.year) ? 366 : 365)
            let ordinal = Double(Self.dayOfYear(day) - (end ? 0 : 1)) / days
            let position = (Double(day.year - firstYear) + ordinal) / Double(years) * Double(width)
            return max(0, min(width - 1, Int(end ? position.rounded(.up) - 1 : position.rounded(.down))))
        }

        /// The columns an item's span covers (at least one).
        func columns(_ span: TimelineItem.Span) -> ClosedRange<Int> {
            let from = column(span.first, end: false)
            return from...max(from, column(span.last, end: true))
        }

        /// The scale (each year labelled where its label fits) and the grid (a dotted line at each
        /// year's first column) behind the bars.
        func scaleAndGrid() -> (scale: [Character], grid: [Character]) {
            var scale = [Character](repeating: " ", count: width)
            var grid = [Character](repeating: " ", count: width)
            var free = 0
            var labels: [(x: Int, count: Int)] = []
            for year in firstYear..<(firstYear + years) {
                let x = column(DayStamp(year, 1, 1), end: false)
                grid[x] = "┊"
                let label = Array(String(year))
                if x >= free, x + label.count <= width {
                    for (offset, character) in label.enumerated() { scale[x + offset] = character }
                    labels.append((x, label.count))
                    free = x + label.count + 1
                }
            }
            // The last year is always named (right-aligned when its column is too near the end): the
            // scale never seems to stop before the items on it. Labels in its way give it room.
            let last = Array(String(firstYear + years - 1))
            let lastX = column(DayStamp(firstYear + years - 1, 1, 1), end: false)
            if labels.last?.x != lastX, last.count <= width {
                let x = min(lastX, width - last.count)
                for label in labels where label.x + label.count >= x {
                    for column in label.x..<(label.x + label.count) { scale[column] = " " }
                }
                for (offset, character) in last.enumerated() { scale[x + offset] = character }
            }
            return (scale, grid)
        }

        /// 1 for the first of January.
        static func dayOfYear(_ day: DayStamp) -> Int {
            (1..<max(1, day.month)).reduce(0) { $0 + Gregorian.daysIn(month: $1, year: day.year) } + day.day
        }
    }
}
