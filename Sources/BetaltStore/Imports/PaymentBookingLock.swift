import Foundation
import SQLKit

/// One writer of a creditor's claims in bulk at a time, held to the end of the caller's transaction: a booking
/// of payments, or a daily run's batch. A second booking waits, then reads what the first booked, so a
/// transaction in two overlapping files, or posted again after a timeout while the first post is still at work,
/// is recognised as a repeat, and two payments of one claim never book on the same balance. A booking that meets
/// a run's batch waits for it and books on the fees and interest it charged; a batch that comes second finds
/// the booked claims changed and plans them again.
enum PaymentBookingLock {
    static func take(creditorID: UUID, on sql: any SQLDatabase) async throws {
        try await take(creditorIDs: [creditorID], on: sql)
    }

    /// Takes the creditors' locks in the order of their ids, so two takers of several never wait on each other.
    static func take(creditorIDs: some Collection<UUID>, on sql: any SQLDatabase) async throws {
        guard !creditorIDs.isEmpty else { return }
        if sql.dialect.name == "sqlite" {
            // SQLite has one writer: holding it (the caller's transaction may not have taken it yet) is the turn.
            try await SQLiteWriterLock.take(on: sql)
        } else {
            let keys = Set(creditorIDs).map { "payment-booking/\($0.uuidString)" }.sorted()
            try await sql.raw("""
                SELECT COUNT(pg_advisory_xact_lock(hashtextextended(k, 0))) AS taken
                FROM unnest(\(bind: keys)::text[]) AS t(k)
                """).run()
        }
    }
}
