extension ClaimDay {
    /// A handover step whose ladder date is `ladderDate`. Only after a collection notice whose deadline has
    /// passed (NO inkl. § 9 (1); SE IkL 5 §), in Norway no more than the handover window after that deadline
    /// (inkl. § 11), with complete debtor data, and with nothing disputed.
    func handover(_ step: LadderStep, ladderDate: CivilDate) -> (Decision, CivilDate?) {
        let rule = LegalBasis.collectionNotice(country)
        let noticeName = StepKind.collectionNotice.name(in: country)
        guard let notice = history.lastCollectionNotice else {
            return (.refuse(stepID: step.id, Reason(
                "no \(noticeName) has been sent: a claim goes to the agency only after one whose deadline has passed",
                rule)), nil)
        }
        guard let deadline = notice.deadline else {
            return (.refuse(stepID: step.id, Reason(
                "the \(noticeName) of \(notice.sentOn) gave no deadline: a handover needs one that has passed", rule)), nil)
        }
        let passed = calendar.nextBusinessDay(onOrAfter: deadlinePassed(deadline))
        guard ladderDate <= today else {
            let until = Swift.max(ladderDate, passed)
            return (.wait(until: until, Reason(
                "handover on \(until), once the \(noticeName) deadline \(deadline) has passed", rule)), nextLook(until))
        }
        guard passed <= today else {
            return (.refuse(stepID: step.id, Reason(
                "no handover before \(passed): the \(noticeName) deadline \(deadline) has not passed", rule)),
                    nextLook(passed))
        }
        var lastDayOfWindow: CivilDate?
        if let norwegian = rulebook.norwegian {
            let window: DatedValue<Int>
            do {
                window = try norwegian.handoverWindowMonths.value(on: today)
            } catch {
                return (.attention(Reason("the handover window cannot be checked: \(error)")), nil)
            }
            let end = deadline.adding(months: window.value)
            guard today <= end else {
                return (.attention(Reason(
                    "the inkassovarsel deadline \(deadline) passed more than \(window.value) months ago:"
                        + " send a new inkassovarsel before a handover",
                    window.citation)), nil)
            }
            lastDayOfWindow = end
        }
        // Only the window closing changes these answers without new facts.
        let windowCloses = nextLook(lastDayOfWindow.map { $0.adding(days: 1) } ?? timeBarredFrom)
        if facts.disputedAmount.isPositive {
            return (.attention(Reason(
                "\(facts.disputedAmount) of the claim is disputed:"
                    + " a person decides whether the undisputed \(undisputed) goes to the agency",
                LegalBasis.dispute(country))), windowCloses)
        }
        if !facts.missingDebtorData.isEmpty {
            // Each missing piece a place of its own, so each is shown in the reader's language.
            let missing = ReasonText(
                template: facts.missingDebtorData.indices.map { "{\($0 + 1)}" }.joined(separator: ", "),
                arguments: facts.missingDebtorData.map { .reason($0) }
            )
            return (.attention(Reason("the agency needs complete debtor data; missing: \(missing)")), windowCloses)
        }
        return act(step)
    }
}
