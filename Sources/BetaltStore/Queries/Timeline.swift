import BetaltCore
import FluentKit
import Foundation

/// One thing that happened between the creditor and a customer: a letter or e-mail, a call, a note, a
/// message, a dispute, a promise, a plan, a payment or a waiver.
public struct TimelineEntry: Sendable {
    public enum Kind: String, Sendable {
        case letter, email, call, note, message, disputeRaised, disputeDecided, promiseMade, promiseClosed
        case planProposed, planAccepted, planClosed, payment, waiver, handover, agencyUpdate, agencyMessage
        case emailAccepted, emailWithdrawn, detailsChanged
    }

    public let date: CivilDate
    public let kind: Kind
    /// The notice's title, the note, the dispute's reason or decision, the ledger text.
    public let text: String
    /// The raw status where the kind has one (a notice's, a call's outcome, a closed promise's or plan's).
    public let status: String?
    public let amount: Money?
    /// A second date: a promise's pay-by day, the day a waiver offer runs to.
    public let until: CivilDate?
    public let invoiceNumbers: [String]
    /// Who did it: a user, "debtor", or nil for Betalt itself.
    public let actor: String?
    /// A notice that went without its fee because the customer is a good payer.
    public var goodPayer = false
    /// Orders entries of one day: later first.
    let sequence: Date
}

/// The conversation with a customer in one list, newest first (issue 6): every letter, e-mail, call, note
/// and message, and the disputes, promises, plans, payments and waivers between them. With a claim, only
/// what concerns that claim (and what was said with the customer about no claim in particular).
public enum Timeline {
    public static func load(customerID: UUID, claimID: UUID? = nil, creditorID: UUID, on database: any Database) async throws -> [TimelineEntry] {
        let claims = try await ClaimRecord.query(on: database).filter(\.$creditorID == creditorID).filter(\.$customerID == customerID).all()
        let invoice = Dictionary(uniqueKeysWithValues: claims.map { ($0.id!, $0.invoiceNumber) })
        let wanted = claimID.map { [$0] } ?? claims.compactMap(\.id)
        func concerns(_ id: UUID?) -> Bool { id.map { wanted.contains($0) } ?? true }
        func day(_ iso: String) -> CivilDate? { try? CivilDate(iso: iso) }
        let epoch = Date(timeIntervalSince1970: 0)
        var entries: [TimelineEntry] = []

        let links = try await NoticeClaimRecord.query(on: database).filter(\.$creditorID == creditorID).filter(\.$claimID ~~ wanted).all()
        let acts = try await CollectionActRecord.query(on: database).filter(\.$id ~~ links.compactMap(\.actID)).all()
        let texts = try await ReasonTexts.load(for: acts.map(\.reasons), on: database)
        let waiverByNotice = Dictionary(grouping: links, by: \.noticeID).compactMapValues { links in
            acts.filter { act in links.contains { $0.actID == act.id } }.compactMap(\.waiverIfPaidBy).min()
        }
        for notice in try await NoticeRecord.query(on: database).filter(\.$creditorID == creditorID).filter(\.$customerID == customerID)
            .filter(\.$id ~~ Set(links.map(\.noticeID))).all() {
            guard let date = day(notice.noticeDate) else { continue }
            let covered = links.filter { $0.noticeID == notice.id }.compactMap { invoice[$0.claimID] }
            var entry = TimelineEntry(
                date: date, kind: notice.channel == "email" ? .email : .letter, text: notice.title, status: notice.status, amount: nil,
                until: waiverByNotice[notice.id!].flatMap(day), invoiceNumbers: covered, actor: nil, sequence: notice.createdAt ?? epoch
            )
            let noticeActs = links.filter { $0.noticeID == notice.id }.compactMap(\.actID)
            // The planner's reason is the record of the goodwill (ClaimDay.goodPayerWaiver in the core).
            entry.goodPayer = acts.contains { act in
                noticeActs.contains(act.id!) && texts.reasons(act.reasons).contains { $0.message.template.hasPrefix("good payer:") }
            }
            entries.append(entry)
        }
        for note in try await ConversationNoteRecord.query(on: database).filter(\.$creditorID == creditorID)
            .filter(\.$customerID == customerID).all() where concerns(note.claimID) {
            guard let date = day(note.notedOn), let kind = TimelineEntry.Kind(rawValue: note.kind) else { continue }
            entries.append(TimelineEntry(
                date: date, kind: kind, text: note.text, status: note.outcome, amount: nil, until: nil,
                invoiceNumbers: note.claimID.flatMap { invoice[$0] }.map { [$0] } ?? [], actor: note.author, sequence: note.createdAt ?? epoch
            ))
        }
        for dispute in try await DisputeRecord.query(on: database).filter(\.$creditorID == creditorID).filter(\.$claimID ~~ wanted).all() {
            let amount = Money(minorUnits: dispute.amountMinor, currency: try Currency.named(dispute.currency))
            let numbers = invoice[dispute.claimID].map { [$0] } ?? []
            if let date = day(dispute.raisedOn) {
                entries.append(TimelineEntry(
                    date: date, kind: .disputeRaised, text: dispute.text.isEmpty ? dispute.reason : dispute.text, status: dispute.reason,
                    amount: amount, until: nil, invoiceNumbers: numbers, actor: dispute.raisedBy, sequence: dispute.createdAt ?? epoch
                ))
            }
            if let decided = dispute.decidedOn.flatMap(day) {
                entries.append(TimelineEntry(
                    date: decided, kind: .disputeDecided, text: dispute.decisionText ?? "", status: dispute.status, amount: amount, until: nil,
                    invoiceNumbers: numbers, actor: dispute.decidedBy, sequence: epoch
                ))
            }
        }
        // A promise covering several claims is one line, led by its first row, naming every invoice it covers.
        let touched = try await PromiseRecord.query(on: database).filter(\.$creditorID == creditorID).filter(\.$claimID ~~ wanted).all()
        let promiseRows = try await PromiseRecord.query(on: database).filter(\.$creditorID == creditorID)
            .filter(\.$agreementID ~~ Set(touched.map(\.agreementID))).all()
        for promise in promiseRows where promise.id == promise.agreementID {
            let amount = Money(minorUnits: promise.amountMinor, currency: try Currency.named(promise.currency))
            let numbers = promiseRows.filter { $0.agreementID == promise.agreementID }.compactMap { invoice[$0.claimID] }.sorted()
            if let date = day(promise.madeOn) {
                entries.append(TimelineEntry(
                    date: date, kind: .promiseMade, text: promise.reason, status: nil, amount: amount, until: day(promise.payBy),
                    invoiceNumbers: numbers, actor: promise.madeBy, sequence: promise.createdAt ?? epoch
                ))
            }
            if let closed = promise.closedOn.flatMap(day) {
                entries.append(TimelineEntry(
                    date: closed, kind: .promiseClosed, text: "", status: promise.status, amount: amount, until: day(promise.payBy),
                    invoiceNumbers: numbers, actor: nil, sequence: epoch
                ))
            }
        }
        let planLinks = try await PaymentPlanClaimRecord.query(on: database).filter(\.$creditorID == creditorID).filter(\.$claimID ~~ wanted).all()
        for plan in try await PaymentPlanRecord.query(on: database).filter(\.$id ~~ Set(planLinks.map(\.planID))).all() {
            let numbers = planLinks.filter { $0.planID == plan.id }.compactMap { invoice[$0.claimID] }.sorted()
            let debt = Money(minorUnits: plan.debtMinor + plan.feeMinor, currency: try Currency.named(plan.currency))
            if let date = day(plan.proposedOn) {
                entries.append(TimelineEntry(date: date, kind: .planProposed, text: plan.note, status: nil, amount: debt, until: nil,
                                             invoiceNumbers: numbers, actor: plan.proposedBy, sequence: plan.createdAt ?? epoch))
            }
            if let date = plan.acceptedOn.flatMap(day) {
                entries.append(TimelineEntry(date: date, kind: .planAccepted, text: "", status: nil, amount: debt, until: nil,
                                             invoiceNumbers: numbers, actor: plan.acceptedBy, sequence: plan.acceptedAt ?? epoch))
            }
            if let date = plan.closedOn.flatMap(day) {
                entries.append(TimelineEntry(date: date, kind: .planClosed, text: "", status: plan.status, amount: debt, until: nil,
                                             invoiceNumbers: numbers, actor: nil, sequence: epoch))
            }
        }
        let cases = try await HandoverCaseRecord.query(on: database).filter(\.$creditorID == creditorID).filter(\.$claimID ~~ wanted).all()
        let batches = try await HandoverBatchRecord.query(on: database).filter(\.$id ~~ Set(cases.map(\.batchID))).filter(\.$status == "sent")
            .field(\.$id).field(\.$agencyID).field(\.$sentOn).all()
        let agencies = Dictionary(uniqueKeysWithValues: try await AgencyRecord.query(on: database).filter(\.$creditorID == creditorID).all()
            .map { ($0.id!, $0.name) })
        for batch in batches {
            guard let date = batch.sentOn.flatMap(day) else { continue }
            entries.append(TimelineEntry(
                date: date, kind: .handover, text: agencies[batch.agencyID] ?? "", status: nil, amount: nil, until: nil,
                invoiceNumbers: cases.filter { $0.batchID == batch.id }.compactMap { invoice[$0.claimID] }.sorted(), actor: nil, sequence: epoch
            ))
        }
        for update in try await AgencyUpdateRecord.query(on: database).filter(\.$creditorID == creditorID).filter(\.$claimID ~~ wanted).all() {
            guard let date = day(update.happenedOn) else { continue }
            let amount = try update.amountMinor.flatMap { minor in try update.currency.map { Money(minorUnits: minor, currency: try Currency.named($0)) } }
            entries.append(TimelineEntry(
                date: date, kind: .agencyUpdate, text: update.text.isEmpty ? update.effect : update.text, status: update.agencyStatus ?? update.kind,
                amount: amount, until: nil, invoiceNumbers: invoice[update.claimID].map { [$0] } ?? [], actor: agencies[update.agencyID],
                sequence: update.createdAt ?? epoch
            ))
        }
        for message in try await AgencyMessageRecord.query(on: database).filter(\.$creditorID == creditorID).filter(\.$claimID ~~ wanted)
            .field(\.$id).field(\.$claimID).field(\.$agencyID).field(\.$kind).field(\.$createdOn).field(\.$fileName).field(\.$createdAt).all() {
            guard let date = day(message.createdOn) else { continue }
            entries.append(TimelineEntry(
                date: date, kind: .agencyMessage, text: message.fileName, status: message.kind, amount: nil, until: nil,
                invoiceNumbers: invoice[message.claimID].map { [$0] } ?? [], actor: nil, sequence: message.createdAt ?? epoch
            ))
        }
        let ledger = try await LedgerEntryRecord.query(on: database).filter(\.$creditorID == creditorID).filter(\.$claimID ~~ wanted)
            .filter(\.$kind ~~ ["payment", "waiver"]).all()
        // A payment is booked as one entry per component it covered: shown once, as paid.
        for (_, group) in Dictionary(grouping: ledger, by: { "\($0.claimID)/\($0.entryDate)/\($0.kind)/\($0.text)" }) {
            guard let first = group.first, let date = day(first.entryDate) else { continue }
            entries.append(TimelineEntry(
                date: date, kind: first.kind == "waiver" ? .waiver : .payment, text: first.text, status: nil,
                amount: Money(minorUnits: group.reduce(0) { $0 + $1.amountMinor }, currency: try Currency.named(first.currency)), until: nil,
                invoiceNumbers: invoice[first.claimID].map { [$0] } ?? [], actor: nil, sequence: epoch
            ))
        }
        return entries.sorted { ($0.date, $0.sequence) > ($1.date, $1.sequence) }
    }
}
