import BetaltCore
import Testing

// Shared by the Planner*Tests and Ladder*Tests files: a claim builder, ladder builders and one table row
// type that states the exact decision expected. The default claim is 10 000.00 kr owed by a consumer, due
// Thursday 2026-01-15, with a postal address and no electronic channel accepted.

func day(_ iso: String) -> CivilDate { try! CivilDate(iso: iso) }

func money(_ minorUnits: Int64, _ country: Country = .norway) -> Money {
    Money(minorUnits: minorUnits, currency: country.currency)
}

func claim(
    _ country: Country = .norway, _ kind: CustomerKind = .consumer, due: String = "2026-01-15",
    principal: Int64 = 1_000_000, fee: Int64 = 0, interest: Int64 = 0, compensation: Int64 = 0,
    interestThrough: String? = nil, feeAgreed: Bool = false, accepted: Set<Channel> = [], address: Bool = true,
    missing: [String] = [], history: [TakenStep] = [], disputed: Int64 = 0, promise: (payBy: String, amount: Int64)? = nil,
    promisedInvoices: [String] = [], onPlan: Bool = false, handedOver: Bool = false, lastLate: String? = nil
) -> ClaimFacts {
    ClaimFacts(
        claimID: "C-1", country: country, customerKind: kind, issueDate: day(due).adding(days: -30), dueDate: day(due),
        balances: try! ComponentBalances(
            principal: money(principal, country), fee: money(fee, country), interest: money(interest, country),
            compensation: money(compensation, country)),
        interestChargedThrough: interestThrough.map(day), reminderFeeAgreed: feeAgreed,
        acceptedElectronicChannels: accepted, hasPostalAddress: address, missingDebtorData: missing.map { ReasonText(verbatim: $0) }, history: history,
        disputedAmount: money(disputed, country),
        promise: promise.map { PromiseFacts(payBy: day($0.payBy), amount: money($0.amount, country), invoiceNumbers: promisedInvoices) },
        onPaymentPlan: onPlan, handedOver: handedOver, lastLatePayment: lastLate.map(day))
}

func taken(
    _ id: String, _ kind: StepKind, on sent: String, deadline: String? = nil, fee: Int64? = nil,
    compensation: Int64? = nil, channel: Channel? = nil, _ country: Country = .norway
) -> TakenStep {
    TakenStep(
        stepID: id, kind: kind, sentOn: day(sent), deadline: deadline.map(day), fee: fee.map { money($0, country) },
        compensation: compensation.map { money($0, country) }, channel: channel ?? (kind.sendsNotice ? .letter : nil))
}

func step(
    _ id: String, _ kind: StepKind, _ timing: StepTiming, fee: Bool = false, deadline: Int? = nil,
    channels: [Channel] = [.letter]
) -> LadderStep {
    LadderStep(id: id, kind: kind, timing: timing, channels: kind.sendsNotice ? channels : [], chargesFee: fee,
               deadlineDays: deadline)
}

func ladder(_ country: Country = .norway, _ steps: [LadderStep], options: LadderOptions = LadderOptions()) -> Ladder {
    Ladder(id: "test", name: "Test", country: country, steps: steps, options: options)
}

/// The decision a row expects, by kind and the date or step it names.
enum Expected: Equatable, Sendable, CustomStringConvertible {
    case act(String)
    case wait(until: String)
    case refuse(String)
    case stop
    case attention

    init(_ decision: Decision) {
        switch decision {
        case .act(let act): self = .act(act.step.id)
        case .wait(let until, _): self = .wait(until: until.iso)
        case .refuse(let stepID, _): self = .refuse(stepID)
        case .stop: self = .stop
        case .attention: self = .attention
        }
    }

    var description: String {
        switch self {
        case .act(let id): "act \(id)"
        case .wait(let until): "wait until \(until)"
        case .refuse(let id): "refuse \(id)"
        case .stop: "stop"
        case .attention: "attention"
        }
    }
}

/// Whether a row checks the next-action date.
enum NextLook: Sendable {
    case unchecked
    case never
    case on(String)
}

/// One scenario: the facts, the ladder, the day, and everything the decision must say. Amounts in minor units.
struct Scenario: Sendable, CustomTestStringConvertible {
    let name: String
    var facts: ClaimFacts = claim()
    var ladder: Ladder = .defaultNorway
    let today: String
    let expected: Expected
    var fee: Int64?
    var compensation: Int64?
    var interest: Int64?
    var deadline: String?
    var channel: Channel?
    var amountDue: Int64?
    /// A text that must appear in one of the decision's citations.
    var cites: String?
    /// A text that must appear in one of the decision's reasons.
    var says: String?
    /// A text the refused fee's citation must contain (nil: no fee may be refused).
    var feeRefusedCites: String?
    var next: NextLook = .unchecked

    var testDescription: String { name }
}

extension Plan {
    /// Every reason the plan gives, whatever its decisions.
    var reasons: [Reason] {
        decisions.flatMap { decision -> [Reason] in
            switch decision {
            case .act(let act): act.reasons
            case .wait(_, let reason), .refuse(_, let reason), .stop(let reason), .attention(let reason): [reason]
            }
        }
    }
}

func check(_ row: Scenario) {
    let plan = Planner.plan(row.facts, ladder: row.ladder, rulebook: .for(row.facts.country), on: day(row.today))
    let country = row.facts.country
    #expect(plan.claimID == row.facts.claimID)
    #expect(plan.date == day(row.today))
    #expect(plan.decisions.count == 1)
    guard let decision = plan.decisions.first else { return }
    #expect(Expected(decision) == row.expected, "\(plan.reasons)")
    let act = plan.acts.first
    #expect(act?.fee == row.fee.map { money($0, country) }, "\(plan.reasons)")
    #expect(act?.compensation == row.compensation.map { money($0, country) }, "\(plan.reasons)")
    #expect(act?.deadline == row.deadline.map(day))
    if let interest = row.interest { #expect(act?.interest?.total == money(interest, country), "\(plan.reasons)") }
    if let channel = row.channel { #expect(act?.channel == channel) }
    if let amountDue = row.amountDue { #expect(act?.amountDue == money(amountDue, country)) }
    if let cites = row.cites {
        #expect(plan.reasons.contains { $0.citation?.contains(cites) ?? false }, "no citation of \(cites) in \(plan.reasons)")
    }
    if let says = row.says {
        #expect(plan.reasons.contains { $0.text.contains(says) }, "'\(says)' not in \(plan.reasons)")
    }
    if let feeRefusedCites = row.feeRefusedCites {
        #expect(act?.feeRefused?.citation?.contains(feeRefusedCites) ?? false, "\(String(describing: act?.feeRefused))")
        let listed = act.flatMap { act in act.feeRefused.map { act.reasons.contains($0) } } ?? false
        #expect(listed, "the refused fee is among the reasons")
    } else if let act {
        #expect(act.feeRefused == nil, "\(String(describing: act.feeRefused))")
    }
    switch row.next {
    case .unchecked: break
    case .never: #expect(plan.nextActionDate == nil)
    case .on(let date): #expect(plan.nextActionDate == day(date))
    }
    if case .act = decision, let next = plan.nextActionDate { #expect(next > plan.date) }
}

/// The Norwegian default ladder's nudge, taken on its day for the default claim.
let nudgeTaken = taken("nudge", .friendlyReminder, on: "2026-01-19")
/// The Norwegian default ladder's inkassovarsel, taken with its fee for the default claim.
let noticeTaken = taken("notice", .collectionNotice, on: "2026-01-29", deadline: "2026-02-12", fee: 3750)

@Suite struct PlannerGuardTests {
    static let rows: [Scenario] = [
        Scenario(name: "a paid claim stops", facts: claim(principal: 0, history: [nudgeTaken]), today: "2026-01-29",
                 expected: .stop, says: "paid", next: .never),
        Scenario(name: "a claim with the agency stops", facts: claim(history: [nudgeTaken, noticeTaken], handedOver: true),
                 today: "2026-02-16", expected: .stop, says: "agency", next: .never),
        Scenario(name: "NO: the whole amount disputed stops", facts: claim(history: [nudgeTaken], disputed: 1_000_000),
                 today: "2026-01-29", expected: .stop, cites: "inkl. § 8", next: .never),
        Scenario(name: "SE: the whole amount disputed stops", facts: claim(.sweden, disputed: 1_200_000),
                 ladder: .defaultSweden, today: "2026-01-22", expected: .stop, cites: "IkL 4 §", next: .never),
        Scenario(name: "NO: a partly disputed claim goes on for the undisputed rest",
                 facts: claim(history: [nudgeTaken], disputed: 400_000), today: "2026-01-29", expected: .act("notice"),
                 // 6 000 kr undisputed; 14 days at 12.00 % on it: 2 761.64 øre → 27.62 kr.
                 fee: 3750, interest: 2762, deadline: "2026-02-12", amountDue: 600_000 + 3750 + 2762, cites: "inkl. § 8",
                 says: "only the undisputed 6000.00 NOK"),
        Scenario(name: "SE: a partly disputed claim goes on for the undisputed rest",
                 facts: claim(.sweden, feeAgreed: true, disputed: 250_000), ladder: .defaultSweden, today: "2026-01-22",
                 // 7 500 kr undisputed; 7 days at 10.00 %: 1 438.36 öre.
                 expected: .act("reminder"), fee: 6000, interest: 1438, deadline: "2026-02-01",
                 amountDue: 750_000 + 6000 + 1438, cites: "IkL 4 §"),
        Scenario(name: "NO: a promise being kept pauses the ladder",
                 facts: claim(history: [nudgeTaken], promise: ("2026-02-05", 1_000_000)), today: "2026-01-29",
                 expected: .wait(until: "2026-02-06"), cites: "inkl. § 8", next: .on("2026-02-06")),
        Scenario(name: "SE: a promise being kept pauses the ladder", facts: claim(.sweden, promise: ("2026-01-30", 500_000)),
                 ladder: .defaultSweden, today: "2026-01-22", expected: .wait(until: "2026-01-31"), cites: "IkL 4 §"),
        Scenario(name: "a promise due today is still being kept",
                 facts: claim(history: [nudgeTaken], promise: ("2026-01-29", 1_000_000)), today: "2026-01-29",
                 expected: .wait(until: "2026-01-30")),
        Scenario(name: "a broken promise lets the ladder resume",
                 facts: claim(history: [nudgeTaken], promise: ("2026-01-27", 1_000_000)), today: "2026-01-29",
                 expected: .act("notice"), fee: 3750, deadline: "2026-02-12", says: "was not kept"),
        Scenario(name: "a claim on a payment plan is left to the plan", facts: claim(history: [nudgeTaken], onPlan: true),
                 today: "2026-01-29", expected: .stop, says: "payment plan", next: .never),
        Scenario(name: "NO: on the third anniversary of the due date the claim is flagged, not chased",
                 facts: claim(due: "2023-03-02"), today: "2026-03-02", expected: .attention, cites: "foreldelsesloven §§ 2–3",
                 says: "time-barred from 2026-03-02", next: .never),
        Scenario(name: "NO: the day before limitation a step still goes, and the next look is the limitation day",
                 facts: claim(due: "2023-03-01"), today: "2026-02-27", expected: .act("nudge"), next: .on("2026-03-01")),
        Scenario(name: "SE: a consumer claim is time-barred after 3 years", facts: claim(.sweden, due: "2023-03-01"),
                 ladder: .defaultSweden, today: "2026-03-02", expected: .attention, cites: "preskriptionslag (1981:130) 2 §"),
        Scenario(name: "SE: a business claim is not time-barred after 3 years",
                 facts: claim(.sweden, .business, due: "2023-03-01", compensation: 45_000,
                              history: [taken("reminder", .reminder, on: "2023-03-08", deadline: "2023-03-18",
                                              compensation: 45_000, .sweden)]),
                 ladder: .defaultSweden, today: "2026-03-02", expected: .act("notice"), deadline: "2026-03-12",
                 cites: "IKL § 4 a", feeRefusedCites: "IKL § 4 a"),
        Scenario(name: "below the ladder's minimum amount nothing is sent", facts: claim(principal: 10_000),
                 ladder: ladder(.norway, Ladder.defaultNorway.steps, options: LadderOptions(minimumAmount: money(20_000))),
                 today: "2026-01-19", expected: .stop, says: "below the ladder's minimum", next: .never),
        Scenario(name: "at the minimum amount the ladder runs", facts: claim(principal: 20_000),
                 ladder: ladder(.norway, Ladder.defaultNorway.steps, options: LadderOptions(minimumAmount: money(20_000))),
                 today: "2026-01-19", expected: .act("nudge")),
        Scenario(name: "before the first step's day: wait for it (the nudge's Sunday moves to Monday)",
                 today: "2026-01-10", expected: .wait(until: "2026-01-19"), says: "next step 'nudge'", next: .on("2026-01-19")),
        Scenario(name: "no act on a Sunday: an overdue notice waits for Monday", facts: claim(history: [nudgeTaken]),
                 today: "2026-02-01", expected: .wait(until: "2026-02-02"), says: "not a business day", next: .on("2026-02-02")),
        Scenario(name: "a partial payment does not skip the notice",
                 facts: claim(principal: 300_000, history: [nudgeTaken]), today: "2026-03-02", expected: .act("notice"),
                 fee: 3750, deadline: "2026-03-16", next: .on("2026-03-17")),
        Scenario(name: "a notice cannot be skipped to reach the handover",
                 facts: claim(history: [nudgeTaken]),
                 ladder: ladder(.norway, [step("nudge", .friendlyReminder, .daysAfterDue(3)),
                                          step("handover", .handover, .daysAfterDue(20))]),
                 today: "2026-02-04", expected: .refuse("handover"), cites: "inkl. § 9 (1)", next: .never),
        Scenario(name: "a ladder for another country is not used", facts: claim(.sweden), ladder: .defaultNorway,
                 today: "2026-01-22", expected: .attention, next: .never),
        Scenario(name: "every step taken: nothing more",
                 facts: claim(history: [nudgeTaken, noticeTaken, taken("handover", .handover, on: "2026-02-13")]),
                 today: "2026-02-16", expected: .stop, says: "every step", next: .never),
        Scenario(name: "a friendly reminder before the due date goes on its day",
                 ladder: ladder(.norway, [step("pre", .friendlyReminder, .daysAfterDue(-3)),
                                          step("notice", .collectionNotice, .daysAfterDue(14), fee: true, deadline: 14),
                                          step("handover", .handover, .daysAfterPreviousDeadline(0))]),
                 today: "2026-01-12", expected: .act("pre"), next: .on("2026-01-29")),
        Scenario(name: "a friendly reminder before the due date is passed over once the due date has passed",
                 ladder: ladder(.norway, [step("pre", .friendlyReminder, .daysAfterDue(-3)),
                                          step("notice", .collectionNotice, .daysAfterDue(14), fee: true, deadline: 14),
                                          step("handover", .handover, .daysAfterPreviousDeadline(0))]),
                 today: "2026-01-20", expected: .wait(until: "2026-01-29")),
        Scenario(name: "a step timed from a previous deadline no notice gave is refused",
                 facts: claim(history: [nudgeTaken]),
                 ladder: ladder(.norway, [step("nudge", .friendlyReminder, .daysAfterDue(3)),
                                          step("notice", .collectionNotice, .daysAfterPreviousDeadline(0), fee: true, deadline: 14)]),
                 today: "2026-01-29", expected: .refuse("notice"), next: .never),
    ]

    @Test(arguments: rows) func scenario(_ row: Scenario) { check(row) }
}
