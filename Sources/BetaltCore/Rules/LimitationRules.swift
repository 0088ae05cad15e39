/// How long a claim may be pursued before it is time-barred, by the kind of debtor: NO foreldelsesloven
/// §§ 2–3, SE preskriptionslag (1981:130) 2 § (NORDIC-RULES §§ 6.7, 12.2).
public struct LimitationRules: Sendable {
    /// Years from the due date for a claim on a consumer.
    public let consumerYears: DatedSchedule<Int>
    /// Years from the due date for a claim on a business.
    public let businessYears: DatedSchedule<Int>

    public init(consumerYears: DatedSchedule<Int>, businessYears: DatedSchedule<Int>) {
        self.consumerYears = consumerYears
        self.businessYears = businessYears
    }

    /// The period for a claim on `kind` that fell due on `dueDate`: the law in force when it fell due.
    public func years(for kind: CustomerKind, dueOn dueDate: CivilDate) throws(RuleLookupError) -> DatedValue<Int> {
        switch kind {
        case .consumer: try consumerYears.value(on: dueDate)
        case .business: try businessYears.value(on: dueDate)
        }
    }

    /// The first day a claim due on `dueDate` counts as time-barred: the anniversary that ends the period.
    /// Counted from the contractual due date, not the rolled one, and without interruptions (an
    /// acknowledgement, a legal step, in Sweden a written demand), which the planner does not know: erring
    /// early only puts the claim before a person, erring late would chase a time-barred claim.
    public func timeBarredFrom(dueDate: CivilDate, kind: CustomerKind) throws(RuleLookupError) -> CivilDate {
        dueDate.adding(months: 12 * (try years(for: kind, dueOn: dueDate).value))
    }
}
