import BetaltCore
import FluentKit
import SQLKit

/// Customers get the key of their name as banks write payer names (`PayerName.key`), so a payment without
/// reference or invoice number can still be tied to the one customer who made it.
struct AddCustomerNameKey: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE customers ADD COLUMN name_key VARCHAR(200) NOT NULL DEFAULT ''").run()
        for customer in try await CustomerRecord.query(on: database).all() {
            customer.nameKey = PayerName.key(customer.name)
            try await customer.save(on: database)
        }
        try await sql.create(index: "customers_by_name_key").on("customers").column("creditor_id").column("name_key").run()
    }

    func revert(on database: any Database) async throws {}
}
