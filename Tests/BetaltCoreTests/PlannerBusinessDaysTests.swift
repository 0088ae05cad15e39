@testable import BetaltCore
import Testing

/// The planner's business-day table answers exactly as the calendar it was read from.
@Suite struct PlannerBusinessDaysTests {
    @Test(arguments: Country.allCases) func sameAnswersAsTheCalendar(_ country: Country) {
        let table = BusinessDays.of(country)
        let calendar = BusinessCalendar(country)
        // From before the table to after it, so the edges and the fallback are covered too.
        var date = day("1999-12-01")
        var checked = 0
        while date <= day("2100-01-31") {
            if table.isBusinessDay(date) != calendar.isBusinessDay(date) {
                Issue.record("\(country) \(date.iso): table \(table.isBusinessDay(date)), calendar \(calendar.isBusinessDay(date))")
                return
            }
            date = date.adding(days: 1)
            checked += 1
        }
        #expect(checked == 36_587)
    }

    @Test func rollsAsTheCalendarDoes() {
        // Saturday 4 April 2026, before Easter Monday: Tuesday in both countries.
        #expect(BusinessDays.norway.dueDateRolledForward(day("2026-04-04")) == day("2026-04-07"))
        #expect(BusinessDays.sweden.dueDateRolledForward(day("2026-04-04")) == day("2026-04-07"))
        // Midsommarafton is a business day in Norway only.
        #expect(BusinessDays.norway.isBusinessDay(day("2026-06-19")))
        #expect(!BusinessDays.sweden.isBusinessDay(day("2026-06-19")))
    }
}
