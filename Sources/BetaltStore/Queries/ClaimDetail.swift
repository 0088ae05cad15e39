import BetaltCore
import FluentKit
import Foundation

/// A claim with its customer and its ledger, for the claim page.
public struct ClaimDetail: Sendable {
    public let claim: ClaimRecord
    public let customer: CustomerRecord
    public let entries: [LedgerEntry]
    public let currency: Currency

    public var dueDate: CivilDate { (try? CivilDate(iso: claim.dueDate)) ?? CivilDate(daysSinceEpoch: 0) }
    public var issueDate: CivilDate { (try? CivilDate(iso: claim.issueDate)) ?? CivilDate(daysSinceEpoch: 0) }
    public var stage: ClaimStage { ClaimStage(rawValue: claim.stage) ?? .open }

    /// Loads the claim only if it belongs to `creditorID`; a claim of another creditor is simply not found.
    public static func load(claimID: UUID, creditorID: UUID, on database: any Database) async throws -> ClaimDetail? {
        guard let claim = try await ClaimRecord.query(on: database)
            .filter(\.$id == claimID).filter(\.$creditorID == creditorID).first(),
            let customer = try await CustomerRecord.query(on: database)
            .filter(\.$id == claim.customerID).filter(\.$creditorID == creditorID).first()
        else { return nil }
        let records = try await LedgerEntryRecord.query(on: database)
            .filter(\.$claimID == claimID).filter(\.$creditorID == creditorID)
            .sort(\.$sequence).all()
        return ClaimDetail(
            claim: claim, customer: customer, entries: try records.map { try $0.domainEntry() },
            currency: try Currency.named(claim.currency)
        )
    }
}
