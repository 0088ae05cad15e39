import FluentKit
import Foundation

/// A debt collection agency a creditor has an agreement with, and how case files reach it.
public final class AgencyRecord: Model, @unchecked Sendable {
    public static let schema = "agencies"

    @ID(key: .id) public var id: UUID?
    @Field(key: "creditor_id") public var creditorID: UUID
    @Field(key: "name") public var name: String
    @Field(key: "agreement_reference") public var agreementReference: String
    /// download (a person fetches the ZIP) or folder (the ZIP is written where an SFTP job picks it up).
    @Field(key: "delivery") public var delivery: String
    /// For `folder` delivery, the agency's subfolder of BETALT_HANDOVER_DIR (a plain name); empty for download.
    @Field(key: "target") public var target: String
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

    public init() {}
}
