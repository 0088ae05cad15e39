import FluentKit
import SQLKit

/// Agencies, handover batches and the cases in them.
struct CreateHandoverSchema: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AgencyRecord.schema)
            .id()
            .field("creditor_id", .uuid, .required, .references(CreditorRecord.schema, "id"))
            .field("name", .string, .required)
            .field("agreement_reference", .string, .required)
            .field("delivery", .string, .required)
            .field("target", .string, .required)
            .field("auto_send", .bool, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(HandoverBatchRecord.schema)
            .id()
            .field("creditor_id", .uuid, .required, .references(CreditorRecord.schema, "id"))
            .field("agency_id", .uuid, .required, .references(AgencyRecord.schema, "id"))
            .field("status", .string, .required)
            .field("created_on", .string, .required)
            .field("sent_on", .string)
            .field("case_count", .int, .required)
            .field("file_name", .string, .required)
            .field("content", .data, .required)
            .field("sha256", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(HandoverCaseRecord.schema)
            .id()
            .field("creditor_id", .uuid, .required, .references(CreditorRecord.schema, "id"))
            .field("batch_id", .uuid, .required, .references(HandoverBatchRecord.schema, "id"))
            .field("claim_id", .uuid, .required, .references(ClaimRecord.schema, "id"))
            .field("act_id", .uuid, .required, .references(CollectionActRecord.schema, "id"))
            .unique(on: "act_id")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "handover_batches_by_creditor").on(HandoverBatchRecord.schema).column("creditor_id").column("status").run()
        try await sql.create(index: "handover_cases_by_claim").on(HandoverCaseRecord.schema).column("creditor_id").column("claim_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(HandoverCaseRecord.schema).delete()
        try await database.schema(HandoverBatchRecord.schema).delete()
        try await database.schema(AgencyRecord.schema).delete()
    }
}
