import BetaltCore
import Testing

/// The preview: every act taken, nothing paid, day by day through the next-action dates.
@Suite struct PlannerTimelineTests {
    /// (date, step acted on) for each plan that acts.
    func acts(_ plans: [Plan]) -> [String] {
        plans.flatMap { plan in plan.acts.map { "\(plan.date.iso) \($0.step.id)" } }
    }

    @Test func theNorwegianDefaultFromBeforeTheDueDate() throws {
        let plans = Planner.timeline(claim(), ladder: .defaultNorway, rulebook: .norway, from: day("2026-01-10"))
        #expect(plans.map(\.date) == ["2026-01-10", "2026-01-19", "2026-01-29", "2026-02-13"].map(day))
        let wait = Reason("next step '\("nudge")' (\(StepKind.friendlyReminder.name(in: .norway))) on \(day("2026-01-19"))")
        #expect(plans.first?.decisions == [.wait(until: day("2026-01-19"), wait)])
        #expect(wait.text == "next step 'nudge' (friendly reminder) on 2026-01-19")
        #expect(acts(plans) == ["2026-01-19 nudge", "2026-01-29 notice", "2026-02-13 handover"])
        let notice = try #require(plans[2].acts.first)
        #expect(notice.fee == money(3750))
        #expect(notice.deadline == day("2026-02-12"))
        #expect(notice.interest?.total == money(4603))
        let handover = try #require(plans[3].acts.first)
        // The fee and the first interest are carried; 15 more days of interest are charged.
        #expect(handover.interest?.total == money(4932))
        #expect(handover.amountDue == money(1_000_000 + 3750 + 4603 + 4932))
        #expect(plans.last?.nextActionDate == nil)
    }

    @Test func theSwedishDefaultFromBeforeTheDueDate() {
        let plans = Planner.timeline(claim(.sweden, feeAgreed: true), ladder: .defaultSweden, rulebook: .sweden,
                                     from: day("2026-01-10"))
        // The påminnelse's deadline falls on Sunday 1 February and moves to Monday; the inkassokrav's on
        // Friday 13 February, so the handover is on Monday 16 February.
        #expect(acts(plans) == ["2026-01-22 reminder", "2026-02-03 notice", "2026-02-16 handover"])
        #expect(plans.flatMap(\.acts).map(\.fee) == [money(6000, .sweden), money(18_000, .sweden), nil])
    }

    @Test func aPromisePausesThePreviewThenTheLadderResumes() {
        let facts = claim(history: [nudgeTaken], promise: ("2026-02-05", 1_000_000))
        let plans = Planner.timeline(facts, ladder: .defaultNorway, rulebook: .norway, from: day("2026-01-29"))
        #expect(plans.first?.decisions.first.map(Expected.init) == .wait(until: "2026-02-06"))
        // Deadline 20 February (Friday); the day after is a Saturday.
        #expect(acts(plans) == ["2026-02-06 notice", "2026-02-23 handover"])
    }

    @Test func thePreviewEndsAfterItsDays() {
        let plans = Planner.timeline(claim(), ladder: .defaultNorway, rulebook: .norway, from: day("2026-01-10"), days: 15)
        #expect(acts(plans) == ["2026-01-19 nudge"])
    }

    @Test func aPaidClaimPreviewsOneStop() {
        let plans = Planner.timeline(claim(principal: 0), ladder: .defaultNorway, rulebook: .norway, from: day("2026-01-10"))
        #expect(plans.count == 1)
        #expect(plans.first?.decisions.first.map(Expected.init) == .stop)
    }

    @Test func anUnknownRateIsNeverChargedAndTheFeeIsCarried() throws {
        let facts = claim(due: "2026-06-15", history: [taken("nudge", .friendlyReminder, on: "2026-06-18")])
        let plans = Planner.timeline(facts, ladder: .defaultNorway, rulebook: .norway, from: day("2026-11-23"))
        #expect(acts(plans) == ["2026-11-23 notice", "2026-12-08 handover"])
        let handover = try #require(plans.last?.acts.first)
        #expect(handover.interest == nil)
        #expect(handover.amountDue == money(1_000_000 + 3750))
        #expect(handover.reasons.contains { $0.text.contains("2026 H2 is not in the rulebook") })
    }

    @Test func attentionIsShownUntilNothingButNewFactsCanChangeIt() {
        // Missing debtor data holds the handover back; once the 6-month window closes, a new inkassovarsel
        // is needed and only a person can move the claim on.
        let facts = claim(missing: ["postal address"], history: [nudgeTaken, noticeTaken])
        let plans = Planner.timeline(facts, ladder: .defaultNorway, rulebook: .norway, from: day("2026-02-02"), days: 200)
        #expect(plans.map { $0.decisions.first.map(Expected.init) } == [.wait(until: "2026-02-13"), .attention, .attention])
        #expect(plans.map(\.date) == ["2026-02-02", "2026-02-13", "2026-08-13"].map(day))
    }

    @Test func eachPlanInThePreviewIsWhatThePlannerSaysOnThatDay() {
        var facts = claim(.sweden, .business)
        for plan in Planner.timeline(facts, ladder: .defaultSweden, rulebook: .sweden, from: day("2026-01-10")) {
            #expect(Planner.plan(facts, ladder: .defaultSweden, rulebook: .sweden, on: plan.date) == plan)
            for act in plan.acts {
                facts = ClaimFacts(
                    claimID: facts.claimID, country: .sweden, customerKind: .business, issueDate: facts.issueDate,
                    dueDate: facts.dueDate,
                    balances: try! facts.balances.replacing(.compensation, with: try! facts.balances.compensation.adding(
                        act.compensation ?? .zero(.sek))).replacing(.interest, with: try! facts.balances.interest.adding(
                            act.interest?.total ?? .zero(.sek))),
                    interestChargedThrough: act.interest == nil ? facts.interestChargedThrough : act.date,
                    history: facts.history + [TakenStep(
                        stepID: act.step.id, kind: act.step.kind, sentOn: act.date, deadline: act.deadline, fee: act.fee,
                        compensation: act.compensation, channel: act.channel)])
            }
        }
        #expect(facts.history.map(\.stepID) == ["reminder", "notice", "handover"])
        #expect(facts.balances.compensation == money(45_000, .sweden))
    }
}
