import FluentKit
import SQLKit

/// An imported invoice finds its customer by national identity number, then by customer number (indexed as unique),
/// then by organisation number (`InvoiceWriter`), once per invoice: without these indexes the first and the last
/// lookup would read all of the creditor's customers.
struct IndexCustomersByRegisteredNumbers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.create(index: "customers_by_national_identity_number").on("customers")
            .column("creditor_id").column("national_identity_number").run()
        try await sql.create(index: "customers_by_organisation_number").on("customers")
            .column("creditor_id").column("organisation_number").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "customers_by_organisation_number").run()
        try await sql.drop(index: "customers_by_national_identity_number").run()
    }
}
