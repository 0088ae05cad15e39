import FluentKit
import Foundation

/// One movement on a customer's credit (append-only): an overpayment adds to it (positive); using it on a
/// claim or paying it back takes from it (negative). The credit is the sum.
public final class CustomerCreditEntryRecord: Model, @unchecked Sendable {
    public static let schema = "customer_credit_entries"

    @ID(key: .id) public var id: UUID?
    @Field(key: "creditor_id") public var creditorID: UUID
    @Field(key: "customer_id") public var customerID: UUID
    /// CustomerCreditKind: overpayment, applied, refunded.
    @Field(key: "kind") public var kind: String
    @Field(key: "amount_minor") public var amountMinor: Int64
    @Field(key: "currency") public var currency: String
    @Field(key: "entry_date") public var entryDate: String
    @OptionalField(key: "payment_id") public var paymentID: UUID?
    @OptionalField(key: "claim_id") public var claimID: UUID?
    @Field(key: "text") public var text: String
    @Timestamp(key: "recorded_at", on: .create) public var recordedAt: Date?

    public init() {}
}
