import BetaltCore
import FluentKit
import Foundation

extension ClaimRecord {
    /// The claim as a payment may be matched to it: its reference, due date and open balances.
    func matchCandidate() throws -> MatchCandidate {
        let currency = try Currency.named(self.currency)
        func money(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: currency) }
        return MatchCandidate(
            claimID: try requireID().uuidString, invoiceNumber: invoiceNumber, paymentReference: paymentReference,
            dueDate: try CivilDate(iso: dueDate),
            balances: try ComponentBalances(
                principal: money(principalOpenMinor), fee: money(feeOpenMinor),
                interest: money(interestOpenMinor), compensation: money(compensationOpenMinor)
            )
        )
    }
}
