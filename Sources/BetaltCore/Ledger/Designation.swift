/// Which components a debtor said a voluntary payment should cover, in order. The debtor may decide this
/// before or with the payment (Lovavdelingen 19.08.1999, ref. 1998/11444). Whatever the designation
/// leaves out is covered afterwards in the default order, because then the creditor decides.
public enum Designation: Sendable, Hashable, Codable {
    /// The invoice itself first, typically so that it is not sent to collection.
    case principalFirst
    /// The components named, in this order.
    case order([LedgerComponent])

    /// The designated components followed by the rest in the default order.
    func paymentOrder() throws(LedgerError) -> [LedgerComponent] {
        let named: [LedgerComponent] = switch self {
        case .principalFirst: [.principal]
        case .order(let components): components
        }
        var seen = Set<LedgerComponent>()
        for component in named {
            guard seen.insert(component).inserted else { throw .designationRepeats(component) }
        }
        return named + LedgerComponent.defaultPaymentOrder.filter { !seen.contains($0) }
    }
}
