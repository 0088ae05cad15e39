import FluentKit
import Foundation

/// A file that backs a dispute (a photo of the damage, a delivery note, a receipt), kept byte for byte with
/// its SHA-256 so it can go to an agency or a court unchanged.
public final class DisputeAttachmentRecord: Model, @unchecked Sendable {
    public static let schema = "dispute_attachments"

    @ID(key: .id) public var id: UUID?
    @Field(key: "creditor_id") public var creditorID: UUID
    @Field(key: "dispute_id") public var disputeID: UUID
    @Field(key: "customer_id") public var customerID: UUID
    @Field(key: "file_name") public var fileName: String
    @Field(key: "media_type") public var mediaType: String
    @Field(key: "content") public var content: Data
    @Field(key: "sha256") public var sha256: String
    @Field(key: "byte_count") public var byteCount: Int64
    /// "debtor" or the user who added it.
    @Field(key: "added_by") public var addedBy: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}
