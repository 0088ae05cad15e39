import BetaltCore
import FluentKit
import Foundation

/// Finds the claims a payment may be for: by payment reference, or by the invoice numbers the payer named.
public enum ClaimLookup {
    public static func byReferences(_ references: [String], creditorID: UUID, on database: any Database) async throws -> [MatchCandidate] {
        let wanted = Set(references.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        guard !wanted.isEmpty else { return [] }
        let claims = try await ClaimRecord.query(on: database)
            .filter(\.$creditorID == creditorID).filter(\.$paymentReference ~~ Array(wanted)).all()
        return try claims.map(candidate)
    }

    public static func byInvoiceNumbers(_ numbers: [String], creditorID: UUID, on database: any Database) async throws -> [MatchCandidate] {
        let wanted = Set(numbers.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        guard !wanted.isEmpty else { return [] }
        let claims = try await ClaimRecord.query(on: database)
            .filter(\.$creditorID == creditorID).filter(\.$invoiceNumber ~~ Array(wanted.prefix(100))).all()
        return try claims.map(candidate)
    }

    static func candidate(_ claim: ClaimRecord) throws -> MatchCandidate {
        let currency = try Currency.named(claim.currency)
        func money(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: currency) }
        return MatchCandidate(
            claimID: try claim.requireID().uuidString, invoiceNumber: claim.invoiceNumber,
            paymentReference: claim.paymentReference, dueDate: try CivilDate(iso: claim.dueDate),
            balances: try ComponentBalances(
                principal: money(claim.principalOpenMinor), fee: money(claim.feeOpenMinor),
                interest: money(claim.interestOpenMinor), compensation: money(claim.compensationOpenMinor)
            )
        )
    }
}
