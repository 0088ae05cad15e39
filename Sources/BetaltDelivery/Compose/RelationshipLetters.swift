import BetaltCore
import BetaltDocuments
import BetaltStore
import FluentKit
import Foundation

extension NoticeComposer {
    /// Writes, archives and queues the letter about a dispute: the acknowledgement when it is raised, the
    /// decision when it is decided. E-mail where the customer accepted it, else a letter. Once per dispute
    /// and kind (a second call finds the notice already there).
    public func composeDisputeLetter(_ dispute: DisputeRecord, kind: DocumentKind, date: CivilDate, on database: any Database) async throws {
        guard kind == .disputeAcknowledgement || kind == .disputeDecision else { return }
        let deadline = kind == .disputeDecision && dispute.status == "rejected"
            ? try await CollectionActRecord.query(on: database).filter(\.$claimID == dispute.claimID).filter(\.$deadline != nil)
                .sort(\.$actDate, .descending).first()?.deadline.flatMap { try? CivilDate(iso: $0) }
            : nil
        try await composeLetter(
            kind, claimID: dispute.claimID, creditorID: dispute.creditorID, key: "dispute/\(dispute.id!.uuidString)/\(kind.rawValue)",
            deadline: deadline, date: date, on: database
        ) { content in
            content.dispute = NoticeDispute(
                raisedOn: try CivilDate(iso: dispute.raisedOn),
                amount: Money(minorUnits: dispute.amountMinor, currency: try Currency.named(dispute.currency)),
                reason: dispute.text.isEmpty ? DisputeReasonWords.label(dispute.reason, content.language) : dispute.text,
                accepted: dispute.status == "open" ? nil : dispute.status == "accepted",
                explanation: dispute.decisionText
            )
        }
    }

    /// The written confirmation of a promise to pay, once per promise.
    public func composePromiseConfirmation(_ promise: PromiseRecord, date: CivilDate, on database: any Database) async throws {
        try await composeLetter(
            .promiseConfirmation, claimID: promise.claimID, creditorID: promise.creditorID, key: "promise/\(promise.id!.uuidString)",
            deadline: try CivilDate(iso: promise.payBy), date: date, on: database
        ) { content in
            content.promise = NoticePromise(
                date: try CivilDate(iso: promise.payBy), amount: Money(minorUnits: promise.amountMinor, currency: try Currency.named(promise.currency))
            )
        }
    }

    /// A letter about one claim outside the ladder (dispute, promise): e-mail where the customer accepted
    /// it, else a letter; archived and queued like every notice; once per `key`.
    private func composeLetter(
        _ kind: DocumentKind, claimID: UUID, creditorID: UUID, key: String, deadline: CivilDate?, date: CivilDate,
        on database: any Database, details: (inout NoticeContent) throws -> Void
    ) async throws {
        guard let creditor = try await CreditorRecord.find(creditorID, on: database),
              let claim = try await ClaimRecord.find(claimID, on: database), claim.creditorID == creditorID,
              let customer = try await CustomerRecord.find(claim.customerID, on: database)
        else { return }
        guard try await NoticeRecord.query(on: database).filter(\.$creditorID == creditorID).filter(\.$groupKey == key).count() == 0
        else { return }
        let assembler = NoticeAssembler(creditor: creditor, ladders: try await LadderBook.load(creditorID: creditorID, on: database))
        let link = DebtorLink.issue(customerID: customer.id!, creditorID: creditorID, date: date, settings: settings)
        var content = try assembler.document(kind, claims: [claim], customer: customer, date: date, link: link.url, deadline: deadline)
        content.paymentReference = claim.paymentReference
        try details(&content)
        let accepted = Set(customer.acceptedChannels.split(separator: ",").map(String.init))
        let channel: Channel = accepted.contains(Channel.email.rawValue) && !(customer.email ?? "").isEmpty ? .email : .letter
        let rendered = try documents.render(content, templates: try documents.templates(for: creditorID), channel: channel, customer: customer, invoices: [])
        let final = content
        try await database.transaction { tx in
            try await link.record.create(on: tx)
            try await NoticeWriter.write(
                rendered, content: final, ownReference: nil, acts: [], key: key, creditorID: creditorID, customerID: customer.id!, on: tx
            )
            try await NoticeClaimRecord.link(
                try await NoticeRecord.query(on: tx).filter(\.$creditorID == creditorID).filter(\.$groupKey == key).first()!,
                claimID: claim.id!, actID: nil, on: tx
            )
        }
    }
}
