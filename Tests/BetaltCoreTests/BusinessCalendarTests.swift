import BetaltCore
import PropertyBased
import Testing


/// One row of NORDIC-RULES § 14.7, typed in from the table.
struct MovableHolidayRow: Sendable, CustomTestStringConvertible {
    let year: Int
    let easterSunday, maundyThursday, goodFriday, easterMonday, ascension, whitSunday, whitMonday: String
    let midsummerEve, midsummerDay, allSaints: String
    var testDescription: String { String(year) }
}

private let movableHolidayTable: [MovableHolidayRow] = [
    MovableHolidayRow(year: 2024, easterSunday: "03-31", maundyThursday: "03-28", goodFriday: "03-29", easterMonday: "04-01",
                    ascension: "05-09", whitSunday: "05-19", whitMonday: "05-20",
                    midsummerEve: "06-21", midsummerDay: "06-22", allSaints: "11-02"),
    MovableHolidayRow(year: 2025, easterSunday: "04-20", maundyThursday: "04-17", goodFriday: "04-18", easterMonday: "04-21",
                    ascension: "05-29", whitSunday: "06-08", whitMonday: "06-09",
                    midsummerEve: "06-20", midsummerDay: "06-21", allSaints: "11-01"),
    MovableHolidayRow(year: 2026, easterSunday: "04-05", maundyThursday: "04-02", goodFriday: "04-03", easterMonday: "04-06",
                    ascension: "05-14", whitSunday: "05-24", whitMonday: "05-25",
                    midsummerEve: "06-19", midsummerDay: "06-20", allSaints: "10-31"),
    MovableHolidayRow(year: 2027, easterSunday: "03-28", maundyThursday: "03-25", goodFriday: "03-26", easterMonday: "03-29",
                    ascension: "05-06", whitSunday: "05-16", whitMonday: "05-17",
                    midsummerEve: "06-25", midsummerDay: "06-26", allSaints: "11-06"),
    MovableHolidayRow(year: 2028, easterSunday: "04-16", maundyThursday: "04-13", goodFriday: "04-14", easterMonday: "04-17",
                    ascension: "05-25", whitSunday: "06-04", whitMonday: "06-05",
                    midsummerEve: "06-23", midsummerDay: "06-24", allSaints: "11-04"),
]

@Suite struct BusinessCalendarTests {
    /// Names by ISO date; a date can carry two holidays (17 May 2027 is also 2. pinsedag).
    private func names(_ calendar: BusinessCalendar, _ year: Int) -> [String: [String]] {
        Dictionary(grouping: calendar.holidays(in: year), by: \.date.iso).mapValues { $0.map(\.name) }
    }

    @Test("NORDIC-RULES § 14.7, Norway", arguments: movableHolidayTable)
    func norwayMatchesTable(_ row: MovableHolidayRow) {
        let holidays = names(.norway, row.year)
        let y = String(row.year)
        #expect(BusinessCalendar.easterSunday(in: row.year) == day("\(y)-\(row.easterSunday)"))
        #expect(holidays["\(y)-\(row.maundyThursday)"]?.contains("Skjærtorsdag") == true)
        #expect(holidays["\(y)-\(row.goodFriday)"]?.contains("Langfredag") == true)
        #expect(holidays["\(y)-\(row.easterSunday)"]?.contains("1. påskedag") == true)
        #expect(holidays["\(y)-\(row.easterMonday)"]?.contains("2. påskedag") == true)
        #expect(holidays["\(y)-\(row.ascension)"]?.contains("Kristi himmelfartsdag") == true)
        #expect(holidays["\(y)-\(row.whitSunday)"]?.contains("1. pinsedag") == true)
        #expect(holidays["\(y)-\(row.whitMonday)"]?.contains("2. pinsedag") == true)
        #expect(holidays["\(y)-01-01"]?.contains("1. nyttårsdag") == true)
        #expect(holidays["\(y)-05-01"]?.contains("1. mai") == true)
        #expect(holidays["\(y)-05-17"]?.contains("17. mai") == true)
        #expect(holidays["\(y)-12-25"]?.contains("1. juledag") == true)
        #expect(holidays["\(y)-12-26"]?.contains("2. juledag") == true)
        #expect(holidays.values.joined().count == 12)
        #expect(BusinessCalendar.norway.holidayEves(in: row.year).isEmpty)
    }

    @Test("NORDIC-RULES § 14.7, Sweden", arguments: movableHolidayTable)
    func swedenMatchesTable(_ row: MovableHolidayRow) {
        let holidays = names(.sweden, row.year)
        let y = String(row.year)
        #expect(holidays["\(y)-\(row.maundyThursday)"] == nil, "skärtorsdagen is not a Swedish holiday")
        #expect(holidays["\(y)-\(row.goodFriday)"]?.contains("Långfredagen") == true)
        #expect(holidays["\(y)-\(row.easterSunday)"]?.contains("Påskdagen") == true)
        #expect(holidays["\(y)-\(row.easterMonday)"]?.contains("Annandag påsk") == true)
        #expect(holidays["\(y)-\(row.ascension)"]?.contains("Kristi himmelsfärdsdag") == true)
        #expect(holidays["\(y)-\(row.whitSunday)"]?.contains("Pingstdagen") == true)
        #expect(holidays["\(y)-\(row.whitMonday)"] == nil, "annandag pingst stopped being a holiday in 2005")
        #expect(holidays["\(y)-\(row.midsummerDay)"]?.contains("Midsommardagen") == true)
        #expect(holidays["\(y)-\(row.allSaints)"]?.contains("Alla helgons dag") == true)
        #expect(holidays["\(y)-01-01"]?.contains("Nyårsdagen") == true)
        #expect(holidays["\(y)-01-06"]?.contains("Trettondedag jul") == true)
        #expect(holidays["\(y)-05-01"]?.contains("Första maj") == true)
        #expect(holidays["\(y)-06-06"]?.contains("Sveriges nationaldag") == true)
        #expect(holidays["\(y)-12-25"]?.contains("Juldagen") == true)
        #expect(holidays["\(y)-12-26"]?.contains("Annandag jul") == true)
        #expect(holidays.values.joined().count == 13)
        let eves = BusinessCalendar.sweden.holidayEves(in: row.year).map(\.description)
        #expect(eves == ["\(y)-\(row.midsummerEve) Midsommarafton", "\(y)-12-24 Julafton", "\(y)-12-31 Nyårsafton"])
        #expect(day("\(y)-\(row.midsummerDay)").weekday == .saturday)
        #expect(day("\(y)-\(row.allSaints)").weekday == .saturday)
    }

    /// Other years, checked against an independent computus (python-dateutil's `easter`, Western method).
    /// 2019 by hand through the anonymous algorithm: a = 5, b = 20, c = 19, d = 5, e = 0, f = 1, g = 6,
    /// h = (95 + 20 − 5 − 6 + 15) mod 30 = 29, i = 4, k = 3, l = (32 + 0 + 8 − 29 − 3) mod 7 = 1,
    /// m = (5 + 319 + 22) / 451 = 0, month = 144 / 31 = 4, day = 144 mod 31 + 1 = 21: 21 April.
    @Test(arguments: [
        ("2019-04-21", 2019), ("2038-04-25", 2038), ("2100-03-28", 2100), ("2011-04-24", 2011),
        ("1818-03-22", 1818), ("2285-03-22", 2285), ("2008-03-23", 2008),
    ])
    func easterInOtherYears(_ expected: String, _ year: Int) {
        #expect(BusinessCalendar.easterSunday(in: year) == day(expected))
    }

    @Test func swedenBefore2005HadWhitMondayAndNoNationalDay() {
        let holidays2004 = names(.sweden, 2004)
        #expect(holidays2004["2004-05-31"]?.contains("Annandag pingst") == true)
        #expect(holidays2004["2004-06-06"] == nil)
        #expect(names(.sweden, 2005)["2005-06-06"]?.contains("Sveriges nationaldag") == true)
    }

    @Test func twoHolidaysOnOneDate() {
        #expect(names(.norway, 2027)["2027-05-17"]?.sorted() == ["17. mai", "2. pinsedag"])
        #expect(names(.sweden, 2008)["2008-05-01"]?.sorted() == ["Första maj", "Kristi himmelsfärdsdag"])
    }

    @Test func holidaysAreInDateOrder() {
        for calendar in [BusinessCalendar.norway, .sweden] {
            for year in 2019...2030 {
                let dates = calendar.holidays(in: year).map(\.date)
                #expect(dates == dates.sorted())
                #expect(dates.allSatisfy { $0.year == year })
            }
        }
    }

    @Test func businessDays() {
        #expect(BusinessCalendar.norway.isBusinessDay(day("2026-04-01")))   // Wednesday before Easter
        #expect(!BusinessCalendar.norway.isBusinessDay(day("2026-04-02")))  // Skjærtorsdag
        #expect(BusinessCalendar.sweden.isBusinessDay(day("2026-04-02")))   // skärtorsdagen is a working day
        #expect(!BusinessCalendar.norway.isBusinessDay(day("2026-04-04")))  // Saturday
        #expect(BusinessCalendar.norway.isBusinessDay(day("2025-12-24")))   // not a holiday in Norway [U for banks]
        #expect(!BusinessCalendar.sweden.isBusinessDay(day("2025-12-24")))  // julafton
        #expect(!BusinessCalendar.sweden.isHoliday(day("2025-12-24")), "julafton is an eve, not a holiday")
        #expect(BusinessCalendar.norway.holiday(on: day("2028-05-17"))?.name == "17. mai")
        #expect(BusinessCalendar.norway.holiday(on: day("2028-05-18")) == nil)
        #expect(!BusinessCalendar.sweden.isBusinessDay(day("2026-06-19")))  // midsommarafton, a Friday
        #expect(BusinessCalendar.norway.isBusinessDay(day("2026-06-19")))
    }

    @Test("Due dates roll to the next business day (gjeldsbrevloven § 5; lag 1930:173)", arguments: [
        (Country.norway, "2028-05-17", "2028-05-18"),  // 17 May on a Wednesday
        (.norway, "2025-05-17", "2025-05-19"),         // 17 May on a Saturday
        (.norway, "2025-05-01", "2025-05-02"),         // 1 May on a Thursday
        (.norway, "2026-04-04", "2026-04-07"),         // Easter Saturday: then Sunday, 2. påskedag
        (.sweden, "2026-04-04", "2026-04-07"),
        (.norway, "2026-04-02", "2026-04-07"),         // Skjærtorsdag: five days off
        (.sweden, "2026-04-02", "2026-04-02"),         // an ordinary Thursday in Sweden
        (.sweden, "2026-12-24", "2026-12-28"),         // julafton Thu, 25 and 26 holidays, 27 Sunday
        (.norway, "2026-12-24", "2026-12-24"),         // a working day in Norway
        (.sweden, "2026-06-19", "2026-06-22"),         // midsommarafton Fri, midsommardagen Sat
        (.sweden, "2027-12-31", "2028-01-03"),         // nyårsafton Fri, nyårsdagen Sat, Sunday
        (.norway, "2026-03-31", "2026-03-31"),         // a business day stays
    ])
    func dueDateRolledForward(_ country: Country, _ due: String, _ expected: String) {
        #expect(BusinessCalendar(country).dueDateRolledForward(day(due)) == day(expected))
    }

    @Test func noticeDeadlineIsCalendarDaysAndNeverRolls() {
        // Inkassovarsel sent Sunday 3 May 2026 with 14 days: the deadline is Sunday 17 May (a holiday too),
        // the same weekday, and stays there (Ot.prp. nr. 2 p. 114) while a due date that day would roll.
        let deadline = BusinessCalendar.noticeDeadline(sentOn: day("2026-05-03"), days: 14)
        #expect(deadline == day("2026-05-17"))
        #expect(deadline.weekday == day("2026-05-03").weekday)
        #expect(BusinessCalendar.norway.dueDateRolledForward(deadline) == day("2026-05-18"))
        // Inkassokrav sent 16 December 2026 with 8 days ends on julafton, not moved.
        #expect(BusinessCalendar.noticeDeadline(sentOn: day("2026-12-16"), days: 8) == day("2026-12-24"))
    }

    @Test func addingBusinessDays() {
        let norway = BusinessCalendar.norway
        // Tue 31 Mar 2026 + 3: Wed 1 Apr (1), Thu–Mon Easter, Tue 7 Apr (2), Wed 8 Apr (3).
        #expect(norway.addingBusinessDays(3, to: day("2026-03-31")) == day("2026-04-08"))
        #expect(norway.addingBusinessDays(-1, to: day("2026-04-07")) == day("2026-04-01"))
        #expect(norway.addingBusinessDays(0, to: day("2026-04-04")) == day("2026-04-04"))
        #expect(norway.addingBusinessDays(1, to: day("2026-04-03")) == day("2026-04-07"))
        #expect(BusinessCalendar.sweden.addingBusinessDays(1, to: day("2026-12-23")) == day("2026-12-28"))
        #expect(norway.nextBusinessDay(onOrAfter: day("2026-05-16")) == day("2026-05-18"))
    }

    @Test func rollingSkipsOnlyNonBusinessDays() async {
        let dates = Gen.int(in: day("1990-01-01").daysSinceEpoch...day("2100-12-31").daysSinceEpoch)
        await propertyCheck(count: 300, input: dates, Gen<Country>.case) { epochDay, country in
            let calendar = BusinessCalendar(country)
            let due = CivilDate(daysSinceEpoch: epochDay)
            let rolled = calendar.dueDateRolledForward(due)
            #expect(calendar.isBusinessDay(rolled))
            #expect(due.days(until: rolled) <= 5)
            for skipped in 0..<due.days(until: rolled) {
                #expect(!calendar.isBusinessDay(due.adding(days: skipped)))
            }
            #expect(calendar.addingBusinessDays(1, to: rolled.adding(days: -1)) == rolled)
        }
    }
}
