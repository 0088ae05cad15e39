/// The part of a payment that covers one component of a claim.
public struct PaymentAllocation: Sendable, Hashable {
    public let component: LedgerComponent
    public let amount: Money

    public init(component: LedgerComponent, amount: Money) {
        self.component = component
        self.amount = amount
    }
}

/// How one payment was spread over a claim's components, and what was left over. The overpayment is
/// part of the result so the caller must turn it into a customer credit; nothing is silently kept.
public struct AllocationResult: Sendable, Hashable {
    public let payment: Money
    /// Only the components that received something, in the order they were covered.
    public let allocations: [PaymentAllocation]
    public let overpayment: Money
    public let rule: AllocationRule

    init(payment: Money, allocations: [PaymentAllocation], overpayment: Money, rule: AllocationRule) {
        self.payment = payment
        self.allocations = allocations
        self.overpayment = overpayment
        self.rule = rule
    }

    /// What went to `component` (zero if nothing).
    public func amount(for component: LedgerComponent) -> Money {
        allocations.first { $0.component == component }?.amount ?? .zero(payment.currency)
    }

    /// The payment less the overpayment: what the claim's balance goes down by.
    public var allocated: Money {
        Money(minorUnits: payment.minorUnits - overpayment.minorUnits, currency: payment.currency)
    }

    /// The payment entries to append to the claim's ledger, each citing the rule that placed it.
    public func entries(on date: CivilDate, reference: String) -> [LedgerEntry] {
        let text = reference.isEmpty ? rule.citation : "\(reference); \(rule.citation)"
        return allocations.map {
            LedgerEntry(kind: .payment, component: $0.component, amount: $0.amount, date: date, text: text)
        }
    }
}

/// What one claim received from a payment spread over several claims of one customer.
public struct ClaimAllocation: Sendable, Hashable {
    public let claimID: String
    /// The share this claim received; its own overpayment is always zero.
    public let result: AllocationResult
    /// What the payment kept a notice's waiver offer for (`WaiverOffer`): the last day of the offer, and the fee,
    /// compensation and interest left open that are waived.
    public var offerKept: CivilDate?
    public var waived: [PaymentAllocation] = []

    /// The payment entries, then the waivers, to append to the claim's ledger.
    public func entries(on date: CivilDate, reference: String) -> [LedgerEntry] {
        result.entries(on: date, reference: reference) + waived.map { waiver in
            LedgerEntry(
                kind: .waiver, component: waiver.component, amount: waiver.amount, date: date,
                text: "offer kept: the rest paid by \(offerKept?.iso ?? date.iso), so the \(waiver.component.rawValue) is waived"
            )
        }
    }
}

/// How one payment was spread over several claims, and what was left over for a customer credit.
public struct AllocationAcrossClaims: Sendable, Hashable {
    public let payment: Money
    /// Only the claims that received something, in the order given.
    public let claims: [ClaimAllocation]
    public let overpayment: Money

    /// The share of claim `id`, or nil if the payment did not reach it.
    public func result(for id: String) -> AllocationResult? {
        claims.first { $0.claimID == id }?.result
    }
}
