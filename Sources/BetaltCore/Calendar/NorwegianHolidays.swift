/// Norway's public holidays besides Sundays: lov om helligdager og helligdagsfred (1995) § 2 and
/// lov 26.04.1947 nr. 1 om 1. og 17. mai (NORDIC-RULES §§ 14.1–14.3). 24 and 31 December are not holidays.
enum NorwegianHolidays {
    static func holidays(in year: Int) -> [Holiday] {
        let easter = BusinessCalendar.easterSunday(in: year)
        func relative(_ days: Int, _ name: String) -> Holiday { Holiday(date: easter.adding(days: days), name: name) }
        func fixed(_ month: Int, _ day: Int, _ name: String) -> Holiday {
            Holiday(date: .calendarDay(year, month, day), name: name)
        }
        return [
            fixed(1, 1, "1. nyttårsdag"),
            relative(-3, "Skjærtorsdag"),
            relative(-2, "Langfredag"),
            relative(0, "1. påskedag"),
            relative(1, "2. påskedag"),
            fixed(5, 1, "1. mai"),
            fixed(5, 17, "17. mai"),
            relative(39, "Kristi himmelfartsdag"),
            relative(49, "1. pinsedag"),
            relative(50, "2. pinsedag"),
            fixed(12, 25, "1. juledag"),
            fixed(12, 26, "2. juledag"),
        ].sorted { $0.date < $1.date }
    }
}
