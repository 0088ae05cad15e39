import BetaltCore
import FluentKit
import Foundation
import Synchronization

/// Why a claim cannot be written off.
public enum WriteOffRefused: Error, Equatable, Sendable {
    case claimNotFound
    case claimSettled
    /// An agency holds the claim: it is recalled (or the agency closes the case) first.
    case withAgency
    /// A write-off is a loss in the books: the person says why.
    case reasonMissing
}

/// Writing off what is left of a claim (NO avskrivning / tapsføring, SE avskrivning): the creditor gives up
/// collecting it, for instance a claim an agency gave back as hopeless. Each open component (costs, interest,
/// compensation, principal) is written off in the ledger, which closes the claim so the daily run leaves it.
public enum WriteOffs {
    /// Writes off the claim's open amount and returns it. Audited with the reason.
    @discardableResult
    public static func writeOff(
        claimID: UUID, creditorID: UUID, reason: String, by user: String, userID: UUID?, on date: CivilDate, database: any Database
    ) async throws -> Money {
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else { throw WriteOffRefused.reasonMissing }
        return try await database.writing { tx in
            guard let claim = try await ClaimRecord.query(on: tx).filter(\.$creditorID == creditorID).filter(\.$id == claimID).first()
            else { throw WriteOffRefused.claimNotFound }
            guard claim.openMinor > 0 else { throw WriteOffRefused.claimSettled }
            guard claim.stage != ClaimStage.withAgency.rawValue else { throw WriteOffRefused.withAgency }
            let written = Mutex(Money.zero(try Currency.named(claim.currency)))
            try await LedgerWriter.append(toClaim: claimID, creditorID: creditorID, on: tx) { ledger in
                // Read again with the claim's row held: a payment that came first leaves less, or nothing.
                guard !ledger.balances.isSettled else { throw WriteOffRefused.claimSettled }
                written.withLock { $0 = ledger.balances.total }
                return [LedgerComponent.fee, .interest, .compensation, .principal].filter { ledger.balances[$0].isPositive }.map { component in
                    LedgerEntry(kind: .writeOff, component: component, amount: ledger.balances[component], date: date, text: why)
                }
            }
            let total = written.withLock { $0 }
            try await AuditRecord(
                creditorID: creditorID, userID: userID, actor: user, action: "claim.writtenOff", subject: "claim \(claimID.uuidString)",
                detail: "\(total) of invoice \(claim.invoiceNumber): \(why)"
            ).create(on: tx)
            return total
        }
    }
}
