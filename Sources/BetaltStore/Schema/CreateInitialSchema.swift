import FluentKit
import SQLKit

/// The first schema: creditors, users and their memberships, customers, claims, the ledger and the audit log.
/// Every tenant table carries `creditor_id` and leads its indexes with it, so the schema can later be
/// distributed by tenant (DESIGN.md §8), and so that one creditor's rows share index pages: the daily run
/// works creditor by creditor, and random keys would make every write touch a page of its own.
struct CreateInitialSchema: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CreditorRecord.schema)
            .id()
            .field("name", .string, .required)
            .field("country", .string, .required)
            .field("organisation_number", .string, .required)
            .field("currency", .string, .required)
            .field("time_zone", .string, .required)
            .field("language", .string, .required)
            .field("bank_account", .string, .required)
            .field("created_at", .datetime)
            .create()

        try await database.schema(UserRecord.schema)
            .id()
            .field("email", .string, .required)
            .field("name", .string, .required)
            .field("password_hash", .string, .required)
            .field("language", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "email")
            .create()

        try await database.schema(MembershipRecord.schema)
            .id()
            .field("creditor_id", .uuid, .required, .references(CreditorRecord.schema, "id"))
            .field("user_id", .uuid, .required, .references(UserRecord.schema, "id"))
            .field("role", .string, .required)
            .unique(on: "creditor_id", "user_id")
            .create()

        try await database.schema(CustomerRecord.schema)
            .id()
            .field("creditor_id", .uuid, .required, .references(CreditorRecord.schema, "id"))
            .field("customer_number", .string, .required)
            .field("kind", .string, .required)
            .field("name", .string, .required)
            .field("national_identity_number", .string)
            .field("organisation_number", .string)
            .field("email", .string)
            .field("phone", .string)
            .field("address_line", .string, .required)
            .field("postal_code", .string, .required)
            .field("city", .string, .required)
            .field("country", .string, .required)
            .field("language", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "creditor_id", "customer_number")
            .create()

        try await database.schema(ClaimRecord.schema)
            .id()
            .field("creditor_id", .uuid, .required, .references(CreditorRecord.schema, "id"))
            .field("customer_id", .uuid, .required, .references(CustomerRecord.schema, "id"))
            .field("invoice_number", .string, .required)
            .field("issue_date", .string, .required)
            .field("due_date", .string, .required)
            .field("currency", .string, .required)
            .field("principal_minor", .int64, .required)
            .field("open_minor", .int64, .required)
            .field("payment_reference", .string)
            .field("stage", .string, .required)
            .field("next_action_date", .string)
            .field("created_at", .datetime)
            .unique(on: "creditor_id", "invoice_number")
            .create()

        try await database.schema(LedgerEntryRecord.schema)
            .id()
            .field("creditor_id", .uuid, .required, .references(CreditorRecord.schema, "id"))
            .field("claim_id", .uuid, .required, .references(ClaimRecord.schema, "id"))
            .field("sequence", .int, .required)
            .field("kind", .string, .required)
            .field("component", .string, .required)
            .field("amount_minor", .int64, .required)
            .field("currency", .string, .required)
            .field("entry_date", .string, .required)
            .field("text", .string, .required)
            .field("recorded_at", .datetime)
            .unique(on: "creditor_id", "claim_id", "sequence")
            .create()

        try await database.schema(AuditRecord.schema)
            .id()
            .field("creditor_id", .uuid)
            .field("user_id", .uuid)
            .field("actor", .string, .required)
            .field("action", .string, .required)
            .field("subject", .string, .required)
            .field("detail", .string, .required)
            .field("at", .datetime)
            .create()

        let sql = database as! any SQLDatabase
        try await sql.create(index: "claims_by_creditor_stage_due").on(ClaimRecord.schema)
            .column("creditor_id").column("stage").column("due_date").run()
        // The daily run asks each creditor for its claims whose next-action date has come.
        try await sql.create(index: "claims_by_creditor_next_action").on(ClaimRecord.schema)
            .column("creditor_id").column("next_action_date").run()
        try await sql.create(index: "claims_by_customer").on(ClaimRecord.schema)
            .column("creditor_id").column("customer_id").run()
        try await sql.create(index: "audit_log_by_creditor").on(AuditRecord.schema)
            .column("creditor_id").column("at").run()
    }

    func revert(on database: any Database) async throws {
        for schema in [
            AuditRecord.schema, LedgerEntryRecord.schema, ClaimRecord.schema, CustomerRecord.schema,
            MembershipRecord.schema, UserRecord.schema, CreditorRecord.schema,
        ] {
            try await database.schema(schema).delete()
        }
    }
}
