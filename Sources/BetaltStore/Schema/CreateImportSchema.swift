import FluentKit
import SQLKit

/// Imports: every file taken in (by its SHA-256, so the same file is refused the second time), the payments
/// read from bank files with how each was matched, and the original invoice documents kept with their claims.
struct CreateImportSchema: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ImportedFileRecord.schema)
            .id()
            .field("creditor_id", .uuid, .required, .references(CreditorRecord.schema, "id"))
            .field("kind", .string, .required)
            .field("format", .string, .required)
            .field("file_name", .string, .required)
            .field("sha256", .string, .required)
            .field("summary", .string, .required)
            .field("imported_at", .datetime)
            .unique(on: "creditor_id", "sha256")
            .create()

        try await database.schema(PaymentRecord.schema)
            .id()
            .field("creditor_id", .uuid, .required, .references(CreditorRecord.schema, "id"))
            .field("imported_file_id", .uuid)
            .field("amount_minor", .int64, .required)
            .field("currency", .string, .required)
            .field("booking_date", .string)
            .field("references", .string, .required)
            .field("referred_documents", .string, .required)
            .field("free_text", .string, .required)
            .field("payer_name", .string)
            .field("bank_reference", .string)
            .field("is_reversal", .bool, .required)
            .field("status", .string, .required)
            .field("match_method", .string)
            .field("matched_claims", .string, .required)
            .field("overpayment_minor", .int64, .required)
            .field("note", .string, .required)
            .field("source", .string, .required)
            .field("created_at", .datetime)
            .create()

        try await database.schema(InvoiceDocumentRecord.schema)
            .id()
            .field("creditor_id", .uuid, .required, .references(CreditorRecord.schema, "id"))
            .field("claim_id", .uuid, .required, .references(ClaimRecord.schema, "id"))
            .field("kind", .string, .required)
            .field("media_type", .string, .required)
            .field("content", .string, .required)
            .field("sha256", .string, .required)
            .field("imported_file_id", .uuid)
            .create()

        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE claims ADD COLUMN payment_reference_checked BOOLEAN NOT NULL DEFAULT TRUE").run()
        try await sql.create(index: "claims_by_creditor_reference").on(ClaimRecord.schema)
            .column("creditor_id").column("payment_reference").run()
        try await sql.create(index: "payments_by_creditor_status").on(PaymentRecord.schema)
            .column("creditor_id").column("status").run()
        try await sql.create(index: "invoice_documents_by_claim").on(InvoiceDocumentRecord.schema)
            .column("creditor_id").column("claim_id").run()
    }

    func revert(on database: any Database) async throws {
        for schema in [InvoiceDocumentRecord.schema, PaymentRecord.schema, ImportedFileRecord.schema] {
            try await database.schema(schema).delete()
        }
    }
}
