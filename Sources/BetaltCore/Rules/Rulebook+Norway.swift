// Norway's collection law as data (NORDIC-RULES.md §§ 1–4, 16). A law change is a new row with its
// effective date; an old row is never edited. Tags: [C] statute or official page, [S] secondary source,
// [D] derived, [U] uncertain (§ 17). A half-year missing below is one whose value was not found: looking it
// up throws instead of borrowing a neighbour's value.

extension Rulebook {
    /// Norway: inkassoloven, inkassoforskriften and forsinkelsesrenteloven as dated parameters.
    public static let norway = Rulebook(
        country: .norway,
        lateInterest: LateInterestRules(
            rate: NorwegianData.lateInterestRate,
            dayCount: .actualActual,
            citation: RuleCitation("frl. § 3", .confirmed, note: "rate set per half-year by the Ministry of Finance"),
            dayCountCitation: RuleCitation(
                "frl. § 3", .secondary, .uncertain,
                note: "one day = rate/365, or rate/366 in a leap year: Legislation Department statement, cited second-hand (§§ 3.4, 17.9)"),
            accrualStartCitation: RuleCitation(
                "frl. § 2", .confirmed, .uncertain,
                note: "'fra forfallsdag'; practice and Dir. 2011/7/EU count from the day after the due date (§ 3.2)")),
        b2bCompensation: NorwegianData.standardCompensation,
        minimumCollectionNoticeDays: DatedSchedule("NO inkassovarsel minimum deadline (days)", [
            NorwegianData.sinceCoverageStart(14, RuleCitation("inkl. § 9 (2)", .confirmed)),
        ]),
        countryRules: .norway(NorwegianRules(
            collectionRate: NorwegianData.collectionRate,
            reminderFeeFraction: NorwegianData.reminderFeeFraction,
            paymentDemandFeeFraction: NorwegianData.paymentDemandFeeFraction,
            maximumReminderFees: DatedSchedule("NO maximum purring/inkassovarsel fees per claim", [
                NorwegianData.sinceCoverageStart(2, RuleCitation("inkf. § 1-3", .confirmed)),
            ]),
            minimumDaysAfterDueForFee: DatedSchedule("NO minimum days after due date for a fee", [
                NorwegianData.sinceCoverageStart(14, RuleCitation("inkf. § 1-2 (2)", .confirmed)),
            ]),
            minimumMissedDeadlineDaysForNextFee: DatedSchedule("NO minimum missed deadline before the next fee (days)", [
                NorwegianData.sinceCoverageStart(14, RuleCitation("inkf. §§ 1-2 (3), 1-3", .confirmed)),
            ]),
            handoverWindowMonths: DatedSchedule("NO handover window after the inkassovarsel deadline (months)", [
                NorwegianData.sinceCoverageStart(6, RuleCitation(
                    "inkl. § 11", .secondary,
                    note: "veiviseren.no summary of § 11; industry practice per sergel.no (§ 1.11)")),
            ])))
    )
}

private enum NorwegianData {
    /// The first day this rulebook has amounts for (the inkassosats of 700 kr, from 2017). Rules with no
    /// stated start (the 14-day limits) held before it too, but the rulebook says nothing about earlier claims.
    static let coverageStart = CivilDate.calendarDay(2017, 1, 1)

    static func sinceCoverageStart<Value: Sendable>(_ value: Value, _ citation: RuleCitation) -> RulePeriod<Value> {
        RulePeriod(from: coverageStart, through: nil, value: value, citation: citation)
    }

    static let lastDayBeforeFeeHalving = CivilDate.calendarDay(2020, 9, 30)
    static let feeHalving = CivilDate.calendarDay(2020, 10, 1)
    static let halvingNote = "regjeringen.no press release 19.06.2020: halved from 1.10.2020; claims due up to 30.09.2020 keep the old fee (§ 2.3)"

    static let collectionRate = DatedSchedule("NO inkassosats", [
        RulePeriod(from: coverageStart, through: .calendarDay(2025, 12, 31), value: Money.major(700, .nok),
                   citation: RuleCitation("inkf. § 1-1 (3)", .confirmed, note: "Forskrift om inkassosatsen, lovdata (§ 2.4)")),
        RulePeriod(from: .calendarDay(2026, 1, 1), through: nil, value: Money.major(750, .nok),
                   citation: RuleCitation("inkf. § 1-1 (3)", .secondary, .uncertain,
                                          note: "kred.no, amili.no; not seen on Lovdata (§ 17.1)")),
    ])

    static let reminderFeeFraction = DatedSchedule("NO purring/inkassovarsel fee fraction (by due date)", [
        RulePeriod(from: coverageStart, through: lastDayBeforeFeeHalving, value: FeeFraction(1, 10),
                   citation: RuleCitation("inkf. § 1-2", .confirmed, note: "70 kr at 700 kr. " + halvingNote)),
        RulePeriod(from: feeHalving, through: nil, value: FeeFraction(1, 20),
                   citation: RuleCitation("inkf. § 1-2", .confirmed, note: halvingNote)),
    ])

    static let paymentDemandFeeFraction = DatedSchedule("NO creditor's own betalingsoppfordring fee fraction (by due date)", [
        RulePeriod(from: coverageStart, through: lastDayBeforeFeeHalving, value: FeeFraction(3, 10),
                   citation: RuleCitation("inkf. § 1-2 (3)", .confirmed, .uncertain,
                                          note: "210 kr at 700 kr (§ 16.1); that the due-date transition of § 2.3 covers this fee too is inferred")),
        RulePeriod(from: feeHalving, through: nil, value: FeeFraction(3, 20),
                   citation: RuleCitation("inkf. § 1-2 (3)", .confirmed, note: halvingNote)),
    ])

    // Forsinkelsesrente, % per year, one row per half-year (§ 16.2).
    static let lateInterestRate = DatedSchedule("NO forsinkelsesrente", [
        RulePeriod(.h2(2019), bp(925), frl3(.confirmed, .secondary, note: "forsinkelsesrente.net, checked against the official announcement")),
        RulePeriod(.h1(2020), bp(950), frl3(.secondary, note: "forsinkelsesrente.net")),
        RulePeriod(.h2(2020), bp(800), frl3(.secondary, note: "forsinkelsesrente.net")),
        RulePeriod(.h1(2021), bp(800), frl3(.secondary, note: "forsinkelsesrente.net")),
        RulePeriod(.h2(2021), bp(800), frl3(.secondary, note: "forsinkelsesrente.net")),
        RulePeriod(.h1(2022), bp(850), frl3(.secondary, note: "forsinkelsesrente.net")),
        RulePeriod(.h2(2022), bp(925), frl3(.secondary, regulation: "FOR-2022-06-24-1178", note: "forsinkelsesrente.net; lovdata")),
        RulePeriod(.h1(2023), bp(1075), frl3(.secondary, note: "forsinkelsesrente.net")),
        RulePeriod(.h2(2023), bp(1175), frl3(.secondary, note: "forsinkelsesrente.net")),
        RulePeriod(.h1(2024), bp(1250), frl3(.confirmed, note: "regjeringen.no")),
        RulePeriod(.h2(2024), bp(1250), frl3(.derived, .uncertain, regulation: "FOR-2024-06-26-1320",
                                              note: "policy rate 4.50 % all year + 8; regulation text not seen (§ 17.2)")),
        RulePeriod(.h1(2025), bp(1250), frl3(.confirmed, regulation: "FOR-2024-12-19-3279", note: "lovdata")),
        RulePeriod(.h2(2025), bp(1225), frl3(.derived, .uncertain, regulation: "FOR-2025-06-23-1321",
                                              note: "policy rate 4.25 % from June 2025 + 8; regulation text not seen (§ 17.2)")),
        RulePeriod(.h1(2026), bp(1200), frl3(.secondary, .uncertain, note: "kred.no, one industry source (§ 17.2)")),
    ])

    // Standardkompensasjon, NOK, one row per half-year (§§ 4.5, 16.1). Missing half-years were not found.
    static let standardCompensation = DatedSchedule("NO standardkompensasjon", [
        RulePeriod(.h2(2016), Money.major(370, .nok), frl3a(.uncertain, note: contextOnly)),
        RulePeriod(.h1(2017), Money.major(360, .nok), frl3a(.uncertain, note: contextOnly)),
        RulePeriod(.h1(2018), Money.major(380, .nok), frl3a(.uncertain, note: contextOnly)),
        RulePeriod(.h2(2019), Money.major(390, .nok), frl3a(.confirmed)),
        RulePeriod(.h2(2020), Money.major(430, .nok), frl3a(.confirmed)),
        RulePeriod(.h2(2021), Money.major(400, .nok), frl3a(.confirmed)),
        RulePeriod(.h1(2022), Money.major(390, .nok), frl3a(.confirmed)),
        RulePeriod(.h2(2022), Money.major(400, .nok), frl3a(.confirmed)),
        RulePeriod(.h1(2023), Money.major(410, .nok), frl3a(.confirmed)),
        RulePeriod(.h1(2024), Money.major(470, .nok), frl3a(.confirmed)),
        RulePeriod(.h1(2025), Money.major(470, .nok), frl3a(.confirmed)),
        RulePeriod(.h1(2026), Money.major(460, .nok), frl3a(.secondary, note: "kred.no")),
    ])

    static let contextOnly = "given in NORDIC-RULES § 16.1 'for context' without a named source"

    static func bp(_ basisPoints: Int64) -> InterestRate { InterestRate(basisPoints: basisPoints) }

    static func frl3(_ tags: SourceTag..., regulation: String? = nil, note: String) -> RuleCitation {
        RuleCitation(regulation.map { "frl. § 3; \($0)" } ?? "frl. § 3", tags: tags, note: note)
    }

    static func frl3a(_ tags: SourceTag..., note: String = "EUR 40 in NOK, set per half-year (§ 4.5)") -> RuleCitation {
        RuleCitation("frl. § 3a", tags: tags, note: note)
    }
}
