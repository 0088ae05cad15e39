/// Sweden's own collection parameters: the capped fees of lag (1981:739) and the referensränta
/// (NORDIC-RULES §§ 9–10).
public struct SwedishRules: Sendable {
    /// Påminnelseavgift cap (IKL § 2); only if agreed at the latest when the debt arose.
    public let reminderFee: DatedSchedule<Money>
    /// Inkassoavgift cap per inkassokrav that meets IkL 5 § (IKL § 3 (1)).
    public let collectionFee: DatedSchedule<Money>
    /// Cap for drawing up a written amorteringsplan covering the whole debt (IKL § 3 (2)).
    public let paymentPlanFee: DatedSchedule<Money>
    /// Påminnelse fees per claim: the law sets no number; one is the recommendation (§ 9.8) [S/U].
    public let maximumReminderFees: DatedSchedule<Int>
    /// Riksbanken's referensränta per half-year (RL 9 §); the late interest rate is this plus 8 points.
    public let referenceRate: DatedSchedule<InterestRate>

    public init(
        reminderFee: DatedSchedule<Money>, collectionFee: DatedSchedule<Money>, paymentPlanFee: DatedSchedule<Money>,
        maximumReminderFees: DatedSchedule<Int>, referenceRate: DatedSchedule<InterestRate>
    ) {
        self.reminderFee = reminderFee
        self.collectionFee = collectionFee
        self.paymentPlanFee = paymentPlanFee
        self.maximumReminderFees = maximumReminderFees
        self.referenceRate = referenceRate
    }
}
