import FluentKit
import SQLKit

/// Notes, call outcomes and debtors' messages for the conversation timeline, and the mark a customer gets
/// when they break a promise.
struct CreateConversationSchema: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ConversationNoteRecord.schema)
            .id()
            .field("creditor_id", .uuid, .required, .references(CreditorRecord.schema, "id"))
            .field("customer_id", .uuid, .required, .references(CustomerRecord.schema, "id"))
            .field("claim_id", .uuid, .references(ClaimRecord.schema, "id"))
            .field("kind", .string, .required)
            .field("outcome", .string)
            .field("author", .string, .required)
            .field("text", .string, .required)
            .field("noted_on", .string, .required)
            .field("handled_at", .datetime)
            .field("created_at", .datetime)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "conversation_notes_by_customer").on(ConversationNoteRecord.schema)
            .column("creditor_id").column("customer_id").run()
        try await sql.raw("ALTER TABLE customers ADD COLUMN promise_broken_on VARCHAR(10)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ConversationNoteRecord.schema).delete()
    }
}
