/// What an agency update does to a claim: the ledger entries it books, where the case then stands, and why.
public struct AgencyUpdateEffect: Sendable, Hashable {
    public let entries: [LedgerEntry]
    public let caseState: HandoverCaseState
    /// The agency's status after the update (unchanged unless the update reports one).
    public let agencyStatus: AgencyCaseStatus?
    /// The case has ended with money still owed: the claim is the creditor's to follow up again.
    public let returnsToCreditor: Bool
    public let reason: Reason
}

/// An agency update that cannot be taken, with the reason in plain words.
public struct AgencyUpdateRefused: Error, Sendable, Hashable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

extension AgencyUpdateEffect {
    /// Decides what an agency's update means for a claim (issue 7). Pure: the store gives the case's state and
    /// the claim's balances, and books what comes back. Money the agency collected is allocated like any
    /// payment (costs, interest, principal); its fees are the debtor's collection costs and are charged to the
    /// claim; an update that would leave the ledger wrong is refused, never trimmed to fit.
    public static func of(
        _ update: AgencyUpdate, caseState: HandoverCaseState, agencyStatus: AgencyCaseStatus?, balances: ComponentBalances, country: Country
    ) throws(AgencyUpdateRefused) -> AgencyUpdateEffect {
        let ended = !caseState.isWithAgency
        func refuse(_ message: String) -> AgencyUpdateRefused { AgencyUpdateRefused(message: message) }
        func same(_ reason: Reason, entries: [LedgerEntry] = []) -> AgencyUpdateEffect {
            AgencyUpdateEffect(entries: entries, caseState: caseState, agencyStatus: agencyStatus, returnsToCreditor: false, reason: reason)
        }
        if let amount = update.change.amount {
            guard amount.currency == balances.currency else {
                throw refuse("the amount is in \(amount.currency.code) but the claim is in \(balances.currency.code)")
            }
            guard amount.isPositive else { throw refuse("the amount must be more than zero") }
        }
        switch update.change {
        case .status(let status):
            guard !ended else { throw refuse("the case was \(caseState.rawValue) already; a status change can no longer be taken") }
            guard status == .closed else { return AgencyUpdateEffect(
                entries: [], caseState: caseState, agencyStatus: status, returnsToCreditor: false,
                reason: Reason("the agency reports the case \(status.rawValue)")
            ) }
            return AgencyUpdateEffect(
                entries: [], caseState: .closed, agencyStatus: .closed, returnsToCreditor: !balances.isSettled,
                reason: balances.isSettled
                    ? Reason("the agency closed the case, paid in full")
                    : Reason("the agency closed the case with \(balances.total) still owed: the claim is the creditor's again")
            )
        case .payment(let amount):
            let allocation: AllocationResult
            do { allocation = try PaymentAllocator.allocate(amount, to: balances) } catch { throw refuse("\(error)") }
            guard !allocation.overpayment.isPositive else {
                throw refuse("the agency reports \(amount) collected but only \(balances.total) is owed; report the agency's fees first")
            }
            let text = "collected by the agency" + (update.text.isEmpty ? "" : ": \(update.text)")
            return same(Reason("the agency collected \(amount)", citation: allocation.rule.citation), entries: allocation.entries(on: update.date, reference: text))
        case .remittance(let amount):
            return same(Reason("the agency passed \(amount) on to the creditor"))
        case .fee(let amount):
            guard !ended else { throw refuse("the case was \(caseState.rawValue) already; the agency can no longer add fees") }
            let citation = country == .norway ? "inkl. § 17" : "IKL §§ 3–4"
            let text = "agency collection costs" + (update.text.isEmpty ? "" : ": \(update.text)")
            return same(
                Reason("the agency added \(amount) in collection costs, owed by the debtor", citation: citation),
                entries: [LedgerEntry(kind: .fee, component: .fee, amount: amount, date: update.date, text: text)]
            )
        case .recallConfirmed:
            guard caseState == .recallRequested else {
                throw refuse(caseState == .recalled ? "the recall was confirmed already" : "the creditor has not asked for this case back")
            }
            return AgencyUpdateEffect(
                entries: [], caseState: .recalled, agencyStatus: agencyStatus, returnsToCreditor: !balances.isSettled,
                reason: Reason("the agency gave the case back as the creditor asked")
            )
        }
    }
}
