/// Late interest on a principal for a span of days: the total, rounded once, and how it was reached.
public struct InterestCalculation: Sendable, Hashable {
    public let principal: Money
    public let dueDate: CivilDate
    public let through: CivilDate
    /// In date order; empty when no interest day has passed.
    public let periods: [InterestPeriod]
    /// The sum of the periods' exact interest, before rounding.
    public let exactTotal: ExactAmount
    /// `exactTotal` rounded half-up to the minor unit: the only rounding in the calculation.
    public let total: Money
    /// "frl. § 3" or "RL 6 §".
    public let citation: RuleCitation
    public let dayCountCitation: RuleCitation
    public let accrualStartCitation: RuleCitation

    public init(
        principal: Money, dueDate: CivilDate, through: CivilDate, periods: [InterestPeriod], exactTotal: ExactAmount,
        citation: RuleCitation, dayCountCitation: RuleCitation, accrualStartCitation: RuleCitation
    ) {
        self.principal = principal
        self.dueDate = dueDate
        self.through = through
        self.periods = periods
        self.exactTotal = exactTotal
        self.total = exactTotal.roundedHalfUp
        self.citation = citation
        self.dayCountCitation = dayCountCitation
        self.accrualStartCitation = accrualStartCitation
    }

    /// Interest days counted: from the day after the due date through `through`.
    public var days: Int { periods.reduce(0) { $0 + $1.days } }
}
