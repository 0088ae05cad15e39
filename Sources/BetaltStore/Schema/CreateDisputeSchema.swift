import FluentKit
import SQLKit

/// Disputes: what part of a claim a debtor objects to, why, and how the creditor decided.
struct CreateDisputeSchema: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(DisputeRecord.schema)
            .id()
            .field("creditor_id", .uuid, .required, .references(CreditorRecord.schema, "id"))
            .field("claim_id", .uuid, .required, .references(ClaimRecord.schema, "id"))
            .field("customer_id", .uuid, .required, .references(CustomerRecord.schema, "id"))
            .field("amount_minor", .int64, .required)
            .field("currency", .string, .required)
            .field("reason", .string, .required)
            .field("text", .string, .required)
            .field("raised_by", .string, .required)
            .field("raised_on", .string, .required)
            .field("status", .string, .required)
            .field("decided_on", .string)
            .field("decided_by", .string)
            .field("decision_text", .string)
            .field("created_at", .datetime)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "disputes_by_claim").on(DisputeRecord.schema).column("creditor_id").column("claim_id").run()
        try await sql.create(index: "disputes_by_status").on(DisputeRecord.schema).column("creditor_id").column("status").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DisputeRecord.schema).delete()
    }
}
