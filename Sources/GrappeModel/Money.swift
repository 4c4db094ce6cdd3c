import Foundation

/// An amount of money: an exact count of the currency's minor units (cents for EUR, yen for JPY,
/// millimes for TND) and an ISO 4217 currency. Never a floating-point number, so sums and comparisons
/// are exact.
public struct Money: Hashable, Sendable, CustomStringConvertible {
    /// The amount in the currency's minor units (cents; yen have none, dinars thousandths).
    public let minorUnits: Int64
    /// Its currency.
    public let currency: Currency

    /// An amount already in minor units.
    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// `2100000.00` (CAD), `25000` (JPY), `12.500` (TND): the amount as an exact decimal string with the
    /// currency's own number of decimals.
    public var amountText: String {
        let sign = minorUnits < 0 ? "-" : ""
        let magnitude = minorUnits.magnitude
        let digits = currency.minorDigits
        guard digits > 0 else { return "\(sign)\(magnitude)" }
        let scale = UInt64(Currency.powerOfTen(digits))
        let fraction = String(magnitude % scale)
        return "\(sign)\(magnitude / scale)." + String(repeating: "0", count: digits - fraction.count) + fraction
    }

    /// The amount in the currency's major unit, exactly (for formatters).
    public var decimal: Decimal {
        Decimal(sign: minorUnits < 0 ? .minus : .plus, exponent: -currency.minorDigits, significand: Decimal(minorUnits.magnitude))
    }

    /// The whole major units, the fraction dropped (for sorting and bars).
    public var wholeUnits: Int64 { minorUnits / Currency.powerOfTen(currency.minorDigits) }

    /// `2100000.00 CAD`, the form `parse` reads back.
    public var description: String { "\(amountText) \(currency.code)" }

    /// Reads `2100000`, `2 100 000 CAD`, `2_100_000.50 EUR`, and what people type: `12 000 €`, `£300`,
    /// `25 000 $ CA`, `EUR 1500`. A currency in the text wins over `defaultCurrency`; one of them is
    /// required. A symbol that names several currencies (`$`, `¥`) is refused with the amount written
    /// both ways.
    public static func parse(_ raw: String, defaultCurrency: Currency? = nil) -> Result<Money, MoneyError> {
        let text = raw.trimmingSpaces()
        let isAmount: (Character) -> Bool = { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "," || $0 == "_") || $0.isWhitespace }
        // The currency is what stands before the first digit or after the last one.
        let firstDigit = text.firstIndex { $0.isASCII && $0.isNumber }
        let lastDigit = text.lastIndex { $0.isASCII && $0.isNumber }
        var before = firstDigit.map { String(text[..<$0]) } ?? text
        let after = lastDigit.map { String(text[text.index(after: $0)...]) } ?? ""
        var negative = false
        if before.trimmingSpaces().hasSuffix("-") {
            negative = true
            before = String(before.trimmingSpaces().dropLast())
        }
        let prefix = before.trimmingSpaces(), suffix = after.trimmingSpaces()
        guard let firstDigit, let lastDigit else {
            return .failure(MoneyError(raw, .notAnAmount))
        }
        var digits = String(text[firstDigit...lastDigit])
        if let stray = digits.first(where: { !isAmount($0) }) {
            return .failure(MoneyError(raw, .strayCharacter(stray)))
        }
        digits = digits.filter { !$0.isWhitespace }
        if negative { digits = "-" + digits }
        if !prefix.isEmpty, !suffix.isEmpty {
            return .failure(MoneyError(raw, .currencyTwice))
        }
        var currency = defaultCurrency
        let token = prefix.isEmpty ? suffix : prefix
        if !token.isEmpty {
            switch Currency.parse(token) {
            case .success(let found): currency = found
            case .failure(let error):
                if let ambiguous = Currency.ambiguousSymbols[token] {
                    return .failure(MoneyError(raw, .ambiguousSymbol(token, currencies: ambiguous, amount: digits)))
                }
                return .failure(error)
            }
        }
        guard let currency else {
            return .failure(MoneyError(raw, .noCurrency))
        }
        return parseAmount(digits, original: raw, in: currency).map { Money(minorUnits: $0, currency: currency) }
    }

    /// Reads a decimal amount of `currency` into its minor units: digits with `_` or spaces between
    /// groups, an optional `.` and at most as many decimals as the currency has (zeros beyond them are
    /// accepted: `25000.00 JPY` is 25000 yen).
    public static func parseAmount(_ digits: String, original: String, in currency: Currency) -> Result<Int64, MoneyError> {
        parseDecimal(digits, original: original, decimals: currency.minorDigits, name: currency.code)
    }

    /// Reads a decimal number into an integer count of 10^-`decimals`; `name` names the unit in errors.
    static func parseDecimal(_ digits: String, original: String, decimals: Int, name: String) -> Result<Int64, MoneyError> {
        let text = digits.filter { $0 != "_" }
        if text.contains(",") {
            return .failure(MoneyError(original, .comma))
        }
        var negative = false
        var body = Substring(text)
        if body.first == "-" { negative = true; body = body.dropFirst() }
        let halves = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(halves.count), let whole = halves.first, !whole.isEmpty,
            whole.allSatisfy({ $0.isASCII && $0.isNumber })
        else {
            return .failure(MoneyError(original, .notAnAmount))
        }
        var fraction: Int64 = 0
        if halves.count == 2 {
            var decimalsGiven = halves[1]
            guard !decimalsGiven.isEmpty, decimalsGiven.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                return .failure(MoneyError(original, .noDigitsAfterPoint))
            }
            while decimalsGiven.count > decimals, decimalsGiven.last == "0" { decimalsGiven = decimalsGiven.dropLast() }
            guard decimalsGiven.count <= decimals else {
                return .failure(MoneyError(original, .tooManyDecimals(name, allowed: decimals)))
            }
            fraction = (Int64(decimalsGiven) ?? 0) * Currency.powerOfTen(decimals - decimalsGiven.count)
        }
        guard whole.count <= 18 - decimals, let units = Int64(whole) else {
            return .failure(MoneyError(original, .tooLarge))
        }
        let total = units * Currency.powerOfTen(decimals) + fraction
        return .success(negative ? -total : total)
    }
}

/// Why an amount, a currency or a share was refused: what was written and the reason, which the
/// interface words in its language (`description` is English, for files and the command line).
public struct MoneyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was wrong with the text.
    public enum Reason: Equatable, Sendable {
        case notAnAmount, noDigitsAfterPoint, comma, tooLarge, noCurrency, currencyTwice, millionSymbol, notAShare, shareOutOfRange, shareDecimals
        case strayCharacter(Character)
        case ambiguousSymbol(String, currencies: [String], amount: String)
        /// More decimals than `allowed` (none: the currency has no minor unit).
        case tooManyDecimals(String, allowed: Int)
        case symbolOfSeveral([String])
        case unknownCurrency(suggestion: String?)
    }

    /// The text refused (an amount, a currency or a share).
    public let text: String
    /// Why it was refused.
    public let reason: Reason

    /// A refusal of `text` for `reason`.
    public init(_ text: String, _ reason: Reason) {
        self.text = text
        self.reason = reason
    }

    /// For an amount whose comma can only be a decimal comma (one or two digits after it, as in
    /// "1,5 €" or "12,50"), the amount written with a point ("1.5"); nil when the comma could also
    /// separate thousands ("1,500").
    public var decimalComma: String? {
        guard let match = text.firstMatch(of: /(\d+),(\d+)/), match.2.count <= 2 else { return nil }
        let outside = { (character: Character?) in character.map { !$0.isNumber && $0 != "," } ?? true }
        let before = match.range.lowerBound > text.startIndex ? text[text.index(before: match.range.lowerBound)] : nil
        let after = match.range.upperBound < text.endIndex ? text[match.range.upperBound] : nil
        guard outside(before), outside(after) else { return nil }
        return "\(match.1).\(match.2)"
    }

    /// The reason in English, with the text refused.
    public var description: String {
        let quoted = "'\(text)'"
        return switch reason {
        case .notAnAmount: "\(quoted) is not an amount: expected digits such as 2100000 or 2100000.50"
        case .noDigitsAfterPoint: "\(quoted) is not an amount: expected digits after the point"
        case .comma:
            decimalComma.map { "\(quoted): an amount is written with a decimal point: \($0)" }
                ?? "\(quoted): a comma is ambiguous in an amount; write 1500.50 or 1_500.50"
        case .tooLarge: "\(quoted) is too large an amount"
        case .noCurrency: "\(quoted) has no currency: write it as '2100000 CAD'"
        case .currencyTwice: "\(quoted) names a currency twice: write it once, after the amount, as in 2100000 CAD"
        case .millionSymbol: "\(quoted) is a symbol, not a currency code: write CAD (and write the amount in full)"
        case .notAShare: "\(quoted) is not a share: write it with a percent sign, as 50%"
        case .shareOutOfRange: "\(quoted) is not a share between 0% and 100%"
        case .shareDecimals: "\(quoted): a share takes at most two decimals"
        case .strayCharacter(let stray): "\(quoted) is not an amount: '\(stray)' among the digits; write it as 2100000 CAD"
        case .ambiguousSymbol(let symbol, let currencies, let amount):
            "\(quoted): '\(symbol)' may be \(currencies.joined(separator: " or ")); write \(currencies.map { "\(amount) \($0)" }.joined(separator: " or "))"
        case .tooManyDecimals(let currency, 0): "\(quoted): \(currency) has no minor unit; write a whole amount"
        case .tooManyDecimals(let currency, let allowed): "\(quoted): \(currency) takes at most \(allowed) decimal\(allowed == 1 ? "" : "s")"
        case .symbolOfSeveral(let currencies): "\(quoted) is a symbol of several currencies: write \(currencies.joined(separator: " or "))"
        case .unknownCurrency(let suggestion?): "unknown currency \(quoted); did you mean '\(suggestion)'?"
        case .unknownCurrency(nil): "unknown currency \(quoted): expected an ISO 4217 code such as EUR, CAD or USD"
        }
    }
}

/// An ISO 4217 currency code, current or historic (FRF, for old funding in francs), as Foundation's
/// locale data lists them; its number of decimals comes from the same data (JPY none, TND three).
public struct Currency: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Its ISO 4217 code (`CAD`, `EUR`).
    public let code: String

    /// The Canadian dollar.
    public static let cad = Currency(unchecked: "CAD")
    /// The euro.
    public static let eur = Currency(unchecked: "EUR")

    init(unchecked code: String) { self.code = code }

    /// The ISO 4217 codes Foundation lists (0.3 ms to read).
    static let iso: Set<String> = Set(Locale.Currency.isoCurrencies.map(\.identifier))

    /// Each currency's minor digits, asked of Foundation the first time the currency is used: the
    /// number of decimals its currency formatter writes (ICU's data, which follows ISO 4217). Asking
    /// for all 308 at once would cost 35 ms at every start.
    private static let digits = DigitCache()

    private final class DigitCache: @unchecked Sendable {
        private let lock = NSLock()
        private var known: [String: Int] = [:]

        func digits(of code: String) -> Int {
            lock.lock()
            defer { lock.unlock() }
            if let digits = known[code] { return digits }
            let zero = Decimal(0).formatted(.currency(code: code).locale(Locale(identifier: "en_US_POSIX")))
            let digits = zero.split(separator: ".").dropFirst().first.map { $0.prefix(while: { $0 == "0" }).count } ?? 0
            known[code] = digits
            return digits
        }
    }

    /// The number of decimals amounts in this currency take (ISO 4217's minor unit).
    public var minorDigits: Int { Currency.digits.digits(of: code) }

    static func powerOfTen(_ exponent: Int) -> Int64 {
        (0..<max(exponent, 0)).reduce(1) { result, _ in result * 10 }
    }

    /// An ISO 4217 code, with a suggestion for a near miss or a symbol.
    public static func parse(_ raw: String) -> Result<Currency, MoneyError> {
        let code = raw.trimmingSpaces()
        if iso.contains(code) { return .success(Currency(unchecked: code)) }
        let squeezed = code.filter { !$0.isWhitespace }
        if let known = symbols[squeezed] { return .success(Currency(unchecked: known)) }
        if let several = ambiguousSymbols[squeezed] {
            return .failure(MoneyError(code, .symbolOfSeveral(several)))
        }
        if squeezed == "M$" || squeezed == "k$" {
            return .failure(MoneyError(code, .millionSymbol))
        }
        let upper = code.uppercased()
        if iso.contains(upper) {
            return .failure(MoneyError(code, .unknownCurrency(suggestion: upper)))
        }
        if let near = Suggestion.nearest(to: upper, in: suggestionOrder) {
            return .failure(MoneyError(code, .unknownCurrency(suggestion: near)))
        }
        return .failure(MoneyError(code, .unknownCurrency(suggestion: nil)))
    }

    /// Symbols that name one currency, as people type them (spaces aside).
    static let symbols = [
        "€": "EUR", "£": "GBP", "CA$": "CAD", "$CA": "CAD", "US$": "USD", "$US": "USD", "₹": "INR",
        "₩": "KRW", "₪": "ILS", "₺": "TRY", "₽": "RUB", "₴": "UAH",
    ]
    /// Symbols that name several; the amount is refused with each way of writing it.
    static let ambiguousSymbols = ["$": ["CAD", "USD"], "¥": ["JPY", "CNY"]]

    /// Codes in the order a near miss is matched against: the cluster's usual currencies first, then
    /// the ones in use today, then the historic ones (ties go to the first).
    private static let suggestionOrder: [String] = {
        let usual = ["EUR", "CAD", "USD", "GBP", "CHF", "JPY", "CNY", "MAD", "TND", "XOF"]
        let current = Locale.commonISOCurrencyCodes.filter { !usual.contains($0) }.sorted()
        let historic = iso.filter { !usual.contains($0) && !current.contains($0) }.sorted()
        return usual + current + historic
    }()

    /// The code.
    public var description: String { code }
    /// By code, so that totals in several currencies list in a fixed order.
    public static func < (a: Currency, b: Currency) -> Bool { a.code < b.code }
}

/// A share such as `50%`, kept exactly in hundredths of a percent.
public struct Percentage: Hashable, Sendable, CustomStringConvertible {
    /// The share in hundredths of a percent (`50%` is 5000).
    public let basisPoints: Int

    /// A share of `basisPoints` hundredths of a percent.
    public init(basisPoints: Int) { self.basisPoints = basisPoints }

    /// `50%`, `12.5%`: the shortest exact text.
    public var description: String {
        let whole = basisPoints / 100, rest = basisPoints % 100
        if rest == 0 { return "\(whole)%" }
        return rest % 10 == 0 ? "\(whole).\(rest / 10)%" : "\(whole).\(rest < 10 ? "0" : "")\(rest)%"
    }

    /// Reads `50%` or `12.5%`, between 0 and 100.
    public static func parse(_ raw: String) -> Result<Percentage, MoneyError> {
        let text = raw.trimmingSpaces()
        guard text.hasSuffix("%") else {
            return .failure(MoneyError(raw, .notAShare))
        }
        switch Money.parseDecimal(String(text.dropLast()).trimmingSpaces(), original: raw, decimals: 2, name: "%") {
        case .failure(let error):
            if case .tooManyDecimals = error.reason { return .failure(MoneyError(raw, .shareDecimals)) }
            return .failure(error)
        case .success(let hundredths):
            guard (0...10_000).contains(hundredths) else {
                return .failure(MoneyError(raw, .shareOutOfRange))
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
    /// Whole years.
    public let years: Int
    /// Months beyond the years.
    public let months: Int

    /// A length of `years` and `months`.
    public init(years: Int, months: Int = 0) {
        self.years = years
        self.months = months
    }

    /// The ISO 8601 form: `P3Y`, `P1Y6M`.
    public var description: String {
        "P" + (years > 0 ? "\(years)Y" : "") + (months > 0 || years == 0 ? "\(months)M" : "")
    }

    /// An ISO 8601 duration of years, months or days (`P3Y`).
    public static func parse(_ raw: String) -> Result<Span, DateError> {
        let text = raw.trimmingSpaces()
        let refusal = DateError(
            "'\(raw)' is not a duration: write P3Y, P18M or P1Y6M",
            french: "«\u{00A0}\(raw)\u{00A0}» n'est pas une durée\u{00A0}: écrivez P3Y, P18M ou P1Y6M")
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
