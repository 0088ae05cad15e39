/// A claim's append-only ledger: its entries in the order booked, and the balances they add up to.
/// Appending returns a new ledger; a correction is a new entry, never an edit of an old one.
public struct ClaimLedger: Sendable, Hashable {
    public let currency: Currency
    public let entries: [LedgerEntry]
    public let balances: ComponentBalances

    /// A claim with nothing booked yet.
    public init(currency: Currency) {
        self.currency = currency
        self.entries = []
        self.balances = .zero(currency)
    }

    /// Replays stored entries, refusing the whole ledger if any one of them would be refused on append.
    public init(currency: Currency, entries: some Sequence<LedgerEntry>) throws(LedgerError) {
        self = try ClaimLedger(currency: currency).appending(contentsOf: entries)
    }

    private init(currency: Currency, entries: [LedgerEntry], balances: ComponentBalances) {
        self.currency = currency
        self.entries = entries
        self.balances = balances
    }

    /// The ledger with `entry` booked after the existing ones. A reduction larger than what is left of
    /// its component is refused: a payment goes through `PaymentAllocator` so it never overshoots.
    public func appending(_ entry: LedgerEntry) throws(LedgerError) -> ClaimLedger {
        guard entry.amount.currency == currency else {
            throw .currencyMismatch(expected: currency, found: entry.amount.currency)
        }
        guard entry.amount.isPositive else { throw .amountNotPositive(entry.amount) }
        guard entry.kind.allowedComponents.contains(entry.component) else {
            throw .componentNotAllowed(kind: entry.kind, component: entry.component)
        }
        let before = balances[entry.component]
        let after = try ledgerArithmetic { () throws(MoneyError) in try before.adding(entry.signedAmount) }
        guard !after.isNegative else {
            throw .wouldGoNegative(component: entry.component, balance: before, reduction: entry.amount)
        }
        let balances = try balances.replacing(entry.component, with: after)
        return ClaimLedger(currency: currency, entries: entries + [entry], balances: balances)
    }

    /// The ledger with `newEntries` booked in order; all or nothing.
    public func appending(contentsOf newEntries: some Sequence<LedgerEntry>) throws(LedgerError) -> ClaimLedger {
        var ledger = self
        for entry in newEntries { ledger = try ledger.appending(entry) }
        return ledger
    }

    /// Books a payment as allocated, one payment entry per component it covered.
    public func applying(
        _ allocation: AllocationResult, on date: CivilDate, reference: String
    ) throws(LedgerError) -> ClaimLedger {
        try appending(contentsOf: allocation.entries(on: date, reference: reference))
    }

    public func balance(of component: LedgerComponent) -> Money { balances[component] }

    /// What the debtor owes in total.
    public var balance: Money { balances.total }

    /// Nothing left to pay. An empty ledger is settled too: there is nothing to follow up.
    public var isSettled: Bool { balances.isSettled }
}
