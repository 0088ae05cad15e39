import BetaltCore
import Testing

/// Late interest on each formal act: exactly what is not yet charged, through the act's day; never guessed.
@Suite struct PlannerInterestTests {
    static let rows: [Scenario] = [
        Scenario(name: "NO: from the day after the due date through today, at the known 2026 H1 rate",
                 // 46 days, 16 January – 2 March, at 12.00 % /365: 15 123.29 øre.
                 facts: claim(history: [nudgeTaken]), today: "2026-03-02", expected: .act("notice"), fee: 3750,
                 interest: 15_123, deadline: "2026-03-16", amountDue: 1_000_000 + 3750 + 15_123, cites: "frl. § 3"),
        Scenario(name: "NO: continues from the last day already charged",
                 // 32 days, 30 January – 2 March: 10 520.55 øre.
                 facts: claim(fee: 3750, interest: 4603, interestThrough: "2026-01-29", history: [nudgeTaken, noticeTaken]),
                 ladder: ladder(.norway, [
                     step("nudge", .friendlyReminder, .daysAfterDue(3)),
                     step("notice", .collectionNotice, .daysAfterDue(14), fee: true, deadline: 14),
                     step("handover", .handover, .daysAfterDue(46)),
                 ]),
                 today: "2026-03-02", expected: .act("handover"), interest: 10_521,
                 amountDue: 1_000_000 + 3750 + 4603 + 10_521),
        Scenario(name: "NO: a partial payment lowers the principal interest runs on",
                 // 14 days on 4 000 kr: 1 841.10 øre.
                 facts: claim(principal: 400_000, history: [nudgeTaken]), today: "2026-01-29", expected: .act("notice"),
                 fee: 3750, interest: 1841, deadline: "2026-02-12", amountDue: 400_000 + 3750 + 1841),
        Scenario(name: "NO: the 2026 H2 rate is not in the rulebook: the notice goes without interest, saying why",
                 facts: claim(due: "2026-06-15", history: [taken("nudge", .friendlyReminder, on: "2026-06-18")]),
                 today: "2026-11-23", expected: .act("notice"), fee: 3750, deadline: "2026-12-07",
                 amountDue: 1_000_000 + 3750, cites: "frl. § 3", says: "the rate for 2026 H2 is not in the rulebook"),
        Scenario(name: "SE: the 2026 H2 rate is not in the rulebook either",
                 facts: claim(.sweden, due: "2026-10-15"), ladder: .defaultSweden, today: "2026-11-23",
                 expected: .act("reminder"), deadline: "2026-12-03", amountDue: 1_000_000, cites: "RL 6 §",
                 says: "the rate for 2026 H2 is not in the rulebook", feeRefusedCites: "IKL § 2"),
        Scenario(name: "SE: 7 days at the referensränta + 8", facts: claim(.sweden), ladder: .defaultSweden,
                 today: "2026-01-22", expected: .act("reminder"), interest: 1918, deadline: "2026-02-01",
                 amountDue: 1_000_000 + 1918, cites: "RL 6 §", feeRefusedCites: "IKL § 2"),
        Scenario(name: "a friendly reminder charges no interest", today: "2026-01-19", expected: .act("nudge"),
                 amountDue: 1_000_000),
    ]

    @Test(arguments: rows) func scenario(_ row: Scenario) { check(row) }

    @Test func theInterestIsTheSameCalculationAsLateInterest() throws {
        let plan = Planner.plan(claim(history: [nudgeTaken]), ladder: .defaultNorway, rulebook: .norway, on: day("2026-03-02"))
        let interest = try #require(plan.acts.first?.interest)
        let direct = try LateInterest.accrued(
            on: money(1_000_000), dueDate: day("2026-01-15"), through: day("2026-03-02"), rulebook: .norway)
        #expect(interest == direct)
        #expect(interest.days == 46)
        #expect(interest.periods.map(\.rate.basisPoints) == [1200])
    }
}
