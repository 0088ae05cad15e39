import BetaltCore
import FluentKit
import Foundation
import SQLKit

/// The only way entries reach a claim's ledger: appended in one transaction with the claim's open amount
/// and stage, after the domain ledger has checked them (no currency mix, no component below zero).
public enum LedgerWriter {
    /// Appends `entries` to the claim and returns the resulting ledger. Throws, changing nothing, if the
    /// claim is not the creditor's or the entries would break the ledger's rules.
    @discardableResult
    public static func append(
        _ entries: [LedgerEntry], toClaim claimID: UUID, creditorID: UUID, on database: any Database
    ) async throws -> ClaimLedger {
        try await append(toClaim: claimID, creditorID: creditorID, on: database) { _ in entries }
    }

    /// The same, with the entries made from the claim's ledger as it is once its row is held, for entries that
    /// depend on what is open (a write-off of all of it), so a writer that came first cannot make them wrong.
    @discardableResult
    public static func append(
        toClaim claimID: UUID, creditorID: UUID, on database: any Database, _ entries: @escaping @Sendable (ClaimLedger) throws -> [LedgerEntry]
    ) async throws -> ClaimLedger {
        try await database.writing { tx in
            try await lockRow(ofClaim: claimID, creditorID: creditorID, on: tx as! any SQLDatabase)
            guard let claim = try await ClaimRecord.query(on: tx)
                .filter(\.$id == claimID).filter(\.$creditorID == creditorID).first()
            else { throw ClaimNotFound(claimID: claimID) }
            let existing = try await LedgerEntryRecord.query(on: tx)
                .filter(\.$claimID == claimID).filter(\.$creditorID == creditorID).sort(\.$sequence).all()
            let ledger = try ClaimLedger(currency: try Currency.named(claim.currency), entries: try existing.map { try $0.domainEntry() })
            let entries = try entries(ledger)
            let updated = try ledger.appending(contentsOf: entries)
            var sequence = (existing.last?.sequence ?? 0)
            for entry in entries {
                sequence += 1
                try await LedgerEntryRecord(
                    creditorID: creditorID, claimID: claimID, sequence: sequence, kind: entry.kind.rawValue,
                    component: entry.component.rawValue, amountMinor: entry.amount.minorUnits,
                    currency: entry.amount.currency.code, entryDate: entry.date.iso, text: entry.text
                ).create(on: tx)
            }
            claim.mirror(updated.balances, lastSequence: sequence)
            if updated.isSettled, let last = entries.last {
                claim.stage = ClaimStage.closed.rawValue
                try await Disputes.closeOpen(ofClaim: claimID, creditorID: creditorID, on: last.date, sql: tx as! any SQLDatabase)
            }
            try await claim.update(on: tx)
            return updated
        }
    }

    /// On PostgreSQL, locks the claim's row before its ledger is read, so what is read stays the claim's latest
    /// until the commit: a writer of the claim still at work (a daily run's batch, a bank file) is waited for and
    /// then read; one that comes later waits for this one (the daily run then finds the claim changed and plans
    /// it again). Without it two writers could take the same next sequence, and the second fail on the ledger's
    /// unique key. SQLite has one writer, held from the transaction's start (`writing`).
    private static func lockRow(ofClaim claimID: UUID, creditorID: UUID, on sql: any SQLDatabase) async throws {
        guard sql.dialect.name != "sqlite" else { return }
        try await sql.raw("SELECT id FROM claims WHERE id = \(bind: claimID) AND creditor_id = \(bind: creditorID) FOR UPDATE").run()
    }
}

/// A claim that does not exist for the creditor asking.
public struct ClaimNotFound: Error, CustomStringConvertible {
    public let claimID: UUID
    public var invoiceNumber: String?

    public init(claimID: UUID, invoiceNumber: String? = nil) {
        self.claimID = claimID
        self.invoiceNumber = invoiceNumber
    }

    public var description: String { invoiceNumber.map { "no invoice \($0)" } ?? "claim \(claimID) not found" }
}
