import BetaltCore
import BetaltDocuments
import BetaltStore
import Foundation

/// Turns the stored acts of one notice group into what the notice says: pure mapping from records to
/// `NoticeContent`, with the amounts as the ledger holds them after the run charged this step.
struct NoticeAssembler {
    let creditor: CreditorRecord
    let ladders: LadderBook

    var country: Country { Country(rawValue: creditor.country) ?? .norway }

    func content(
        acts: [CollectionActRecord], claims: [ClaimRecord], customer: CustomerRecord, date: CivilDate, link: String?,
        chargedFees: [UUID: [NoticeFee]] = [:], disputed: [UUID: Int64] = [:]
    ) throws -> NoticeContent {
        guard let first = acts.first, let kind = StepKind(rawValue: first.kind).flatMap(DocumentKind.init(step:)) else {
            throw ComposeError("acts of an unknown kind")
        }
        var content = try document(
            kind, claims: claims, customer: customer, date: date, link: link,
            deadline: try acts.compactMap(\.deadline).map { try CivilDate(iso: $0) }.max(), chargedFees: chargedFees, disputed: disputed
        )
        content.nextStep = try nextStep(after: first.stepID, claim: claims[0], customer: customer)
        content.waiverIfPaidBy = try acts.compactMap(\.waiverIfPaidBy).map { try CivilDate(iso: $0) }.min()
        return content
    }

    /// A document of any kind about these claims, in the customer's language (else the creditor's), with
    /// their open amounts as the ledger holds them, less what open disputes cover (`disputed`, per claim).
    func document(
        _ kind: DocumentKind, claims: [ClaimRecord], customer: CustomerRecord, date: CivilDate, link: String?, deadline: CivilDate?,
        chargedFees: [UUID: [NoticeFee]] = [:], disputed: [UUID: Int64] = [:]
    ) throws -> NoticeContent {
        let rulebook = Rulebook.for(country)
        let rate = try? rulebook.lateInterest.rate.value(on: date).value
        let lines = try claims.sorted { $0.dueDate < $1.dueDate }.map { claim in
            let currency = try Currency.named(claim.currency)
            let due = try CivilDate(iso: claim.dueDate)
            var line = NoticeClaimLine(
                invoiceNumber: claim.invoiceNumber, issueDate: try CivilDate(iso: claim.issueDate), dueDate: due,
                principal: Money(minorUnits: claim.principalOpenMinor, currency: currency),
                fees: Money(minorUnits: claim.feeOpenMinor, currency: currency),
                compensation: Money(minorUnits: claim.compensationOpenMinor, currency: currency),
                interest: Money(minorUnits: claim.interestOpenMinor, currency: currency),
                interestFrom: rulebook.calendar.dueDateRolledForward(due).adding(days: 1), interestRate: rate
            )
            line.feeItems = NoticeFee.open(charged: chargedFees[claim.id!] ?? [], openTotal: line.fees)
            // A claim disputed in part is asked only for the rest, as the planner acts on nothing else.
            line.disputed = Money(minorUnits: min(max(disputed[claim.id!] ?? 0, 0), line.total.minorUnits), currency: currency)
            return line
        }
        let language = Language(rawValue: customer.language) ?? Language(rawValue: creditor.language) ?? country.language
        return NoticeContent(
            kind: kind, language: language, country: country, date: date,
            creditor: NoticeCreditor(creditor),
            debtor: NoticeDebtor(
                name: customer.name, customerNumber: customer.customerNumber,
                kind: CustomerKind(rawValue: customer.kind) ?? .consumer,
                addressLines: postalLines(customer.addressLine, customer.postalCode, customer.city)
                    + (customer.country == creditor.country ? [] : [customer.country])
            ),
            claims: lines, deadline: deadline, paymentReference: nil, nextStep: .nothing, debtorPageLink: link
        )
    }

    /// The days the act's step gives the debtor to pay, from the claim's own ladder.
    func deadlineDays(of act: CollectionActRecord, claim: ClaimRecord, customer: CustomerRecord) throws -> Int? {
        try ladders.ladder(claimKey: claim.ladderKey, customerKey: customer.ladderKey, country: country).step(act.stepID)?.deadlineDays
    }

    /// What the ladder does after this step, so the notice threatens nothing that will not happen.
    private func nextStep(after stepID: String, claim: ClaimRecord, customer: CustomerRecord) throws -> NoticeNextStep {
        let ladder = try ladders.ladder(claimKey: claim.ladderKey, customerKey: customer.ladderKey, country: country)
        guard let index = ladder.steps.firstIndex(where: { $0.id == stepID }), index + 1 < ladder.steps.count else { return .nothing }
        // A collection notice's consequence is the handover its ladder must end with (LadderValidator), even
        // when a call task comes between: that is what the notice has to announce (inkl. § 9, IkL 5 §).
        if ladder.steps[index].kind == .collectionNotice, ladder.steps[(index + 1)...].contains(where: { $0.kind == .handover }) {
            return .handover
        }
        switch ladder.steps[index + 1].kind {
        case .friendlyReminder, .reminder: return .reminder
        case .collectionNotice: return .collectionNotice
        case .callTask: return .callTask
        case .handover: return .handover
        }
    }

    private func postalLines(_ street: String, _ postalCode: String, _ city: String) -> [String] {
        [street, [postalCode, city].filter { !$0.isEmpty }.joined(separator: " ")].filter { !$0.isEmpty }
    }
}

/// A notice that cannot be composed, with the reason shown to the creditor.
struct ComposeError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
