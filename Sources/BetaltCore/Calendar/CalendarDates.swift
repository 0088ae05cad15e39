extension CivilDate {
    /// A date the calendar rules guarantee exists (17 May, 20 June, 1 January).
    /// Built by date arithmetic from a fixed anchor rather than the throwing initializer, so that holiday
    /// rules are total for every year a date can fall in, including the day after 9999-12-31.
    static func calendarDay(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
        let anchor = CivilDate(daysSinceEpoch: 10_957)  // 2000-01-01
        return anchor.adding(months: (year - 2000) * 12 + (month - 1)).adding(days: day - 1)
    }

    /// The first date on or after `self` that falls on `weekday`.
    func next(_ weekday: Weekday) -> CivilDate {
        adding(days: (weekday.rawValue - self.weekday.rawValue + 7) % 7)
    }
}
