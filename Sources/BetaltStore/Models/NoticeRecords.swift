import FluentKit
import Foundation

/// One sending of a document to a debtor on one channel, covering one or more claims.
public final class NoticeRecord: Model, @unchecked Sendable {
    public static let schema = "notices"

    @ID(key: .id) public var id: UUID?
    @Field(key: "creditor_id") public var creditorID: UUID
    @Field(key: "customer_id") public var customerID: UUID
    @Field(key: "kind") public var kind: String
    @Field(key: "language") public var language: String
    @Field(key: "channel") public var channel: String
    /// The e-mail address, or the postal address on one line.
    @Field(key: "recipient") public var recipient: String
    /// The acts' group key (for a fallback letter the same key: one letter per group).
    @Field(key: "group_key") public var groupKey: String
    @Field(key: "notice_date") public var noticeDate: String
    @Field(key: "title") public var title: String
    /// The KID/OCR of a notice covering several claims (or a claim without its own): paying it pays them.
    @OptionalField(key: "payment_reference") public var paymentReference: String?
    /// NoticeStatus: queued, sent, toPrint, printed, failed, uncertain.
    @Field(key: "status") public var status: String
    @OptionalField(key: "status_detail") public var statusDetail: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}

/// The link between a notice and each claim (and act) it covers.
public final class NoticeClaimRecord: Model, @unchecked Sendable {
    public static let schema = "notice_claims"

    @ID(key: .id) public var id: UUID?
    @Field(key: "creditor_id") public var creditorID: UUID
    @Field(key: "notice_id") public var noticeID: UUID
    @Field(key: "claim_id") public var claimID: UUID
    @OptionalField(key: "act_id") public var actID: UUID?
    /// The claim's last ledger sequence when a reminder or collection notice was written (`NoticeStanding`).
    @OptionalField(key: "claim_sequence") public var claimSequence: Int64?

    public init() {}
}

/// A document exactly as sent (PDF letter, e-mail message, attachment), with its SHA-256. Never modified.
public final class ArchivedDocumentRecord: Model, @unchecked Sendable {
    public static let schema = "archived_documents"

    @ID(key: .id) public var id: UUID?
    @Field(key: "creditor_id") public var creditorID: UUID
    @Field(key: "notice_id") public var noticeID: UUID
    @Field(key: "customer_id") public var customerID: UUID
    /// letter (the PDF), email (the whole MIME message as handed to the server).
    @Field(key: "role") public var role: String
    @Field(key: "media_type") public var mediaType: String
    @Field(key: "file_name") public var fileName: String
    @Field(key: "content") public var content: Data
    @Field(key: "sha256") public var sha256: String
    @Field(key: "byte_count") public var byteCount: Int64
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}

/// A message waiting to be delivered, being delivered, or done; survives restarts.
public final class OutboxMessageRecord: Model, @unchecked Sendable {
    public static let schema = "outbox_messages"

    @ID(key: .id) public var id: UUID?
    @Field(key: "creditor_id") public var creditorID: UUID
    @Field(key: "notice_id") public var noticeID: UUID
    @Field(key: "document_id") public var documentID: UUID
    @Field(key: "channel") public var channel: String
    @Field(key: "recipient") public var recipient: String
    /// OutboxStatus: pending, sending, sent, failed, uncertain.
    @Field(key: "status") public var status: String
    @Field(key: "attempts") public var attempts: Int
    /// ISO 8601 UTC instants as text: ordered as strings and identical on both engines.
    @Field(key: "next_attempt_at") public var nextAttemptAt: String
    @OptionalField(key: "lease_until") public var leaseUntil: String?
    @OptionalField(key: "last_result") public var lastResult: String?
    @OptionalField(key: "sent_at") public var sentAt: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}

/// What happened when delivering a notice: the evidence, appended and never changed.
public final class DeliveryEventRecord: Model, @unchecked Sendable {
    public static let schema = "delivery_events"

    @ID(key: .id) public var id: UUID?
    @Field(key: "creditor_id") public var creditorID: UUID
    @Field(key: "notice_id") public var noticeID: UUID
    @OptionalField(key: "outbox_id") public var outboxID: UUID?
    @Field(key: "happened_at") public var happenedAt: String
    @Field(key: "outcome") public var outcome: String
    @Field(key: "detail") public var detail: String

    public init() {}
}

/// A debtor's private link: only the SHA-256 of its token is kept, so the database cannot leak the link.
public final class DebtorLinkRecord: Model, @unchecked Sendable {
    public static let schema = "debtor_links"

    @ID(key: .id) public var id: UUID?
    @Field(key: "creditor_id") public var creditorID: UUID
    @Field(key: "customer_id") public var customerID: UUID
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "expires_on") public var expiresOn: String
    @OptionalField(key: "revoked_at") public var revokedAt: Date?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}
