import FluentKit
import SQLKit

/// A reminder or collection notice remembers each claim's last ledger sequence as it was written, so delivery
/// can tell whether anything was booked on the claim since (a payment, a credit note, a write-off) and write the
/// notice again for what is owed now. Links from before, and those of other letters, have none.
struct AddNoticeClaimSequence: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE notice_claims ADD COLUMN claim_sequence BIGINT").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE notice_claims DROP COLUMN claim_sequence").run()
    }
}
