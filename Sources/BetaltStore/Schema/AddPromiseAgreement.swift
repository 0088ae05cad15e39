import FluentKit
import SQLKit

/// A promise may cover several of a customer's claims ("I will pay all three invoices by the 15th"): one row per claim,
/// made together under one agreement id, reviewed and confirmed in writing as one. A promise made before covers its
/// one claim and is its own agreement.
struct AddPromiseAgreement: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PromiseRecord.schema).field("agreement_id", .uuid).update()
        let sql = database as! any SQLDatabase
        try await sql.raw("UPDATE promises SET agreement_id = id").run()
        try await sql.create(index: "promises_by_agreement").on(PromiseRecord.schema).column("creditor_id").column("agreement_id").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "promises_by_agreement").run()
        try await database.schema(PromiseRecord.schema).deleteField("agreement_id").update()
    }
}
