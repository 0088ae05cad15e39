import BetaltCore
import Testing

/// One ladder and exactly the problems the validator must find in it, with the rule the first one cites.
struct LadderCase: Sendable, CustomTestStringConvertible {
    let name: String
    let ladder: Ladder
    var rulebookCountry: Country?
    var on = "2026-11-22"
    let problems: Set<LadderViolation.Problem>
    var cites: String?

    var testDescription: String { name }
}

let nudgeStep = step("nudge", .friendlyReminder, .daysAfterDue(3))
let noticeStep = step("notice", .collectionNotice, .daysAfterDue(14), fee: true, deadline: 14)
let handoverStep = step("handover", .handover, .daysAfterPreviousDeadline(0))

@Suite struct LadderValidatorTests {
    static let cases: [LadderCase] = [
        LadderCase(name: "the Norwegian default is lawful", ladder: .defaultNorway, problems: []),
        LadderCase(name: "the Swedish default is lawful", ladder: .defaultSweden, problems: []),
        LadderCase(name: "the defaults are lawful on 1 January 2026 too", ladder: .defaultNorway, on: "2026-01-01", problems: []),
        LadderCase(name: "NO: a fee-bearing purring 10 days after the due date",
                   ladder: ladder(.norway, [step("purring", .reminder, .daysAfterDue(10), fee: true, deadline: 14),
                                            step("notice", .collectionNotice, .daysAfterPreviousDeadline(0), fee: true, deadline: 14),
                                            handoverStep]),
                   problems: [.feeTooEarly], cites: "inkf. § 1-2 (2)"),
        LadderCase(name: "NO: a fee-bearing purring 14 days after the due date",
                   ladder: ladder(.norway, [step("purring", .reminder, .daysAfterDue(14), fee: true, deadline: 14),
                                            step("notice", .collectionNotice, .daysAfterPreviousDeadline(0), fee: true, deadline: 14),
                                            handoverStep]),
                   problems: []),
        LadderCase(name: "NO: three fee-bearing steps",
                   ladder: ladder(.norway, [step("p1", .reminder, .daysAfterDue(14), fee: true, deadline: 14),
                                            step("p2", .reminder, .daysAfterPreviousDeadline(0), fee: true, deadline: 14),
                                            step("notice", .collectionNotice, .daysAfterPreviousDeadline(0), fee: true, deadline: 14),
                                            handoverStep]),
                   problems: [.tooManyFees], cites: "inkf. § 1-3"),
        LadderCase(name: "NO: a fee-bearing purring after the inkassovarsel",
                   ladder: ladder(.norway, [noticeStep,
                                            step("purring", .reminder, .daysAfterPreviousDeadline(0), fee: true, deadline: 14),
                                            handoverStep]),
                   problems: [.feeAfterCollectionNotice], cites: "inkf. § 1-3"),
        LadderCase(name: "NO: a second fee after a 10-day deadline",
                   ladder: ladder(.norway, [step("purring", .reminder, .daysAfterDue(14), fee: true, deadline: 10),
                                            step("notice", .collectionNotice, .daysAfterPreviousDeadline(0), fee: true, deadline: 14),
                                            handoverStep]),
                   problems: [.nextFeeTooSoon], cites: "inkf. §§ 1-2 (3), 1-3"),
        LadderCase(name: "NO: a second fee before the first deadline has run out",
                   ladder: ladder(.norway, [step("purring", .reminder, .daysAfterDue(14), fee: true, deadline: 14),
                                            step("notice", .collectionNotice, .daysAfterDue(28), fee: true, deadline: 14),
                                            handoverStep]),
                   problems: [.nextFeeTooSoon], cites: "inkf. §§ 1-2 (3), 1-3"),
        LadderCase(name: "NO: an inkassovarsel with 10 days",
                   ladder: ladder(.norway, [nudgeStep, step("notice", .collectionNotice, .daysAfterDue(14), fee: true, deadline: 10),
                                            handoverStep]),
                   problems: [.noticeDeadlineTooShort], cites: "inkl. § 9 (2)"),
        LadderCase(name: "NO: an inkassovarsel without a deadline",
                   ladder: ladder(.norway, [nudgeStep, step("notice", .collectionNotice, .daysAfterDue(14), fee: true),
                                            step("handover", .handover, .daysAfterDue(30))]),
                   problems: [.noticeDeadlineTooShort], cites: "inkl. § 9 (2)"),
        LadderCase(name: "SE: an inkassokrav with 7 days",
                   ladder: ladder(.sweden, [step("notice", .collectionNotice, .daysAfterDue(7), fee: true, deadline: 7),
                                            handoverStep]),
                   problems: [.noticeDeadlineTooShort], cites: "IkL 5 §"),
        LadderCase(name: "SE: an inkassokrav with 8 days",
                   ladder: ladder(.sweden, [step("notice", .collectionNotice, .daysAfterDue(7), fee: true, deadline: 8),
                                            handoverStep]),
                   problems: []),
        LadderCase(name: "SE: two fee-bearing påminnelser",
                   ladder: ladder(.sweden, [step("r1", .reminder, .daysAfterDue(7), fee: true, deadline: 10),
                                            step("r2", .reminder, .daysAfterPreviousDeadline(0), fee: true, deadline: 10),
                                            step("notice", .collectionNotice, .daysAfterPreviousDeadline(0), fee: true, deadline: 10),
                                            handoverStep]),
                   problems: [.tooManyFees], cites: "IKL § 2"),
        LadderCase(name: "SE: a fee-bearing påminnelse after the inkassokrav",
                   ladder: ladder(.sweden, [step("notice", .collectionNotice, .daysAfterDue(7), deadline: 10),
                                            step("reminder", .reminder, .daysAfterPreviousDeadline(0), fee: true, deadline: 10),
                                            handoverStep]),
                   problems: [.feeAfterCollectionNotice], cites: "IkL 4 §"),
        LadderCase(name: "a handover with no collection notice before it",
                   ladder: ladder(.norway, [nudgeStep, step("handover", .handover, .daysAfterDue(20))]),
                   problems: [.handoverWithoutNotice], cites: "inkl. § 9 (1)"),
        LadderCase(name: "a handover timed before the inkassovarsel deadline",
                   ladder: ladder(.norway, [nudgeStep, noticeStep, step("handover", .handover, .daysAfterDue(20))]),
                   problems: [.handoverBeforeDeadline], cites: "inkl. § 9 (1)"),
        LadderCase(name: "a handover on the inkassovarsel's last day",
                   ladder: ladder(.norway, [nudgeStep, noticeStep, step("handover", .handover, .daysAfterDue(28))]),
                   problems: [.handoverBeforeDeadline]),
        LadderCase(name: "a handover the day after the inkassovarsel's last day",
                   ladder: ladder(.norway, [nudgeStep, noticeStep, step("handover", .handover, .daysAfterDue(29))]),
                   problems: []),
        LadderCase(name: "SE: a handover timed before the inkassokrav deadline",
                   ladder: ladder(.sweden, [step("notice", .collectionNotice, .daysAfterDue(7), fee: true, deadline: 10),
                                            step("handover", .handover, .daysAfterDue(15))]),
                   problems: [.handoverBeforeDeadline], cites: "IkL 5 §"),
        LadderCase(name: "two handovers",
                   ladder: ladder(.norway, [nudgeStep, noticeStep, handoverStep,
                                            step("handover2", .handover, .daysAfterDue(60))]),
                   problems: [.moreThanOneHandover, .handoverNotLast]),
        LadderCase(name: "a step after the handover",
                   ladder: ladder(.norway, [nudgeStep, noticeStep, handoverStep, step("call", .callTask, .daysAfterDue(40))]),
                   problems: [.handoverNotLast]),
        LadderCase(name: "an inkassovarsel that announces a handover the ladder never makes",
                   ladder: ladder(.norway, [nudgeStep, noticeStep]),
                   problems: [.noticeWithoutHandover], cites: "inkl. § 8"),
        LadderCase(name: "a friendly reminder with a fee",
                   ladder: ladder(.norway, [step("nudge", .friendlyReminder, .daysAfterDue(3), fee: true), noticeStep, handoverStep]),
                   problems: [.feeOnFriendlyReminder]),
        LadderCase(name: "a call task with a fee",
                   ladder: ladder(.norway, [step("call", .callTask, .daysAfterDue(10), fee: true), noticeStep, handoverStep]),
                   problems: [.feeOnStepWithoutNotice]),
        LadderCase(name: "a negative deadline",
                   ladder: ladder(.norway, [step("nudge", .friendlyReminder, .daysAfterDue(3), deadline: -1), noticeStep, handoverStep]),
                   problems: [.negativeDeadline]),
        LadderCase(name: "a notice with no channel",
                   ladder: ladder(.norway, [nudgeStep,
                                            step("notice", .collectionNotice, .daysAfterDue(14), fee: true, deadline: 14, channels: []),
                                            handoverStep]),
                   problems: [.noChannels]),
        LadderCase(name: "two steps with one id",
                   ladder: ladder(.norway, [nudgeStep, step("nudge", .friendlyReminder, .daysAfterDue(7)), noticeStep, handoverStep]),
                   problems: [.duplicateStepID]),
        LadderCase(name: "a blank step id",
                   ladder: ladder(.norway, [step(" ", .friendlyReminder, .daysAfterDue(3)), noticeStep, handoverStep]),
                   problems: [.emptyStepID]),
        LadderCase(name: "a step id kept for the call task option",
                   ladder: ladder(.norway, [step("call-before-notice", .callTask, .daysAfterDue(10)), noticeStep, handoverStep]),
                   problems: [.reservedStepID]),
        LadderCase(name: "a Swedish ladder checked against the Norwegian rulebook", ladder: .defaultSweden,
                   rulebookCountry: .norway, problems: [.countryMismatch]),
        LadderCase(name: "no steps", ladder: ladder(.norway, []), problems: [.noSteps]),
        LadderCase(name: "a step counting from a deadline no step gives",
                   ladder: ladder(.norway, [nudgeStep,
                                            step("notice", .collectionNotice, .daysAfterPreviousDeadline(0), fee: true, deadline: 14),
                                            handoverStep]),
                   problems: [.noDeadlineToFollow]),
        LadderCase(name: "steps out of time order",
                   ladder: ladder(.norway, [step("nudge", .friendlyReminder, .daysAfterDue(20)), noticeStep, handoverStep]),
                   problems: [.outOfOrder]),
        LadderCase(name: "NO: an inkassovarsel on the due date",
                   ladder: ladder(.norway, [step("notice", .collectionNotice, .daysAfterDue(0), deadline: 14), handoverStep]),
                   problems: [.beforeDueDate], cites: "inkl. § 9 (1)"),
        LadderCase(name: "SE: a påminnelse before the due date",
                   ladder: ladder(.sweden, [step("reminder", .reminder, .daysAfterDue(-2), deadline: 10),
                                            step("notice", .collectionNotice, .daysAfterPreviousDeadline(0), fee: true, deadline: 10),
                                            handoverStep]),
                   problems: [.beforeDueDate], cites: "IKL § 2"),
        LadderCase(name: "options that make no sense",
                   ladder: ladder(.norway, Ladder.defaultNorway.steps, options: LadderOptions(
                       minimumAmount: money(10_000, .sweden), callTaskAtOrAbove: money(-1), callTaskDaysBeforeNotice: -1,
                       waiverIfPaidWithinDays: 0)),
                   problems: [.invalidOption]),
        LadderCase(name: "a date the rulebook does not cover", ladder: .defaultNorway, on: "2010-01-01", problems: [.ruleUnknown]),
    ]

    @Test(arguments: cases) func validate(_ row: LadderCase) {
        let rulebook = Rulebook.for(row.rulebookCountry ?? row.ladder.country)
        let violations = LadderValidator.violations(of: row.ladder, rulebook: rulebook, on: day(row.on))
        #expect(Set(violations.map(\.problem)) == row.problems, "\(violations)")
        if let cites = row.cites {
            #expect(violations.contains { row.problems.contains($0.problem) && ($0.reason.citation?.contains(cites) ?? false) },
                    "no violation cites \(cites): \(violations)")
        }
    }

    @Test func eachViolationSaysWhichStepAndWhy() {
        let violations = LadderValidator.violations(
            of: ladder(.norway, [nudgeStep, step("notice", .collectionNotice, .daysAfterDue(14), fee: true, deadline: 10), handoverStep]),
            rulebook: .norway, on: day("2026-11-22"))
        #expect(violations.map(\.description) == [
            "step 'notice': the inkassovarsel gives 10 days; it must give at least 14 (inkl. § 9 (2) [C])",
        ])
        #expect(violations.first?.stepID == "notice")
    }

    @Test func everyProblemOfAnUnlawfulLadderIsReportedNotOnlyTheFirst() {
        let violations = LadderValidator.violations(
            of: ladder(.norway, [step("purring", .reminder, .daysAfterDue(5), fee: true, deadline: 7),
                                 step("notice", .collectionNotice, .daysAfterDue(10), fee: true, deadline: 7),
                                 step("handover", .handover, .daysAfterDue(12))]),
            rulebook: .norway, on: day("2026-11-22"))
        #expect(Set(violations.map(\.problem)) == [
            .feeTooEarly, .nextFeeTooSoon, .noticeDeadlineTooShort, .handoverBeforeDeadline,
        ])
        #expect(violations.filter { $0.problem == .feeTooEarly }.map(\.stepID) == ["purring", "notice"])
    }
}
