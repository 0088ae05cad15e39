import FluentKit
import SQLKit

/// A customer's consent to notices by e-mail is kept with its day and what it rests on (inkl. § 3 a asks that an
/// electronic notice go "på betryggende måte": to an address the debtor consented to), so the creditor and an agency
/// can show why a notice went by e-mail (`NoticeConsent`).
struct AddCustomerEmailConsent: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE customers ADD COLUMN email_consent_on VARCHAR(10)").run()
        try await sql.raw("ALTER TABLE customers ADD COLUMN email_consent_basis VARCHAR(500)").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE customers DROP COLUMN email_consent_basis").run()
        try await sql.raw("ALTER TABLE customers DROP COLUMN email_consent_on").run()
    }
}
