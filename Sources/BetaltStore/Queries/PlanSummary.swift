import BetaltCore
import FluentKit
import Foundation

/// A payment plan as the creditor's and the debtor's pages show it: its claims, its payments with what
/// each has received, and where it stands.
public struct PlanSummary: Sendable {
    public struct Payment: Sendable {
        public let number: Int
        public let date: CivilDate
        public let amount: Money
        public let reference: String
        public let covered: Money
        /// Its day has passed and it is not fully paid.
        public let late: Bool
    }

    public let plan: PaymentPlanRecord
    public let invoiceNumbers: [String]
    public let payments: [Payment]
    public let fee: Money?
    public let total: Money

    public var id: UUID { plan.id! }

    /// Summaries of `plans`, as of `today`.
    public static func load(_ plans: [PaymentPlanRecord], today: CivilDate, on database: any Database) async throws -> [PlanSummary] {
        var summaries: [PlanSummary] = []
        for plan in plans {
            let currency = try Currency.named(plan.currency)
            let records = try await PaymentPlans.paymentsOf(plan.id!, on: database)
            let progress = try await PaymentPlans.progress(of: plan, payments: records, on: database)
            // Before acceptance nothing counts as paid under the plan.
            let paid = plan.acceptedOn == nil ? Money.zero(currency) : progress.paid
            let coverage = PlanStanding.coverage(progress.payments, paid: paid)
            let claimIDs = try await PaymentPlans.claimIDsOf(plan.id!, on: database)
            let numbers = try await ClaimRecord.query(on: database).filter(\.$id ~~ claimIDs).sort(\.$dueDate).all().map(\.invoiceNumber)
            summaries.append(PlanSummary(
                plan: plan, invoiceNumbers: numbers,
                payments: zip(records, coverage).map { record, cover in
                    Payment(
                        number: record.number, date: cover.payment.date, amount: cover.payment.amount, reference: record.paymentReference,
                        covered: cover.covered, late: cover.payment.date < today && cover.covered.minorUnits < cover.payment.amount.minorUnits
                    )
                },
                fee: plan.feeMinor > 0 ? Money(minorUnits: plan.feeMinor, currency: currency) : nil,
                total: Money(minorUnits: records.reduce(0) { $0 + $1.amountMinor }, currency: currency)
            ))
        }
        return summaries
    }
}
