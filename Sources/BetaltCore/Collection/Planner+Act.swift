extension ClaimDay {
    /// Takes `step` today: the channel, the deadline, the fee or compensation, the interest so far, the
    /// waiver offer and the amount asked for, each with its reason.
    func act(_ step: LadderStep) -> (Decision, CivilDate?) {
        var reasons: [Reason] = []
        reasons.reserveCapacity(10)
        reasons.append(stepReason(step))
        if rolledDue != facts.dueDate {
            reasons.append(Reason(
                "the due date \(facts.dueDate) is not a business day: everything counts from \(rolledDue)",
                LegalBasis.dueDateRoll(country)))
        }
        if let promise = facts.promise {
            reasons.append(promise.together.map {
                Reason(
                    "the promise to pay \(promise.amount) for invoices \($0) by \(promise.payBy) was not kept: the ladder resumes",
                    LegalBasis.goodPractice(country))
            } ?? Reason("the promise to pay \(promise.amount) by \(promise.payBy) was not kept: the ladder resumes", LegalBasis.goodPractice(country)))
        }
        if facts.disputedAmount.isPositive {
            reasons.append(Reason(
                "\(facts.disputedAmount) is disputed and left alone: only the undisputed \(undisputed) is asked for",
                LegalBasis.dispute(country)))
        }
        var channel: Channel?
        if step.kind.sendsNotice {
            switch chooseChannel(for: step) {
            case .unreachable(let reason):
                return (.attention(reason), nil)
            case .use(let chosen, let reason):
                channel = chosen
                if let reason { reasons.append(reason) }
            }
        }
        var deadline: CivilDate?
        if step.kind.sendsNotice {
            switch deadlineOutcome(for: step) {
            case .refused(let reason):
                return (.refuse(stepID: step.id, reason), nil)
            case .gives(let date, let reason):
                deadline = date
                if let reason { reasons.append(reason) }
            }
        }
        let charges = fees(for: step)
        reasons.append(contentsOf: charges.reasons)
        let (interest, interestReason) = step.kind.chargesInterest ? accruedInterest() : (nil, nil)
        if let interestReason { reasons.append(interestReason) }
        var waiver: CivilDate?
        if let days = ladder.options.waiverIfPaidWithinDays, days > 0,
           charges.fee != nil || charges.compensation != nil || interest != nil {
            let offer = today.adding(days: days)
            waiver = offer
            reasons.append(Reason("offer: the fee and interest are waived if the rest is paid by \(offer)"))
        }
        let amountDue: Money
        do {
            let none = Money.zero(undisputed.currency)
            amountDue = try undisputed.adding(charges.fee ?? none).adding(charges.compensation ?? none)
                .adding(interest?.total ?? none)
        } catch {
            return (.attention(Reason("the amount asked for cannot be computed: \(error)")), nil)
        }
        let planned = PlannedAct(
            step: step, date: today, channel: channel, fee: charges.fee, compensation: charges.compensation,
            interest: interest, deadline: deadline, waiverIfPaidBy: waiver, amountDue: amountDue, reasons: reasons,
            feeRefused: charges.refused)
        return (.act(planned), nextLook(after: planned))
    }

    /// What the step is, in the law's words where the law defines it.
    func stepReason(_ step: LadderStep) -> Reason {
        let name = step.kind.name(in: country)
        switch step.kind {
        case .friendlyReminder:
            return Reason("\(name) '\(step.id)': fee-free, from the creditor's ladder")
        case .reminder:
            return Reason("\(name) '\(step.id)' after the due date \(rolledDue)", LegalBasis.afterDueDate(.reminder, country))
        case .collectionNotice where country == .norway:
            return Reason(
                "inkassovarsel '\(step.id)': says plainly that the claim goes to inkasso if not paid by the deadline",
                LegalBasis.noticeNorway)
        case .collectionNotice:
            return Reason(
                "inkassokrav '\(step.id)': principal, interest and costs shown separately, with time to pay or object",
                LegalBasis.noticeSweden)
        case .callTask:
            return Reason("call task '\(step.id)': agree a date or a plan with the customer, then confirm it in writing")
        case .handover:
            return Reason(
                "handover '\(step.id)': the \(StepKind.collectionNotice.name(in: country)) deadline has passed,"
                    + " nothing is disputed and the debtor data is complete",
                LegalBasis.collectionNotice(country))
        }
    }
}
