import BetaltCore
import FluentKit
import Foundation

/// An invoice and everything owed on it. `openMinor` mirrors the sum of the ledger entries so lists and
/// aging need no aggregation; only `LedgerWriter` changes it, in the same transaction as the entries.
public final class ClaimRecord: Model, @unchecked Sendable {
    public static let schema = "claims"

    @ID(key: .id) public var id: UUID?
    @Field(key: "creditor_id") public var creditorID: UUID
    @Field(key: "customer_id") public var customerID: UUID
    @Field(key: "invoice_number") public var invoiceNumber: String
    /// ISO dates (YYYY-MM-DD) as text: identical on both engines and ordered as strings.
    @Field(key: "issue_date") public var issueDate: String
    @Field(key: "due_date") public var dueDate: String
    @Field(key: "currency") public var currency: String
    @Field(key: "principal_minor") public var principalMinor: Int64
    @Field(key: "open_minor") public var openMinor: Int64
    @OptionalField(key: "payment_reference") public var paymentReference: String?
    @Field(key: "stage") public var stage: String
    @OptionalField(key: "next_action_date") public var nextActionDate: String?
    @Field(key: "principal_open_minor") public var principalOpenMinor: Int64
    @Field(key: "fee_open_minor") public var feeOpenMinor: Int64
    @Field(key: "interest_open_minor") public var interestOpenMinor: Int64
    @Field(key: "compensation_open_minor") public var compensationOpenMinor: Int64
    /// The sequence number of the claim's latest ledger entry.
    @Field(key: "last_sequence") public var lastSequence: Int64
    /// The ladder this invoice follows, overriding the customer's and the creditor's default.
    @OptionalField(key: "ladder_key") public var ladderKey: String?
    /// SE: a påminnelseavgift was agreed when the debt arose (IKL § 2).
    @Field(key: "reminder_fee_agreed") public var reminderFeeAgreed: Bool
    @OptionalField(key: "interest_charged_through") public var interestChargedThrough: String?
    /// The last day of the waiver offer the claim's latest notice made (`WaiverOffer`).
    @OptionalField(key: "waiver_offer_until") public var waiverOfferUntil: String?
    /// False when the payment reference failed its check digit on import: kept as given, and flagged.
    @Field(key: "payment_reference_checked") public var paymentReferenceChecked: Bool
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(
        id: UUID? = nil, creditorID: UUID, customerID: UUID, invoiceNumber: String, issueDate: String,
        dueDate: String, currency: String, principalMinor: Int64, openMinor: Int64, paymentReference: String?,
        stage: String, nextActionDate: String?
    ) {
        self.id = id
        self.creditorID = creditorID
        self.customerID = customerID
        self.invoiceNumber = invoiceNumber
        self.issueDate = issueDate
        self.dueDate = dueDate
        self.currency = currency
        self.principalMinor = principalMinor
        self.openMinor = openMinor
        self.paymentReference = paymentReference
        self.stage = stage
        self.nextActionDate = nextActionDate
        self.principalOpenMinor = openMinor
        self.feeOpenMinor = 0
        self.interestOpenMinor = 0
        self.compensationOpenMinor = 0
        self.lastSequence = 0
        self.reminderFeeAgreed = false
        self.paymentReferenceChecked = true
    }

    /// Sets the open amounts from a ledger's balances (the only place they change besides the daily run).
    public func mirror(_ balances: ComponentBalances, lastSequence: Int) {
        openMinor = balances.total.minorUnits
        principalOpenMinor = balances.principal.minorUnits
        feeOpenMinor = balances.fee.minorUnits
        interestOpenMinor = balances.interest.minorUnits
        compensationOpenMinor = balances.compensation.minorUnits
        self.lastSequence = Int64(lastSequence)
    }
}
