/// An annual interest rate, exact, in basis points (hundredths of a percentage point): 12.25 % is 1225.
public struct InterestRate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let basisPoints: Int64

    public init(basisPoints: Int64) {
        self.basisPoints = basisPoints
    }

    /// A rate plus a margin, e.g. Sweden's referensränta + 8 percentage points (RL 6 §).
    public func adding(_ margin: InterestRate) -> InterestRate {
        InterestRate(basisPoints: basisPoints + margin.basisPoints)
    }

    public static func < (lhs: InterestRate, rhs: InterestRate) -> Bool { lhs.basisPoints < rhs.basisPoints }

    /// "12.25 %".
    public var description: String {
        let sign = basisPoints < 0 ? "-" : ""
        let hundredths = Swift.abs(basisPoints) % 100
        return "\(sign)\(Swift.abs(basisPoints) / 100).\(hundredths < 10 ? "0" : "")\(hundredths) %"
    }
}
