/// A stretch of days at one rate and one day count, within one half-year.
public struct InterestPeriod: Sendable, Hashable {
    /// First interest day of the stretch.
    public let from: CivilDate
    /// Last interest day, inclusive.
    public let through: CivilDate
    public let days: Int
    public let rate: InterestRate
    /// 365, or 366 for a Norwegian leap year.
    public let daysInYear: Int
    /// The row of the rate schedule the rate came from.
    public let rateCitation: RuleCitation
    /// principal × rate × days / daysInYear, before any rounding.
    public let exactInterest: ExactAmount

    public init(
        from: CivilDate, through: CivilDate, days: Int, rate: InterestRate, daysInYear: Int,
        rateCitation: RuleCitation, exactInterest: ExactAmount
    ) {
        self.from = from
        self.through = through
        self.days = days
        self.rate = rate
        self.daysInYear = daysInYear
        self.rateCitation = rateCitation
        self.exactInterest = exactInterest
    }
}
