import FluentKit
import SQLKit

/// The customer credit ledger: what a customer paid beyond their claims, and what became of it.
struct CreateCustomerCreditSchema: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CustomerCreditEntryRecord.schema)
            .id()
            .field("creditor_id", .uuid, .required, .references(CreditorRecord.schema, "id"))
            .field("customer_id", .uuid, .required, .references(CustomerRecord.schema, "id"))
            .field("kind", .string, .required)
            .field("amount_minor", .int64, .required)
            .field("currency", .string, .required)
            .field("entry_date", .string, .required)
            .field("payment_id", .uuid)
            .field("claim_id", .uuid)
            .field("text", .string, .required)
            .field("recorded_at", .datetime)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "customer_credit_by_customer").on(CustomerCreditEntryRecord.schema)
            .column("creditor_id").column("customer_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CustomerCreditEntryRecord.schema).delete()
    }
}
