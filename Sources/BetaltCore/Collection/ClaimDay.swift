/// One claim on one day, with what every guard and step needs worked out once.
struct ClaimDay {
    let facts: ClaimFacts
    let ladder: Ladder
    let rulebook: Rulebook
    let today: CivilDate
    let country: Country
    let calendar: BusinessDays
    /// The due date moved off a weekend or holiday: everything counts from it.
    let rolledDue: CivilDate
    let history: ClaimHistory
    /// The balance less the disputed part: what may be asked for.
    let undisputed: Money
    /// The principal less the disputed part (a dispute is taken to be about the principal first, so interest
    /// never runs on a disputed amount).
    let interestPrincipal: Money
    let timeBarredFrom: CivilDate

    init(facts: ClaimFacts, ladder: Ladder, rulebook: Rulebook, today: CivilDate, undisputed: Money, timeBarredFrom: CivilDate) {
        self.facts = facts
        self.ladder = ladder
        self.rulebook = rulebook
        self.today = today
        self.country = facts.country
        self.calendar = BusinessDays.of(facts.country)
        self.rolledDue = calendar.dueDateRolledForward(facts.dueDate)
        self.history = ClaimHistory(facts.history)
        self.undisputed = undisputed
        let principal = facts.balances.principal.minorUnits
        self.interestPrincipal = Money(
            minorUnits: Swift.max(0, principal - Swift.min(principal, facts.disputedAmount.minorUnits)),
            currency: facts.country.currency)
        self.timeBarredFrom = timeBarredFrom
    }

    /// The claim past every guard that stops or pauses it: the next ladder step.
    func decide() -> (Decision, CivilDate?) {
        let next = pending(in: history, on: today)
        if let date = next.date, date <= today, !calendar.isBusinessDay(today) {
            let businessDay = calendar.nextBusinessDay(onOrAfter: today)
            return (.wait(until: businessDay, Reason(
                "\(today) is not a business day: nothing goes out before \(businessDay)")), nextLook(businessDay))
        }
        switch next {
        case .complete:
            return (.stop(Reason("every step of the ladder '\(ladder.name)' is taken: nothing more is planned")), nil)
        case .noDeadlineToFollow(let step):
            return (.refuse(stepID: step.id, Reason(
                "'\(step.id)' counts from the previous notice's deadline, but no notice so far gave one")), nil)
        case .call(let step, let date):
            guard date <= today else {
                let notice = StepKind.collectionNotice.name(in: country)
                let days = ladder.options.callTaskDaysBeforeNotice
                return (.wait(until: date, Reason(
                    "call task on \(date), \(days) days before the \(notice), for an open amount of \(undisputed)")),
                        nextLook(date))
            }
            return act(step)
        case .step(let step, let date):
            if step.kind == .handover { return handover(step, ladderDate: date) }
            return notice(step, ladderDate: date)
        }
    }

    /// A notice or call task from the ladder whose date is `ladderDate`.
    func notice(_ step: LadderStep, ladderDate: CivilDate) -> (Decision, CivilDate?) {
        let legal = legalEarliest(step.kind)
        guard ladderDate <= today else {
            let until = Swift.max(ladderDate, legal ?? ladderDate)
            return (.wait(until: until, waitReason(step, on: until, legal: legal)), nextLook(until))
        }
        if let legal, legal > today {
            return (.refuse(stepID: step.id, legalReason(step.kind, legal)), nextLook(legal))
        }
        return act(step)
    }

    func waitReason(_ step: LadderStep, on date: CivilDate, legal: CivilDate?) -> Reason {
        if let legal, legal >= date { return legalReason(step.kind, legal) }
        return Reason("next step '\(step.id)' (\(step.kind.name(in: country))) on \(date)")
    }

    /// The first day the law lets a step of `kind` be taken, where it sets one apart from the ladder: a
    /// formal reminder or collection notice only after the due date.
    func legalEarliest(_ kind: StepKind) -> CivilDate? {
        guard kind == .reminder || kind == .collectionNotice else { return nil }
        return calendar.nextBusinessDay(onOrAfter: rolledDue.adding(days: 1))
    }

    func legalReason(_ kind: StepKind, _ date: CivilDate) -> Reason {
        Reason(
            "a \(kind.name(in: country)) may go out only after the due date \(rolledDue): not before \(date)",
            LegalBasis.afterDueDate(kind, country))
    }

    /// The day to look at the claim again for a wait or refusal until `date`: sooner if it becomes time-barred.
    func nextLook(_ date: CivilDate) -> CivilDate { Swift.min(date, timeBarredFrom) }
}
