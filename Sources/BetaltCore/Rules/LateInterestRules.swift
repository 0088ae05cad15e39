/// How late interest runs in one country: the dated rate, the day count, and the rules behind each.
public struct LateInterestRules: Sendable {
    /// The statutory rate per half-year (frl. § 3; RL 6 § with RL 9 §).
    public let rate: DatedSchedule<InterestRate>
    public let dayCount: DayCountConvention
    /// The rule that makes the interest owed at this rate ("frl. § 3", "RL 6 §").
    public let citation: RuleCitation
    public let dayCountCitation: RuleCitation
    /// Why the first interest day is the day after the due date.
    public let accrualStartCitation: RuleCitation

    public init(
        rate: DatedSchedule<InterestRate>, dayCount: DayCountConvention, citation: RuleCitation,
        dayCountCitation: RuleCitation, accrualStartCitation: RuleCitation
    ) {
        self.rate = rate
        self.dayCount = dayCount
        self.citation = citation
        self.dayCountCitation = dayCountCitation
        self.accrualStartCitation = accrualStartCitation
    }
}
