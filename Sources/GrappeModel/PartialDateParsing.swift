/// Why a date's text was refused; the message names the part that is wrong, in English
/// (`description`) and in French.
public struct DateError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Why, in English.
    public let description: String
    /// Why, in French.
    public let french: String
    /// The reason, in both languages.
    public init(_ description: String, french: String) {
        self.description = description
        self.french = french
    }
}

extension PartialDate {
    /// The range of years a seed may name; anything outside is almost certainly a typo.
    public static let plausibleYears = 1000...2999

    private static let expected = "expected YYYY, YYYY-MM, YYYY-MM-DD or XXXX-MM-DD (EDTF), with an optional ~ or ?"
    private static let attendu = "on attend AAAA, AAAA-MM, AAAA-MM-JJ ou XXXX-MM-JJ (EDTF), suivi ou non de ~ ou\u{00A0}?"

    /// Reads the EDTF subset described on `PartialDate`. Works on UTF-8 bytes: bulk tables parse
    /// millions of dates.
    public static func parse(_ raw: String) -> Result<PartialDate, DateError> {
        var copy = raw
        return copy.withUTF8 { parse(utf8: $0[...]) }
    }

    /// The same, from UTF-8 bytes, for bulk readers that have not made a `String`.
    public static func parse(utf8 all: Slice<UnsafeBufferPointer<UInt8>>) -> Result<PartialDate, DateError> {
        var bytes = all
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes = bytes.dropFirst() }
        while let last = bytes.last, last == 0x20 || last == 0x09 || last == 0x0A || last == 0x0D { bytes = bytes.dropLast() }
        guard !bytes.isEmpty else { return .failure(DateError("empty date", french: "date vide")) }
        var qualifier = Qualifier.exact
        switch bytes.last {
        case UInt8(ascii: "~"): qualifier = .approximate
        case UInt8(ascii: "?"): qualifier = .uncertain
        case UInt8(ascii: "%"): qualifier = .approximateAndUncertain
        default: break
        }
        if qualifier != .exact { bytes = bytes.dropLast() }
        let text = Shown(bytes: bytes)

        let parts = bytes.split(separator: UInt8(ascii: "-"), maxSplits: 3, omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty }) else {
            return .failure(
                DateError("'\(text)' is not a date: \(expected)", french: "«\u{00A0}\(text)\u{00A0}» n'est pas une date\u{00A0}: \(attendu)"))
        }
        let year: Int?
        switch self.year(parts[0], text: text) {
        case .success(let value): year = value
        case .failure(let error): return .failure(error)
        }
        if parts.count == 1 {
            guard year != nil else {
                return .failure(
                    DateError(
                        "'\(text)' says nothing: leave the date out when nothing is known",
                        french: "«\u{00A0}\(text)\u{00A0}» ne dit rien\u{00A0}: laissez la date de côté quand on ne sait rien"))
            }
            return .success(PartialDate(year: year, qualifier: qualifier))
        }
        return monthAndDay(Array(parts.dropFirst()), year: year, qualifier: qualifier, text: text)
    }

    private typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    /// The date as written, made into text only when a message needs it (bulk reads parse millions).
    private struct Shown: CustomStringConvertible {
        let bytes: Bytes
        var description: String { String(decoding: bytes, as: UTF8.self) }
    }

    /// The value of a run of ASCII digits; nil when anything else is in it.
    private static func number(_ part: Bytes) -> Int? {
        var value = 0
        for byte in part {
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// Four digits in the plausible range, or `XXXX` for a year not known (nil).
    private static func year(_ part: Bytes, text: Shown) -> Result<Int?, DateError> {
        if part.count == 4, part.allSatisfy({ $0 == UInt8(ascii: "X") || $0 == UInt8(ascii: "x") }) { return .success(nil) }
        guard part.count == 4, let value = number(part) else {
            return .failure(
                DateError(
                    "'\(text)' is not a date: the year must have four digits or be XXXX when unknown",
                    french:
                        "«\u{00A0}\(text)\u{00A0}» n'est pas une date\u{00A0}: l'année s'écrit en quatre chiffres, ou XXXX quand on ne la sait pas"))
        }
        guard plausibleYears.contains(value) else {
            return .failure(
                DateError(
                    "year \(value) is outside \(plausibleYears.lowerBound)–\(plausibleYears.upperBound)",
                    french: "l'année \(value) n'est pas entre \(plausibleYears.lowerBound) et \(plausibleYears.upperBound)"))
        }
        return .success(value)
    }

    /// What follows the year: a month or a season, then perhaps a day that exists in that month.
    private static func monthAndDay(_ parts: [Bytes], year: Int?, qualifier: Qualifier, text: Shown) -> Result<PartialDate, DateError> {
        guard parts[0].count == 2, let second = number(parts[0]) else {
            return .failure(
                DateError(
                    "'\(text)' is not a date: the month must have two digits (\(expected))",
                    french: "«\u{00A0}\(text)\u{00A0}» n'est pas une date\u{00A0}: le mois s'écrit en deux chiffres (\(attendu))"))
        }
        if let season = Season(rawValue: second) {
            guard parts.count == 1 else {
                return .failure(
                    DateError(
                        "'\(text)': a season (21–24) takes no day",
                        french: "«\u{00A0}\(text)\u{00A0}»\u{00A0}: une saison (21–24) ne prend pas de jour"))
            }
            return .success(PartialDate(year: year, season: season, qualifier: qualifier))
        }
        guard (1...12).contains(second) else {
            return .failure(
                DateError(
                    "month \(second) does not exist in '\(text)' (01–12, or 21–24 for a season)",
                    french: "le mois \(second) n'existe pas dans «\u{00A0}\(text)\u{00A0}» (01–12, ou 21–24 pour une saison)"))
        }
        if parts.count == 1 {
            return .success(PartialDate(year: year, month: second, qualifier: qualifier))
        }
        guard parts[1].count == 2, let day = number(parts[1]) else {
            return .failure(
                DateError(
                    "'\(text)' is not a date: the day must have two digits",
                    french: "«\u{00A0}\(text)\u{00A0}» n'est pas une date\u{00A0}: le jour s'écrit en deux chiffres"))
        }
        let limit = Gregorian.daysIn(month: second, year: year)
        guard (1...limit).contains(day) else {
            if second == 2, day == 29, let year {
                return .failure(
                    DateError(
                        "\(text) does not exist: \(year) is not a leap year",
                        french: "le \(text) n'existe pas\u{00A0}: \(year) n'est pas bissextile"))
            }
            return .failure(
                DateError(
                    "\(text) does not exist: month \(second) has \(limit) days",
                    french: "le \(text) n'existe pas\u{00A0}: le mois \(second) a \(limit) jours"))
        }
        return .success(PartialDate(year: year, month: second, day: day, qualifier: qualifier))
    }
}

extension StringProtocol {
    /// Trims spaces, tabs and line breaks at both ends (the model does not import Foundation).
    public func trimmingSpaces() -> String {
        // Most values have no space at either end: a look at the first and last bytes says so (any
        // byte from 0x21 to 0x7E is neither a space nor part of a multi-byte one).
        let bytes = Substring(self).utf8
        if let first = bytes.first, let last = bytes.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) { return String(self) }
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
