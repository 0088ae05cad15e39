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
                .filter(\.$deliveryStatus != UnsentActs.status).sort(\.$actDate, .descending).first()?.deadline.flatMap { try? CivilDate(iso: $0) }
            : nil
        try await composeLetter(
            kind, claimIDs: [dispute.claimID], creditorID: dispute.creditorID, key: "dispute/\(dispute.id!.uuidString)/\(kind.rawValue)",
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

    /// The written confirmation of a promise to pay, once per promise, naming every claim it covers.
    public func composePromiseConfirmation(_ promise: PromiseRecord, date: CivilDate, on database: any Database) async throws {
        try await composeLetter(
            .promiseConfirmation, claimIDs: try await Promises.rows(of: promise.agreementID, creditorID: promise.creditorID, on: database).map(\.claimID),
            creditorID: promise.creditorID, key: "promise/\(promise.agreementID.uuidString)", ownReference: true,
            deadline: try CivilDate(iso: promise.payBy), date: date, on: database
        ) { content in
            content.promise = NoticePromise(
                date: try CivilDate(iso: promise.payBy), amount: Money(minorUnits: promise.amountMinor, currency: try Currency.named(promise.currency))
            )
        }
    }

    /// The notice that the claims have gone to an agency, naming it, once per batch and customer.
    public func composeHandoverNotice(
        claimIDs: [UUID], creditorID: UUID, agencyName: String, batchID: UUID, date: CivilDate, on database: any Database
    ) async throws {
        guard let first = claimIDs.first, let claim = try await ClaimRecord.find(first, on: database) else { return }
        try await composeLetter(
            .handoverNotice, claimIDs: claimIDs, creditorID: creditorID,
            key: "handover/\(batchID.uuidString)/\(claim.customerID.uuidString)", deadline: nil, date: date, on: database
        ) { content in content.agencyName = agencyName }
    }

    /// The plan in writing: an offer for the debtor to accept, or the confirmation of one they accepted.
    /// Once per plan and state (offer, then confirmation).
    public func composePlanAgreement(_ plan: PaymentPlanRecord, date: CivilDate, on database: any Database) async throws {
        let notice = try await planNotice(plan, on: database)
        try await composeLetter(
            .paymentPlanAgreement, claimIDs: try await PaymentPlans.claimIDsOf(plan.id!, on: database), creditorID: plan.creditorID,
            key: "plan/\(plan.id!.uuidString)/\(plan.status == "offered" ? "offer" : "agreement")", deadline: nil, date: date, on: database
        ) { content in content.plan = notice }
    }

    /// The one reminder about a missed plan payment, asking for the arrears by the reminder's deadline.
    public func composePlanReminder(_ plan: PaymentPlanRecord, date: CivilDate, on database: any Database) async throws {
        guard let number = plan.remindedNumber, let deadline = try plan.reminderDeadline.map({ try CivilDate(iso: $0) }) else { return }
        let payments = try await PaymentPlans.paymentsOf(plan.id!, on: database)
        guard let missed = payments.first(where: { $0.number == number }) else { return }
        let currency = try Currency.named(plan.currency)
        let verdict = PlanStanding.judge(try await PaymentPlans.progress(of: plan, payments: payments, on: database), on: date)
        let arrears: Money = switch verdict {
        case .remind(_, let arrears, _, _): arrears
        default: Money(minorUnits: missed.amountMinor, currency: currency)
        }
        let notice = try await planNotice(plan, on: database)
        try await composeLetter(
            .paymentPlanReminder, claimIDs: try await PaymentPlans.claimIDsOf(plan.id!, on: database), creditorID: plan.creditorID,
            key: PaymentPlans.reminderKey(plan), deadline: deadline, date: date, on: database
        ) { content in
            content.plan = notice
            content.planArrears = NoticePlanArrears(
                number: number, date: try CivilDate(iso: missed.dueDate), amount: Money(minorUnits: missed.amountMinor, currency: currency),
                arrears: arrears, reference: missed.paymentReference
            )
        }
    }

    /// Writes the reminders the plan review decided and nobody has written yet.
    public func composePlanReminders(creditorID: UUID? = nil, date: CivilDate, on database: any Database) async throws -> Int {
        var written = 0
        for plan in try await PaymentPlans.awaitingReminderLetter(creditorID: creditorID, on: database) {
            try await composePlanReminder(plan, date: date, on: database)
            written += 1
        }
        return written
    }

    private func planNotice(_ plan: PaymentPlanRecord, on database: any Database) async throws -> NoticePlan {
        let currency = try Currency.named(plan.currency)
        let payments = try await PaymentPlans.paymentsOf(plan.id!, on: database)
        let down = payments.first { $0.number == 0 }
        return NoticePlan(
            downPayment: down.map { Money(minorUnits: $0.amountMinor, currency: currency) },
            downPaymentDate: try down.map { try CivilDate(iso: $0.dueDate) }, downPaymentReference: down?.paymentReference,
            instalments: try payments.filter { $0.number > 0 }.map {
                NoticeInstalment(date: try CivilDate(iso: $0.dueDate), amount: Money(minorUnits: $0.amountMinor, currency: currency), reference: $0.paymentReference)
            },
            fee: plan.feeMinor > 0 ? Money(minorUnits: plan.feeMinor, currency: currency) : nil,
            acceptedOn: try plan.acceptedOn.map { try CivilDate(iso: $0) }
        )
    }

    /// A letter about claims of one customer outside the ladder (dispute, promise, plan): e-mail where the
    /// customer accepted it, else a letter; archived and queued like every notice; once per `key`. With `ownReference`
    /// a letter about several claims gets a reference of its own, as a grouped notice does, which a payment covering
    /// them all is matched by; a single claim's letter carries the claim's.
    private func composeLetter(
        _ kind: DocumentKind, claimIDs: [UUID], creditorID: UUID, key: String, ownReference: Bool = false, deadline: CivilDate?, date: CivilDate,
        on database: any Database, details: (inout NoticeContent) throws -> Void
    ) async throws {
        let claims = try await ClaimRecord.query(on: database).filter(\.$creditorID == creditorID).filter(\.$id ~~ claimIDs).all()
        guard let creditor = try await CreditorRecord.find(creditorID, on: database),
              let claim = claims.first, claims.count == Set(claimIDs).count,
              let customer = try await CustomerRecord.find(claim.customerID, on: database)
        else { return }
        guard try await NoticeRecord.query(on: database).filter(\.$creditorID == creditorID).filter(\.$groupKey == key).count() == 0
        else { return }
        let assembler = NoticeAssembler(creditor: creditor, ladders: try await LadderBook.load(creditorID: creditorID, on: database))
        let link = DebtorLink.issue(customerID: customer.id!, creditorID: creditorID, date: date, settings: settings)
        var content = try assembler.document(kind, claims: claims, customer: customer, date: date, link: link.url, deadline: deadline)
        let fresh = claims.count > 1 && ownReference
            ? try await PaymentReferences.fresh(country: assembler.country, creditorID: creditorID, on: database) : nil
        content.paymentReference = claims.count == 1 ? claim.paymentReference : fresh
        try details(&content)
        let channel: Channel = customer.acceptsEmailNotices ? .email : .letter
        let rendered = try documents.render(content, templates: try documents.templates(for: creditorID), channel: channel, customer: customer, invoices: [])
        let final = content
        try await database.writing { tx in
            try await link.record.create(on: tx)
            try await NoticeWriter.write(
                rendered, content: final, ownReference: fresh, acts: [], claims: [], key: key, creditorID: creditorID, customerID: customer.id!,
                queuedAt: Date(), on: tx
            )
            let notice = try await NoticeRecord.query(on: tx).filter(\.$creditorID == creditorID).filter(\.$groupKey == key).first()!
            for claim in claims { try await NoticeClaimRecord.link(notice, claimID: claim.id!, actID: nil, on: tx) }
        }
    }
}
