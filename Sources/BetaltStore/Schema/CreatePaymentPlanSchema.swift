import FluentKit
import SQLKit

/// Payment plans, the claims they cover and their payments (each with a KID/OCR of its own), and the
/// limits within which a creditor lets debtors make a plan on their page.
struct CreatePaymentPlanSchema: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PaymentPlanRecord.schema)
            .id()
            .field("creditor_id", .uuid, .required, .references(CreditorRecord.schema, "id"))
            .field("customer_id", .uuid, .required, .references(CustomerRecord.schema, "id"))
            .field("currency", .string, .required)
            .field("debt_minor", .int64, .required)
            .field("fee_minor", .int64, .required)
            .field("fee_reason", .string, .required)
            .field("status", .string, .required)
            .field("proposed_by", .string, .required)
            .field("proposed_on", .string, .required)
            .field("accepted_on", .string)
            .field("accepted_by", .string)
            .field("accepted_at", .datetime)
            .field("reminded_number", .int)
            .field("reminder_deadline", .string)
            .field("closed_on", .string)
            .field("note", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(PaymentPlanClaimRecord.schema)
            .id()
            .field("creditor_id", .uuid, .required, .references(CreditorRecord.schema, "id"))
            .field("plan_id", .uuid, .required, .references(PaymentPlanRecord.schema, "id"))
            .field("claim_id", .uuid, .required, .references(ClaimRecord.schema, "id"))
            .unique(on: "plan_id", "claim_id")
            .create()
        try await database.schema(PaymentPlanPaymentRecord.schema)
            .id()
            .field("creditor_id", .uuid, .required, .references(CreditorRecord.schema, "id"))
            .field("plan_id", .uuid, .required, .references(PaymentPlanRecord.schema, "id"))
            .field("number", .int, .required)
            .field("due_date", .string, .required)
            .field("amount_minor", .int64, .required)
            .field("payment_reference", .string, .required)
            .unique(on: "plan_id", "number")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "payment_plans_by_status").on(PaymentPlanRecord.schema).column("status").column("creditor_id").run()
        try await sql.create(index: "payment_plans_by_customer").on(PaymentPlanRecord.schema).column("creditor_id").column("customer_id").run()
        try await sql.create(index: "payment_plan_claims_by_claim").on(PaymentPlanClaimRecord.schema).column("creditor_id").column("claim_id").run()
        try await sql.create(index: "payment_plan_payments_by_reference").on(PaymentPlanPaymentRecord.schema)
            .column("creditor_id").column("payment_reference").run()
        try await sql.raw("ALTER TABLE creditors ADD COLUMN plan_max_months INTEGER NOT NULL DEFAULT 0").run()
        try await sql.raw("ALTER TABLE creditors ADD COLUMN plan_min_instalment_minor BIGINT NOT NULL DEFAULT 0").run()
        try await sql.raw("ALTER TABLE creditors ADD COLUMN plan_fee BOOLEAN NOT NULL DEFAULT FALSE").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PaymentPlanPaymentRecord.schema).delete()
        try await database.schema(PaymentPlanClaimRecord.schema).delete()
        try await database.schema(PaymentPlanRecord.schema).delete()
    }
}
