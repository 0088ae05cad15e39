import BetaltCore
import Testing

/// A purring 10 days after the due date (too early for a fee), then the inkassovarsel and the handover.
let purringLadder = ladder(.norway, [
    step("purring", .reminder, .daysAfterDue(10), fee: true, deadline: 14),
    step("notice", .collectionNotice, .daysAfterPreviousDeadline(0), fee: true, deadline: 14),
    step("handover", .handover, .daysAfterPreviousDeadline(0)),
])

/// The fee guards of inkf. §§ 1-2 and 1-3 and frl. § 3a: a refused fee never holds the notice back.
@Suite struct PlannerNorwegianFeeTests {
    static let rows: [Scenario] = [
        Scenario(name: "no purregebyr 13 days after the due date", ladder: purringLadder, today: "2026-01-28",
                 expected: .act("purring"), deadline: "2026-02-11", says: "a fee needs at least 14 (from 2026-01-29)",
                 feeRefusedCites: "inkf. § 1-2 (2)"),
        Scenario(name: "the purregebyr 14 days after the due date", ladder: purringLadder, today: "2026-01-29",
                 expected: .act("purring"), fee: 3750, deadline: "2026-02-12", cites: "inkf. § 1-2 (2)",
                 next: .on("2026-02-13")),
        Scenario(name: "a Saturday due date rolls past Easter Monday: 13 days from the rolled date, no fee",
                 facts: claim(due: "2026-04-04"), ladder: purringLadder, today: "2026-04-20", expected: .act("purring"),
                 // 13 interest days, 8–20 April, at 12.00 %: 4 273.97 øre.
                 interest: 4274, deadline: "2026-05-04", cites: "gjeldsbrevloven § 5",
                 says: "counts from 2026-04-07", feeRefusedCites: "inkf. § 1-2 (2)"),
        Scenario(name: "a Saturday due date rolls past Easter Monday: 14 days from the rolled date, the fee",
                 facts: claim(due: "2026-04-04"), ladder: purringLadder, today: "2026-04-21", expected: .act("purring"),
                 fee: 3750, deadline: "2026-05-05", cites: "gjeldsbrevloven § 5"),
        Scenario(name: "no third fee",
                 facts: claim(history: [
                     taken("p1", .reminder, on: "2026-01-29", deadline: "2026-02-12", fee: 3750),
                     taken("p2", .reminder, on: "2026-02-13", deadline: "2026-02-27", fee: 3750),
                 ]),
                 ladder: ladder(.norway, [
                     step("p1", .reminder, .daysAfterDue(14), fee: true, deadline: 14),
                     step("p2", .reminder, .daysAfterPreviousDeadline(0), fee: true, deadline: 14),
                     step("p3", .reminder, .daysAfterPreviousDeadline(0), fee: true, deadline: 14),
                 ]),
                 today: "2026-03-02", expected: .act("p3"), deadline: "2026-03-16", says: "2 fees are already charged",
                 feeRefusedCites: "inkf. § 1-3"),
        Scenario(name: "no second fee after a 10-day deadline",
                 facts: claim(history: [taken("purring", .reminder, on: "2026-01-29", deadline: "2026-02-08", fee: 3750)]),
                 ladder: ladder(.norway, [
                     step("purring", .reminder, .daysAfterDue(14), fee: true, deadline: 10),
                     step("notice", .collectionNotice, .daysAfterPreviousDeadline(0), fee: true, deadline: 14),
                     step("handover", .handover, .daysAfterPreviousDeadline(0)),
                 ]),
                 today: "2026-02-09", expected: .act("notice"), deadline: "2026-02-23", says: "gave 10 days",
                 feeRefusedCites: "inkf. §§ 1-2 (3), 1-3"),
        Scenario(name: "the second fee after a missed 14-day deadline",
                 facts: claim(history: [taken("purring", .reminder, on: "2026-01-29", deadline: "2026-02-12", fee: 3750)]),
                 ladder: purringLadder, today: "2026-02-13", expected: .act("notice"), fee: 3750, deadline: "2026-02-27"),
        Scenario(name: "no second fee before the first notice's deadline has passed",
                 facts: claim(history: [taken("purring", .reminder, on: "2026-01-29", deadline: "2026-02-12", fee: 3750)]),
                 ladder: ladder(.norway, [
                     step("purring", .reminder, .daysAfterDue(14), fee: true, deadline: 14),
                     step("notice", .collectionNotice, .daysAfterDue(20), fee: true, deadline: 14),
                     step("handover", .handover, .daysAfterPreviousDeadline(0)),
                 ]),
                 today: "2026-02-04", expected: .act("notice"), deadline: "2026-02-18", says: "has not passed",
                 feeRefusedCites: "inkf. §§ 1-2 (3), 1-3"),
        Scenario(name: "no fee-bearing purring after an inkassovarsel",
                 facts: claim(history: [noticeTaken]),
                 ladder: ladder(.norway, [
                     step("notice", .collectionNotice, .daysAfterDue(14), fee: true, deadline: 14),
                     step("purring", .reminder, .daysAfterPreviousDeadline(0), fee: true, deadline: 14),
                     step("handover", .handover, .daysAfterPreviousDeadline(0)),
                 ]),
                 today: "2026-02-13", expected: .act("purring"), deadline: "2026-02-27",
                 says: "an inkassovarsel went out on 2026-01-29", feeRefusedCites: "inkf. § 1-3"),
        Scenario(name: "an inkassovarsel that asks no fee charges none and refuses none",
                 facts: claim(history: [nudgeTaken]),
                 ladder: ladder(.norway, [
                     step("nudge", .friendlyReminder, .daysAfterDue(3)),
                     step("notice", .collectionNotice, .daysAfterDue(14), deadline: 14),
                     step("handover", .handover, .daysAfterPreviousDeadline(0)),
                 ]),
                 today: "2026-01-29", expected: .act("notice"), interest: 4603, deadline: "2026-02-12"),
        Scenario(name: "B2B: the standardkompensasjon instead of the purregebyr",
                 facts: claim(.norway, .business, history: [nudgeTaken]), today: "2026-01-29", expected: .act("notice"),
                 compensation: 46_000, interest: 4603, deadline: "2026-02-12", amountDue: 1_000_000 + 46_000 + 4603,
                 cites: "frl. § 3a", says: "standardkompensasjon 460.00 NOK"),
        Scenario(name: "B2B: no purregebyr once the standardkompensasjon is charged, even after it is paid",
                 facts: claim(.norway, .business, interestThrough: "2026-01-29",
                              history: [taken("purring", .reminder, on: "2026-01-29", deadline: "2026-02-12", compensation: 46_000)]),
                 ladder: purringLadder, today: "2026-02-13", expected: .act("notice"), deadline: "2026-02-27",
                 says: "already charged", feeRefusedCites: "frl. § 3a; inkl. § 17"),
        Scenario(name: "B2B: no standardkompensasjon for a half-year the rulebook lacks (2024 H2), and no guess",
                 facts: claim(.norway, .business, due: "2024-08-01",
                              history: [taken("nudge", .friendlyReminder, on: "2024-08-05")]),
                 // 14 days at 12.50 % in a leap year (/366): 4 781.42 øre.
                 today: "2024-08-15", expected: .act("notice"), interest: 4781, deadline: "2024-08-29",
                 says: "known through 2024-06-30", feeRefusedCites: "frl. § 3a"),
    ]

    @Test(arguments: rows) func scenario(_ row: Scenario) { check(row) }

    @Test func theFriendlyReminderFeeRefusalIsRecorded() {
        let facts = claim()
        let plan = Planner.plan(facts, ladder: ladder(.norway, [step("nudge", .friendlyReminder, .daysAfterDue(3), fee: true)]),
                                rulebook: .norway, on: day("2026-01-19"))
        #expect(plan.acts.first?.fee == nil)
        #expect(plan.acts.first?.feeRefused?.text.contains("carries no fee") == true)
    }

    @Test func theFeeCarriesTheUncertain2026Inkassosats() throws {
        let plan = Planner.plan(claim(history: [nudgeTaken]), ladder: .defaultNorway, rulebook: .norway, on: day("2026-01-29"))
        let act = try #require(plan.acts.first)
        let sourced = try #require(act.reasons.first { $0.text.hasPrefix("purregebyr = 1/20 × inkassosats 750.00 NOK") })
        #expect(sourced.citation == "inkf. § 1-2 [C]; inkf. § 1-1 (3) [S/U]")
        #expect(sourced.text.contains("uncertain"))
    }

    @Test func theFeeIsTheFractionForTheDueDateOfTheRateWhenSent() throws {
        // Due in 2025 (700 kr), sent in 2026 (750 kr): 1/20 × 750 = 37.50.
        let facts = claim(due: "2025-12-18", history: [taken("nudge", .friendlyReminder, on: "2025-12-22")])
        let plan = Planner.plan(facts, ladder: .defaultNorway, rulebook: .norway, on: day("2026-01-05"))
        #expect(plan.acts.first?.fee == money(3750))
    }
}

/// The Swedish fee guards: IKL §§ 2–4 a.
@Suite struct PlannerSwedishFeeTests {
    static let twoReminders = ladder(.sweden, [
        step("r1", .reminder, .daysAfterDue(7), fee: true, deadline: 10),
        step("r2", .reminder, .daysAfterPreviousDeadline(0), fee: true, deadline: 10),
        step("notice", .collectionNotice, .daysAfterPreviousDeadline(0), fee: true, deadline: 10),
        step("handover", .handover, .daysAfterPreviousDeadline(0)),
    ])
    static let reminderTaken = taken("reminder", .reminder, on: "2026-01-22", deadline: "2026-02-01", .sweden)

    static let rows: [Scenario] = [
        Scenario(name: "no påminnelseavgift unless agreed", facts: claim(.sweden), ladder: .defaultSweden,
                 today: "2026-01-22", expected: .act("reminder"), interest: 1918, deadline: "2026-02-01",
                 says: "none was agreed", feeRefusedCites: "IKL § 2"),
        Scenario(name: "the påminnelseavgift when agreed", facts: claim(.sweden, feeAgreed: true), ladder: .defaultSweden,
                 // 7 days at 10.00 % on 10 000 kr: 1 917.81 öre.
                 today: "2026-01-22", expected: .act("reminder"), fee: 6000, interest: 1918, deadline: "2026-02-01",
                 amountDue: 1_000_000 + 6000 + 1918, cites: "IKL § 2"),
        Scenario(name: "the påminnelse's Sunday deadline moves to Monday before the next step",
                 facts: claim(.sweden, feeAgreed: true,
                              history: [taken("r1", .reminder, on: "2026-01-22", deadline: "2026-02-01", fee: 6000, .sweden)]),
                 ladder: twoReminders, today: "2026-02-02", expected: .wait(until: "2026-02-03"), next: .on("2026-02-03")),
        Scenario(name: "one påminnelseavgift per claim",
                 facts: claim(.sweden, feeAgreed: true,
                              history: [taken("r1", .reminder, on: "2026-01-22", deadline: "2026-02-01", fee: 6000, .sweden)]),
                 ladder: twoReminders, today: "2026-02-03", expected: .act("r2"), deadline: "2026-02-13",
                 says: "1 already charged", feeRefusedCites: "IKL § 2"),
        Scenario(name: "the inkassokrav with the inkassoavgift and 10 days", facts: claim(.sweden, history: [reminderTaken]),
                 ladder: .defaultSweden, today: "2026-02-03", expected: .act("notice"), fee: 18_000, deadline: "2026-02-13",
                 cites: "IKL § 3 (1)", says: "meeting IkL 5 §", next: .on("2026-02-16")),
        Scenario(name: "one inkassoavgift per claim",
                 facts: claim(.sweden, history: [taken("notice", .collectionNotice, on: "2026-01-22", deadline: "2026-02-01",
                                                       fee: 18_000, .sweden)]),
                 ladder: ladder(.sweden, [
                     step("notice", .collectionNotice, .daysAfterDue(7), fee: true, deadline: 10),
                     step("notice2", .collectionNotice, .daysAfterPreviousDeadline(0), fee: true, deadline: 10),
                     step("handover", .handover, .daysAfterPreviousDeadline(0)),
                 ]),
                 today: "2026-02-03", expected: .act("notice2"), deadline: "2026-02-13",
                 feeRefusedCites: "IKL §§ 3 (1), 4"),
        Scenario(name: "no påminnelseavgift after an inkassokrav",
                 facts: claim(.sweden, feeAgreed: true,
                              history: [taken("notice", .collectionNotice, on: "2026-01-22", deadline: "2026-02-01", .sweden)]),
                 ladder: ladder(.sweden, [
                     step("notice", .collectionNotice, .daysAfterDue(7), deadline: 10),
                     step("reminder", .reminder, .daysAfterPreviousDeadline(0), fee: true, deadline: 10),
                     step("handover", .handover, .daysAfterPreviousDeadline(0)),
                 ]),
                 today: "2026-02-03", expected: .act("reminder"), deadline: "2026-02-13", feeRefusedCites: "IkL 4 §"),
        Scenario(name: "B2B: förseningsersättning 450 kr instead of the påminnelseavgift",
                 facts: claim(.sweden, .business, feeAgreed: true), ladder: .defaultSweden, today: "2026-01-22",
                 expected: .act("reminder"), compensation: 45_000, interest: 1918, deadline: "2026-02-01",
                 cites: "IKL § 4 a", says: "förseningsersättning 450.00 SEK"),
        Scenario(name: "B2B: no inkassoavgift after the förseningsersättning",
                 facts: claim(.sweden, .business, compensation: 45_000,
                              history: [taken("reminder", .reminder, on: "2026-01-22", deadline: "2026-02-01",
                                              compensation: 45_000, .sweden)]),
                 ladder: .defaultSweden, today: "2026-02-03", expected: .act("notice"), deadline: "2026-02-13",
                 feeRefusedCites: "IKL § 4 a"),
        Scenario(name: "no fee-bearing step before the due date",
                 facts: claim(.sweden, feeAgreed: true),
                 ladder: ladder(.sweden, [
                     step("early", .reminder, .daysAfterDue(-2), fee: true, deadline: 10),
                     step("notice", .collectionNotice, .daysAfterPreviousDeadline(0), fee: true, deadline: 10),
                     step("handover", .handover, .daysAfterPreviousDeadline(0)),
                 ]),
                 today: "2026-01-13", expected: .refuse("early"), cites: "IKL § 2", next: .on("2026-01-16")),
        Scenario(name: "an inkassokrav with 8 days goes",
                 facts: claim(.sweden, history: [reminderTaken]),
                 ladder: ladder(.sweden, [
                     step("reminder", .reminder, .daysAfterDue(7), deadline: 10),
                     step("notice", .collectionNotice, .daysAfterPreviousDeadline(0), fee: true, deadline: 8),
                     step("handover", .handover, .daysAfterPreviousDeadline(0)),
                 ]),
                 today: "2026-02-03", expected: .act("notice"), fee: 18_000, deadline: "2026-02-11", cites: "IkL 5 §"),
        Scenario(name: "an inkassokrav with 7 days is refused",
                 facts: claim(.sweden, history: [reminderTaken]),
                 ladder: ladder(.sweden, [
                     step("reminder", .reminder, .daysAfterDue(7), deadline: 10),
                     step("notice", .collectionNotice, .daysAfterPreviousDeadline(0), fee: true, deadline: 7),
                     step("handover", .handover, .daysAfterPreviousDeadline(0)),
                 ]),
                 today: "2026-02-03", expected: .refuse("notice"), cites: "IkL 5 §", says: "at least 8", next: .never),
        Scenario(name: "NO: an inkassovarsel with 10 days is refused", facts: claim(history: [nudgeTaken]),
                 ladder: ladder(.norway, [
                     step("nudge", .friendlyReminder, .daysAfterDue(3)),
                     step("notice", .collectionNotice, .daysAfterDue(14), fee: true, deadline: 10),
                     step("handover", .handover, .daysAfterPreviousDeadline(0)),
                 ]),
                 today: "2026-01-29", expected: .refuse("notice"), cites: "inkl. § 9 (2)", says: "at least 14", next: .never),
    ]

    @Test(arguments: rows) func scenario(_ row: Scenario) { check(row) }
}
