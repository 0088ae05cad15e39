import BetaltCore
import FluentKit
import Foundation

extension ClaimRecord {
    /// The claim as a payment may be matched to it: its reference, due date and open balances.
    func matchCandidate() throws -> MatchCandidate {
        MatchCandidate(
            claimID: try requireID().uuidString, invoiceNumber: invoiceNumber, paymentReference: paymentReference,
            dueDate: try CivilDate(iso: dueDate), balances: try balances(),
            waiverOfferUntil: try waiverOfferUntil.map { try CivilDate(iso: $0) }
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
