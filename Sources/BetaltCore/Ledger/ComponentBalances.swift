/// What is outstanding on a claim, per component. Never negative, one currency, and the total fits:
/// the initialiser checks all three so every reader can rely on them.
public struct ComponentBalances: Sendable, Hashable {
    public let principal: Money
    public let fee: Money
    public let interest: Money
    public let compensation: Money
    public let total: Money

    public init(principal: Money, fee: Money, interest: Money, compensation: Money) throws(LedgerError) {
        let currency = principal.currency
        let parts: [(LedgerComponent, Money)] =
            [(.principal, principal), (.fee, fee), (.interest, interest), (.compensation, compensation)]
        for (component, amount) in parts {
            guard amount.currency == currency else {
                throw .currencyMismatch(expected: currency, found: amount.currency)
            }
            guard !amount.isNegative else { throw .negativeBalance(component: component, amount) }
        }
        self.principal = principal
        self.fee = fee
        self.interest = interest
        self.compensation = compensation
        self.total = try ledgerArithmetic { () throws(MoneyError) in
            try Money.sum([principal, fee, interest, compensation], in: currency)
        }
    }

    /// Nothing outstanding in `currency`.
    public static func zero(_ currency: Currency) -> ComponentBalances {
        let zero = Money.zero(currency)
        return ComponentBalances(unchecked: zero, zero, zero, zero, total: zero)
    }

    private init(unchecked principal: Money, _ fee: Money, _ interest: Money, _ compensation: Money, total: Money) {
        self.principal = principal
        self.fee = fee
        self.interest = interest
        self.compensation = compensation
        self.total = total
    }

    public var currency: Currency { principal.currency }

    /// The costs: the reminder or collection fee plus the B2B compensation. Cannot overflow, because
    /// the total of the non-negative parts was checked to fit.
    public var costs: Money { Money(minorUnits: fee.minorUnits + compensation.minorUnits, currency: currency) }

    public var isSettled: Bool { total.isZero }

    public subscript(component: LedgerComponent) -> Money {
        switch component {
        case .principal: principal
        case .fee: fee
        case .interest: interest
        case .compensation: compensation
        }
    }

    /// The same balances with one component set to `amount`, checked like any other.
    public func replacing(_ component: LedgerComponent, with amount: Money) throws(LedgerError) -> ComponentBalances {
        try ComponentBalances(
            principal: component == .principal ? amount : principal,
            fee: component == .fee ? amount : fee,
            interest: component == .interest ? amount : interest,
            compensation: component == .compensation ? amount : compensation
        )
    }
}
