/// A stretch of time a relation held: from `start` to `end`, either side unknown (or open).
///
/// Most relations hold over one period, given by their `start` and `end`. Some held, stopped and held
/// again (a partnership from 2004 to 2006, then again since 2020): such a relation has several
/// periods, written as EDTF intervals (`2004/2006`, `2020/..`) separated by ` | ` where a file has one
/// text for them (`periods` in tables and graph files).
public struct Period: Hashable, Sendable, CustomStringConvertible {
    /// When it began, when known.
    public var start: PartialDate?
    /// When it ended, when known (nil: not ended, or not known to have).
    public var end: PartialDate?

    /// From `start` to `end`.
    public init(start: PartialDate?, end: PartialDate?) {
        self.start = start
        self.end = end
    }

    /// The EDTF interval: `2004/2006`, `2020/..` (open end), `../2006` (open start).
    public var description: String { "\(start?.description ?? "..")/\(end?.description ?? "..")" }

    /// Several periods as one text, in their order.
    public static func listText(_ periods: [Period]) -> String { periods.map(\.description).joined(separator: " | ") }

    /// Reads an EDTF interval (`2004/2006`, `2020/..`, `2020/`, `../2006`); a lone date is a period
    /// with no end. A period that ends before it starts is refused.
    public static func parse(_ text: String) -> Result<Period, DateError> {
        let sides = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        func side(_ index: Int) -> Result<PartialDate?, DateError> {
            guard index < sides.count else { return .success(nil) }
            let trimmed = sides[index].trimmingSpaces()
            if trimmed.isEmpty || trimmed == ".." { return .success(nil) }
            return PartialDate.parse(trimmed).map { $0 }
        }
        let start: PartialDate?
        let end: PartialDate?
        switch (side(0), side(1)) {
        case (.failure(let error), _), (_, .failure(let error)): return .failure(error)
        case (.success(let first), .success(let last)): (start, end) = (first, last)
        }
        if let start, let end, end.isCertainlyBefore(start) {
            return .failure(
                DateError(
                    "the period '\(text)' ends (\(end)) before it starts (\(start))",
                    french: "la période «\u{00A0}\(text)\u{00A0}» finit (\(end)) avant de commencer (\(start))"))
        }
        return .success(Period(start: start, end: end))
    }

    /// Reads periods separated by `|` (see `listText`); the first error stops.
    public static func parseList(_ text: String) -> Result<[Period], DateError> {
        var periods: [Period] = []
        for part in text.split(separator: "|") where !part.trimmingSpaces().isEmpty {
            switch parse(String(part)) {
            case .success(let period): periods.append(period)
            case .failure(let error): return .failure(error)
            }
        }
        return .success(periods)
    }
}
