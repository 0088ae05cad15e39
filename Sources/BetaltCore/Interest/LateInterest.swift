/// Statutory late interest: NO forsinkelsesrente (frl. §§ 2–3), SE dröjsmålsränta (RL 3, 6 §§).
public enum LateInterest {
    /// Simple interest on `principal` for every day from the day after `dueDate` through `through`, inclusive.
    ///
    /// - The period is split at each 1 January and 1 July, because a new half-year rate applies to claims
    ///   already overdue (frl. § 3, RL 9 §), and at any end of a rate row.
    /// - A day earns rate / days-in-year by the rulebook's day count: Norway 365, or 366 in a leap year;
    ///   Sweden always 365 (NORDIC-RULES §§ 3.4, 10.8, both [U]).
    /// - Each period's interest is kept as an exact fraction of a minor unit; the sum is rounded once, half-up.
    /// - Pass the due date as the debtor had to pay; if a weekend due date should roll, pass
    ///   `calendar.dueDateRolledForward(due)`.
    ///
    /// No interest when `through` is on or before `dueDate`. Throws `RuleLookupError` when any day's rate is
    /// not in the rulebook, and `LateInterestError` for a negative principal or another currency than the
    /// country's.
    public static func accrued(
        on principal: Money, dueDate: CivilDate, through: CivilDate, rulebook: Rulebook
    ) throws -> InterestCalculation {
        guard principal.currency == rulebook.country.currency else {
            throw LateInterestError.currencyNotCovered(principal.currency, rulebook.country)
        }
        guard !principal.isNegative else { throw LateInterestError.negativePrincipal(principal) }
        let rules = rulebook.lateInterest
        var periods: [InterestPeriod] = []
        var day = dueDate.adding(days: 1)
        while day <= through {
            let rate = try rules.rate.value(on: day)
            guard rate.value.basisPoints >= 0 else { throw LateInterestError.negativeRate(rate.value, on: day) }
            let end = Swift.min(through, HalfYear(containing: day).lastDay, rate.period.effectiveThrough ?? through)
            let days = day.days(until: end) + 1
            let daysInYear = rules.dayCount.daysInYear(day.year)
            periods.append(InterestPeriod(
                from: day, through: end, days: days, rate: rate.value, daysInYear: daysInYear,
                rateCitation: rate.citation,
                exactInterest: try exactInterest(on: principal, rate: rate.value, days: days, daysInYear: daysInYear)))
            day = end.adding(days: 1)
        }
        return InterestCalculation(
            principal: principal, dueDate: dueDate, through: through, periods: periods,
            exactTotal: try sum(periods.map(\.exactInterest), currency: principal.currency),
            citation: rules.citation, dayCountCitation: rules.dayCountCitation,
            accrualStartCitation: rules.accrualStartCitation)
    }

    static let basisPointsPerUnit: UInt64 = 10_000

    /// Every period's denominator, 10 000 × 365 or 10 000 × 366, divides this, so sums stay exact.
    static let commonDenominator: Int64 = 10_000 * 365 * 366

    /// principal × basis points × days / (10 000 × daysInYear), exactly.
    /// The product is formed in 128 bits with `multipliedFullWidth`, which every platform has (the Int128 type
    /// needs macOS 15, above the package's macOS 13 floor), so no principal an Int64 can hold overflows it
    /// silently: anything whose interest does not fit in Int64 throws.
    static func exactInterest(
        on principal: Money, rate: InterestRate, days: Int, daysInYear: Int
    ) throws(LateInterestError) -> ExactAmount {
        let (factor, overflow) = UInt64(rate.basisPoints).multipliedReportingOverflow(by: UInt64(days))
        let divisor = basisPointsPerUnit * UInt64(daysInYear)
        let product = UInt64(principal.minorUnits).multipliedFullWidth(by: factor)
        // A high word below the divisor is exactly the condition for the quotient to fit in 64 bits.
        guard !overflow, product.high < divisor else { throw .overflow }
        let (quotient, remainder) = divisor.dividingFullWidth(product)
        guard quotient <= UInt64(Int64.max) else { throw .overflow }
        return ExactAmount(currency: principal.currency, wholeMinorUnits: Int64(quotient),
                           remainder: Int64(remainder), denominator: Int64(divisor))
    }

    static func sum(_ amounts: [ExactAmount], currency: Currency) throws(LateInterestError) -> ExactAmount {
        var whole: Int64 = 0
        var fraction: Int64 = 0
        for amount in amounts {
            precondition(commonDenominator % amount.denominator == 0, "unexpected denominator \(amount.denominator)")
            fraction += amount.remainder * (commonDenominator / amount.denominator)
            let carry: Int64 = fraction >= commonDenominator ? 1 : 0
            fraction -= carry * commonDenominator
            let (withWhole, overflow1) = whole.addingReportingOverflow(amount.wholeMinorUnits)
            let (withCarry, overflow2) = withWhole.addingReportingOverflow(carry)
            guard !overflow1, !overflow2 else { throw .overflow }
            whole = withCarry
        }
        return ExactAmount(currency: currency, wholeMinorUnits: whole, remainder: fraction, denominator: commonDenominator)
    }
}
