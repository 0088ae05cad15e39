/// One country's collection law as dated parameters, each with its citation (DESIGN.md §2).
/// The data lives in `Rulebook+Norway.swift` and `Rulebook+Sweden.swift`, one row per period.
public struct Rulebook: Sendable {
    public let country: Country
    public let lateInterest: LateInterestRules
    /// The fixed B2B compensation: NO standardkompensasjon (frl. § 3a), SE förseningsersättning (IKL § 4 a).
    public let b2bCompensation: DatedSchedule<Money>
    /// The shortest payment deadline a collection notice may give: NO inkassovarsel 14 days (inkl. § 9 (2)),
    /// SE inkassokrav 8 days (IkL 5 §, IMY). Count it with `BusinessCalendar.noticeDeadline(sentOn:days:)`.
    public let minimumCollectionNoticeDays: DatedSchedule<Int>
    public let countryRules: CountryRules

    public init(
        country: Country, lateInterest: LateInterestRules, b2bCompensation: DatedSchedule<Money>,
        minimumCollectionNoticeDays: DatedSchedule<Int>, countryRules: CountryRules
    ) {
        self.country = country
        self.lateInterest = lateInterest
        self.b2bCompensation = b2bCompensation
        self.minimumCollectionNoticeDays = minimumCollectionNoticeDays
        self.countryRules = countryRules
    }

    public static func `for`(_ country: Country) -> Rulebook {
        switch country {
        case .norway: .norway
        case .sweden: .sweden
        }
    }

    public var calendar: BusinessCalendar { BusinessCalendar(country) }

    public var norwegian: NorwegianRules? {
        if case .norway(let rules) = countryRules { rules } else { nil }
    }

    public var swedish: SwedishRules? {
        if case .sweden(let rules) = countryRules { rules } else { nil }
    }
}

/// The parameters only one country has.
public enum CountryRules: Sendable {
    case norway(NorwegianRules)
    case sweden(SwedishRules)
}
