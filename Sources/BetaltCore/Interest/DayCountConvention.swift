/// How many days a year has when a day's interest is computed as rate / days-in-year.
public enum DayCountConvention: Sendable, Hashable {
    /// Actual/Actual (ISDA): a day in a leap year earns rate/366, any other day rate/365. Norway, per the
    /// Legislation Department statement cited in NORDIC-RULES § 3.4.
    case actualActual
    /// Actual/365 (Fixed): every day earns rate/365, leap years included. Sweden, by practice (§ 10.8).
    case actual365Fixed

    public func daysInYear(_ year: Int) -> Int {
        switch self {
        case .actualActual: CivilDate.daysIn(year: year)
        case .actual365Fixed: 365
        }
    }
}
