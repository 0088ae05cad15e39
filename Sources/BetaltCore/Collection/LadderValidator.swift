/// Checks a ladder against the law before it is saved. A ladder that would break a rule is rejected with
/// every reason, never clamped into shape: the creditor must see and fix what they asked for (DESIGN.md §2).
public enum LadderValidator {
    /// Everything wrong with `ladder` under `rulebook` as it stands on `date`; empty when it may be saved.
    ///
    /// Timing is checked on each step's earliest day in days after the due date, a later step timed from the
    /// previous deadline counting from the end of that deadline; the planner never sends earlier than this.
    public static func violations(of ladder: Ladder, rulebook: Rulebook, on date: CivilDate) -> [LadderViolation] {
        guard ladder.country == rulebook.country else {
            return [LadderViolation(.countryMismatch, stepID: nil, Reason(
                "the ladder is for \(ladder.country.rawValue) but checked against the \(rulebook.country.rawValue) rulebook"))]
        }
        var check = LadderCheck(ladder: ladder, rulebook: rulebook, date: date)
        check.run()
        return check.found
    }
}

/// One validation pass, collecting what it finds.
struct LadderCheck {
    let ladder: Ladder
    let rulebook: Rulebook
    let date: CivilDate
    let country: Country
    var found: [LadderViolation] = []

    init(ladder: Ladder, rulebook: Rulebook, date: CivilDate) {
        self.ladder = ladder
        self.rulebook = rulebook
        self.date = date
        self.country = ladder.country
    }

    mutating func run() {
        if ladder.steps.isEmpty {
            add(.noSteps, nil, Reason("the ladder has no steps"))
        }
        checkStepIDs()
        checkOptions()
        let offsets = earliestOffsets()
        checkSteps(offsets)
        checkFees(offsets)
        checkHandover(offsets)
    }

    mutating func add(_ problem: LadderViolation.Problem, _ stepID: String?, _ reason: Reason) {
        found.append(LadderViolation(problem, stepID: stepID, reason))
    }

    /// A rule's value on the day of the check, or a violation saying it is not known.
    mutating func rule<Value>(_ schedule: DatedSchedule<Value>) -> DatedValue<Value>? {
        do {
            return try schedule.value(on: date)
        } catch {
            add(.ruleUnknown, nil, Reason("the ladder cannot be checked: \(error)"))
            return nil
        }
    }

    mutating func checkStepIDs() {
        var seen: Set<String> = []
        var reported: Set<String> = []
        for step in ladder.steps {
            if step.id.allSatisfy(\.isWhitespace) {
                add(.emptyStepID, step.id, Reason("a step needs an id: it is part of every act's idempotency key"))
            } else if step.id.hasPrefix(Planner.callTaskID(before: "")) {
                add(.reservedStepID, step.id, Reason(
                    "ids starting with '\(Planner.callTaskID(before: ""))' are kept for the call task option"))
            }
            if !seen.insert(step.id).inserted, reported.insert(step.id).inserted {
                add(.duplicateStepID, step.id, Reason(
                    "two steps share the id '\(step.id)': the planner tells taken steps by their id"))
            }
        }
    }

    mutating func checkOptions() {
        let options = ladder.options
        let currency = country.currency
        for (name, amount) in [(ReasonText("minimum amount"), options.minimumAmount), (ReasonText("call task threshold"), options.callTaskAtOrAbove)] {
            guard let amount else { continue }
            if amount.currency != currency || amount.isNegative {
                add(.invalidOption, nil, Reason("the \(name) must be a non-negative amount in \(currency.code), not \(amount)"))
            }
        }
        if options.callTaskDaysBeforeNotice < 0 {
            add(.invalidOption, nil, Reason("the call task comes a non-negative number of days before the notice"))
        }
        if let days = options.waiverIfPaidWithinDays, days <= 0 {
            add(.invalidOption, nil, Reason("a waiver offer needs at least one day to pay in"))
        }
        if let months = options.goodPayerMonths, !(1...60).contains(months) {
            add(.invalidOption, nil, Reason("a good payer is judged over 1 to 60 months, not \(months)"))
        }
    }

    /// Each step's earliest day, in days after the (rolled) due date; nil when it cannot be known.
    mutating func earliestOffsets() -> [Int?] {
        var offsets: [Int?] = []
        var lastDeadlineEnd: Int?
        var previous: Int?
        for step in ladder.steps {
            let offset: Int?
            switch step.timing {
            case .daysAfterDue(let days):
                offset = days
            case .daysAfterPreviousDeadline(let days):
                offset = lastDeadlineEnd.map { $0 + 1 + days }
                if offset == nil {
                    add(.noDeadlineToFollow, step.id, Reason(
                        "the step counts from the previous deadline, but no earlier step gives one"))
                }
            }
            if let offset, let previous, offset < previous {
                add(.outOfOrder, step.id, Reason(
                    "the step comes \(offset) days after the due date, before the step ahead of it (\(previous)):"
                        + " steps are taken in order"))
            }
            if let offset, let deadline = step.deadlineDays, step.kind.sendsNotice { lastDeadlineEnd = offset + deadline }
            previous = offset ?? previous
            offsets.append(offset)
        }
        return offsets
    }

    mutating func checkSteps(_ offsets: [Int?]) {
        let minimumNoticeDays = rule(rulebook.minimumCollectionNoticeDays)
        for (step, offset) in zip(ladder.steps, offsets) {
            let name = step.kind.name(in: country)
            if step.kind.sendsNotice, step.channels.isEmpty {
                add(.noChannels, step.id, Reason("a \(name) needs at least one channel"))
            }
            if let days = step.deadlineDays, days < 0 {
                add(.negativeDeadline, step.id, Reason("a deadline cannot be negative (\(days) days)"))
            }
            if step.chargesFee, step.kind == .friendlyReminder {
                add(.feeOnFriendlyReminder, step.id, Reason(
                    "a friendly reminder is fee-free: make it a formal reminder to ask for a fee"))
            }
            if step.chargesFee, !step.kind.sendsNotice {
                add(.feeOnStepWithoutNotice, step.id, Reason(
                    "a \(name) carries no fee: only a formal reminder or collection notice may"))
            }
            if step.kind.mayChargeFee, let offset, offset < 1 {
                add(.beforeDueDate, step.id, Reason(
                    "a \(name) may go out only after the due date, not \(offset) days after it",
                    LegalBasis.afterDueDate(step.kind, country)))
            }
            if step.kind == .collectionNotice, let minimum = minimumNoticeDays {
                let days = step.deadlineDays ?? 0
                if days < minimum.value {
                    let given = step.deadlineDays.map { ReasonText("\($0) days") } ?? ReasonText("no deadline")
                    add(.noticeDeadlineTooShort, step.id, Reason(
                        "the \(name) gives \(given); it must give at least \(minimum.value)", minimum.citation))
                }
            }
        }
    }

    /// The fee-bearing steps: when, how many, in what order (NO inkf. §§ 1-2, 1-3; SE IKL §§ 2–3).
    mutating func checkFees(_ offsets: [Int?]) {
        var minimumDays: DatedValue<Int>?
        var maximum: DatedValue<Int>?
        var missed: DatedValue<Int>?
        if let rules = rulebook.norwegian {
            minimumDays = rule(rules.minimumDaysAfterDueForFee)
            maximum = rule(rules.maximumReminderFees)
            missed = rule(rules.minimumMissedDeadlineDaysForNextFee)
        } else if let rules = rulebook.swedish {
            maximum = rule(rules.maximumReminderFees)
        }
        var noticeSeen = false
        var feeSteps: [(step: LadderStep, offset: Int?)] = []
        for (step, offset) in zip(ladder.steps, offsets) {
            defer { if step.kind == .collectionNotice { noticeSeen = true } }
            guard step.chargesFee, step.kind.mayChargeFee else { continue }
            let name = step.kind.name(in: country)
            if noticeSeen {
                let citation = country == .norway
                    ? maximum?.citation.description : LegalBasis.noFeeAfterNoticeSweden.text
                add(.feeAfterCollectionNotice, step.id, Reason(
                    "no fee-bearing \(name) may follow the \(StepKind.collectionNotice.name(in: country))",
                    citation: citation))
            }
            if let minimumDays, let offset, offset < minimumDays.value {
                add(.feeTooEarly, step.id, Reason(
                    "a fee-bearing \(name) comes \(offset) days after the due date; a fee needs at least \(minimumDays.value)",
                    minimumDays.citation))
            }
            if country == .norway, let maximum, feeSteps.count >= maximum.value {
                add(.tooManyFees, step.id, Reason(
                    "more than \(maximum.value) fee-bearing purring/inkassovarsel steps", maximum.citation))
            }
            if let missed, let previous = feeSteps.last {
                let deadline = previous.step.deadlineDays ?? 0
                let afterDeadline = previous.offset.flatMap { start in offset.map { $0 > start + deadline } } ?? false
                if deadline < missed.value || !afterDeadline {
                    add(.nextFeeTooSoon, step.id, Reason(
                        "a second fee needs a missed deadline of at least \(missed.value) days in '\(previous.step.id)'"
                            + " (it gives \(deadline)), and must come after it",
                        missed.citation))
                }
            }
            if country == .sweden, step.kind == .reminder, let maximum,
               feeSteps.count(where: { $0.step.kind == .reminder }) >= maximum.value {
                add(.tooManyFees, step.id, Reason(
                    "more than \(maximum.value) fee-bearing påminnelse on one claim", maximum.citation))
            }
            feeSteps.append((step, offset))
        }
    }

    /// At most one handover, last, after a collection notice and its deadline; a notice announces a handover
    /// that must then follow (never threaten what will not be done).
    mutating func checkHandover(_ offsets: [Int?]) {
        let rule = LegalBasis.collectionNotice(country)
        let noticeName = StepKind.collectionNotice.name(in: country)
        var lastNotice: (step: LadderStep, offset: Int?)?
        var handovers = 0
        var handoverAfterNotice = false
        for (index, (step, offset)) in zip(ladder.steps, offsets).enumerated() {
            if step.kind == .collectionNotice {
                lastNotice = (step, offset)
                handoverAfterNotice = false
            }
            guard step.kind == .handover else { continue }
            handovers += 1
            if handovers > 1 {
                add(.moreThanOneHandover, step.id, Reason("a ladder hands a claim over once"))
            }
            if index != ladder.steps.count - 1 {
                add(.handoverNotLast, step.id, Reason(
                    "the handover must be the last step: after it the agency follows the claim up"))
            }
            guard let notice = lastNotice else {
                add(.handoverWithoutNotice, step.id, Reason(
                    "a handover needs a \(noticeName) before it whose deadline has passed", rule))
                continue
            }
            handoverAfterNotice = true
            if let start = notice.offset, let offset {
                let deadlineEnd = start + (notice.step.deadlineDays ?? 0)
                if offset <= deadlineEnd {
                    add(.handoverBeforeDeadline, step.id, Reason(
                        "the handover comes \(offset) days after the due date, before the \(noticeName) deadline"
                            + " has passed (day \(deadlineEnd))",
                        rule))
                }
            }
        }
        if let notice = lastNotice, !handoverAfterNotice {
            add(.noticeWithoutHandover, notice.step.id, Reason(
                "the \(noticeName) announces a handover to an agency, so the ladder must end with one",
                LegalBasis.goodPractice(country)))
        }
    }
}
