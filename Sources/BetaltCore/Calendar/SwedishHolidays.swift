/// Sweden's allmänna helgdagar besides Sundays, lag (1989:253) om allmänna helgdagar (NORDIC-RULES §§ 14.4–14.5),
/// and the three eves that lag (1930:173) 2 § treats like holidays for statutory deadlines (§ 14.6).
enum SwedishHolidays {
    /// Nationaldagen replaced annandag pingst as a holiday from this year on.
    static let nationalDayFirstYear = 2005

    static func holidays(in year: Int) -> [Holiday] {
        let easter = BusinessCalendar.easterSunday(in: year)
        func relative(_ days: Int, _ name: String) -> Holiday { Holiday(date: easter.adding(days: days), name: name) }
        func fixed(_ month: Int, _ day: Int, _ name: String) -> Holiday {
            Holiday(date: .calendarDay(year, month, day), name: name)
        }
        let changedIn2005 = year >= nationalDayFirstYear
            ? fixed(6, 6, "Sveriges nationaldag")
            : relative(50, "Annandag pingst")
        return [
            fixed(1, 1, "Nyårsdagen"),
            fixed(1, 6, "Trettondedag jul"),
            relative(-2, "Långfredagen"),
            relative(0, "Påskdagen"),
            relative(1, "Annandag påsk"),
            fixed(5, 1, "Första maj"),
            relative(39, "Kristi himmelsfärdsdag"),
            relative(49, "Pingstdagen"),
            changedIn2005,
            Holiday(date: midsummerDay(in: year), name: "Midsommardagen"),
            Holiday(date: CivilDate.calendarDay(year, 10, 31).next(.saturday), name: "Alla helgons dag"),
            fixed(12, 25, "Juldagen"),
            fixed(12, 26, "Annandag jul"),
        ].sorted { $0.date < $1.date }
    }

    static func holidayEves(in year: Int) -> [Holiday] {
        [
            Holiday(date: midsummerDay(in: year).adding(days: -1), name: "Midsommarafton"),
            Holiday(date: .calendarDay(year, 12, 24), name: "Julafton"),
            Holiday(date: .calendarDay(year, 12, 31), name: "Nyårsafton"),
        ]
    }

    /// The Saturday from 20 to 26 June.
    private static func midsummerDay(in year: Int) -> CivilDate {
        CivilDate.calendarDay(year, 6, 20).next(.saturday)
    }
}
