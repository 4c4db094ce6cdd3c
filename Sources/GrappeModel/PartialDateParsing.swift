/// Why a date's text was refused; the message names the part that is wrong.
public struct DateError: Error, Equatable, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

extension PartialDate {
    /// The range of years a seed may name; anything outside is almost certainly a typo.
    public static let plausibleYears = 1000...2999

    /// Reads the EDTF subset described on `PartialDate`.
    public static func parse(_ raw: String) -> Result<PartialDate, DateError> {
        let text = raw.trimmingSpaces()
        guard !text.isEmpty else { return .failure(DateError("empty date")) }
        var body = Substring(text)
        var qualifier = Qualifier.exact
        switch body.last {
        case "~": qualifier = .approximate
        case "?": qualifier = .uncertain
        case "%": qualifier = .approximateAndUncertain
        default: break
        }
        if qualifier != .exact { body = body.dropLast() }

        let parts = body.split(separator: "-", omittingEmptySubsequences: false)
        let expected = "expected YYYY, YYYY-MM, YYYY-MM-DD or XXXX-MM-DD (EDTF), with an optional ~ or ?"
        guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }) else {
            return .failure(DateError("'\(text)' is not a date: \(expected)"))
        }
        let yearText = parts[0]
        var year: Int?
        if yearText == "XXXX" || yearText == "xxxx" {
            year = nil
        } else if yearText.count == 4, let value = Int(yearText), yearText.allSatisfy(\.isNumber) {
            guard plausibleYears.contains(value) else {
                return .failure(DateError("year \(value) is outside \(plausibleYears.lowerBound)–\(plausibleYears.upperBound)"))
            }
            year = value
        } else {
            return .failure(DateError("'\(text)' is not a date: the year must have four digits or be XXXX when unknown"))
        }
        if parts.count == 1 {
            guard year != nil else { return .failure(DateError("'\(text)' says nothing: leave the date out when nothing is known")) }
            return .success(PartialDate(year: year, qualifier: qualifier))
        }
        guard parts[1].count == 2, let second = Int(parts[1]), parts[1].allSatisfy(\.isNumber) else {
            return .failure(DateError("'\(text)' is not a date: the month must have two digits (\(expected))"))
        }
        if let season = Season(rawValue: second) {
            guard parts.count == 2 else { return .failure(DateError("'\(text)': a season (21–24) takes no day")) }
            return .success(PartialDate(year: year, season: season, qualifier: qualifier))
        }
        guard (1...12).contains(second) else {
            return .failure(DateError("month \(second) does not exist in '\(text)' (01–12, or 21–24 for a season)"))
        }
        if parts.count == 2 {
            return .success(PartialDate(year: year, month: second, qualifier: qualifier))
        }
        guard parts[2].count == 2, let day = Int(parts[2]), parts[2].allSatisfy(\.isNumber) else {
            return .failure(DateError("'\(text)' is not a date: the day must have two digits"))
        }
        let limit = Gregorian.daysIn(month: second, year: year)
        guard (1...limit).contains(day) else {
            if second == 2, day == 29, let year {
                return .failure(DateError("\(text) does not exist: \(year) is not a leap year"))
            }
            return .failure(DateError("\(text) does not exist: month \(second) has \(limit) days"))
        }
        return .success(PartialDate(year: year, month: second, day: day, qualifier: qualifier))
    }
}

extension StringProtocol {
    /// Trims spaces, tabs and line breaks at both ends (the model does not import Foundation).
    public func trimmingSpaces() -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
