import FluentKit
import SQLKit

/// The collection engine's tables: ladders, the acts taken (with their idempotency key), the decision trail,
/// and the daily runs with their per-creditor claims; plus the claim and customer columns the run reads.
struct CreateCollectionSchema: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LadderRecord.schema)
            .id()
            .field("creditor_id", .uuid, .required, .references(CreditorRecord.schema, "id"))
            .field("key", .string, .required)
            .field("country", .string, .required)
            .field("definition", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "creditor_id", "key")
            .create()

        // Plain ALTERs, one column each: the same SQL on SQLite and PostgreSQL.
        let sql = database as! any SQLDatabase
        for column in [
            "customers ADD COLUMN accepted_channels VARCHAR(100) NOT NULL DEFAULT ''",
            "customers ADD COLUMN ladder_key VARCHAR(100)",
            // Balances by component mirror the ledger like open_minor does; last_sequence numbers its entries.
            "claims ADD COLUMN principal_open_minor BIGINT NOT NULL DEFAULT 0",
            "claims ADD COLUMN fee_open_minor BIGINT NOT NULL DEFAULT 0",
            "claims ADD COLUMN interest_open_minor BIGINT NOT NULL DEFAULT 0",
            "claims ADD COLUMN compensation_open_minor BIGINT NOT NULL DEFAULT 0",
            "claims ADD COLUMN last_sequence BIGINT NOT NULL DEFAULT 0",
            "claims ADD COLUMN ladder_key VARCHAR(100)",
            "claims ADD COLUMN reminder_fee_agreed BOOLEAN NOT NULL DEFAULT FALSE",
            "claims ADD COLUMN interest_charged_through VARCHAR(10)",
        ] {
            try await sql.raw("ALTER TABLE \(unsafeRaw: column)").run()
        }

        try await database.schema(CollectionActRecord.schema)
            .id()
            .field("creditor_id", .uuid, .required, .references(CreditorRecord.schema, "id"))
            .field("claim_id", .uuid, .required, .references(ClaimRecord.schema, "id"))
            .field("customer_id", .uuid, .required)
            .field("step_id", .string, .required)
            .field("kind", .string, .required)
            .field("act_date", .string, .required)
            .field("channel", .string)
            .field("currency", .string, .required)
            .field("fee_minor", .int64, .required)
            .field("compensation_minor", .int64, .required)
            .field("interest_minor", .int64, .required)
            .field("amount_due_minor", .int64, .required)
            .field("deadline", .string)
            .field("waiver_if_paid_by", .string)
            .field("group_key", .string, .required)
            .field("reasons", .string, .required)
            .field("run_id", .uuid)
            .field("delivery_status", .string, .required)
            .unique(on: "creditor_id", "claim_id", "step_id", "act_date")
            .create()

        try await database.schema(ClaimDecisionRecord.schema)
            .id()
            .field("creditor_id", .uuid, .required, .references(CreditorRecord.schema, "id"))
            .field("claim_id", .uuid, .required, .references(ClaimRecord.schema, "id"))
            .field("decided_on", .string, .required)
            .field("outcome", .string, .required)
            .field("step_id", .string)
            .field("reason", .string, .required)
            .field("citation", .string)
            .field("run_id", .uuid)
            .create()

        try await database.schema(RunRecord.schema)
            .id()
            .field("run_date", .string, .required)
            .field("started_at", .datetime, .required)
            .field("finished_at", .datetime)
            .field("dry_run", .bool, .required)
            .field("worker", .string, .required)
            .field("report", .string, .required)
            .create()

        try await database.schema(CreditorRunRecord.schema)
            .id()
            .field("creditor_id", .uuid, .required, .references(CreditorRecord.schema, "id"))
            .field("run_date", .string, .required)
            .field("status", .string, .required)
            .field("worker", .string, .required)
            .field("lease_until", .datetime, .required)
            .field("run_id", .uuid)
            .field("report", .string, .required)
            .unique(on: "creditor_id", "run_date")
            .create()

        try await sql.create(index: "claim_decisions_by_claim").on(ClaimDecisionRecord.schema)
            .column("creditor_id").column("claim_id").run()
    }

    func revert(on database: any Database) async throws {
        for schema in [CreditorRunRecord.schema, RunRecord.schema, ClaimDecisionRecord.schema, CollectionActRecord.schema, LadderRecord.schema] {
            try await database.schema(schema).delete()
        }
    }
}
