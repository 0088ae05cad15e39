import FluentKit
import SQLKit

/// Promises to pay: a date and an amount that pause the ladder for a claim.
struct CreatePromiseSchema: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PromiseRecord.schema)
            .id()
            .field("creditor_id", .uuid, .required, .references(CreditorRecord.schema, "id"))
            .field("claim_id", .uuid, .required, .references(ClaimRecord.schema, "id"))
            .field("customer_id", .uuid, .required, .references(CustomerRecord.schema, "id"))
            .field("pay_by", .string, .required)
            .field("amount_minor", .int64, .required)
            .field("currency", .string, .required)
            .field("reason", .string, .required)
            .field("made_by", .string, .required)
            .field("made_on", .string, .required)
            .field("status", .string, .required)
            .field("closed_on", .string)
            .field("created_at", .datetime)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "promises_by_claim").on(PromiseRecord.schema).column("creditor_id").column("claim_id").run()
        try await sql.create(index: "promises_by_status").on(PromiseRecord.schema).column("status").column("pay_by").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PromiseRecord.schema).delete()
    }
}
