import Foundation
import SQLKit

/// One booking of payments at a time per creditor, held to the end of the caller's transaction: a second
/// booking waits, then reads what the first booked. So a transaction in two overlapping files, or posted again
/// after a timeout while the first post is still at work, is recognised as a repeat, and two payments of one
/// claim never book on the same balance.
enum PaymentBookingLock {
    static func take(creditorID: UUID, on sql: any SQLDatabase) async throws {
        if sql.dialect.name == "sqlite" {
            // SQLite has one writer. A transaction whose first statement writes waits for that lock before it
            // reads anything, so it reads what the writer before it committed; one that reads first and writes
            // later is refused ("database is locked") when another wrote in between. The write changes nothing.
            try await sql.raw("UPDATE creditors SET id = id WHERE id = \(bind: creditorID)").run()
        } else {
            try await sql.raw("""
                SELECT pg_advisory_xact_lock(hashtextextended(\(bind: "payment-booking/\(creditorID.uuidString)"), 0))
                """).run()
        }
    }
}
