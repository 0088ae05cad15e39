import BetaltCore
import FluentKit
import Foundation
import SQLKit

extension ClaimRecord {
    /// The claim as a payment may be matched to it: its reference, due date, open balances, and what its open
    /// disputes cover (`disputed`, in minor units).
    func matchCandidate(disputed: Int64 = 0) throws -> MatchCandidate {
        let balances = try balances()
        return MatchCandidate(
            claimID: try requireID().uuidString, invoiceNumber: invoiceNumber, paymentReference: paymentReference,
            dueDate: try CivilDate(iso: dueDate), balances: balances,
            waiverOfferUntil: try waiverOfferUntil.map { try CivilDate(iso: $0) },
            disputed: Money(minorUnits: disputed, currency: balances.currency)
        )
    }

    /// `amount`, paid on `paidOn`, spread over `claims` as matching spreads a payment, a standing waiver offer
    /// kept (`PaymentMatcher.allocate`): for money a person puts on claims, which the debtor paid as surely.
    static func allocate(_ amount: Money, to claims: [ClaimRecord], paidOn: CivilDate, on database: any Database) async throws -> AllocationAcrossClaims {
        var disputed: [UUID: Int64] = [:]
        if claims.contains(where: { $0.waiverOfferUntil != nil }) {
            let sql = database as! any SQLDatabase
            var pairs = JSONRows()
            for claim in claims { pairs.append(.uuid(claim.creditorID), .uuid(try claim.requireID())) }
            disputed = try await Disputes.openAmounts(claims: BulkStatement.relation(pairs, DueClaims.keyColumns, on: sql), on: sql)
        }
        return try PaymentMatcher.allocate(
            amount, to: try claims.map { try $0.matchCandidate(disputed: disputed[try $0.requireID()] ?? 0) }, paidOn: paidOn
        )
    }

    /// The open amounts per component, as the ledger mirror on the row holds them.
    public func balances() throws -> ComponentBalances {
        let currency = try Currency.named(self.currency)
        func money(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: currency) }
        return try ComponentBalances(
            principal: money(principalOpenMinor), fee: money(feeOpenMinor),
            interest: money(interestOpenMinor), compensation: money(compensationOpenMinor)
        )
    }
}
