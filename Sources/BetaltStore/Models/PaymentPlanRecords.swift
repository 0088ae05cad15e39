import FluentKit
import Foundation

/// A payment plan for one customer: offered by the creditor or asked for by the debtor, in force once the
/// debtor accepted it. While offered or active it pauses the ladder for its claims.
public final class PaymentPlanRecord: Model, @unchecked Sendable {
    public static let schema = "payment_plans"

    @ID(key: .id) public var id: UUID?
    @Field(key: "creditor_id") public var creditorID: UUID
    @Field(key: "customer_id") public var customerID: UUID
    @Field(key: "currency") public var currency: String
    /// The open amount of the claims when the plan was made.
    @Field(key: "debt_minor") public var debtMinor: Int64
    /// SE amorteringsplan fee, charged when the plan is accepted (0: none).
    @Field(key: "fee_minor") public var feeMinor: Int64
    /// Why the fee is what it is, with its rule.
    @Field(key: "fee_reason") public var feeReason: String
    /// offered, active, completed, breached, lapsed (an offer not accepted in time), withdrawn.
    @Field(key: "status") public var status: String
    /// "debtor" (asked for on their page) or the user who offered it.
    @Field(key: "proposed_by") public var proposedBy: String
    @Field(key: "proposed_on") public var proposedOn: String
    @OptionalField(key: "accepted_on") public var acceptedOn: String?
    /// Who accepted: "debtor" (a click on their page) or the user who recorded the debtor's acceptance.
    @OptionalField(key: "accepted_by") public var acceptedBy: String?
    /// The moment of acceptance, as evidence.
    @OptionalField(key: "accepted_at") public var acceptedAt: Date?
    /// The payment whose miss was reminded about (nil: none yet) and the deadline the reminder gave.
    @OptionalField(key: "reminded_number") public var remindedNumber: Int?
    @OptionalField(key: "reminder_deadline") public var reminderDeadline: String?
    @OptionalField(key: "closed_on") public var closedOn: String?
    @Field(key: "note") public var note: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}

/// A claim a plan covers.
public final class PaymentPlanClaimRecord: Model, @unchecked Sendable {
    public static let schema = "payment_plan_claims"

    @ID(key: .id) public var id: UUID?
    @Field(key: "creditor_id") public var creditorID: UUID
    @Field(key: "plan_id") public var planID: UUID
    @Field(key: "claim_id") public var claimID: UUID

    public init() {}
}

/// One payment of a plan (0: the down payment), with its own KID/OCR.
public final class PaymentPlanPaymentRecord: Model, @unchecked Sendable {
    public static let schema = "payment_plan_payments"

    @ID(key: .id) public var id: UUID?
    @Field(key: "creditor_id") public var creditorID: UUID
    @Field(key: "plan_id") public var planID: UUID
    @Field(key: "number") public var number: Int
    @Field(key: "due_date") public var dueDate: String
    @Field(key: "amount_minor") public var amountMinor: Int64
    @Field(key: "payment_reference") public var paymentReference: String

    public init() {}
}
