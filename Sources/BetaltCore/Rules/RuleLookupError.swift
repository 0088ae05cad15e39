/// A rule was asked for on a date the rulebook has no value for. Betalt never extrapolates the law: the fix
/// is a new row in the rulebook, with its source.
public enum RuleLookupError: Error, Equatable, Sendable, CustomStringConvertible {
    case beforeFirstPeriod(parameter: String, date: CivilDate, firstKnown: CivilDate)
    case afterLastPeriod(parameter: String, date: CivilDate, lastKnown: CivilDate)
    /// The date lies between two known periods, in a half-year whose value was not found.
    case gap(parameter: String, date: CivilDate, knownThrough: CivilDate, knownAgainFrom: CivilDate)
    /// A fee derived as a fraction of an amount does not come out in whole minor units.
    case inexactAmount(parameter: String, date: CivilDate, base: Money, fraction: FeeFraction)

    public var parameter: String {
        switch self {
        case .beforeFirstPeriod(let parameter, _, _), .afterLastPeriod(let parameter, _, _),
             .gap(let parameter, _, _, _), .inexactAmount(let parameter, _, _, _):
            parameter
        }
    }

    public var date: CivilDate {
        switch self {
        case .beforeFirstPeriod(_, let date, _), .afterLastPeriod(_, let date, _),
             .gap(_, let date, _, _), .inexactAmount(_, let date, _, _):
            date
        }
    }

    public var description: String { reason.description }

    /// The error as a reason's words, so a reason that gives it can be shown in any language.
    public var reason: ReasonText {
        switch self {
        case .beforeFirstPeriod(let parameter, let date, let first):
            ReasonText("no known \(parameter) on \(date): the rulebook starts on \(first)")
        case .afterLastPeriod(let parameter, let date, let last):
            ReasonText("no known \(parameter) on \(date): the last known period ended \(last); add the new value to the rulebook")
        case .gap(let parameter, let date, let through, let from):
            ReasonText("no known \(parameter) on \(date): known through \(through) and again from \(from), not in between")
        case .inexactAmount(let parameter, let date, let base, let fraction):
            ReasonText("\(parameter) on \(date): \(fraction) of \(base) is not a whole number of minor units")
        }
    }
}
