/// Which days are business days in Norway or Sweden: weekdays that are not public holidays
/// (nor, in Sweden, midsommarafton, julafton or nyårsafton).
public struct BusinessCalendar: Sendable, Hashable {
    public let country: Country

    public init(_ country: Country) {
        self.country = country
    }

    public static let norway = BusinessCalendar(.norway)
    public static let sweden = BusinessCalendar(.sweden)

    /// The public holidays of `year` other than ordinary Sundays, in date order, with their local names.
    /// Sweden's midsommardagen and alla helgons dag fall on Saturdays and are included.
    public func holidays(in year: Int) -> [Holiday] {
        switch country {
        case .norway: NorwegianHolidays.holidays(in: year)
        case .sweden: SwedishHolidays.holidays(in: year)
        }
    }

    /// Days that are not public holidays but on which a statutory deadline does not end:
    /// Sweden's midsommarafton, julafton and nyårsafton (lag (1930:173) 2 §). None in Norway, where
    /// 24 and 31 December are ordinary working days (NORDIC-RULES § 14.3).
    public func holidayEves(in year: Int) -> [Holiday] {
        switch country {
        case .norway: []
        case .sweden: SwedishHolidays.holidayEves(in: year)
        }
    }

    /// Whether `date` is a named public holiday (Sundays as such are not reported here; see `isBusinessDay`).
    public func isHoliday(_ date: CivilDate) -> Bool {
        holidays(in: date.year).contains { $0.date == date }
    }

    /// The holiday on `date`, if any, for explaining a decision ("moved past 17. mai").
    public func holiday(on date: CivilDate) -> Holiday? {
        holidays(in: date.year).first { $0.date == date }
    }

    /// Monday to Friday, not a public holiday and not a holiday eve.
    public func isBusinessDay(_ date: CivilDate) -> Bool {
        guard date.weekday != .saturday, date.weekday != .sunday else { return false }
        return !isHoliday(date) && !holidayEves(in: date.year).contains { $0.date == date }
    }

    public func nextBusinessDay(onOrAfter date: CivilDate) -> CivilDate {
        var day = date
        while !isBusinessDay(day) { day = day.adding(days: 1) }
        return day
    }

    /// The date `count` business days after `date` (before it, for a negative count); `date` itself need not
    /// be a business day. Adding zero returns `date` unchanged.
    public func addingBusinessDays(_ count: Int, to date: CivilDate) -> CivilDate {
        let step = count < 0 ? -1 : 1
        var day = date
        var remaining = Swift.abs(count)
        while remaining > 0 {
            day = day.adding(days: step)
            if isBusinessDay(day) { remaining -= 1 }
        }
        return day
    }
}
