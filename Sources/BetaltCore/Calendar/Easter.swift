extension BusinessCalendar {
    /// Easter Sunday in the Gregorian calendar, by the anonymous Gregorian computus (Meeus/Jones/Butcher).
    ///
    /// Written by hand because none of the packages available to Betalt's Swift build computes Easter, and the
    /// design requires Easter-relative holidays to be computed, never listed per year (DESIGN.md §2).
    public static func easterSunday(in year: Int) -> CivilDate {
        let a = year % 19                    // position in the 19-year Metonic cycle
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25                 // lunar correction
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30  // days from 21 March to the paschal full moon, roughly
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7  // days from the full moon to the following Sunday
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return .calendarDay(year, month, day)
    }
}
