import FluentKit
import Foundation

/// What was said with a customer outside the letters: a creditor's note, how a call went, or a message the
/// debtor sent from their page. Part of the customer's (and, when it names one, the claim's) timeline.
public final class ConversationNoteRecord: Model, @unchecked Sendable {
    public static let schema = "conversation_notes"

    @ID(key: .id) public var id: UUID?
    @Field(key: "creditor_id") public var creditorID: UUID
    @Field(key: "customer_id") public var customerID: UUID
    @OptionalField(key: "claim_id") public var claimID: UUID?
    /// note, call (with `outcome`), message (from the debtor), emailAccepted or emailWithdrawn (`NoticeConsent`), or
    /// detailsChanged (`CustomerDetails`: a line "field: old → new" per changed field).
    @Field(key: "kind") public var kind: String
    /// For a call: reached or notReached.
    @OptionalField(key: "outcome") public var outcome: String?
    /// The user, or "debtor" for a message from their page.
    @Field(key: "author") public var author: String
    @Field(key: "text") public var text: String
    @Field(key: "noted_on") public var notedOn: String
    /// For a message: when a person dealt with it (nil: still waiting in the work queue).
    @OptionalField(key: "handled_at") public var handledAt: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}
