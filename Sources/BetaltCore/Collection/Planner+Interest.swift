extension ClaimDay {
    /// Late interest on the undisputed principal not yet charged: from the later of the rolled due date and
    /// the day interest was last charged through, through today. `LateInterest.accrued` counts from the day
    /// after its `dueDate`, so a continuation passes the last charged day. When a day's rate is not in the
    /// rulebook nothing is charged and the reason says so: the rate is added, never guessed, and the
    /// interest is charged in full with a later step because the charged-through day has not moved.
    func accruedInterest() -> (InterestCalculation?, Reason?) {
        guard interestPrincipal.isPositive else { return (nil, nil) }
        let from = Swift.max(rolledDue, facts.interestChargedThrough ?? rolledDue)
        guard from < today else { return (nil, nil) }
        do {
            let interest = try LateInterest.accrued(on: interestPrincipal, dueDate: from, through: today, rulebook: rulebook)
            guard interest.total.isPositive else { return (nil, nil) }
            return (interest, Reason(
                "late interest \(interest.total) on \(interestPrincipal) for \(interest.days) days,"
                    + " \(from.adding(days: 1)) through \(today)",
                citation: citations(of: interest)))
        } catch let error as RuleLookupError {
            return (nil, Reason(
                "late interest not computed: the rate for \(HalfYear(containing: error.date)) is not in the rulebook"
                    + " (\(error)); it is charged once the rate is added",
                rulebook.lateInterest.citation))
        } catch {
            return (nil, Reason("late interest not computed: \(error)", rulebook.lateInterest.citation))
        }
    }

    /// The rule that makes interest owed, then each distinct source of the rates, in date order.
    private func citations(of interest: InterestCalculation) -> String {
        var text = interest.citation.description
        var cited: [RuleCitation] = []
        for period in interest.periods {
            let rate = period.rateCitation
            guard !cited.contains(where: { $0.text == rate.text && $0.tags == rate.tags }) else { continue }
            cited.append(rate)
            text += "; " + rate.description
        }
        return text
    }
}
