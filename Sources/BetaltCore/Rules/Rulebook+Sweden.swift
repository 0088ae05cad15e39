// Sweden's collection law as data (NORDIC-RULES.md §§ 9–11, 16). A law change is a new row with its
// effective date; an old row is never edited. Tags: [C] statute or official page, [S] secondary source,
// [D] derived, [U] uncertain (§ 17).
//
// The fee caps start on 16 March 2013 (SFS 2013:56). The earlier caps (50/160/150 kr) are known but not the
// day they took effect, so they are not rows: a lookup before 2013-03-16 throws rather than guess a start.

extension Rulebook {
    /// Sweden: lag (1981:739) om ersättning för inkassokostnader, inkassolagen and räntelagen as dated parameters.
    public static let sweden = Rulebook(
        country: .sweden,
        lateInterest: LateInterestRules(
            rate: SwedishData.referenceRate.derived("SE dröjsmålsränta") { reference in
                (reference.value.adding(SwedishData.lateInterestMargin),
                 RuleCitation("RL 6 §; RL 9 §", tags: reference.citation.tags,
                              note: "referensränta \(reference.value) + 8 procentenheter; " + (reference.citation.note ?? "")))
            },
            dayCount: .actual365Fixed,
            citation: RuleCitation("RL 6 §", .secondary,
                                   note: "referensränta + 8 procentenheter; statute seen through summaries (§§ 10.3, 17.13)"),
            dayCountCitation: RuleCitation("RL 6 §", .uncertain,
                                           note: "the Act sets no day count; practice is actual/365, leap years included (§ 10.8)"),
            accrualStartCitation: RuleCitation("RL 3 §", .secondary, .uncertain,
                                               note: "from the due date fixed in advance, counted from the day after it (§§ 10.2, 10.8)")),
        b2bCompensation: DatedSchedule("SE förseningsersättning", [
            SwedishData.sinceFeeReform(Money.major(450, .sek), RuleCitation(
                "IKL § 4 a", .confirmed, note: "introduced by SFS 2013:56; business to business or public body (§ 9.6)")),
        ]),
        minimumCollectionNoticeDays: DatedSchedule("SE inkassokrav minimum deadline (days)", [
            SwedishData.sinceFeeReform(8, RuleCitation(
                "IkL 5 §", .confirmed, .uncertain,
                note: "IMY general guidance (2011) on god inkassosed; held before 2013 too; may change under Finansinspektionen (§§ 11.5, 17.15)")),
        ]),
        countryRules: .sweden(SwedishRules(
            reminderFee: DatedSchedule("SE påminnelseavgift", [
                SwedishData.sinceFeeReform(Money.major(60, .sek), RuleCitation(
                    "IKL § 2", .confirmed, note: "SFS 2013:56; only if agreed when the debt arose (§ 9.1)")),
            ]),
            collectionFee: DatedSchedule("SE inkassoavgift", [
                SwedishData.sinceFeeReform(Money.major(180, .sek), RuleCitation(
                    "IKL § 3 (1)", .confirmed, note: "SFS 2013:56; only for an inkassokrav meeting IkL 5 § (§ 9.2)")),
            ]),
            paymentPlanFee: DatedSchedule("SE amorteringsplan fee", [
                SwedishData.sinceFeeReform(Money.major(170, .sek), RuleCitation(
                    "IKL § 3 (2)", .confirmed, note: "SFS 2013:56; written plan covering the whole debt (§ 9.3)")),
            ]),
            maximumReminderFees: DatedSchedule("SE påminnelseavgifter per claim", [
                SwedishData.sinceFeeReform(1, RuleCitation(
                    "IKL § 2", .secondary, .uncertain,
                    note: "the law sets no number; one per claim is the recommendation (finqr.se; § 9.8)")),
            ]),
            referenceRate: SwedishData.referenceRate))
    )
}

private enum SwedishData {
    /// SFS 2013:56 set today's fee caps and introduced förseningsersättning.
    static let feeReform = CivilDate.calendarDay(2013, 3, 16)

    static func sinceFeeReform<Value: Sendable>(_ value: Value, _ citation: RuleCitation) -> RulePeriod<Value> {
        RulePeriod(from: feeReform, through: nil, value: value, citation: citation)
    }

    /// Dröjsmålsränta = referensränta + 8 percentage points (RL 6 §).
    static let lateInterestMargin = InterestRate(basisPoints: 800)

    // Referensränta, % per year, one row per half-year (§§ 10.6–10.7, 16.2).
    static let referenceRate = DatedSchedule("SE referensränta", [
        RulePeriod(.h2(2019), bp(0), riksbank),
        RulePeriod(.h1(2020), bp(0), riksbank),
        RulePeriod(.h2(2020), bp(0), riksbank),
        RulePeriod(.h1(2021), bp(0), riksbank),
        RulePeriod(.h2(2021), bp(0), riksbank),
        RulePeriod(.h1(2022), bp(0), riksbank),
        RulePeriod(.h2(2022), bp(50), riksbank),
        RulePeriod(.h1(2023), bp(250), riksbank),
        RulePeriod(.h2(2023), bp(350), riksbank),
        RulePeriod(.h1(2024), bp(400), riksbank),
        RulePeriod(.h2(2024), bp(400), riksbank),
        RulePeriod(.h1(2025), bp(300), mystep),
        RulePeriod(.h2(2025), bp(200), mystep),
        RulePeriod(.h1(2026), bp(200), mystep),
    ])

    static let riksbank = RuleCitation("RL 9 §", .confirmed, note: "riksbank.se")
    static let mystep = RuleCitation(
        "RL 9 §", .secondary, .uncertain,
        note: "mystep.se, one source; matches Riksbank policy decisions rounded up (§§ 10.7, 17.13)")

    static func bp(_ basisPoints: Int64) -> InterestRate { InterestRate(basisPoints: basisPoints) }
}
