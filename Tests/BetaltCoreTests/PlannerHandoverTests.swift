import BetaltCore
import Testing

/// The handover: only after the collection notice's deadline (NO inkl. § 9 (1); SE IkL 5 §), in Norway
/// within 6 months of it (inkl. § 11), with complete debtor data and nothing disputed.
@Suite struct PlannerHandoverTests {
    /// The default claim after the default inkassovarsel: its fee and interest charged.
    static func noticed(
        _ kind: CustomerKind = .consumer, missing: [String] = [], disputed: Int64 = 0
    ) -> ClaimFacts {
        claim(.norway, kind, fee: 3750, interest: 4603, interestThrough: "2026-01-29", missing: missing,
              history: [nudgeTaken, noticeTaken], disputed: disputed)
    }

    @Test("each missing piece of debtor data is a place of its own, shown in the reader's language")
    func missingDebtorDataInTheReadersLanguage() throws {
        let facts = ClaimFacts(
            claimID: "C-1", country: .norway, customerKind: .business, issueDate: day("2025-12-16"), dueDate: day("2026-01-15"),
            balances: try ComponentBalances(principal: money(1_000_000), fee: money(3750), interest: money(4603), compensation: money(0)),
            interestChargedThrough: day("2026-01-29"),
            missingDebtorData: [ReasonText("postal address"), ReasonText(verbatim: "organisasjonsnummer")],
            history: [nudgeTaken, noticeTaken]
        )
        let plan = Planner.plan(facts, ladder: .defaultNorway, rulebook: .norway, on: day("2026-02-13"))
        let reason = try #require(plan.reasons.first { $0.message.template.contains("debtor data") })
        let norwegian: [String: String] = ["the agency needs complete debtor data; missing: {1}": "mangler: {1}", "postal address": "postadresse"]
        #expect(reason.message.text(in: Language.nb) { norwegian[$0] } == "mangler: postadresse, organisasjonsnummer")
        #expect(reason.text == "the agency needs complete debtor data; missing: postal address, organisasjonsnummer")
    }

    static let early = ladder(.norway, [
        step("nudge", .friendlyReminder, .daysAfterDue(3)),
        step("notice", .collectionNotice, .daysAfterDue(14), fee: true, deadline: 14),
        step("handover", .handover, .daysAfterDue(20)),
    ])

    static let rows: [Scenario] = [
        Scenario(name: "before the deadline: wait for the day after it", facts: noticed(), today: "2026-02-12",
                 expected: .wait(until: "2026-02-13"), cites: "inkl. § 9 (1)", next: .on("2026-02-13")),
        Scenario(name: "a ladder asking for a handover before the deadline is refused until it has passed",
                 facts: noticed(), ladder: early, today: "2026-02-04", expected: .refuse("handover"),
                 cites: "inkl. § 9 (1)", says: "not passed", next: .on("2026-02-13")),
        Scenario(name: "the day after the deadline: handed over with the interest since the notice",
                 // 15 interest days, 30 January – 13 February, at 12.00 %: 4 931.51 øre.
                 facts: noticed(), today: "2026-02-13", expected: .act("handover"), interest: 4932,
                 amountDue: 1_000_000 + 3750 + 4603 + 4932, cites: "inkl. § 9 (1)", next: .never),
        Scenario(name: "the last day of the 6-month window", facts: noticed(), today: "2026-08-12", expected: .act("handover")),
        Scenario(name: "more than 6 months after the deadline: send a new inkassovarsel", facts: noticed(),
                 today: "2026-08-13", expected: .attention, cites: "inkl. § 11", says: "send a new inkassovarsel",
                 next: .never),
        Scenario(name: "incomplete debtor data: a person completes it, looked at again when the window closes",
                 facts: noticed(.business, missing: ["organisasjonsnummer"]), today: "2026-02-13", expected: .attention,
                 says: "missing: organisasjonsnummer", next: .on("2026-08-13")),
        Scenario(name: "a partly disputed claim is not handed over by the planner", facts: noticed(disputed: 100_000),
                 today: "2026-02-13", expected: .attention, cites: "inkl. § 8", next: .on("2026-08-13")),
        Scenario(name: "the inkassovarsel deadline is 14 calendar days even when it ends on Easter Monday",
                 facts: claim(due: "2026-03-09", history: [taken("nudge", .friendlyReminder, on: "2026-03-12")]),
                 today: "2026-03-23", expected: .act("notice"), fee: 3750, deadline: "2026-04-06",
                 cites: "inkl. § 9 (2)", says: "not moved although it is not a business day", next: .on("2026-04-07")),
        Scenario(name: "a Langfredag deadline: handover on the first business day after Easter",
                 facts: claim(due: "2026-03-06", history: [
                     taken("nudge", .friendlyReminder, on: "2026-03-09"),
                     taken("notice", .collectionNotice, on: "2026-03-20", deadline: "2026-04-03", fee: 3750),
                 ]),
                 today: "2026-04-04", expected: .wait(until: "2026-04-07")),
        Scenario(name: "SE: the handover waits for the inkassokrav deadline moved past Easter",
                 facts: claim(.sweden, history: [
                     taken("reminder", .reminder, on: "2026-03-13", deadline: "2026-03-23", .sweden),
                     taken("notice", .collectionNotice, on: "2026-03-24", deadline: "2026-04-03", fee: 18_000, .sweden),
                 ]),
                 ladder: .defaultSweden, today: "2026-04-07", expected: .wait(until: "2026-04-08"), cites: "IkL 5 §"),
        Scenario(name: "SE: handed over after the deadline, with no 6-month window",
                 facts: claim(.sweden, history: [
                     taken("reminder", .reminder, on: "2026-01-22", deadline: "2026-02-01", .sweden),
                     taken("notice", .collectionNotice, on: "2026-02-03", deadline: "2026-02-13", fee: 18_000, .sweden),
                 ]),
                 ladder: .defaultSweden, today: "2026-09-01", expected: .act("handover"), next: .never),
        Scenario(name: "a collection notice without a deadline cannot be followed by a handover",
                 facts: claim(history: [nudgeTaken, taken("notice", .collectionNotice, on: "2026-01-29", fee: 3750)]),
                 today: "2026-02-13", expected: .refuse("handover"), says: "no notice so far gave one", next: .never),
        Scenario(name: "a handover timed by the due date after a notice without a deadline is refused",
                 facts: claim(history: [nudgeTaken, taken("notice", .collectionNotice, on: "2026-01-29", fee: 3750)]),
                 ladder: early, today: "2026-02-04", expected: .refuse("handover"), cites: "inkl. § 9 (1)",
                 says: "gave no deadline", next: .never),
    ]

    @Test(arguments: rows) func scenario(_ row: Scenario) { check(row) }
}
