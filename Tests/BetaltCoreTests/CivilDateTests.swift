import BetaltCore
import Foundation
import PropertyBased
import Testing

private func date(_ year: Int, _ month: Int, _ day: Int) -> CivilDate { try! CivilDate(year, month, day) }

@Suite struct CivilDateParsingTests {
    @Test func isoRoundTrip() throws {
        let parsed = try CivilDate(iso: "2026-11-22")
        #expect(parsed == date(2026, 11, 22))
        #expect(parsed.iso == "2026-11-22")
        #expect(date(987, 3, 4).iso == "0987-03-04")
    }

    @Test(arguments: ["2025-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-01-00", "0000-01-01"])
    func refusesDatesNotInTheCalendar(text: String) {
        #expect(throws: CivilDateError.self) { try CivilDate(iso: text) }
    }

    @Test(arguments: [
        "2024-1-1", "24-01-01", "2024/01/01", "2024-01-01T00:00", "", "2024-01", "20240101", "+024-01-01",
    ])
    func refusesTextThatIsNotISO(text: String) {
        #expect(throws: CivilDateError.notISODate(text)) { try CivilDate(iso: text) }
    }

    @Test func theRefusalSaysWhichDate() {
        #expect(throws: CivilDateError.noSuchDate(year: 2025, month: 2, day: 29)) { try CivilDate(2025, 2, 29) }
    }

    @Test func everyDayOf2024ParsesBackFromItsISOForm() async {
        await propertyCheck(input: Gen.int(in: 0...365)) { offset in
            let day = date(2024, 1, 1).adding(days: offset)
            let parsed = try CivilDate(iso: day.iso)
            #expect(parsed == day)
        }
    }

    @Test func codableUsesTheISOString() throws {
        let data = try JSONEncoder().encode([date(2026, 11, 22)])
        #expect(String(decoding: data, as: UTF8.self) == #"["2026-11-22"]"#)
        #expect(try JSONDecoder().decode([CivilDate].self, from: data) == [date(2026, 11, 22)])
        #expect(throws: (any Error).self) {
            try JSONDecoder().decode([CivilDate].self, from: Data(#"["2025-02-29"]"#.utf8))
        }
    }
}

@Suite struct CivilDateCalendarTests {
    @Test func leapYears() {
        #expect(!CivilDate.isLeapYear(1900))
        #expect(CivilDate.isLeapYear(2000))
        #expect(CivilDate.isLeapYear(2024))
        #expect(!CivilDate.isLeapYear(2025))
        #expect(!CivilDate.isLeapYear(2100))
        #expect(CivilDate.daysIn(year: 2024) == 366)
        #expect(CivilDate.daysIn(year: 1900) == 365)
        #expect(CivilDate.daysIn(month: 2, year: 1900) == 28)
        #expect(CivilDate.daysIn(month: 2, year: 2000) == 29)
    }

    @Test func knownDayNumbers() {
        #expect(date(1970, 1, 1).daysSinceEpoch == 0)
        #expect(date(1969, 12, 31).daysSinceEpoch == -1)
        #expect(date(2000, 3, 1).daysSinceEpoch == 11_017)
        #expect(date(1900, 1, 1).daysSinceEpoch == -25_567)
    }

    /// Walks every day from 1900 to 2100 with a plain day/month/year counter as the oracle.
    @Test func dayNumbersCountEveryDayFrom1900To2100() {
        var (year, month, day) = (1900, 1, 1)
        var expected = date(1900, 1, 1).daysSinceEpoch
        var mismatches = 0
        while year <= 2100 {
            let current = date(year, month, day)
            if current.daysSinceEpoch != expected || CivilDate(daysSinceEpoch: expected) != current { mismatches += 1 }
            expected += 1
            day += 1
            if day > CivilDate.daysIn(month: month, year: year) { day = 1; month += 1 }
            if month > 12 { month = 1; year += 1 }
        }
        #expect(mismatches == 0)
        #expect(expected - date(1900, 1, 1).daysSinceEpoch == 73_414)
    }

    @Test func dayNumbersAgreeWithFoundationsGregorianCalendar() async {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let frozen = calendar
        let range = date(1900, 1, 1).daysSinceEpoch...date(2100, 12, 31).daysSinceEpoch
        await propertyCheck(count: 500, input: Gen.int(in: range)) { days in
            let civil = CivilDate(daysSinceEpoch: days)
            let instant = Date(timeIntervalSince1970: TimeInterval(days * 86_400))
            let parts = frozen.dateComponents([.year, .month, .day], from: instant)
            #expect([civil.year, civil.month, civil.day] == [parts.year, parts.month, parts.day])
        }
    }

    @Test func dayNumberRoundTripOverTheWholeSupportedRange() async {
        let range = date(1, 1, 1).daysSinceEpoch...date(9999, 12, 31).daysSinceEpoch
        await propertyCheck(count: 1000, input: Gen.int(in: range)) { days in
            let civil = CivilDate(daysSinceEpoch: days)
            #expect(civil.daysSinceEpoch == days)
            let rebuilt = try CivilDate(civil.year, civil.month, civil.day)
            #expect(rebuilt == civil)
        }
    }

    @Test func weekdays() {
        #expect(date(2026, 11, 22).weekday == .sunday)
        #expect(date(1970, 1, 1).weekday == .thursday)
        #expect(date(1969, 12, 31).weekday == .wednesday)
        #expect(date(2000, 2, 29).weekday == .tuesday)
        #expect(date(1900, 1, 1).weekday == .monday)
    }

    @Test func weekdaysCycleEverySevenDays() async {
        await propertyCheck(input: Gen.int(in: -800_000...800_000)) { days in
            let today = CivilDate(daysSinceEpoch: days)
            let next = today.adding(days: 1)
            #expect(next.weekday.rawValue == today.weekday.rawValue % 7 + 1)
            #expect(today.adding(days: 7).weekday == today.weekday)
        }
    }

    @Test func addingMonthsClampsToTheLastDay() {
        #expect(date(2024, 1, 31).adding(months: 1) == date(2024, 2, 29))
        #expect(date(2025, 1, 31).adding(months: 1) == date(2025, 2, 28))
        #expect(date(2024, 3, 31).adding(months: -1) == date(2024, 2, 29))
        #expect(date(2024, 10, 31).adding(months: 1) == date(2024, 11, 30))
        #expect(date(2024, 11, 15).adding(months: 2) == date(2025, 1, 15))
        #expect(date(2025, 1, 15).adding(months: -2) == date(2024, 11, 15))
        #expect(date(2024, 2, 29).adding(months: 12) == date(2025, 2, 28))
        #expect(date(2024, 5, 5).adding(months: 0) == date(2024, 5, 5))
    }

    @Test func addingMonthsAlwaysGivesARealDateInTheRightMonth() async {
        await propertyCheck(input: Gen.int(in: -36_500...36_500), Gen.int(in: -240...240)) { days, months in
            let start = CivilDate(daysSinceEpoch: days)
            let moved = start.adding(months: months)
            let rebuilt = try CivilDate(moved.year, moved.month, moved.day)
            #expect(rebuilt == moved)
            #expect((moved.year * 12 + moved.month) - (start.year * 12 + start.month) == months)
            #expect(moved.day <= start.day)
        }
    }

    @Test func daysUntilCountsCalendarDays() {
        #expect(date(2024, 2, 28).days(until: date(2024, 3, 1)) == 2)
        #expect(date(2025, 2, 28).days(until: date(2025, 3, 1)) == 1)
        #expect(date(2026, 1, 1).days(until: date(2025, 1, 1)) == -365)
        #expect(date(2026, 11, 22).days(until: date(2026, 11, 22)) == 0)
    }

    @Test func addingDaysAndDaysUntilAreInverse() async {
        await propertyCheck(input: Gen.int(in: -100_000...100_000), Gen.int(in: -10_000...10_000)) { start, offset in
            let from = CivilDate(daysSinceEpoch: start)
            #expect(from.days(until: from.adding(days: offset)) == offset)
        }
    }

    @Test func orderFollowsTheCalendar() async {
        #expect(date(2024, 12, 31) < date(2025, 1, 1))
        #expect(date(2025, 1, 2) > date(2025, 1, 1))
        await propertyCheck(input: Gen.int(in: -100_000...100_000), Gen.int(in: -100_000...100_000)) { a, b in
            #expect((CivilDate(daysSinceEpoch: a) < CivilDate(daysSinceEpoch: b)) == (a < b))
        }
    }
}

@Suite struct CivilDateFormattingTests {
    @Test func eachLanguageWritesTheDateItsOwnWay() {
        #expect(date(2026, 11, 22).formatted(.nb) == "22.11.2026")
        #expect(date(2026, 11, 22).formatted(.sv) == "2026-11-22")
        #expect(date(2026, 11, 22).formatted(.en) == "22 Nov 2026")
    }

    @Test func norwegianPadsDayAndMonth() {
        #expect(date(2026, 1, 5).formatted(.nb) == "05.01.2026")
        #expect(date(2026, 1, 5).formatted(.sv) == "2026-01-05")
        #expect(date(2026, 1, 5).formatted(.en) == "5 Jan 2026")
    }

    @Test func englishNamesEveryMonth() {
        let names = (1...12).map { date(2025, $0, 1).formatted(.en).split(separator: " ")[1] }
        #expect(names == ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"])
    }
}
