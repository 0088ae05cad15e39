/// A late-interest calculation Betalt refuses rather than answer wrongly.
public enum LateInterestError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Interest runs on money owed; a credit balance earns none here.
    case negativePrincipal(Money)
    /// The rulebook's rates are for claims in the country's own currency; no rule for others is encoded.
    case currencyNotCovered(Currency, Country)
    case negativeRate(InterestRate, on: CivilDate)
    /// Beyond what the exact arithmetic can hold (far above any real claim).
    case overflow

    public var description: String {
        switch self {
        case .negativePrincipal(let principal): "late interest on a negative principal (\(principal))"
        case .currencyNotCovered(let currency, let country):
            "no late interest rule for \(currency.code) claims in \(country.rawValue): the rulebook covers \(country.currency.code)"
        case .negativeRate(let rate, let date): "negative late interest rate \(rate) on \(date.iso)"
        case .overflow: "late interest amount out of range"
        }
    }
}
