/// Decides which components a payment covers. Pure: it books nothing, the caller appends the entries.
public enum PaymentAllocator {
    /// Spreads `payment` over one claim: by the debtor's designation if there is one, else costs (fee,
    /// then compensation), then interest, then principal. What exceeds the balance is the overpayment.
    public static func allocate(
        _ payment: Money, to balances: ComponentBalances, designation: Designation? = nil
    ) throws(LedgerError) -> AllocationResult {
        guard payment.currency == balances.currency else {
            throw .currencyMismatch(expected: balances.currency, found: payment.currency)
        }
        guard payment.isPositive else { throw .amountNotPositive(payment) }
        let order = try designation?.paymentOrder() ?? LedgerComponent.defaultPaymentOrder
        var remaining = payment.minorUnits
        var allocations: [PaymentAllocation] = []
        for component in order where remaining > 0 {
            let share = Swift.min(remaining, balances[component].minorUnits)
            guard share > 0 else { continue }
            let amount = Money(minorUnits: share, currency: payment.currency)
            allocations.append(PaymentAllocation(component: component, amount: amount))
            remaining -= share
        }
        return AllocationResult(
            payment: payment,
            allocations: allocations,
            overpayment: Money(minorUnits: remaining, currency: payment.currency),
            rule: designation.map(AllocationRule.debtorDesignation) ?? .defaultOrder
        )
    }

    /// Refuses a payment spread over claims that is not positive, names a claim twice or is in another currency.
    static func check(_ payment: Money, across claims: [(id: String, currency: Currency)]) throws(LedgerError) {
        guard payment.isPositive else { throw .amountNotPositive(payment) }
        var seen = Set<String>()
        for claim in claims {
            guard seen.insert(claim.id).inserted else { throw .claimListedTwice(id: claim.id) }
            guard claim.currency == payment.currency else { throw .currencyMismatch(expected: claim.currency, found: payment.currency) }
        }
    }

    /// Spreads `payment` over several claims of one customer in the order given (the caller puts the
    /// oldest due date first), each claim by `designation` or the default order, until it is used up.
    public static func allocate(
        _ payment: Money, across claims: [(id: String, balances: ComponentBalances)], designation: Designation? = nil
    ) throws(LedgerError) -> AllocationAcrossClaims {
        guard payment.isPositive else { throw .amountNotPositive(payment) }
        // Checked before the loop so a bad designation is refused even when no claim is reached.
        _ = try designation?.paymentOrder()
        try check(payment, across: claims.map { ($0.id, $0.balances.currency) })
        var remaining = payment.minorUnits
        var results: [ClaimAllocation] = []
        for claim in claims where remaining > 0 {
            let share = Swift.min(remaining, claim.balances.total.minorUnits)
            guard share > 0 else { continue }
            let result = try allocate(
                Money(minorUnits: share, currency: payment.currency), to: claim.balances, designation: designation
            )
            results.append(ClaimAllocation(claimID: claim.id, result: result))
            remaining -= share
        }
        return AllocationAcrossClaims(
            payment: payment, claims: results, overpayment: Money(minorUnits: remaining, currency: payment.currency)
        )
    }
}
