import Foundation
import GrappeModel
import Testing

@Suite struct MoneyTests {
    @Test(arguments: [
        ("2100000 CAD", 210_000_000 as Int64, "CAD"),
        ("2 100 000 CAD", 210_000_000, "CAD"),
        ("2_100_000.5 EUR", 210_000_050, "EUR"),
        ("0.05 EUR", 5, "EUR"),
        // As people type them.
        ("12 000 €", 1_200_000, "EUR"), ("12000€", 1_200_000, "EUR"), ("£300", 30_000, "GBP"), ("25 000 $ CA", 2_500_000, "CAD"),
        ("CA$ 25000", 2_500_000, "CAD"), ("EUR 1500.50", 150_050, "EUR"), ("25\u{202F}000 US$", 2_500_000, "USD"), ("-5 EUR", -500, "EUR"),
    ])
    func parsesExactAmounts(_ text: String, _ cents: Int64, _ code: String) throws {
        let money = try Money.parse(text).get()
        #expect(money.minorUnits == cents)
        #expect(money.currency.code == code)
    }

    @Test func printsExactDecimal() throws {
        #expect(try Money.parse("2100000 CAD").get().description == "2100000.00 CAD")
        #expect(try Money.parse("12.5 EUR").get().amountText == "12.50")
    }

    @Test(arguments: [
        ("2,1 CAD", "'2,1 CAD': an amount is written with a decimal point: 2.1"),
        ("12,50 €", "'12,50 €': an amount is written with a decimal point: 12.50"),
        ("1,500 CAD", "'1,500 CAD': a comma is ambiguous in an amount; write 1500.50 or 1_500.50"),
        ("1,500,25 CAD", "'1,500,25 CAD': a comma is ambiguous in an amount; write 1500.50 or 1_500.50"),
        ("2100000", "'2100000' has no currency: write it as '2100000 CAD'"),
        ("12 CDA", "unknown currency 'CDA'; did you mean 'CAD'?"),
        ("12 cad", "unknown currency 'cad'; did you mean 'CAD'?"),
        ("12 M$", "'M$' is a symbol, not a currency code: write CAD (and write the amount in full)"),
        ("25 000 $", "'25 000 $': '$' may be CAD or USD; write 25000 CAD or 25000 USD"),
        ("¥1200", "'¥1200': '¥' may be JPY or CNY; write 1200 JPY or 1200 CNY"),
        ("€ 12 EUR", "'€ 12 EUR' names a currency twice: write it once, after the amount, as in 2100000 CAD"),
        ("12 000 € 50", "'12 000 € 50' is not an amount: '€' among the digits; write it as 2100000 CAD"),
        ("1.234 EUR", "'1.234 EUR': EUR takes at most 2 decimals"),
        ("12.5 JPY", "'12.5 JPY': JPY has no minor unit; write a whole amount"),
        ("1.2345 TND", "'1.2345 TND': TND takes at most 3 decimals"),
        ("12 QQQ", "unknown currency 'QQQ': expected an ISO 4217 code such as EUR, CAD or USD"),
        ("12 EUO", "unknown currency 'EUO'; did you mean 'EUR'?"),
        ("deux EUR", "'deux EUR' is not an amount: expected digits such as 2100000 or 2100000.50"),
    ])
    func refusesBadAmounts(_ text: String, _ message: String) {
        switch Money.parse(text) {
        case .success(let money): Issue.record("accepted \(money)")
        case .failure(let error): #expect(error.description == message)
        }
    }

    /// Any ISO 4217 currency, each with its own minor unit (Foundation's data): none for the yen and
    /// the CFA franc, three for the Tunisian dinar, four for the Chilean unit of account; zeros beyond
    /// them are accepted, since other tools write `25000.00` for any currency.
    @Test(arguments: [
        ("25000 JPY", 25_000 as Int64, "25000"), ("25000.00 JPY", 25_000, "25000"), ("1500 XOF", 1_500, "1500"),
        ("12.5 TND", 12_500, "12.500"), ("0.125 KWD", 125, "0.125"), ("1.5 CLF", 15_000, "1.5000"),
        ("99.99 MXN", 9_999, "99.99"), ("1000 FRF", 100_000, "1000.00"), ("7 ISK", 7, "7"),
    ])
    func minorUnitsFollowTheCurrency(_ text: String, _ units: Int64, _ amount: String) throws {
        let money = try Money.parse(text).get()
        #expect(money.minorUnits == units)
        #expect(money.amountText == amount)
        #expect(try Money.parse(money.description).get() == money, "reads back")
        #expect(money.decimal == Decimal(string: amount))
    }

    @Test func everyCurrentISOCodeIsAccepted() {
        let refused = Locale.commonISOCurrencyCodes.filter { (try? Currency.parse($0).get()) == nil }
        #expect(refused.isEmpty, "\(refused)")
        #expect(Locale.commonISOCurrencyCodes.count > 150)
    }

    @Test func shareOfABudget() throws {
        let share = try Percentage.parse("50%").get()
        let budget = try Money.parse("2100000 CAD").get()
        #expect(share.of(budget) == (try Money.parse("1050000 CAD").get()))
        #expect(try Percentage.parse("12.5%").get().description == "12.5%")
        #expect(throws: MoneyError.self) { try Percentage.parse("150%").get() }
        #expect(throws: MoneyError.self) { try Percentage.parse("0.5").get() }
        #expect(throws: MoneyError("12.345%", .shareDecimals)) { try Percentage.parse("12.345%").get() }
    }

    @Test func durations() throws {
        #expect(try Span.parse("P3Y").get() == Span(years: 3))
        #expect(try Span.parse("P1Y6M").get() == Span(years: 1, months: 6))
        #expect(Span(years: 0, months: 18).description == "P18M")
        #expect(throws: DateError.self) { try Span.parse("3 ans").get() }
        #expect(throws: DateError.self) { try Span.parse("P").get() }
    }
}
