/// What a creditor lets a debtor choose alone on their page; a plan outside it needs a person.
public struct PlanLimits: Sendable, Hashable {
    /// The last payment falls at most this many months after the day the plan is made (0: no plans offered).
    public let maximumMonths: Int
    /// No instalment below this (the last one, which takes the rounding, excepted).
    public let minimumInstalment: Money

    public init(maximumMonths: Int, minimumInstalment: Money) {
        self.maximumMonths = maximumMonths
        self.minimumInstalment = minimumInstalment
    }

    /// Every way the payments break the limits (empty: within them).
    public func refusals(_ payments: [PlannedPayment], today: CivilDate) -> [PlanRefusal] {
        guard maximumMonths > 0 else { return [.plansNotOffered] }
        var refusals: [PlanRefusal] = []
        if let last = payments.last?.date, last > today.adding(months: maximumMonths) {
            refusals.append(.tooLong(maximumMonths: maximumMonths))
        }
        let instalments = payments.filter { $0.number > 0 }
        if instalments.dropLast().contains(where: { $0.amount.minorUnits < minimumInstalment.minorUnits })
            || (instalments.count == 1 && instalments[0].amount.minorUnits < minimumInstalment.minorUnits) {
            refusals.append(.instalmentTooSmall(minimum: minimumInstalment))
        }
        return refusals
    }

    /// The most instalments the limits allow for a debt, starting on `firstDate` (0: none fits).
    public func mostInstalments(for total: Money, firstDate: CivilDate, today: CivilDate) -> Int {
        guard maximumMonths > 0 else { return 0 }
        var count = 0
        while count < PlanSchedule.maximumInstalments,
              firstDate.adding(months: count) <= today.adding(months: maximumMonths),
              Int64(count + 1) * minimumInstalment.minorUnits <= total.minorUnits {
            count += 1
        }
        return count
    }
}
