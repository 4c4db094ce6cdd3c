/// An amount of money: an exact count of cents (minor units) and an ISO 4217 currency.
/// Never a floating-point number, so sums and comparisons are exact.
public struct Money: Hashable, Sendable, CustomStringConvertible {
    public let minorUnits: Int64
    public let currency: Currency

    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// `2100000.00`: the amount as an exact decimal string.
    public var amountText: String {
        let sign = minorUnits < 0 ? "-" : ""
        let magnitude = minorUnits.magnitude
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// `2100000.00 CAD`, the form `parse` reads back.
    public var description: String { "\(amountText) \(currency.code)" }

    /// Reads `2100000`, `2 100 000 CAD`, `2_100_000.50 EUR`. A currency in the text wins
    /// over `defaultCurrency`; one of them is required.
    public static func parse(_ raw: String, defaultCurrency: Currency? = nil) -> Result<Money, MoneyError> {
        var words = raw.trimmingSpaces().split(whereSeparator: { $0 == " " || $0 == "\u{A0}" || $0 == "\u{202F}" })
        var currency = defaultCurrency
        if let last = words.last, last.contains(where: \.isLetter) {
            switch Currency.parse(String(last)) {
            case .success(let found): currency = found
            case .failure(let error): return .failure(error)
            }
            words.removeLast()
        }
        guard let currency else {
            return .failure(MoneyError("'\(raw)' has no currency: write it as '2100000 CAD'"))
        }
        return parseAmount(words.joined(), original: raw).map { Money(minorUnits: $0, currency: currency) }
    }

    /// Reads a decimal amount into cents: digits with `_` or spaces between groups, an optional
    /// `.` and at most two decimals. A comma is refused: `1,500` means 1.5 in French and 1500 in English.
    public static func parseAmount(_ digits: String, original: String) -> Result<Int64, MoneyError> {
        let text = digits.filter { $0 != "_" }
        if text.contains(",") {
            return .failure(MoneyError("'\(original)': a comma is ambiguous in an amount; write 1500.50 or 1_500.50"))
        }
        var negative = false
        var body = Substring(text)
        if body.first == "-" { negative = true; body = body.dropFirst() }
        let halves = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(halves.count), let whole = halves.first, !whole.isEmpty,
              whole.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return .failure(MoneyError("'\(original)' is not an amount: expected digits such as 2100000 or 2100000.50"))
        }
        var cents: Int64 = 0
        if halves.count == 2 {
            let fraction = halves[1]
            guard (1...2).contains(fraction.count), fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                return .failure(MoneyError("'\(original)': an amount takes at most two decimals"))
            }
            cents = Int64(fraction)! * (fraction.count == 1 ? 10 : 1)
        }
        guard whole.count <= 15, let units = Int64(whole) else {
            return .failure(MoneyError("'\(original)' is too large an amount"))
        }
        let total = units * 100 + cents
        return .success(negative ? -total : total)
    }
}

/// Why an amount, a currency or a share was refused.
public struct MoneyError: Error, Equatable, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// An ISO 4217 currency code from the list Grappe knows.
public struct Currency: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let code: String

    /// Currencies a cluster's partners deal in; amounts in other currencies are refused
    /// rather than silently accepted with a typo.
    public static let known: [String] = ["AUD", "BRL", "CAD", "CHF", "CNY", "EUR", "GBP", "INR", "JPY", "MAD", "MXN", "SEK", "TND", "USD", "XOF"]

    public static let cad = Currency(unchecked: "CAD")
    public static let eur = Currency(unchecked: "EUR")

    init(unchecked code: String) { self.code = code }

    /// An ISO 4217 code this build knows, with a suggestion for a near miss or a symbol.
    public static func parse(_ raw: String) -> Result<Currency, MoneyError> {
        let code = raw.trimmingSpaces()
        if known.contains(code) { return .success(Currency(unchecked: code)) }
        let symbols = ["$": "CAD or USD", "€": "EUR", "M$": "CAD (and write the amount in full)"]
        if let hint = symbols[code] {
            return .failure(MoneyError("'\(code)' is a symbol, not a currency code: write \(hint)"))
        }
        let upper = code.uppercased()
        if known.contains(upper) {
            return .failure(MoneyError("unknown currency '\(code)'; did you mean '\(upper)'?"))
        }
        if let near = Suggestion.nearest(to: upper, in: known) {
            return .failure(MoneyError("unknown currency '\(code)'; did you mean '\(near)'?"))
        }
        return .failure(MoneyError("unknown currency '\(code)' (known: \(known.joined(separator: ", ")))"))
    }

    public var description: String { code }
    public static func < (a: Currency, b: Currency) -> Bool { a.code < b.code }
}

/// A share such as `50%`, kept exactly in hundredths of a percent.
public struct Percentage: Hashable, Sendable, CustomStringConvertible {
    public let basisPoints: Int

    public init(basisPoints: Int) { self.basisPoints = basisPoints }

    public var description: String {
        let whole = basisPoints / 100, rest = basisPoints % 100
        if rest == 0 { return "\(whole)%" }
        return rest % 10 == 0 ? "\(whole).\(rest / 10)%" : "\(whole).\(rest < 10 ? "0" : "")\(rest)%"
    }

    /// Reads `50%` or `12.5%`, between 0 and 100.
    public static func parse(_ raw: String) -> Result<Percentage, MoneyError> {
        let text = raw.trimmingSpaces()
        guard text.hasSuffix("%") else {
            return .failure(MoneyError("'\(raw)' is not a share: write it with a percent sign, as 50%"))
        }
        switch Money.parseAmount(String(text.dropLast()).trimmingSpaces(), original: raw) {
        case .failure(let error): return .failure(error)
        case .success(let hundredths):
            guard (0...10_000).contains(hundredths) else {
                return .failure(MoneyError("'\(raw)' is not a share between 0% and 100%"))
            }
            return .success(Percentage(basisPoints: Int(hundredths)))
        }
    }

    /// The part of `money` this share stands for, rounded down to the cent.
    public func of(_ money: Money) -> Money {
        Money(minorUnits: money.minorUnits * Int64(basisPoints) / 10_000, currency: money.currency)
    }
}

/// A length of time in whole years and months, written ISO 8601 style: `P3Y`, `P18M`, `P1Y6M`.
public struct Span: Hashable, Sendable, CustomStringConvertible {
    public let years: Int
    public let months: Int

    public init(years: Int, months: Int = 0) {
        self.years = years
        self.months = months
    }

    public var description: String {
        "P" + (years > 0 ? "\(years)Y" : "") + (months > 0 || years == 0 ? "\(months)M" : "")
    }

    /// An ISO 8601 duration of years, months or days (`P3Y`).
    public static func parse(_ raw: String) -> Result<Span, DateError> {
        let text = raw.trimmingSpaces()
        let refusal = DateError("'\(raw)' is not a duration: write P3Y, P18M or P1Y6M")
        guard text.hasPrefix("P"), text.count > 1 else { return .failure(refusal) }
        var years = 0, months = 0, digits = ""
        var seenYears = false, seenMonths = false
        for character in text.dropFirst() {
            if character.isASCII, character.isNumber {
                digits.append(character)
            } else if character == "Y", !seenYears, !seenMonths, let value = Int(digits) {
                years = value; seenYears = true; digits = ""
            } else if character == "M", !seenMonths, let value = Int(digits) {
                months = value; seenMonths = true; digits = ""
            } else {
                return .failure(refusal)
            }
        }
        guard digits.isEmpty, seenYears || seenMonths, years + months > 0, years < 1000, months < 1000 else {
            return .failure(refusal)
        }
        return .success(Span(years: years, months: months))
    }
}
