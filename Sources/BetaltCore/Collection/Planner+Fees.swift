/// What a step charges besides interest: the statutory fee or the B2B compensation, and why (or why not).
struct FeeOutcome {
    var fee: Money?
    var compensation: Money?
    var reasons: [Reason] = []
    /// Set when the step asked for a fee and none is charged.
    var refused: Reason?

    static let none = FeeOutcome()

    static func refusing(_ reason: Reason) -> FeeOutcome { FeeOutcome(reasons: [reason], refused: reason) }
}

extension ClaimDay {
    /// The fee a step asks for, as far as the law allows it today and the creditor's goodwill leaves it.
    /// A refused fee never holds the step back: the notice goes without it and says why.
    func fees(for step: LadderStep) -> FeeOutcome {
        goodPayerWaiver(statutoryFees(for: step))
    }

    /// A good payer's first fee-bearing reminder goes without the fee (and a business's compensation):
    /// goodwill the creditor chose (`LadderOptions.goodPayerMonths`), never more than the law allows.
    func goodPayerWaiver(_ outcome: FeeOutcome) -> FeeOutcome {
        guard let months = ladder.options.goodPayerMonths, outcome.fee != nil || outcome.compensation != nil,
              history.feeCount == 0, !history.compensationCharged, !facts.balances.compensation.isPositive
        else { return outcome }
        let since = today.adding(months: -months)
        if let late = facts.lastLatePayment, late >= since { return outcome }
        let waived: ReasonText
        switch (outcome.fee, outcome.compensation) {
        case (let fee?, let compensation?): waived = ReasonText("\(fee) and \(compensation)")
        case (let fee?, nil): waived = ReasonText("\(fee)")
        case (nil, let compensation?): waived = ReasonText("\(compensation)")
        case (nil, nil): return outcome
        }
        return FeeOutcome(reasons: outcome.reasons + [Reason(
            "good payer: no late payment since \(since), so the first reminder goes without \(waived)"
                + " (the creditor's goodwill)")])
    }

    func statutoryFees(for step: LadderStep) -> FeeOutcome {
        guard step.chargesFee else { return .none }
        guard step.kind.mayChargeFee else {
            return .refusing(Reason("a \(step.kind.name(in: country)) carries no fee: only a formal reminder or collection notice may"))
        }
        if facts.customerKind == .business { return businessCompensation(for: step) }
        switch country {
        case .norway: return norwegianFee(for: step)
        case .sweden: return swedishFee(for: step)
        }
    }

    /// NO purregebyr on a purring or inkassovarsel: 14 days after the due date (inkf. § 1-2 (2)), at most two
    /// per claim, the second after a missed deadline of at least 14 days, none after an inkassovarsel
    /// (inkf. § 1-3); the amount is the fraction for the claim's due date of the inkassosats when sent.
    func norwegianFee(for step: LadderStep) -> FeeOutcome {
        guard let rules = rulebook.norwegian else { return .none }
        do {
            let minimumDays = try rules.minimumDaysAfterDueForFee.value(on: today)
            let earliest = rolledDue.adding(days: minimumDays.value)
            let daysAfterDue = rolledDue.days(until: today)
            guard today >= earliest else {
                return .refusing(Reason(
                    "no purregebyr: sent \(daysAfterDue) days after the due date \(rolledDue);"
                        + " a fee needs at least \(minimumDays.value) (from \(earliest))",
                    minimumDays.citation))
            }
            let maximum = try rules.maximumReminderFees.value(on: today)
            if let notice = history.lastCollectionNotice {
                return .refusing(Reason(
                    "no purregebyr: an inkassovarsel went out on \(notice.sentOn), and no fee-bearing notice may follow it",
                    maximum.citation))
            }
            let charged = history.feeCount
            guard charged < maximum.value else {
                return .refusing(Reason(
                    "no purregebyr: \(charged) fees are already charged on this claim, the most allowed", maximum.citation))
            }
            if let previous = history.lastFeeBearingNotice {
                let missed = try rules.minimumMissedDeadlineDaysForNextFee.value(on: today)
                guard let deadline = previous.deadline, previous.sentOn.days(until: deadline) >= missed.value else {
                    let given = previous.deadline.map { ReasonText("\(previous.sentOn.days(until: $0)) days") } ?? ReasonText("no deadline")
                    return .refusing(Reason(
                        "no second purregebyr: the fee-bearing notice of \(previous.sentOn) gave \(given);"
                            + " the next fee needs a missed deadline of at least \(missed.value) days",
                        missed.citation))
                }
                guard deadline < today else {
                    return .refusing(Reason(
                        "no second purregebyr: the deadline \(deadline) of the notice of \(previous.sentOn) has not passed",
                        missed.citation))
                }
            }
            let fee = try rules.reminderFee(claimDueOn: facts.dueDate, sentOn: today)
            let uncertain = fee.isUncertain ? ReasonText(" (amount uncertain: NORDIC-RULES § 17.1)") : ReasonText("")
            return FeeOutcome(fee: fee.amount, reasons: [
                Reason(
                    "purregebyr \(fee.amount): sent \(daysAfterDue) days after the due date \(rolledDue),"
                        + " at least \(minimumDays.value)",
                    minimumDays.citation),
                Reason("purregebyr = \(fee.fraction.value) × inkassosats \(fee.collectionRate.value)\(uncertain)",
                       citation: fee.citations.map(\.description).joined(separator: "; ")),
            ])
        } catch {
            return .refusing(Reason("no purregebyr: \(error)"))
        }
    }

    /// SE påminnelseavgift (IKL § 2: only if agreed when the debt arose, one per claim) and inkassoavgift
    /// (IKL §§ 3 (1), 4: an inkassokrav meeting IkL 5 §); neither before the due date has passed.
    func swedishFee(for step: LadderStep) -> FeeOutcome {
        guard let rules = rulebook.swedish else { return .none }
        guard today > rolledDue else {
            return .refusing(Reason("no fee on or before the due date \(rolledDue)", LegalBasis.afterDueSweden))
        }
        do {
            if step.kind == .reminder {
                guard facts.reminderFeeAgreed else {
                    return .refusing(Reason(
                        "no påminnelseavgift: none was agreed when the debt arose", LegalBasis.reminderFeeAgreementSweden))
                }
                if let notice = history.lastCollectionNotice {
                    return .refusing(Reason(
                        "no påminnelseavgift after the inkassokrav of \(notice.sentOn)", LegalBasis.noFeeAfterNoticeSweden))
                }
                let maximum = try rules.maximumReminderFees.value(on: today)
                let charged = history.feeCount(.reminder)
                guard charged < maximum.value else {
                    return .refusing(Reason(
                        "no påminnelseavgift: \(charged) already charged on this claim, the most allowed", maximum.citation))
                }
                let fee = try rules.reminderFee.value(on: today)
                return FeeOutcome(fee: fee.value, reasons: [
                    Reason("påminnelseavgift \(fee.value): agreed when the debt arose, the first on this claim", fee.citation),
                ])
            }
            guard history.feeCount(.collectionNotice) == 0 else {
                return .refusing(Reason(
                    "no inkassoavgift: one was already charged on this claim", LegalBasis.oneCollectionFeeSweden))
            }
            let fee = try rules.collectionFee.value(on: today)
            return FeeOutcome(fee: fee.value, reasons: [
                Reason("inkassoavgift \(fee.value) for an inkassokrav meeting IkL 5 §", fee.citation),
            ])
        } catch {
            return .refusing(Reason("no fee: \(error)"))
        }
    }

    /// B2B: the fixed compensation once per claim instead of the fees (NO frl. § 3a, netted against
    /// collection costs; SE IKL § 4 a), owed once late interest runs. Its amount is the one in force on the
    /// first interest day, when the right arose.
    func businessCompensation(for step: LadderStep) -> FeeOutcome {
        let name = country.compensationName
        let instead = LegalBasis.compensationInsteadOfFees(country)
        if history.compensationCharged || facts.balances.compensation.isPositive {
            return .refusing(Reason("no fee for a business: the \(name) already charged replaces collection fees", instead))
        }
        let firstInterestDay = rolledDue.adding(days: 1)
        guard today >= firstInterestDay, interestPrincipal.isPositive else {
            return .refusing(Reason(
                "no fee and no \(name) yet: a business owes the \(name) once late interest runs, from \(firstInterestDay)",
                instead))
        }
        do {
            let compensation = try rulebook.b2bCompensation.value(on: firstInterestDay)
            return FeeOutcome(compensation: compensation.value, reasons: [
                Reason("\(name) \(compensation.value): a business owes it once late interest runs (from \(firstInterestDay))",
                       compensation.citation),
                Reason("no \(step.kind.feeName(in: country)): the \(name) replaces it",
                       instead),
            ])
        } catch {
            return .refusing(Reason(
                "no fee and no \(name): \(error); nothing is charged rather than a guessed amount", instead))
        }
    }
}
