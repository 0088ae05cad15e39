import FluentKit
import SQLKit

/// Two-way traffic with agencies after handover: each case's state and what the agency was last told,
/// the updates agencies report, the corrections and recalls sent to them, and the token of an agency
/// that takes files at an HTTPS endpoint.
struct CreateAgencyUpdateSchema: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        // One column per statement: SQLite's ALTER TABLE adds one at a time.
        try await sql.raw("ALTER TABLE handover_cases ADD COLUMN status VARCHAR(20) NOT NULL DEFAULT 'active'").run()
        try await sql.raw("ALTER TABLE handover_cases ADD COLUMN agency_status VARCHAR(30)").run()
        try await sql.raw("ALTER TABLE handover_cases ADD COLUMN agency_status_on VARCHAR(10)").run()
        try await sql.raw("ALTER TABLE handover_cases ADD COLUMN reported_sequence BIGINT NOT NULL DEFAULT 0").run()
        try await sql.raw("ALTER TABLE agencies ADD COLUMN endpoint_token VARCHAR(500)").run()
        // Cases sent before this migration: the agency knows the ledger as it was packaged, at the latest now.
        try await sql.raw("""
            UPDATE handover_cases SET reported_sequence = (SELECT last_sequence FROM claims WHERE claims.id = handover_cases.claim_id)
            """).run()
        try await database.schema("agency_updates")
            .id()
            .field("creditor_id", .uuid, .required, .references("creditors", "id"))
            .field("agency_id", .uuid, .required, .references("agencies", "id"))
            .field("case_id", .uuid, .required, .references("handover_cases", "id"))
            .field("claim_id", .uuid, .required, .references("claims", "id"))
            .field("update_key", .string, .required)
            .field("kind", .string, .required)
            .field("agency_status", .string)
            .field("amount_minor", .int64)
            .field("currency", .string)
            .field("happened_on", .string, .required)
            .field("text", .string, .required)
            .field("effect", .string, .required)
            .field("first_sequence", .int64)
            .field("last_sequence", .int64)
            .field("source", .string, .required)
            .field("received_on", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "agency_id", "update_key")
            .create()
        try await database.schema("agency_messages")
            .id()
            .field("creditor_id", .uuid, .required, .references("creditors", "id"))
            .field("agency_id", .uuid, .required, .references("agencies", "id"))
            .field("case_id", .uuid, .required, .references("handover_cases", "id"))
            .field("claim_id", .uuid, .required, .references("claims", "id"))
            .field("kind", .string, .required)
            .field("message_key", .string, .required)
            .field("created_on", .string, .required)
            .field("file_name", .string, .required)
            .field("content", .data, .required)
            .field("sha256", .string, .required)
            .field("status", .string, .required)
            .field("delivered_on", .string)
            .field("created_at", .datetime)
            .unique(on: "case_id", "message_key")
            .create()
        try await sql.create(index: "agency_updates_by_claim").on("agency_updates").column("creditor_id").column("claim_id").run()
        try await sql.create(index: "agency_messages_by_agency").on("agency_messages").column("creditor_id").column("agency_id").column("status").run()
        try await sql.create(index: "handover_cases_by_status").on("handover_cases").column("status").column("creditor_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("agency_messages").delete()
        try await database.schema("agency_updates").delete()
    }
}
