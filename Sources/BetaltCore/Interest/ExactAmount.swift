/// A non-negative amount known exactly, to a fraction of a minor unit: whole minor units plus
/// remainder/denominator. Interest stays exact until it is rounded once, half-up (DESIGN.md §2).
public struct ExactAmount: Sendable, Hashable, CustomStringConvertible {
    public let currency: Currency
    public let wholeMinorUnits: Int64
    /// Always 0 ≤ remainder < denominator.
    public let remainder: Int64
    public let denominator: Int64

    init(currency: Currency, wholeMinorUnits: Int64, remainder: Int64, denominator: Int64) {
        precondition(wholeMinorUnits >= 0 && (0..<denominator).contains(remainder), "unnormalised exact amount")
        self.currency = currency
        self.wholeMinorUnits = wholeMinorUnits
        self.remainder = remainder
        self.denominator = denominator
    }

    /// Half-up to the minor unit: a remainder of exactly one half rounds up.
    public var roundedHalfUp: Money {
        let roundsUp = remainder >= denominator - remainder
        return Money(minorUnits: wholeMinorUnits + (roundsUp ? 1 : 0), currency: currency)
    }

    /// "342 + 1825000/3650000 minor units NOK".
    public var description: String {
        "\(wholeMinorUnits) + \(remainder)/\(denominator) minor units \(currency.code)"
    }
}
