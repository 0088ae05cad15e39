import FluentKit
import Foundation

/// A debtor's promise to pay an amount by a date, for one claim: a promise covering several claims is a row for each,
/// with the same agreement, date and amount (the whole promised). While open and not yet due it pauses the ladder.
public final class PromiseRecord: Model, @unchecked Sendable {
    public static let schema = "promises"

    @ID(key: .id) public var id: UUID?
    @Field(key: "creditor_id") public var creditorID: UUID
    @Field(key: "claim_id") public var claimID: UUID
    @Field(key: "customer_id") public var customerID: UUID
    /// The promise this row is part of: the first row's id, shared by every claim the promise covers (a row made
    /// before `AddPromiseAgreement` has its own).
    @Field(key: "agreement_id") public var agreementID: UUID
    @Field(key: "pay_by") public var payBy: String
    /// The whole amount promised, for all the claims the promise covers.
    @Field(key: "amount_minor") public var amountMinor: Int64
    @Field(key: "currency") public var currency: String
    /// Why the whole amount is deferred (required then), or a note.
    @Field(key: "reason") public var reason: String
    /// "debtor" (on their page) or the user who recorded it.
    @Field(key: "made_by") public var madeBy: String
    @Field(key: "made_on") public var madeOn: String
    /// open, kept, broken.
    @Field(key: "status") public var status: String
    @OptionalField(key: "closed_on") public var closedOn: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}
