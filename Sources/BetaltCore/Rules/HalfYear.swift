/// A calendar half-year, 1 January–30 June or 1 July–31 December: the period interest rates (frl. § 3,
/// RL 9 §) and Norway's standardkompensasjon are set for.
public struct HalfYear: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Half: Int, Sendable, Hashable {
        case first = 1, second = 2
    }

    public let year: Int
    public let half: Half

    public init(_ year: Int, _ half: Half) {
        self.year = year
        self.half = half
    }

    public static func h1(_ year: Int) -> HalfYear { HalfYear(year, .first) }
    public static func h2(_ year: Int) -> HalfYear { HalfYear(year, .second) }

    public init(containing date: CivilDate) {
        self.init(date.year, date.month <= 6 ? .first : .second)
    }

    public var firstDay: CivilDate { .calendarDay(year, half == .first ? 1 : 7, 1) }
    public var lastDay: CivilDate { half == .first ? .calendarDay(year, 6, 30) : .calendarDay(year, 12, 31) }
    public var next: HalfYear { half == .first ? .h2(year) : .h1(year + 1) }

    public static func < (lhs: HalfYear, rhs: HalfYear) -> Bool {
        (lhs.year, lhs.half.rawValue) < (rhs.year, rhs.half.rawValue)
    }

    /// "2025 H1".
    public var description: String { name.description }

    /// "2026 H2", as a reason names it (translated: "2. halvår 2026", "andra halvåret 2026", as the rulebook
    /// warning on every page names it).
    public var name: ReasonText { half == .first ? ReasonText("\(year) H1") : ReasonText("\(year) H2") }
}
