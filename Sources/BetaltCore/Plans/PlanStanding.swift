/// Where a plan stands on a day, from its payments and what came in since it began.
public struct PlanProgress: Sendable, Hashable {
    public let payments: [PlannedPayment]
    /// What was paid on the plan's claims since the plan began.
    public let paid: Money
    /// What is still open on the plan's claims.
    public let open: Money
    /// The payment whose miss was reminded about, if one was.
    public let remindedNumber: Int?
    /// The deadline that reminder gave.
    public let reminderDeadline: CivilDate?

    public init(payments: [PlannedPayment], paid: Money, open: Money, remindedNumber: Int? = nil, reminderDeadline: CivilDate? = nil) {
        self.payments = payments
        self.paid = paid
        self.open = open
        self.remindedNumber = remindedNumber
        self.reminderDeadline = reminderDeadline
    }
}

/// What the plan review does with a plan today.
public enum PlanVerdict: Sendable, Hashable {
    /// Nothing is owed any more.
    case completed(Reason)
    /// Every payment due so far has come in (or none is due yet).
    case onTrack(Reason)
    /// A payment is missed for the first time: remind once, asking for `arrears` by `deadline`.
    case remind(number: Int, arrears: Money, deadline: CivilDate, Reason)
    /// Reminded already, and the debtor has not caught up by its deadline: wait for it.
    case awaitingReminder(Reason)
    /// A second miss: the plan ends and the ladder resumes on what is left.
    case breached(Reason)
}

/// Judges a plan on a day (pure). A payment is missed when the day after its date has come and what was
/// paid since the plan began does not cover it and every payment before it. The first miss gets one
/// reminder with `reminderDays` to catch up; a second miss — a later payment missed too, or the reminder's
/// deadline passed with arrears left — breaches the plan (issue 6).
public enum PlanStanding {
    /// The reminder gives as long as an inkassovarsel would; good practice rather than statute.
    public static let reminderDays = 14

    /// What each payment has received: payments since the plan began cover its payments in order.
    public static func coverage(_ payments: [PlannedPayment], paid: Money) -> [(payment: PlannedPayment, covered: Money)] {
        var left = paid.minorUnits
        return payments.map { payment in
            let share = Swift.max(0, Swift.min(left, payment.amount.minorUnits))
            left -= share
            return (payment, Money(minorUnits: share, currency: payment.amount.currency))
        }
    }

    public static func judge(_ progress: PlanProgress, on today: CivilDate) -> PlanVerdict {
        let currency = progress.open.currency
        guard progress.open.isPositive else { return .completed(Reason("everything the plan covers is paid")) }
        var missed: [PlannedPayment] = []
        var arrears: Int64 = 0
        for (payment, covered) in coverage(progress.payments, paid: progress.paid) where payment.date < today {
            if covered.minorUnits < payment.amount.minorUnits {
                missed.append(payment)
                arrears += payment.amount.minorUnits - covered.minorUnits
            }
        }
        let owed = Money(minorUnits: Swift.min(arrears, progress.open.minorUnits), currency: currency)
        guard let first = missed.first, owed.isPositive else {
            return .onTrack(Reason("every payment due so far has come in"))
        }
        guard let reminded = progress.remindedNumber else {
            return .remind(
                number: first.number, arrears: owed, deadline: today.adding(days: reminderDays),
                Reason("payment \(first.number) of \(first.amount) due \(first.date) is missed: one reminder, \(owed) in arrears"))
        }
        if let later = missed.first(where: { $0.number > reminded }) {
            return .breached(Reason("a second payment is missed (\(later.number), due \(later.date)) after the reminder about payment \(reminded)"))
        }
        if let deadline = progress.reminderDeadline, deadline < today {
            return .breached(Reason("the reminder's deadline \(deadline) passed with \(owed) still in arrears"))
        }
        guard let deadline = progress.reminderDeadline else {
            return .awaitingReminder(Reason("payment \(reminded) was reminded about; \(owed) in arrears until the deadline"))
        }
        return .awaitingReminder(Reason("payment \(reminded) was reminded about; \(owed) in arrears until \(deadline)"))
    }
}
