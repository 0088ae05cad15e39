import FluentKit
import Foundation

/// A debtor's objection to all or part of a claim. While open, nothing collects the disputed amount.
public final class DisputeRecord: Model, @unchecked Sendable {
    public static let schema = "disputes"

    @ID(key: .id) public var id: UUID?
    @Field(key: "creditor_id") public var creditorID: UUID
    @Field(key: "claim_id") public var claimID: UUID
    @Field(key: "customer_id") public var customerID: UUID
    /// The disputed part of the claim.
    @Field(key: "amount_minor") public var amountMinor: Int64
    @Field(key: "currency") public var currency: String
    /// DisputeReason: wrongAmount, notDelivered, quality, alreadyPaid, other.
    @Field(key: "reason") public var reason: String
    @Field(key: "text") public var text: String
    /// "debtor" (on their page) or the user who recorded it from a call or letter.
    @Field(key: "raised_by") public var raisedBy: String
    @Field(key: "raised_on") public var raisedOn: String
    /// open, accepted, rejected.
    @Field(key: "status") public var status: String
    @OptionalField(key: "decided_on") public var decidedOn: String?
    @OptionalField(key: "decided_by") public var decidedBy: String?
    @OptionalField(key: "decision_text") public var decisionText: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}
