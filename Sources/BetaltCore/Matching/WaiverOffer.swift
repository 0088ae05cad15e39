/// A notice's offer "pay the rest by this day and the fee and interest are waived" (NO "betal innen … så stryker vi
/// gebyret", a ladder option), kept by the payment. While the offer stands, a payment goes to the principal first, as
/// the debtor paid what the offer asked for; once it has covered the principal, less what open disputes cover (a
/// notice does not ask for that), the fee, compensation and interest left open are waived; the disputed part stays
/// open until the dispute is decided. Paying more than the principal by the day leaves the rest as the customer's credit: the
/// offer was made, so nothing more is owed. Pure: the caller books the entries (`ClaimAllocation.entries`).
public enum WaiverOffer {
    /// Spreads `payment`, made on `paidOn`, over the claims in the order given (oldest due first): each claim whose offer
    /// stands up to its principal, the others up to all that is open; what is left is the overpayment.
    public static func allocate(
        _ payment: Money, across claims: [MatchCandidate], paidOn: CivilDate
    ) throws(LedgerError) -> AllocationAcrossClaims {
        try PaymentAllocator.check(payment, across: claims.map { ($0.claimID, $0.balances.currency) })
        var remaining = payment.minorUnits
        var results: [ClaimAllocation] = []
        for claim in claims where remaining > 0 {
            let offer = claim.offerStands(on: paidOn)
            let share = min(remaining, claim.amountAsked(on: paidOn).minorUnits)
            guard share > 0 else { continue }
            let result = try PaymentAllocator.allocate(
                Money(minorUnits: share, currency: payment.currency), to: claim.balances, designation: offer ? .principalFirst : nil
            )
            var allocation = ClaimAllocation(claimID: claim.claimID, result: result)
            if offer, result.amount(for: .principal).minorUnits >= claim.principalAsked.minorUnits {
                allocation.offerKept = claim.waiverOfferUntil
                allocation.waived = [LedgerComponent.fee, .compensation, .interest].compactMap { component in
                    let left = claim.balances[component].minorUnits - result.amount(for: component).minorUnits
                    return left > 0 ? PaymentAllocation(component: component, amount: Money(minorUnits: left, currency: payment.currency)) : nil
                }
            }
            results.append(allocation)
            remaining -= share
        }
        return AllocationAcrossClaims(payment: payment, claims: results, overpayment: Money(minorUnits: remaining, currency: payment.currency))
    }
}
