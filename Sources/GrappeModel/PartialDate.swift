/// A date known to the year, month or day — or not even to the year.
///
/// Seeds write dates in a subset of the Library of Congress Extended Date/Time Format (EDTF):
/// `2013`, `2013-10`, `2013-10-15`; `XXXX-10` or `XXXX-03-12` when the source gives no year
/// (an unknown year stays unknown, it is never guessed); seasons `2013-21`…`2013-24`
/// (spring, summer, autumn, winter); a trailing `~` (approximate), `?` (uncertain) or `%` (both).
public struct PartialDate: Hashable, Sendable, CustomStringConvertible {
    /// How sure a date is: as written, uncertain (`?`), approximate (`~`) or both (`%`), as EDTF writes it.
    public enum Qualifier: String, Sendable, Codable, CaseIterable {
        case exact, approximate, uncertain, approximateAndUncertain

        var suffix: String {
            switch self {
            case .exact: ""
            case .approximate: "~"
            case .uncertain: "?"
            case .approximateAndUncertain: "%"
            }
        }
    }

    /// EDTF seasons, written as months 21–24 (spring, summer, autumn, winter).
    public enum Season: Int, Sendable, CaseIterable {
        case spring = 21, summer = 22, autumn = 23, winter = 24
    }

    // Packed into six bytes (zero meaning absent): a large network holds millions of dates.
    private let storedYear: Int16
    private let storedMonth: UInt8
    private let storedDay: UInt8
    private let storedSeason: UInt8
    private let storedQualifier: UInt8

    /// `nil` when the source does not give the year.
    public var year: Int? { storedYear == 0 ? nil : Int(storedYear) }
    /// The month (1–12), when known.
    public var month: Int? { storedMonth == 0 ? nil : Int(storedMonth) }
    /// The day of the month, when known.
    public var day: Int? { storedDay == 0 ? nil : Int(storedDay) }
    /// The season (`2026-21` is spring), when the date names one instead of a month.
    public var season: Season? { Season(rawValue: Int(storedSeason)) }
    /// Whether the date is exact, uncertain (`?`), approximate (`~`) or both (`%`).
    public var qualifier: Qualifier { Self.qualifiers[Int(storedQualifier)] }

    /// Made once: `allCases` builds a new array on each use, and a network holds millions of dates.
    private static let qualifiers = Qualifier.allCases

    /// Years outside `plausibleYears` are not representable; `parse` refuses them first.
    public init(
        year: Int?, month: Int? = nil, day: Int? = nil, season: Season? = nil,
        qualifier: Qualifier = .exact
    ) {
        storedYear = Int16(clamping: year ?? 0)
        storedMonth = UInt8(clamping: month ?? 0)
        storedDay = UInt8(clamping: day ?? 0)
        storedSeason = UInt8(season?.rawValue ?? 0)
        storedQualifier = UInt8(Self.qualifiers.firstIndex(of: qualifier)!)
    }

    /// The EDTF text, which `parse` reads back.
    public var description: String {
        var text = year.map { String($0) } ?? "XXXX"
        if let season { text += "-\(season.rawValue)" }
        if let month { text += "-" + Self.twoDigits(month) }
        if let day { text += "-" + Self.twoDigits(day) }
        return text + qualifier.suffix
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }

    /// The first and last day this date can mean, when the year is known.
    /// Seasons follow the northern hemisphere's meteorological seasons.
    public var bounds: (first: DayStamp, last: DayStamp)? {
        guard let year else { return nil }
        if let month {
            if let day { return (DayStamp(year, month, day), DayStamp(year, month, day)) }
            return (DayStamp(year, month, 1), DayStamp(year, month, Gregorian.daysIn(month: month, year: year)))
        }
        if let season {
            switch season {
            case .spring: return (DayStamp(year, 3, 1), DayStamp(year, 5, 31))
            case .summer: return (DayStamp(year, 6, 1), DayStamp(year, 8, 31))
            case .autumn: return (DayStamp(year, 9, 1), DayStamp(year, 11, 30))
            case .winter: return (DayStamp(year, 12, 1), DayStamp(year + 1, 2, Gregorian.daysIn(month: 2, year: year + 1)))
            }
        }
        return (DayStamp(year, 1, 1), DayStamp(year, 12, 31))
    }

    /// True only when both years are known and `self` ends before `other` can begin.
    public func isCertainlyBefore(_ other: PartialDate) -> Bool {
        guard let mine = bounds, let theirs = other.bounds else { return false }
        return mine.last < theirs.first
    }
}

/// A calendar day as a comparable triple.
public struct DayStamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int, month: Int, day: Int

    /// The day `year`-`month`-`day`, with no check (callers give real days).
    public init(_ year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Earlier first.
    public static func < (a: DayStamp, b: DayStamp) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// `2026-12-03`.
    public var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(m)-\(d)"
    }
}

/// Gregorian calendar facts the model needs; Foundation is not imported by the model.
public enum Gregorian {
    /// Gregorian leap years.
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days in a month; February of an unknown year may have 29.
    public static func daysIn(month: Int, year: Int?) -> Int {
        switch month {
        case 2: year.map { isLeap($0) ? 29 : 28 } ?? 29
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
