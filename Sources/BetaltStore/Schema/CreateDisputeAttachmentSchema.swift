import FluentKit
import SQLKit

/// Files attached to disputes.
struct CreateDisputeAttachmentSchema: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(DisputeAttachmentRecord.schema)
            .id()
            .field("creditor_id", .uuid, .required, .references(CreditorRecord.schema, "id"))
            .field("dispute_id", .uuid, .required, .references(DisputeRecord.schema, "id"))
            .field("customer_id", .uuid, .required, .references(CustomerRecord.schema, "id"))
            .field("file_name", .string, .required)
            .field("media_type", .string, .required)
            .field("content", .data, .required)
            .field("sha256", .string, .required)
            .field("byte_count", .int64, .required)
            .field("added_by", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await (database as! any SQLDatabase).create(index: "dispute_attachments_by_dispute").on(DisputeAttachmentRecord.schema)
            .column("creditor_id").column("dispute_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DisputeAttachmentRecord.schema).delete()
    }
}
