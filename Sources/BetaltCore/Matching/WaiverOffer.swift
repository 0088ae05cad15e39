/// A notice's offer "pay the rest by this day and the fee and interest are waived" (NO "betal innen … så stryker vi
/// gebyret", a ladder option), kept by the payment. While the offer stands, a payment goes to the principal first, as
/// the debtor paid what the offer asked for; once it has covered the principal, less what open disputes cover (a
/// notice does not ask for that), the fee, compensation and interest left open are waived. Money left once every
/// claim had what it was asked for pays the disputed part of the principal too: the debtor chose to pay it (as one
/// who paid the principal the notice named before a dispute was raised did). Paying more than the principal by the day
/// leaves the rest as the customer's credit: the offer was made, so nothing more is owed. Pure: the caller books the
/// entries (`ClaimAllocation.entries`).
public enum WaiverOffer {
    /// Spreads `payment`, made on `paidOn`, over the claims in the order given (oldest due first): first what each was
    /// asked for (the undisputed principal where its offer stands, else all that is open), then the disputed principal
    /// of the claims whose offer stands; what is left is the overpayment.
    public static func allocate(
        _ payment: Money, across claims: [MatchCandidate], paidOn: CivilDate
    ) throws(LedgerError) -> AllocationAcrossClaims {
        try PaymentAllocator.check(payment, across: claims.map { ($0.claimID, $0.balances.currency) })
        var remaining = payment.minorUnits
        var shares = claims.map { claim in
            let share = min(remaining, claim.amountAsked(on: paidOn).minorUnits)
            remaining -= share
            return share
        }
        for (index, claim) in claims.enumerated() where remaining > 0 && claim.offerStands(on: paidOn) {
            let more = min(remaining, claim.balances.principal.minorUnits - shares[index])
            shares[index] += more
            remaining -= more
        }
        var results: [ClaimAllocation] = []
        for (claim, share) in zip(claims, shares) where share > 0 {
            let offer = claim.offerStands(on: paidOn)
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
        }
        return AllocationAcrossClaims(payment: payment, claims: results, overpayment: Money(minorUnits: remaining, currency: payment.currency))
    }
}
