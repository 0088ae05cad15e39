import FluentKit
import SQLKit

/// The daily run keeps each reason's template and citation once, under a key made from them (`ReasonTexts`),
/// rather than in every act: they were two thirds of an act's bytes. Like the rulebooks, the texts belong to no
/// creditor; the same key means the same words in every database.
struct CreateReasonTexts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE TABLE reason_texts (text_key TEXT PRIMARY KEY, template TEXT NOT NULL, citation TEXT)").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("DROP TABLE reason_texts").run()
    }
}
