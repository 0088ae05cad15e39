/// One row of a dated schedule: a value in force from a date through a date, or until further notice.
public struct RulePeriod<Value: Sendable>: Sendable {
    public let effectiveFrom: CivilDate
    /// The last day the value applies; nil while no end is known (a statute in force until changed).
    public let effectiveThrough: CivilDate?
    public let value: Value
    public let citation: RuleCitation

    public init(from effectiveFrom: CivilDate, through effectiveThrough: CivilDate?, value: Value, citation: RuleCitation) {
        precondition(effectiveThrough.map { effectiveFrom <= $0 } ?? true,
                     "period \(effectiveFrom) ends before it starts (\(citation))")
        self.effectiveFrom = effectiveFrom
        self.effectiveThrough = effectiveThrough
        self.value = value
        self.citation = citation
    }

    /// A value set for one calendar half-year, as interest rates and Norway's standardkompensasjon are.
    public init(_ halfYear: HalfYear, _ value: Value, _ citation: RuleCitation) {
        self.init(from: halfYear.firstDay, through: halfYear.lastDay, value: value, citation: citation)
    }

    public func contains(_ date: CivilDate) -> Bool {
        effectiveFrom <= date && effectiveThrough.map { date <= $0 } ?? true
    }
}

extension RulePeriod: Equatable where Value: Equatable {}
extension RulePeriod: Hashable where Value: Hashable {}

/// A rule's value on a date, with the period and citation it came from, so a decision can cite it.
public struct DatedValue<Value: Sendable>: Sendable {
    /// The parameter's name, e.g. "NO forsinkelsesrente".
    public let parameter: String
    public let period: RulePeriod<Value>

    public init(parameter: String, period: RulePeriod<Value>) {
        self.parameter = parameter
        self.period = period
    }

    public var value: Value { period.value }
    public var citation: RuleCitation { period.citation }
}

extension DatedValue: Equatable where Value: Equatable {}
extension DatedValue: Hashable where Value: Hashable {}
