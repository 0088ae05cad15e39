/// A Norwegian fee computed as a fraction of the inkassosats, with both rules it rests on.
public struct DerivedFee: Sendable, Hashable, CustomStringConvertible {
    public let amount: Money
    public let collectionRate: DatedValue<Money>
    public let fraction: DatedValue<FeeFraction>

    public init(amount: Money, collectionRate: DatedValue<Money>, fraction: DatedValue<FeeFraction>) {
        self.amount = amount
        self.collectionRate = collectionRate
        self.fraction = fraction
    }

    public var citations: [RuleCitation] { [fraction.citation, collectionRate.citation] }

    /// True when either rule is marked [U]; the 2026 fees of 37.50 kr are (NORDIC-RULES § 17.1).
    public var isUncertain: Bool { citations.contains(where: \.isUncertain) }

    /// "37.50 NOK = 1/20 × 750.00 NOK (inkf. § 1-2 [C]; inkf. § 1-1 (3) [S/U])".
    public var description: String {
        "\(amount) = \(fraction.value) × \(collectionRate.value) (\(citations.map(\.description).joined(separator: "; ")))"
    }
}
