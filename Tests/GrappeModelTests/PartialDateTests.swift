import GrappeModel
import Testing

@Suite struct PartialDateTests {
    @Test(arguments: ["2013", "2013-10", "2013-10-15", "XXXX-10", "XXXX-03-12", "2013-21", "XXXX-22~", "2005?", "2012-12-21%", "2024-02-29"])
    func readsAndWritesBack(_ text: String) throws {
        let date = try PartialDate.parse(text).get()
        #expect(date.description == text)
    }

    @Test func unknownYearStaysUnknown() throws {
        let date = try PartialDate.parse("XXXX-10").get()
        #expect(date.year == nil)
        #expect(date.month == 10)
        #expect(date.bounds == nil)
    }

    @Test func partsAreKept() throws {
        let date = try PartialDate.parse("2013-10-15~").get()
        #expect(date.year == 2013)
        #expect(date.month == 10)
        #expect(date.day == 15)
        #expect(date.qualifier == .approximate)
    }

    @Test(arguments: [
        ("2013-13", "month 13 does not exist in '2013-13' (01–12, or 21–24 for a season)"),
        ("2013-02-29", "2013-02-29 does not exist: 2013 is not a leap year"),
        ("2013-04-31", "2013-04-31 does not exist: month 4 has 30 days"),
        ("13-10-2013", "'13-10-2013' is not a date: the year must have four digits or be XXXX when unknown"),
        ("oct 2013", "'oct 2013' is not a date: the year must have four digits or be XXXX when unknown"),
        ("2013/10", "'2013/10' is not a date: the year must have four digits or be XXXX when unknown"),
        (
            "2013-1",
            "'2013-1' is not a date: the month must have two digits (expected YYYY, YYYY-MM, YYYY-MM-DD or XXXX-MM-DD (EDTF), with an optional ~ or ?)"
        ),
        ("0999", "year 999 is outside 1000–2999"),
        ("XXXX", "'XXXX' says nothing: leave the date out when nothing is known"),
        ("2013-21-05", "'2013-21-05': a season (21–24) takes no day"),
    ])
    func refusesImpossibleDates(_ text: String, _ message: String) {
        switch PartialDate.parse(text) {
        case .success(let date): Issue.record("accepted \(date)")
        case .failure(let error): #expect(error.description == message)
        }
    }

    @Test func februaryOfAnUnknownYearMayHave29Days() {
        #expect((try? PartialDate.parse("XXXX-02-29").get()) != nil)
    }

    @Test func orderIsOnlyCertainWithYears() throws {
        let early = try PartialDate.parse("2012").get()
        let late = try PartialDate.parse("2013-01").get()
        let unknown = try PartialDate.parse("XXXX-01").get()
        #expect(early.isCertainlyBefore(late))
        #expect(!late.isCertainlyBefore(early))
        #expect(!unknown.isCertainlyBefore(late))
        let year = try PartialDate.parse("2013").get()
        let june = try PartialDate.parse("2013-06").get()
        #expect(!year.isCertainlyBefore(june), "2013 overlaps June 2013")
    }

    @Test func seasonsHaveBounds() throws {
        let winter = try #require(try PartialDate.parse("2023-24").get().bounds)
        #expect(winter.first == DayStamp(2023, 12, 1))
        #expect(winter.last == DayStamp(2024, 2, 29))
    }
}
