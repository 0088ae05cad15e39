/// The parts a claim's balance is made of. "Costs" are the fee and the B2B compensation together.
public enum LedgerComponent: String, Sendable, Codable, CaseIterable {
    case principal, fee, interest, compensation

    /// Costs first (fee, then compensation), then interest, then principal: the order a payment covers
    /// when the debtor has not designated one (NORDIC-RULES §5.2, inkassoguiden.no practice).
    public static let defaultPaymentOrder: [LedgerComponent] = [.fee, .compensation, .interest, .principal]
}
