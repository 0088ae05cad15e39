/// Which rule decided the order a payment was allocated in, and its source.
public enum AllocationRule: Sendable, Hashable {
    /// No designation: costs, then interest, then principal.
    case defaultOrder
    /// The debtor's own designation.
    case debtorDesignation(Designation)

    public var citation: String {
        switch self {
        case .defaultOrder:
            "inkassoguiden.no practice: costs, then interest, then principal (NORDIC-RULES §5.2)"
        case .debtorDesignation:
            "Lovavdelingen 19.08.1999, ref. 1998/11444: the debtor designates what a payment covers"
                + " (NORDIC-RULES §5.1)"
        }
    }
}
