import FluentKit

/// An original invoice may be a file (the creditor's PDF or a scan) rather than UBL text: invoices that came
/// as CSV or JSON have no original until a person attaches one, and no claim goes to an agency without it.
struct AddInvoiceDocumentFiles: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite's ALTER TABLE adds one at a time.
        try await database.schema("invoice_documents").field("file_content", .data).update()
        try await database.schema("invoice_documents").field("file_name", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("invoice_documents").deleteField("file_name").update()
        try await database.schema("invoice_documents").deleteField("file_content").update()
    }
}
