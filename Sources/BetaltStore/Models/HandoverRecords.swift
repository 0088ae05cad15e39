import BetaltCore
import FluentKit
import Foundation

/// A debt collection agency a creditor has an agreement with, and how case files reach it.
public final class AgencyRecord: Model, @unchecked Sendable {
    public static let schema = "agencies"

    @ID(key: .id) public var id: UUID?
    @Field(key: "creditor_id") public var creditorID: UUID
    @Field(key: "name") public var name: String
    @Field(key: "agreement_reference") public var agreementReference: String
    /// download (a person fetches the ZIP), folder (the ZIP is written where an SFTP job picks it up) or
    /// https (the ZIP is POSTed to the agency's endpoint).
    @Field(key: "delivery") public var delivery: String
    /// For `folder` delivery the agency's subfolder of BETALT_HANDOVER_DIR (a plain name), for `https` the
    /// endpoint's URL; empty for download.
    @Field(key: "target") public var target: String
    /// The bearer token the agency's endpoint expects; never shown back.
    @OptionalField(key: "endpoint_token") public var endpointToken: String?
    /// Send a batch as soon as it is made, without a person reviewing it.
    @Field(key: "auto_send") public var autoSend: Bool
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}

/// One handover package: the ZIP of ready cases for one agency, reviewed and then sent.
public final class HandoverBatchRecord: Model, @unchecked Sendable {
    public static let schema = "handover_batches"

    @ID(key: .id) public var id: UUID?
    @Field(key: "creditor_id") public var creditorID: UUID
    @Field(key: "agency_id") public var agencyID: UUID
    /// review (made, not sent) or sent.
    @Field(key: "status") public var status: String
    @Field(key: "created_on") public var createdOn: String
    @OptionalField(key: "sent_on") public var sentOn: String?
    @Field(key: "case_count") public var caseCount: Int
    @Field(key: "file_name") public var fileName: String
    @Field(key: "content") public var content: Data
    @Field(key: "sha256") public var sha256: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}

/// A claim in a handover batch (through its handover act, which is in at most one batch).
public final class HandoverCaseRecord: Model, @unchecked Sendable {
    public static let schema = "handover_cases"

    @ID(key: .id) public var id: UUID?
    @Field(key: "creditor_id") public var creditorID: UUID
    @Field(key: "batch_id") public var batchID: UUID
    @Field(key: "claim_id") public var claimID: UUID
    @Field(key: "act_id") public var actID: UUID
    /// `HandoverCaseState`: active, recallRequested, recalled or closed.
    @Field(key: "status") public var status: String
    /// The agency's last reported `AgencyCaseStatus`, and the day it reported it.
    @OptionalField(key: "agency_status") public var agencyStatus: String?
    @OptionalField(key: "agency_status_on") public var agencyStatusOn: String?
    /// The claim's last ledger sequence the agency knows of: the case file's, then each correction's. Entries
    /// after it, other than those the agency's own updates booked, are changes it must be told of.
    @Field(key: "reported_sequence") public var reportedSequence: Int64

    public init() {}

    public var state: HandoverCaseState { HandoverCaseState(rawValue: status) ?? .active }
}

/// One update an agency reported about a case, as received (issue 7); the agency's key makes it unique.
public final class AgencyUpdateRecord: Model, @unchecked Sendable {
    public static let schema = "agency_updates"

    @ID(key: .id) public var id: UUID?
    @Field(key: "creditor_id") public var creditorID: UUID
    @Field(key: "agency_id") public var agencyID: UUID
    @Field(key: "case_id") public var caseID: UUID
    @Field(key: "claim_id") public var claimID: UUID
    @Field(key: "update_key") public var updateKey: String
    /// `AgencyUpdate.Change.type`: status, payment, remittance, fee or recallConfirmed.
    @Field(key: "kind") public var kind: String
    @OptionalField(key: "agency_status") public var agencyStatus: String?
    @OptionalField(key: "amount_minor") public var amountMinor: Int64?
    @OptionalField(key: "currency") public var currency: String?
    @Field(key: "happened_on") public var happenedOn: String
    @Field(key: "text") public var text: String
    /// What Betalt made of it, with the rule (`AgencyUpdateEffect.reason`).
    @Field(key: "effect") public var effect: String
    /// The ledger entries the update booked, so corrections to the agency never report them back.
    @OptionalField(key: "first_sequence") public var firstSequence: Int64?
    @OptionalField(key: "last_sequence") public var lastSequence: Int64?
    /// "api", or the name of the file it came in.
    @Field(key: "source") public var source: String
    @Field(key: "received_on") public var receivedOn: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}

/// A message from the creditor to the agency about one case: a correction or a recall (`AgencyMessage`).
public final class AgencyMessageRecord: Model, @unchecked Sendable {
    public static let schema = "agency_messages"

    @ID(key: .id) public var id: UUID?
    @Field(key: "creditor_id") public var creditorID: UUID
    @Field(key: "agency_id") public var agencyID: UUID
    @Field(key: "case_id") public var caseID: UUID
    @Field(key: "claim_id") public var claimID: UUID
    /// correction or recall.
    @Field(key: "kind") public var kind: String
    /// What makes it unique: "correction/<last sequence it reports>" or "recall/<date>".
    @Field(key: "message_key") public var messageKey: String
    @Field(key: "created_on") public var createdOn: String
    @Field(key: "file_name") public var fileName: String
    @Field(key: "content") public var content: Data
    @Field(key: "sha256") public var sha256: String
    /// ready (waiting for download or for the folder) or delivered.
    @Field(key: "status") public var status: String
    @OptionalField(key: "delivered_on") public var deliveredOn: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}
