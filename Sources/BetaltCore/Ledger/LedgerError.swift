/// Why the ledger or the allocator refused: each case names what was wrong so a person can correct it.
public enum LedgerError: Error, Equatable, Sendable, CustomStringConvertible {
    case currencyMismatch(expected: Currency, found: Currency)
    case amountNotPositive(Money)
    case componentNotAllowed(kind: LedgerEntryKind, component: LedgerComponent)
    case wouldGoNegative(component: LedgerComponent, balance: Money, reduction: Money)
    case negativeBalance(component: LedgerComponent, Money)
    case designationRepeats(LedgerComponent)
    case claimListedTwice(id: String)
    case arithmetic(MoneyError)

    public var description: String {
        switch self {
        case .currencyMismatch(let expected, let found):
            "the claim is in \(expected.code), the amount in \(found.code)"
        case .amountNotPositive(let amount):
            "a ledger amount must be positive (the kind gives the sign), got \(amount)"
        case .componentNotAllowed(let kind, let component):
            "a \(kind.rawValue) entry cannot touch the \(component.rawValue)"
        case .wouldGoNegative(let component, let balance, let reduction):
            "reducing the \(component.rawValue) of \(balance) by \(reduction) would make it negative;"
                + " allocate the amount instead"
        case .negativeBalance(let component, let amount):
            "the \(component.rawValue) balance cannot be negative, got \(amount)"
        case .designationRepeats(let component):
            "the designation names the \(component.rawValue) more than once"
        case .claimListedTwice(let id):
            "claim \(id) is listed twice for one payment"
        case .arithmetic(let error):
            error.description
        }
    }
}

/// Runs money arithmetic inside the ledger, where the only thing left to go wrong is the range.
func ledgerArithmetic<T>(_ body: () throws(MoneyError) -> T) throws(LedgerError) -> T {
    do throws(MoneyError) {
        return try body()
    } catch {
        throw .arithmetic(error)
    }
}
