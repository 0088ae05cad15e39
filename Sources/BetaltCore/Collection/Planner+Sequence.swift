/// What the ladder asks for next on a claim, and the first day it may come.
enum PendingStep {
    /// A ladder step, on the first business day its timing allows.
    case step(LadderStep, date: CivilDate)
    /// A call task the ladder's options put before a collection notice.
    case call(LadderStep, date: CivilDate)
    /// A step timed from a previous deadline when no notice gave one: the ladder is broken.
    case noDeadlineToFollow(LadderStep)
    /// Every step is taken.
    case complete

    /// The day the step may come, if it can be timed.
    var date: CivilDate? {
        switch self {
        case .step(_, let date), .call(_, let date): date
        case .noDeadlineToFollow, .complete: nil
        }
    }
}

extension ClaimDay {
    /// The first ladder step not in `history`, looked at on `day`. Steps are never skipped (a partial
    /// payment does not move the claim past a notice), except a friendly reminder meant for the due date or
    /// before it, whose moment has gone once the due date has passed.
    func pending(in history: ClaimHistory, on day: CivilDate) -> PendingStep {
        for step in ladder.steps where !history.contains(stepID: step.id) {
            if isPastPreDueReminder(step, on: day) { continue }
            guard let timed = ladderDate(of: step, in: history) else { return .noDeadlineToFollow(step) }
            let date = sendingDay(timed, after: history)
            if step.kind == .collectionNotice, let call = callTask(before: step, noticeDate: date, in: history) {
                return call
            }
            return .step(step, date: date)
        }
        return .complete
    }

    /// The day the step's timing names, before it is moved to a business day.
    func ladderDate(of step: LadderStep, in history: ClaimHistory) -> CivilDate? {
        switch step.timing {
        case .daysAfterDue(let days): rolledDue.adding(days: days)
        case .daysAfterPreviousDeadline(let days): history.lastDeadline.map { deadlinePassed($0).adding(days: days) }
        }
    }

    /// The first day a notice's deadline counts as missed. Norway: the day after it, never moved, because the
    /// deadline ends on the same weekday even on a holiday (inkl. § 9 (2), NORDIC-RULES § 1.5). Sweden: the
    /// day after the next weekday, since a payment then may still count as on time (lag (1930:173) 2 §, [U]).
    func deadlinePassed(_ deadline: CivilDate) -> CivilDate {
        switch country {
        case .norway: deadline.adding(days: 1)
        case .sweden: calendar.dueDateRolledForward(deadline).adding(days: 1)
        }
    }

    /// Acts happen on business days, one step a day: a letter dated on a Sunday is posted on Monday, and a
    /// deadline counted from the Sunday would be a day short in fact.
    func sendingDay(_ date: CivilDate, after history: ClaimHistory) -> CivilDate {
        var day = date
        if let last = history.lastSentOn, day <= last { day = last.adding(days: 1) }
        return calendar.nextBusinessDay(onOrAfter: day)
    }

    func isPastPreDueReminder(_ step: LadderStep, on day: CivilDate) -> Bool {
        guard step.kind == .friendlyReminder, case .daysAfterDue(let days) = step.timing, days <= 0 else { return false }
        return rolledDue < day
    }

    /// The call task before `notice`, when the open amount reaches the ladder's threshold and no call was made.
    func callTask(before notice: LadderStep, noticeDate: CivilDate, in history: ClaimHistory) -> PendingStep? {
        guard let threshold = ladder.options.callTaskAtOrAbove, threshold.currency == undisputed.currency,
              undisputed.minorUnits >= threshold.minorUnits else { return nil }
        let id = Planner.callTaskID(before: notice.id)
        guard !history.contains(stepID: id) else { return nil }
        let date = sendingDay(noticeDate.adding(days: -ladder.options.callTaskDaysBeforeNotice), after: history)
        let step = LadderStep(
            id: id, kind: .callTask, timing: .daysAfterDue(rolledDue.days(until: date)), channels: [],
            chargesFee: false, deadlineDays: nil)
        return .call(step, date: date)
    }

    /// When the claim needs looking at again once `act` is taken: the next step's first possible day, never
    /// today. Nil after a handover, or when the ladder has nothing more.
    func nextLook(after act: PlannedAct) -> CivilDate? {
        guard act.step.kind != .handover else { return nil }
        let taken = TakenStep(
            stepID: act.step.id, kind: act.step.kind, sentOn: today, deadline: act.deadline, fee: act.fee,
            compensation: act.compensation, channel: act.channel)
        let after = ClaimHistory(facts.history, assuming: taken)
        let tomorrow = today.adding(days: 1)
        switch pending(in: after, on: tomorrow) {
        case .complete:
            return nil
        case .noDeadlineToFollow:
            return nextLook(tomorrow)
        case .call(_, let date):
            return nextLook(Swift.max(date, tomorrow))
        case .step(let step, let date):
            var first = Swift.max(date, tomorrow)
            if step.kind == .handover, let deadline = after.lastCollectionNotice?.deadline {
                first = Swift.max(first, calendar.nextBusinessDay(onOrAfter: deadlinePassed(deadline)))
            } else if let legal = legalEarliest(step.kind) {
                first = Swift.max(first, legal)
            }
            return nextLook(first)
        }
    }
}

extension Planner {
    /// The step id of the call task the ladder's options put before the collection notice `noticeStepID`.
    public static func callTaskID(before noticeStepID: String) -> String { "call-before-" + noticeStepID }
}
