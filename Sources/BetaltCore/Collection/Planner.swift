/// Decides, for one claim on one day, what happens next and why (DESIGN.md §2, issue 3). Pure: the same
/// facts, ladder, rulebook and day always give the same plan; no clock, no I/O.
public enum Planner {
    /// What to do with the claim today: one decision, each with the rules it rests on, and the day the claim
    /// next needs looking at when nothing new is learnt (nil: only new facts can change the answer).
    ///
    /// The guards run in this order: wrong country or currency (attention); with an agency, settled, or
    /// disputed in full (stop); time-barred (attention); on a payment plan (stop); a promise being kept
    /// (wait); below the creditor's minimum (stop); then the first ladder step not yet taken.
    public static func plan(_ facts: ClaimFacts, ladder: Ladder, rulebook: Rulebook, on today: CivilDate) -> Plan {
        let (decision, next) = decide(facts, ladder: ladder, rulebook: rulebook, on: today)
        return Plan(claimID: facts.claimID, date: today, decisions: [decision], nextActionDate: next)
    }

    static func decide(
        _ facts: ClaimFacts, ladder: Ladder, rulebook: Rulebook, on today: CivilDate
    ) -> (Decision, CivilDate?) {
        let country = facts.country
        guard ladder.country == country, rulebook.country == country else {
            return (.attention(Reason(
                "the ladder (\(ladder.country.rawValue)) and rulebook (\(rulebook.country.rawValue))"
                    + " must be the claim's country (\(country.rawValue))")), nil)
        }
        guard facts.balances.currency == country.currency, facts.disputedAmount.currency == country.currency else {
            return (.attention(Reason(
                "the claim is in \(facts.balances.currency.code): the rulebook's fees and interest are in \(country.currency.code)")), nil)
        }
        guard !facts.disputedAmount.isNegative else {
            return (.attention(Reason("the disputed amount \(facts.disputedAmount) is negative: the claim's facts need correcting")), nil)
        }
        if facts.handedOver {
            return (.stop(Reason("the claim is with the collection agency, which follows it up from here")), nil)
        }
        if facts.balances.isSettled {
            return (.stop(Reason("nothing is outstanding: the claim is paid or credited")), nil)
        }
        let undisputed = Money(
            minorUnits: facts.balances.total.minorUnits - facts.disputedAmount.minorUnits, currency: country.currency)
        guard undisputed.isPositive else {
            return (.stop(Reason(
                "the whole open amount (\(facts.balances.total)) is disputed: nothing is collected on a disputed amount",
                LegalBasis.dispute(country))), nil)
        }
        let limitation = rulebook.limitation
        let timeBarredFrom: CivilDate
        do {
            timeBarredFrom = try limitation.timeBarredFrom(dueDate: facts.dueDate, kind: facts.customerKind)
        } catch {
            return (.attention(Reason("the limitation period cannot be checked: \(error)")), nil)
        }
        if today >= timeBarredFrom {
            let years = try? limitation.years(for: facts.customerKind, dueOn: facts.dueDate)
            return (.attention(Reason(
                "past limitation: due \(facts.dueDate), time-barred from \(timeBarredFrom)"
                    + " unless the period was interrupted; flagged, not chased",
                citation: years?.citation.description)), nil)
        }
        if facts.onPaymentPlan {
            return (.stop(Reason(
                "a payment plan covers the claim and is being kept: its instalments are followed up by the plan",
                LegalBasis.goodPractice(country))), nil)
        }
        if let promise = facts.promise, promise.payBy >= today {
            let until = promise.payBy.adding(days: 1)
            let reason = if let invoices = promise.together {
                Reason(
                    "the debtor promised to pay \(promise.amount) for invoices \(invoices) by \(promise.payBy): nothing is sent while a promise is being kept",
                    LegalBasis.goodPractice(country))
            } else {
                Reason(
                    "the debtor promised to pay \(promise.amount) by \(promise.payBy): nothing is sent while a promise is being kept",
                    LegalBasis.goodPractice(country))
            }
            return (.wait(until: until, reason), Swift.min(until, timeBarredFrom))
        }
        if let minimum = ladder.options.minimumAmount {
            guard minimum.currency == country.currency else {
                return (.attention(Reason(
                    "the ladder's minimum amount is in \(minimum.currency.code), the claim in \(country.currency.code)")), nil)
            }
            if undisputed.minorUnits < minimum.minorUnits {
                return (.stop(Reason(
                    "the open amount \(undisputed) is below the ladder's minimum of \(minimum): watched, nothing is sent")), nil)
            }
        }
        let day = ClaimDay(
            facts: facts, ladder: ladder, rulebook: rulebook, today: today, undisputed: undisputed,
            timeBarredFrom: timeBarredFrom)
        return day.decide()
    }
}
