import BetaltCore
import FluentKit
import Foundation

/// An outbound act the daily run decided (a notice, a call task, a handover). Its natural key
/// (claim, step, date) is unique, so a rerun can never do it twice.
public final class CollectionActRecord: Model, @unchecked Sendable {
    public static let schema = "collection_acts"

    @ID(key: .id) public var id: UUID?
    @Field(key: "creditor_id") public var creditorID: UUID
    @Field(key: "claim_id") public var claimID: UUID
    @Field(key: "customer_id") public var customerID: UUID
    @Field(key: "step_id") public var stepID: String
    @Field(key: "kind") public var kind: String
    @Field(key: "act_date") public var actDate: String
    @OptionalField(key: "channel") public var channel: String?
    @Field(key: "currency") public var currency: String
    @Field(key: "fee_minor") public var feeMinor: Int64
    @Field(key: "compensation_minor") public var compensationMinor: Int64
    @Field(key: "interest_minor") public var interestMinor: Int64
    @Field(key: "amount_due_minor") public var amountDueMinor: Int64
    @OptionalField(key: "deadline") public var deadline: String?
    @OptionalField(key: "waiver_if_paid_by") public var waiverIfPaidBy: String?
    /// Acts with the same key go to the debtor in one notice (a customer's claims at the same step, same day).
    @Field(key: "group_key") public var groupKey: String
    /// The reasons as JSON: [{"text": …, "citation": …}], or as the daily run keeps them, by key (`ReasonTexts`).
    @Field(key: "reasons") public var reasons: String
    @OptionalField(key: "run_id") public var runID: UUID?
    /// pending until delivery has sent it (the outbox drains these).
    @Field(key: "delivery_status") public var deliveryStatus: String

    public init() {}
}
