/// A legal parameter over time: ordered, non-overlapping periods, each with its value and citation.
/// A date no period covers throws rather than borrowing a neighbour's value.
public struct DatedSchedule<Value: Sendable>: Sendable {
    /// The parameter's name in error messages and decisions, e.g. "NO inkassosats".
    public let parameter: String
    public let periods: [RulePeriod<Value>]

    /// Checks the table once, where it is written: a malformed rulebook is a programming error.
    public init(_ parameter: String, _ periods: [RulePeriod<Value>]) {
        precondition(!periods.isEmpty, "\(parameter): a schedule needs at least one period")
        for (earlier, later) in zip(periods, periods.dropFirst()) {
            guard let end = earlier.effectiveThrough, end < later.effectiveFrom else {
                preconditionFailure("\(parameter): period from \(earlier.effectiveFrom) is open or overlaps the next")
            }
        }
        self.parameter = parameter
        self.periods = periods
    }

    public func value(on date: CivilDate) throws(RuleLookupError) -> DatedValue<Value> {
        guard let index = periods.lastIndex(where: { $0.effectiveFrom <= date }) else {
            throw .beforeFirstPeriod(parameter: parameter, date: date, firstKnown: periods[0].effectiveFrom)
        }
        let period = periods[index]
        if let end = period.effectiveThrough, date > end {
            guard index + 1 < periods.count else {
                throw .afterLastPeriod(parameter: parameter, date: date, lastKnown: end)
            }
            throw .gap(parameter: parameter, date: date, knownThrough: end,
                       knownAgainFrom: periods[index + 1].effectiveFrom)
        }
        return DatedValue(parameter: parameter, period: period)
    }

    /// A schedule derived row by row from this one, e.g. Sweden's dröjsmålsränta from the referensränta.
    public func derived<Derived: Sendable>(
        _ parameter: String, _ transform: (RulePeriod<Value>) -> (Derived, RuleCitation)
    ) -> DatedSchedule<Derived> {
        DatedSchedule<Derived>(parameter, periods.map { period in
            let (value, citation) = transform(period)
            return RulePeriod(from: period.effectiveFrom, through: period.effectiveThrough, value: value, citation: citation)
        })
    }
}
