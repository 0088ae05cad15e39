import FluentKit
import SQLKit

/// Notices and their proof: the notice (one sending to a debtor), the claims and acts it covers, the
/// archived documents (never modified), the outbox that delivers them, the delivery events, and the
/// debtor's private links; plus the creditor's contact details every notice prints.
struct CreateNoticeSchema: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for column in [
            "creditors ADD COLUMN address_line VARCHAR(200) NOT NULL DEFAULT ''",
            "creditors ADD COLUMN postal_code VARCHAR(20) NOT NULL DEFAULT ''",
            "creditors ADD COLUMN city VARCHAR(100) NOT NULL DEFAULT ''",
            "creditors ADD COLUMN email VARCHAR(200)",
            "creditors ADD COLUMN phone VARCHAR(50)",
        ] {
            try await sql.raw("ALTER TABLE \(unsafeRaw: column)").run()
        }

        try await database.schema(NoticeRecord.schema)
            .id()
            .field("creditor_id", .uuid, .required, .references(CreditorRecord.schema, "id"))
            .field("customer_id", .uuid, .required, .references(CustomerRecord.schema, "id"))
            .field("kind", .string, .required)
            .field("language", .string, .required)
            .field("channel", .string, .required)
            .field("recipient", .string, .required)
            .field("group_key", .string, .required)
            .field("notice_date", .string, .required)
            .field("title", .string, .required)
            // The KID/OCR a notice for several claims (or for a claim without one) carries: it covers them all.
            .field("payment_reference", .string)
            .field("status", .string, .required)
            .field("status_detail", .string)
            .field("created_at", .datetime)
            // One notice per group and channel: a rerun of composing never writes a second one.
            .unique(on: "creditor_id", "group_key", "channel")
            .create()
        try await sql.create(index: "notices_by_reference").on(NoticeRecord.schema).column("creditor_id").column("payment_reference").run()

        try await database.schema(NoticeClaimRecord.schema)
            .id()
            .field("creditor_id", .uuid, .required, .references(CreditorRecord.schema, "id"))
            .field("notice_id", .uuid, .required, .references(NoticeRecord.schema, "id"))
            .field("claim_id", .uuid, .required, .references(ClaimRecord.schema, "id"))
            .field("act_id", .uuid)
            .create()
        try await sql.create(index: "notice_claims_by_claim").on(NoticeClaimRecord.schema).column("creditor_id").column("claim_id").run()
        try await sql.create(index: "notice_claims_by_notice").on(NoticeClaimRecord.schema).column("notice_id").run()

        try await database.schema(ArchivedDocumentRecord.schema)
            .id()
            .field("creditor_id", .uuid, .required, .references(CreditorRecord.schema, "id"))
            .field("notice_id", .uuid, .required, .references(NoticeRecord.schema, "id"))
            .field("customer_id", .uuid, .required)
            .field("role", .string, .required)
            .field("media_type", .string, .required)
            .field("file_name", .string, .required)
            .field("content", .data, .required)
            .field("sha256", .string, .required)
            .field("byte_count", .int64, .required)
            .field("created_at", .datetime)
            .create()
        try await sql.create(index: "archived_documents_by_notice").on(ArchivedDocumentRecord.schema).column("notice_id").run()

        try await database.schema(OutboxMessageRecord.schema)
            .id()
            .field("creditor_id", .uuid, .required, .references(CreditorRecord.schema, "id"))
            .field("notice_id", .uuid, .required, .references(NoticeRecord.schema, "id"))
            .field("document_id", .uuid, .required, .references(ArchivedDocumentRecord.schema, "id"))
            .field("channel", .string, .required)
            .field("recipient", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .string, .required)
            .field("lease_until", .string)
            .field("last_result", .string)
            .field("sent_at", .string)
            .field("created_at", .datetime)
            .unique(on: "notice_id")
            .create()
        try await sql.create(index: "outbox_messages_due").on(OutboxMessageRecord.schema).column("status").column("next_attempt_at").run()

        try await database.schema(DeliveryEventRecord.schema)
            .id()
            .field("creditor_id", .uuid, .required, .references(CreditorRecord.schema, "id"))
            .field("notice_id", .uuid, .required, .references(NoticeRecord.schema, "id"))
            .field("outbox_id", .uuid)
            .field("happened_at", .string, .required)
            .field("outcome", .string, .required)
            .field("detail", .string, .required)
            .create()
        try await sql.create(index: "delivery_events_by_notice").on(DeliveryEventRecord.schema).column("notice_id").run()

        try await database.schema(DebtorLinkRecord.schema)
            .id()
            .field("creditor_id", .uuid, .required, .references(CreditorRecord.schema, "id"))
            .field("customer_id", .uuid, .required, .references(CustomerRecord.schema, "id"))
            .field("token_hash", .string, .required)
            .field("expires_on", .string, .required)
            .field("revoked_at", .datetime)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()

        try await sql.create(index: "collection_acts_undelivered").on(CollectionActRecord.schema).column("delivery_status").column("creditor_id").run()
    }

    func revert(on database: any Database) async throws {
        for schema in [
            DebtorLinkRecord.schema, DeliveryEventRecord.schema, OutboxMessageRecord.schema, ArchivedDocumentRecord.schema,
            NoticeClaimRecord.schema, NoticeRecord.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}
