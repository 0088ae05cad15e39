/// Norway's own collection parameters: the inkassosats and the fees derived from it, and the limits on
/// when and how often a fee may be charged (NORDIC-RULES §§ 1–2).
public struct NorwegianRules: Sendable {
    /// The inkassosats (inkf. § 1-1 (3)), of which the fees are fractions. Take it on the day the notice is
    /// sent (§ 2.2).
    public let collectionRate: DatedSchedule<Money>
    /// The share of the inkassosats a purring or a fee-bearing inkassovarsel may carry (inkf. § 1-2), looked up
    /// by the claim's DUE date: the 2020 halving applied to claims due from 1 October 2020 (§ 2.3).
    public let reminderFeeFraction: DatedSchedule<FeeFraction>
    /// The share for a betalingsoppfordring the creditor sends itself (inkf. § 1-2 (3)), by the claim's due date.
    public let paymentDemandFeeFraction: DatedSchedule<FeeFraction>
    /// At most this many purring/inkassovarsel fees per claim (inkf. § 1-3).
    public let maximumReminderFees: DatedSchedule<Int>
    /// A fee-bearing purring or inkassovarsel goes out no earlier than this many days after the due date
    /// (inkf. § 1-2 (2)).
    public let minimumDaysAfterDueForFee: DatedSchedule<Int>
    /// A second fee, or the creditor's own betalingsoppfordring fee, needs a missed deadline at least this
    /// long in the previous notice (inkf. §§ 1-2 (3), 1-3).
    public let minimumMissedDeadlineDaysForNextFee: DatedSchedule<Int>
    /// Handover to an agency no later than this many months after the inkassovarsel deadline (§ 1.11).
    public let handoverWindowMonths: DatedSchedule<Int>

    public init(
        collectionRate: DatedSchedule<Money>, reminderFeeFraction: DatedSchedule<FeeFraction>,
        paymentDemandFeeFraction: DatedSchedule<FeeFraction>, maximumReminderFees: DatedSchedule<Int>,
        minimumDaysAfterDueForFee: DatedSchedule<Int>, minimumMissedDeadlineDaysForNextFee: DatedSchedule<Int>,
        handoverWindowMonths: DatedSchedule<Int>
    ) {
        self.collectionRate = collectionRate
        self.reminderFeeFraction = reminderFeeFraction
        self.paymentDemandFeeFraction = paymentDemandFeeFraction
        self.maximumReminderFees = maximumReminderFees
        self.minimumDaysAfterDueForFee = minimumDaysAfterDueForFee
        self.minimumMissedDeadlineDaysForNextFee = minimumMissedDeadlineDaysForNextFee
        self.handoverWindowMonths = handoverWindowMonths
    }

    /// The most a purring or inkassovarsel sent on `sentOn` may charge for a claim due on `dueDate`:
    /// the fraction in force for the due date times the inkassosats in force when sent.
    public func reminderFee(claimDueOn dueDate: CivilDate, sentOn: CivilDate) throws(RuleLookupError) -> DerivedFee {
        try fee(reminderFeeFraction, claimDueOn: dueDate, sentOn: sentOn)
    }

    /// The most the creditor's own betalingsoppfordring sent on `sentOn` may charge for a claim due on `dueDate`.
    public func paymentDemandFee(claimDueOn dueDate: CivilDate, sentOn: CivilDate) throws(RuleLookupError) -> DerivedFee {
        try fee(paymentDemandFeeFraction, claimDueOn: dueDate, sentOn: sentOn)
    }

    private func fee(
        _ fractions: DatedSchedule<FeeFraction>, claimDueOn dueDate: CivilDate, sentOn: CivilDate
    ) throws(RuleLookupError) -> DerivedFee {
        let fraction = try fractions.value(on: dueDate)
        let rate = try collectionRate.value(on: sentOn)
        guard let amount = fraction.value.of(rate.value) else {
            throw .inexactAmount(parameter: fractions.parameter, date: sentOn, base: rate.value, fraction: fraction.value)
        }
        return DerivedFee(amount: amount, collectionRate: rate, fraction: fraction)
    }
}
