import BetaltCore
import FluentKit
import Foundation
import SQLKit

/// The count of a claim's changes that matter to its plan but move neither its ledger sequence nor its stage: with
/// those two, what a daily-run batch's write is guarded by (`RunBatchWriter.claimGuards`), so a batch that read the
/// claim before such a change is read and planned again rather than written over it.
enum ClaimRevision {
    /// Counts a change of the claim's facts; in the caller's transaction.
    static func bump(claimID: UUID, creditorID: UUID, on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("""
            UPDATE claims SET revision = revision + 1 WHERE id = \(bind: claimID) AND creditor_id = \(bind: creditorID)
            """).run()
    }

    /// Has the daily run look again, from `date` at the latest, at the creditor's open claims `filter` selects, and counts
    /// the change: their ladder changed, so the next-action date the old one gave may come too late, and a batch planned
    /// with the old one is planned again. In the caller's transaction.
    static func lookAgain(where filter: SQLQueryString, creditorID: UUID, from date: CivilDate, on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("""
            UPDATE claims SET revision = revision + 1,
                next_action_date = CASE WHEN next_action_date IS NULL OR next_action_date > \(bind: date.iso) THEN \(bind: date.iso)
                                        ELSE next_action_date END
            WHERE creditor_id = \(bind: creditorID) AND open_minor > 0
              AND stage NOT IN (\(bind: ClaimStage.closed.rawValue), \(bind: ClaimStage.withAgency.rawValue)) AND (\(filter))
            """).run()
    }

    /// Counts a change of facts every claim of the customer shares (the channels it accepts); in the caller's transaction.
    static func bump(customerID: UUID, creditorID: UUID, on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("""
            UPDATE claims SET revision = revision + 1 WHERE creditor_id = \(bind: creditorID) AND customer_id = \(bind: customerID)
            """).run()
    }
}

extension ClaimRecord {
    /// Has the daily run look at the claim again from `isoDate`, as its facts changed (`ClaimRevision`).
    func lookAgain(from isoDate: String, on database: any Database) async throws {
        nextActionDate = isoDate
        try await update(on: database)
        try await ClaimRevision.bump(claimID: try requireID(), creditorID: creditorID, on: database)
    }
}
