import BetaltCore
import Testing

/// The ladder options: a call task before the collection notice above an amount, and the waiver offer.
@Suite struct PlannerOptionsTests {
    static let calling = ladder(.norway, Ladder.defaultNorway.steps, options: LadderOptions(
        callTaskAtOrAbove: money(500_000), callTaskDaysBeforeNotice: 3))
    static let callTaken = taken("call-before-notice", .callTask, on: "2026-01-26")

    static let rows: [Scenario] = [
        Scenario(name: "the call task is awaited 3 days before the notice", facts: claim(history: [nudgeTaken]),
                 ladder: calling, today: "2026-01-22", expected: .wait(until: "2026-01-26"),
                 says: "call task on 2026-01-26", next: .on("2026-01-26")),
        Scenario(name: "the call task on its day", facts: claim(history: [nudgeTaken]), ladder: calling,
                 today: "2026-01-26", expected: .act("call-before-notice"), amountDue: 1_000_000, next: .on("2026-01-29")),
        Scenario(name: "after the call, the notice on its own day", facts: claim(history: [nudgeTaken, callTaken]),
                 ladder: calling, today: "2026-01-29", expected: .act("notice"), fee: 3750, deadline: "2026-02-12"),
        Scenario(name: "a call task not yet made comes first, the notice the next business day",
                 facts: claim(history: [nudgeTaken]), ladder: calling, today: "2026-01-30",
                 expected: .act("call-before-notice"), next: .on("2026-02-02")),
        Scenario(name: "below the threshold there is no call task", facts: claim(principal: 499_999, history: [nudgeTaken]),
                 ladder: calling, today: "2026-01-26", expected: .wait(until: "2026-01-29")),
    ]

    @Test(arguments: rows) func scenario(_ row: Scenario) { check(row) }

    @Test func theCallTaskIsATaskWithoutChannelFeeOrInterest() throws {
        let plan = Planner.plan(claim(history: [nudgeTaken]), ladder: Self.calling, rulebook: .norway, on: day("2026-01-26"))
        let act = try #require(plan.acts.first)
        #expect(act.step.kind == .callTask)
        #expect(act.step.id == Planner.callTaskID(before: "notice"))
        #expect(act.channel == nil && act.fee == nil && act.interest == nil && act.deadline == nil)
    }

    static let waiving = ladder(.norway, Ladder.defaultNorway.steps, options: LadderOptions(waiverIfPaidWithinDays: 10))

    @Test func theWaiverIsOfferedWhenTheActChargesSomething() throws {
        let notice = Planner.plan(claim(history: [nudgeTaken]), ladder: Self.waiving, rulebook: .norway, on: day("2026-01-29"))
        let act = try #require(notice.acts.first)
        #expect(act.waiverIfPaidBy == day("2026-02-08"))
        #expect(act.reasons.contains { $0.text.contains("waived if the rest is paid by 2026-02-08") })
    }

    @Test func theWaiverIsOfferedOnACompensationToo() throws {
        let notice = Planner.plan(
            claim(.norway, .business, history: [nudgeTaken]), ladder: Self.waiving, rulebook: .norway, on: day("2026-01-29"))
        #expect(try #require(notice.acts.first).waiverIfPaidBy == day("2026-02-08"))
    }

    @Test func noWaiverWhenNothingIsCharged() throws {
        let nudge = Planner.plan(claim(), ladder: Self.waiving, rulebook: .norway, on: day("2026-01-19"))
        #expect(try #require(nudge.acts.first).waiverIfPaidBy == nil)
    }

    static let goodwill = ladder(.norway, Ladder.defaultNorway.steps, options: LadderOptions(goodPayerMonths: 12))

    @Test func aGoodPayersFirstFeeBearingReminderGoesWithoutTheFee() throws {
        let act = try #require(Planner.plan(claim(history: [nudgeTaken]), ladder: Self.goodwill, rulebook: .norway, on: day("2026-01-29")).acts.first)
        #expect(act.step.id == "notice" && act.fee == nil && act.feeRefused == nil)
        #expect(act.reasons.contains { $0.text.contains("good payer: no late payment since 2025-01-29") })
        let business = try #require(Planner.plan(
            claim(.norway, .business, history: [nudgeTaken]), ladder: Self.goodwill, rulebook: .norway, on: day("2026-01-29")).acts.first)
        #expect(business.compensation == nil && business.fee == nil)
    }

    @Test func aLatePaymentWithinTheMonthsKeepsTheFee() throws {
        let recent = try #require(Planner.plan(
            claim(history: [nudgeTaken], lastLate: "2025-10-01"), ladder: Self.goodwill, rulebook: .norway, on: day("2026-01-29")).acts.first)
        #expect(recent.fee == money(3750))
        let old = try #require(Planner.plan(
            claim(history: [nudgeTaken], lastLate: "2025-01-28"), ladder: Self.goodwill, rulebook: .norway, on: day("2026-01-29")).acts.first)
        #expect(old.fee == nil, "a late payment more than 12 months ago does not count")
        let withoutOption = try #require(Planner.plan(claim(history: [nudgeTaken]), ladder: ladder(.norway, Ladder.defaultNorway.steps),
                                                      rulebook: .norway, on: day("2026-01-29")).acts.first)
        #expect(withoutOption.fee == money(3750))
    }

    @Test func onlyTheFirstFeeIsWaived() throws {
        let second = Planner.plan(
            claim(.sweden, feeAgreed: true, history: [taken("reminder", .reminder, on: "2026-01-22", deadline: "2026-02-05", fee: 6000, .sweden)]),
            ladder: ladder(.sweden, Ladder.defaultSweden.steps, options: LadderOptions(goodPayerMonths: 12)), rulebook: .sweden, on: day("2026-02-09"))
        let act = try #require(second.acts.first)
        #expect(act.step.kind == .collectionNotice && act.fee == Money.major(180, .sek))
    }

    @Test func theGoodPayerMonthsMustBeSensible() {
        let bad = ladder(.norway, Ladder.defaultNorway.steps, options: LadderOptions(goodPayerMonths: 0))
        #expect(LadderValidator.violations(of: bad, rulebook: .norway, on: day("2026-01-29")).contains { $0.reason.text.contains("1 to 60 months") })
    }
}
