/// A fee stated as a fraction of another amount, e.g. Norway's purregebyr, 1/20 of the inkassosats.
public struct FeeFraction: Sendable, Hashable, CustomStringConvertible {
    public let numerator: Int64
    public let denominator: Int64

    public init(_ numerator: Int64, _ denominator: Int64) {
        precondition(numerator >= 0 && denominator > 0, "a fee fraction is non-negative with a positive denominator")
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The fraction of `base`, or nil when it is not a whole number of minor units. A statutory cap is not
    /// rounded: rounding up could overcharge, rounding down would be a guess about the law.
    public func of(_ base: Money) -> Money? {
        let (product, overflow) = base.minorUnits.multipliedReportingOverflow(by: numerator)
        guard !overflow, product % denominator == 0 else { return nil }
        return Money(minorUnits: product / denominator, currency: base.currency)
    }

    /// "1/20".
    public var description: String { "\(numerator)/\(denominator)" }
}
