import FluentKit
import SQLKit

/// Payments are looked up by the bank's reference to recognise a repeat (`EarlierPayments`), once per
/// chunk of an import: without this index every lookup would read the whole table.
struct IndexPaymentsByBankReference: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.create(index: "payments_by_bank_reference").on(PaymentRecord.schema).column("creditor_id").column("bank_reference").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.drop(index: "payments_by_bank_reference").run()
    }
}
