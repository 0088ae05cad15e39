import FluentKit
import SQLKit

/// A claim remembers the last day of the waiver offer its latest notice made ("pay the rest by … and the fee and
/// interest are waived"), so a payment booked in time keeps it (`WaiverOffer`) without reading the claim's acts.
struct AddClaimWaiverOffer: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE claims ADD COLUMN waiver_offer_until VARCHAR(10)").run()
        // Offers already made stand as the notices said.
        try await sql.raw("""
            UPDATE claims SET waiver_offer_until = (
              SELECT MAX(a.waiver_if_paid_by) FROM collection_acts a
              WHERE a.creditor_id = claims.creditor_id AND a.claim_id = claims.id AND a.delivery_status <> 'notSent')
            WHERE EXISTS (
              SELECT 1 FROM collection_acts a
              WHERE a.creditor_id = claims.creditor_id AND a.claim_id = claims.id AND a.waiver_if_paid_by IS NOT NULL)
            """).run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("ALTER TABLE claims DROP COLUMN waiver_offer_until").run()
    }
}
