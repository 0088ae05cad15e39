// Limitation periods as data (NORDIC-RULES §§ 6.7–6.8, 12.2). Kept beside the rulebook rather than in its
// initialiser so that adding them changed no caller. Both laws are older than the rows say: a row starts
// where the rest of that country's rulebook data starts, because the rulebook says nothing about claims
// from before it (a lookup there throws and the planner asks a person).

extension Rulebook {
    /// The country's limitation periods.
    public var limitation: LimitationRules {
        switch country {
        case .norway: LimitationData.norway
        case .sweden: LimitationData.sweden
        }
    }
}

private enum LimitationData {
    static let norwegianStart = CivilDate.calendarDay(2017, 1, 1)
    static let swedishStart = CivilDate.calendarDay(2013, 3, 16)

    static let foreldelsesloven = RuleCitation(
        "foreldelsesloven §§ 2–3", .confirmed,
        note: "3 years from the day payment could first be demanded (the due date);"
            + " a purring or inkassovarsel does not interrupt it (§§ 6.7–6.8)")

    static let norway = LimitationRules(
        consumerYears: DatedSchedule("NO limitation period, consumer (years)", [
            RulePeriod(from: norwegianStart, through: nil, value: 3, citation: foreldelsesloven),
        ]),
        businessYears: DatedSchedule("NO limitation period, business (years)", [
            RulePeriod(from: norwegianStart, through: nil, value: 3, citation: foreldelsesloven),
        ]))

    static let sweden = LimitationRules(
        consumerYears: DatedSchedule("SE preskriptionstid, consumer (years)", [
            RulePeriod(from: swedishStart, through: nil, value: 3, citation: RuleCitation(
                "preskriptionslag (1981:130) 2 §", .secondary, .uncertain,
                note: "3 years for a business's claim on a consumer for goods or services;"
                    + " statute seen only through summaries (§§ 12.2, 17.14)")),
        ]),
        businessYears: DatedSchedule("SE preskriptionstid, business (years)", [
            RulePeriod(from: swedishStart, through: nil, value: 10, citation: RuleCitation(
                "preskriptionslag (1981:130) 2 §", .secondary, .uncertain,
                note: "10 years in general; statute seen only through summaries (§§ 12.2, 17.14)")),
        ]))
}
