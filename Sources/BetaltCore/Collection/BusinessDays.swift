/// A country's business days, 2000 through 2099, read once from `BusinessCalendar` into a bit set. The
/// planner asks whether a day is a business day several times per claim and a daily run plans a million
/// claims; working out a year's holidays for every question would cost more than the rest of the plan.
/// The answers are `BusinessCalendar`'s own; days outside the table are asked of it directly.
struct BusinessDays: Sendable {
    let calendar: BusinessCalendar
    private let firstDay: Int
    private let dayCount: Int
    /// Bit n is set when the day `firstDay + n` is a business day.
    private let words: [UInt64]

    static let norway = BusinessDays(.norway)
    static let sweden = BusinessDays(.sweden)

    static func of(_ country: Country) -> BusinessDays {
        switch country {
        case .norway: norway
        case .sweden: sweden
        }
    }

    private init(_ country: Country, years: ClosedRange<Int> = 2000...2099) {
        let calendar = BusinessCalendar(country)
        let firstDay = CivilDate.calendarDay(years.lowerBound, 1, 1).daysSinceEpoch
        let endDay = CivilDate.calendarDay(years.upperBound + 1, 1, 1).daysSinceEpoch
        var words = [UInt64](repeating: 0, count: (endDay - firstDay + 63) / 64)
        for year in years {
            let closed = Set((calendar.holidays(in: year) + calendar.holidayEves(in: year)).map(\.date.daysSinceEpoch))
            let start = CivilDate.calendarDay(year, 1, 1).daysSinceEpoch
            for day in start..<(start + CivilDate.daysIn(year: year)) {
                let weekday = CivilDate(daysSinceEpoch: day).weekday
                guard weekday != .saturday, weekday != .sunday, !closed.contains(day) else { continue }
                let bit = day - firstDay
                words[bit / 64] |= 1 << UInt64(bit % 64)
            }
        }
        self.calendar = calendar
        self.firstDay = firstDay
        self.dayCount = endDay - firstDay
        self.words = words
    }

    func isBusinessDay(_ date: CivilDate) -> Bool {
        let bit = date.daysSinceEpoch - firstDay
        guard bit >= 0, bit < dayCount else { return calendar.isBusinessDay(date) }
        return words[bit / 64] & (1 << UInt64(bit % 64)) != 0
    }

    func nextBusinessDay(onOrAfter date: CivilDate) -> CivilDate {
        var day = date
        while !isBusinessDay(day) { day = day.adding(days: 1) }
        return day
    }

    /// As `BusinessCalendar.dueDateRolledForward`: the due date, or the next business day when it is not one.
    func dueDateRolledForward(_ due: CivilDate) -> CivilDate { nextBusinessDay(onOrAfter: due) }
}
