import Foundation
import SQLKit

/// One booking of payments at a time per creditor, held to the end of the caller's transaction: a second
/// booking waits, then reads what the first booked. So a transaction in two overlapping files, or posted again
/// after a timeout while the first post is still at work, is recognised as a repeat, and two payments of one
/// claim never book on the same balance.
enum PaymentBookingLock {
    static func take(creditorID: UUID, on sql: any SQLDatabase) async throws {
        if sql.dialect.name == "sqlite" {
            // SQLite has one writer: holding it (the caller's transaction may not have taken it yet) is the turn.
            try await SQLiteWriterLock.take(on: sql)
        } else {
            try await sql.raw("""
                SELECT pg_advisory_xact_lock(hashtextextended(\(bind: "payment-booking/\(creditorID.uuidString)"), 0))
                """).run()
        }
    }
}
