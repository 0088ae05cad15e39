extension Planner {
    /// The preview (`betalt preview CLAIM`, the claim page): the plans for the next `days` days if every act
    /// is taken and nothing is paid, in date order. Jumps from one plan's next-action date to the next; the
    /// first plan is always included (it says why nothing happens today, if nothing does), later ones only
    /// when they act, refuse, stop or ask for attention.
    public static func timeline(
        _ facts: ClaimFacts, ladder: Ladder, rulebook: Rulebook, from today: CivilDate, days: Int = 90
    ) -> [Plan] {
        let end = today.adding(days: days)
        var facts = facts
        var day = today
        var plans: [Plan] = []
        while day <= end {
            let plan = Planner.plan(facts, ladder: ladder, rulebook: rulebook, on: day)
            if plans.isEmpty || plan.decisions.contains(where: \.isEvent) { plans.append(plan) }
            for act in plan.acts {
                guard let next = try? facts.assumingTaken(act) else { return plans }
                facts = next
            }
            guard let next = plan.nextActionDate, next > day else { break }
            day = next
        }
        return plans
    }
}

extension Decision {
    /// Anything but a wait: what a preview shows.
    var isEvent: Bool {
        if case .wait = self { false } else { true }
    }
}

extension ClaimFacts {
    /// The facts after `act` is taken and charged, as the daily run would record them.
    func assumingTaken(_ act: PlannedAct) throws(LedgerError) -> ClaimFacts {
        var balances = balances
        for (component, amount) in [
            (LedgerComponent.fee, act.fee), (.compensation, act.compensation), (.interest, act.interest?.total),
        ] {
            guard let amount else { continue }
            let sum = try ledgerArithmetic { () throws(MoneyError) in try balances[component].adding(amount) }
            balances = try balances.replacing(component, with: sum)
        }
        let taken = TakenStep(
            stepID: act.step.id, kind: act.step.kind, sentOn: act.date, deadline: act.deadline, fee: act.fee,
            compensation: act.compensation, channel: act.channel)
        return ClaimFacts(
            claimID: claimID, country: country, customerKind: customerKind, issueDate: issueDate, dueDate: dueDate,
            balances: balances, interestChargedThrough: act.interest == nil ? interestChargedThrough : act.date,
            reminderFeeAgreed: reminderFeeAgreed, acceptedElectronicChannels: acceptedElectronicChannels,
            hasPostalAddress: hasPostalAddress, missingDebtorData: missingDebtorData, history: history + [taken],
            disputedAmount: disputedAmount, promise: promise, onPaymentPlan: onPaymentPlan,
            handedOver: handedOver || act.step.kind == .handover)
    }
}
