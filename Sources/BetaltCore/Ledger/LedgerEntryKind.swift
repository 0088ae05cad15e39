/// What a ledger entry records. The raw values are stored in the database: never rename them.
public enum LedgerEntryKind: String, Sendable, Codable, CaseIterable {
    case principal, fee, interest, compensation, payment, creditNote, waiver, writeOff

    /// Whether the entry adds to the balance (a charge) or takes from it (a reduction).
    public var increasesBalance: Bool {
        switch self {
        case .principal, .fee, .interest, .compensation: true
        case .payment, .creditNote, .waiver, .writeOff: false
        }
    }

    /// The components an entry of this kind may touch: a charge only its own, a credit note only the
    /// invoice itself, a waiver only what the creditor added on top of it.
    public var allowedComponents: Set<LedgerComponent> {
        switch self {
        case .principal: [.principal]
        case .fee: [.fee]
        case .interest: [.interest]
        case .compensation: [.compensation]
        case .creditNote: [.principal]
        case .waiver: [.fee, .interest, .compensation]
        case .payment, .writeOff: Set(LedgerComponent.allCases)
        }
    }

    /// The charge kind that adds to `component`.
    public static func charge(for component: LedgerComponent) -> LedgerEntryKind {
        switch component {
        case .principal: .principal
        case .fee: .fee
        case .interest: .interest
        case .compensation: .compensation
        }
    }
}
