import BetaltCore
import FluentKit
import Foundation
import SQLKit

/// Customers get the key of their name as banks write payer names (`PayerName.key`), so a payment without
/// reference or invoice number can still be tied to the one customer who made it.
struct AddCustomerNameKey: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE customers ADD COLUMN name_key VARCHAR(200) NOT NULL DEFAULT ''").run()
        // Plain SQL, not the model: the model has columns later migrations add.
        for row in try await sql.raw("SELECT id, name FROM customers").all() {
            let key = PayerName.key(try row.decode(column: "name", as: String.self))
            try await sql.raw("UPDATE customers SET name_key = \(bind: key) WHERE id = \(bind: try row.decode(column: "id", as: UUID.self))").run()
        }
        try await sql.create(index: "customers_by_name_key").on("customers").column("creditor_id").column("name_key").run()
    }

    func revert(on database: any Database) async throws {}
}
