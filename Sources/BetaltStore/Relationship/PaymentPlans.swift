import BetaltCore
import FluentKit
import Foundation
import SQLKit

/// A plan that cannot be made or accepted, with the reason for the person.
public enum PlanRefused: Error, Equatable, Sendable {
    case claimNotFound
    case severalCustomers
    case claimSettled(invoice: String)
    case claimDisputed(invoice: String)
    case alreadyOnPlan(invoice: String)
    case terms(PlanRefusal)
    case limits([PlanRefusal])
    case notOffered
    case offerLapsed(firstPayment: String)
}

/// What a plan is asked to be, in the words of the form that asks.
public struct PlanRequest: Sendable {
    public var claimIDs: [UUID]
    public var downPayment: Money?
    public var downPaymentDate: CivilDate?
    public var instalmentCount: Int
    public var firstInstalmentDate: CivilDate
    /// SE: add the amorteringsplan fee where the law allows it.
    public var wantsFee: Bool
    public var note: String

    public init(
        claimIDs: [UUID], downPayment: Money? = nil, downPaymentDate: CivilDate? = nil, instalmentCount: Int,
        firstInstalmentDate: CivilDate, wantsFee: Bool = false, note: String = ""
    ) {
        self.claimIDs = claimIDs
        self.downPayment = downPayment
        self.downPaymentDate = downPaymentDate
        self.instalmentCount = instalmentCount
        self.firstInstalmentDate = firstInstalmentDate
        self.wantsFee = wantsFee
        self.note = note
    }
}

/// A plan worked out but not saved: what the debtor would agree to.
public struct PlanDraft: Sendable {
    public let terms: PlanTerms
    public let payments: [PlannedPayment]
    public let claims: [ClaimRecord]
    public let customer: CustomerRecord
    public let feeReason: Reason
    public let country: Country
}

/// What the daily plan review did.
public struct PlanReviewReport: Sendable, Equatable {
    public var completed = 0
    public var reminded = 0
    public var breached = 0
    public var lapsed = 0

    public init() {}
}

/// Payment plans (issue 6): offered by the creditor or made by the debtor on their page within the
/// creditor's limits; each payment has its own KID/OCR; offered or active plans pause the ladder for their
/// claims; the review reminds once about a missed payment and ends the plan at a second miss, when the
/// ladder resumes on what is left.
public enum PaymentPlans {
    /// Statuses during which the plan, not the ladder, follows the claims up.
    public static let pausing = ["offered", "active"]

    /// Works out the terms for `request` without saving anything: the debt, the fee and the payments.
    public static func draft(_ request: PlanRequest, creditorID: UUID, today: CivilDate, on database: any Database) async throws -> PlanDraft {
        guard !request.claimIDs.isEmpty, let creditor = try await CreditorRecord.find(creditorID, on: database) else {
            throw PlanRefused.claimNotFound
        }
        let claims = try await ClaimRecord.query(on: database).filter(\.$creditorID == creditorID)
            .filter(\.$id ~~ request.claimIDs).sort(\.$dueDate).sort(\.$invoiceNumber).all()
        guard claims.count == Set(request.claimIDs).count, let first = claims.first,
              let customer = try await CustomerRecord.find(first.customerID, on: database)
        else { throw PlanRefused.claimNotFound }
        guard claims.allSatisfy({ $0.customerID == first.customerID && $0.currency == first.currency }) else {
            throw PlanRefused.severalCustomers
        }
        if let settled = claims.first(where: { $0.openMinor <= 0 }) { throw PlanRefused.claimSettled(invoice: settled.invoiceNumber) }
        let ids = claims.map { $0.id! }
        let disputed = try await DisputeRecord.query(on: database).filter(\.$claimID ~~ ids).filter(\.$status == "open").all()
        if let dispute = disputed.first, let claim = claims.first(where: { $0.id == dispute.claimID }) {
            throw PlanRefused.claimDisputed(invoice: claim.invoiceNumber)
        }
        let covered = try await planned(claimIDs: ids, on: database)
        if let claim = claims.first(where: { covered.contains($0.id!) }) { throw PlanRefused.alreadyOnPlan(invoice: claim.invoiceNumber) }
        let currency = try Currency.named(first.currency)
        let country = Country(rawValue: creditor.country) ?? .norway
        let fee = PlanFee.decide(
            wanted: request.wantsFee, country: country, customerKind: CustomerKind(rawValue: customer.kind) ?? .consumer,
            rulebook: Rulebook.for(country), on: today
        )
        let terms = PlanTerms(
            debt: Money(minorUnits: claims.reduce(0) { $0 + $1.openMinor }, currency: currency), fee: fee.fee,
            downPayment: request.downPayment, downPaymentDate: request.downPaymentDate,
            instalmentCount: request.instalmentCount, firstInstalmentDate: request.firstInstalmentDate
        )
        do {
            return PlanDraft(
                terms: terms, payments: try PlanSchedule.payments(terms, today: today), claims: claims, customer: customer,
                feeReason: fee.reason, country: country
            )
        } catch {
            throw PlanRefused.terms(error)
        }
    }

    /// Records a plan. A creditor's offer (`limits` nil) waits for the debtor's acceptance; a debtor's own
    /// plan must keep within the creditor's limits and is accepted in the same click.
    public static func make(
        _ request: PlanRequest, creditorID: UUID, proposedBy: String, userID: UUID?, limits: PlanLimits?, on today: CivilDate,
        database: any Database
    ) async throws -> PaymentPlanRecord {
        try await database.writing { tx in
            let draft = try await Self.draft(request, creditorID: creditorID, today: today, on: tx)
            let (terms, payments, claims, customer, country) = (draft.terms, draft.payments, draft.claims, draft.customer, draft.country)
            if let limits {
                let refusals = limits.refusals(payments, today: today)
                guard refusals.isEmpty else { throw PlanRefused.limits(refusals) }
            }
            let plan = PaymentPlanRecord()
            plan.creditorID = creditorID
            plan.customerID = customer.id!
            plan.currency = terms.debt.currency.code
            plan.debtMinor = terms.debt.minorUnits
            plan.feeMinor = terms.fee?.minorUnits ?? 0
            plan.feeReason = draft.feeReason.description
            plan.status = "offered"
            plan.proposedBy = proposedBy
            plan.proposedOn = today.iso
            plan.note = request.note.trimmingCharacters(in: .whitespacesAndNewlines)
            try await plan.create(on: tx)
            for claim in claims {
                let link = PaymentPlanClaimRecord()
                link.creditorID = creditorID
                link.planID = plan.id!
                link.claimID = claim.id!
                try await link.create(on: tx)
                // Offered, the plan pauses the claim's ladder: a run that read the claim before must not write over it.
                try await ClaimRevision.bump(claimID: claim.id!, creditorID: creditorID, on: tx)
            }
            for payment in payments {
                let row = PaymentPlanPaymentRecord()
                row.creditorID = creditorID
                row.planID = plan.id!
                row.number = payment.number
                row.dueDate = payment.date.iso
                row.amountMinor = payment.amount.minorUnits
                row.paymentReference = try await PaymentReferences.fresh(country: country, creditorID: creditorID, on: tx)
                try await row.create(on: tx)
            }
            try await AuditRecord(
                creditorID: creditorID, userID: userID, actor: proposedBy, action: "plan.proposed", subject: "plan \(plan.id!.uuidString)",
                detail: "\(terms.total) over \(payments.count) payments for invoice \(claims.map(\.invoiceNumber).joined(separator: ", "))"
                    + (plan.note.isEmpty ? "" : ": \(plan.note)")
            ).create(on: tx)
            if limits != nil { try await accept(plan, by: proposedBy, userID: userID, on: today, database: tx) }
            return plan
        }
    }

    /// The debtor accepts an offered plan (a click on their page, or a person records their signed answer).
    /// Only until its first payment's date; the SE fee is charged now that the plan is agreed.
    public static func accept(
        planID: UUID, creditorID: UUID, customerID: UUID? = nil, by acceptor: String, userID: UUID?, on today: CivilDate,
        database: any Database
    ) async throws -> PaymentPlanRecord {
        try await database.writing { tx in
            var query = PaymentPlanRecord.query(on: tx).filter(\.$creditorID == creditorID).filter(\.$id == planID)
            if let customerID { query = query.filter(\.$customerID == customerID) }
            guard let plan = try await query.first() else { throw PlanRefused.claimNotFound }
            guard plan.status == "offered" else { throw PlanRefused.notOffered }
            try await accept(plan, by: acceptor, userID: userID, on: today, database: tx)
            return plan
        }
    }

    private static func accept(_ plan: PaymentPlanRecord, by acceptor: String, userID: UUID?, on today: CivilDate, database: any Database) async throws {
        let payments = try await paymentsOf(plan.id!, on: database)
        if let first = payments.first, first.dueDate < today.iso { throw PlanRefused.offerLapsed(firstPayment: first.dueDate) }
        plan.status = "active"
        plan.acceptedOn = today.iso
        plan.acceptedBy = acceptor
        plan.acceptedAt = Date()
        try await plan.update(on: database)
        let claimIDs = try await claimIDsOf(plan.id!, on: database)
        let claims = try await ClaimRecord.query(on: database).filter(\.$id ~~ claimIDs).sort(\.$dueDate).sort(\.$invoiceNumber).all()
        if plan.feeMinor > 0, let first = claims.first {
            let currency = try Currency.named(plan.currency)
            try await LedgerWriter.append(
                [LedgerEntry(kind: .fee, component: .fee, amount: Money(minorUnits: plan.feeMinor, currency: currency), date: today,
                             text: "payment plan: \(plan.feeReason)")],
                toClaim: first.id!, creditorID: plan.creditorID, on: database
            )
        }
        // A promise is replaced whole, also for a claim of it the plan leaves out: its amount was promised for all of them.
        let agreements = Set(try await PromiseRecord.query(on: database).filter(\.$claimID ~~ claimIDs).filter(\.$status == "open").all()
            .map(\.agreementID))
        var leftOut: [UUID] = []
        for promise in try await PromiseRecord.query(on: database).filter(\.$creditorID == plan.creditorID)
            .filter(\.$agreementID ~~ agreements).filter(\.$status == "open").all() {
            promise.status = "replaced"
            promise.closedOn = today.iso
            try await promise.update(on: database)
            if !claimIDs.contains(promise.claimID) { leftOut.append(promise.claimID) }
        }
        // The claims the plan leaves out are no longer paused by the promise: the ladder looks at them again.
        for claim in try await ClaimRecord.query(on: database).filter(\.$id ~~ leftOut).filter(\.$openMinor > 0).all() {
            try await claim.lookAgain(from: today.iso, on: database)
        }
        try await AuditRecord(
            creditorID: plan.creditorID, userID: userID, actor: acceptor, action: "plan.accepted", subject: "plan \(plan.id!.uuidString)",
            detail: acceptor == "debtor" ? "accepted by the debtor on their page" : "the debtor's acceptance recorded by \(acceptor)"
        ).create(on: database)
    }

    /// The creditor takes back an offer the debtor has not accepted; the ladder resumes.
    public static func withdraw(planID: UUID, creditorID: UUID, by user: String, userID: UUID?, on today: CivilDate, database: any Database) async throws {
        try await database.writing { tx in
            guard let plan = try await PaymentPlanRecord.query(on: tx).filter(\.$creditorID == creditorID).filter(\.$id == planID).first()
            else { throw PlanRefused.claimNotFound }
            guard plan.status == "offered" else { throw PlanRefused.notOffered }
            try await close(plan, status: "withdrawn", on: today, database: tx)
            try await AuditRecord(
                creditorID: creditorID, userID: userID, actor: user, action: "plan.withdrawn", subject: "plan \(plan.id!.uuidString)", detail: ""
            ).create(on: tx)
        }
    }

    /// Reviews every offered and active plan on `today`: lapses offers past their first payment's date,
    /// completes paid plans, records the first miss (its reminder is written by the delivery round), and
    /// ends a plan at the second miss with a call task. Safe to run twice a day.
    @discardableResult
    public static func review(creditorID: UUID? = nil, today: CivilDate, on database: any Database) async throws -> PlanReviewReport {
        var query = PaymentPlanRecord.query(on: database).filter(\.$status ~~ pausing)
        if let creditorID { query = query.filter(\.$creditorID == creditorID) }
        var report = PlanReviewReport()
        for plan in try await query.all() {
            let outcome = try await database.writing { tx -> ReviewOutcome? in
                guard let plan = try await PaymentPlanRecord.find(plan.id, on: tx), pausing.contains(plan.status) else { return nil }
                let payments = try await paymentsOf(plan.id!, on: tx)
                if plan.status == "offered" {
                    guard let first = payments.first, first.dueDate < today.iso else { return nil }
                    try await close(plan, status: "lapsed", on: today, database: tx)
                    try await audit(plan, "plan.lapsed", "not accepted by the first payment's date \(first.dueDate)", on: tx)
                    return .lapsed
                }
                switch try await PlanStanding.judge(progress(of: plan, payments: payments, on: tx), on: today) {
                case .completed(let reason):
                    try await close(plan, status: "completed", on: today, database: tx, resume: false)
                    try await audit(plan, "plan.completed", reason.text, on: tx)
                    return .completed
                case .remind(let number, _, let deadline, let reason):
                    plan.remindedNumber = number
                    plan.reminderDeadline = deadline.iso
                    try await plan.update(on: tx)
                    try await audit(plan, "plan.missed", reason.text, on: tx)
                    return .reminded
                case .breached(let reason):
                    try await close(plan, status: "breached", on: today, database: tx)
                    let claimIDs = try await claimIDsOf(plan.id!, on: tx)
                    if let claim = try await ClaimRecord.query(on: tx).filter(\.$id ~~ claimIDs).filter(\.$openMinor > 0).sort(\.$dueDate).first() {
                        try await CallTask.add(for: claim, stepID: "breached-plan", reason: Reason("payment plan ended: \(reason.message)"), on: today, database: tx)
                    }
                    try await audit(plan, "plan.breached", reason.text, on: tx)
                    return .breached
                case .onTrack, .awaitingReminder:
                    return nil
                }
            }
            switch outcome {
            case .lapsed?: report.lapsed += 1
            case .completed?: report.completed += 1
            case .reminded?: report.reminded += 1
            case .breached?: report.breached += 1
            case nil: break
            }
        }
        return report
    }

    private enum ReviewOutcome { case lapsed, completed, reminded, breached }

    /// What came in on the plan's claims since it was accepted, and what is left.
    public static func progress(of plan: PaymentPlanRecord, payments: [PaymentPlanPaymentRecord], on database: any Database) async throws -> PlanProgress {
        let currency = try Currency.named(plan.currency)
        let claimIDs = try await claimIDsOf(plan.id!, on: database)
        let since = plan.acceptedOn ?? plan.proposedOn
        let paid = try await LedgerEntryRecord.query(on: database).filter(\.$claimID ~~ claimIDs).filter(\.$kind == "payment")
            .filter(\.$entryDate >= since).all().reduce(Int64(0)) { $0 + $1.amountMinor }
        let open = try await ClaimRecord.query(on: database).filter(\.$id ~~ claimIDs).all().reduce(Int64(0)) { $0 + $1.openMinor }
        return PlanProgress(
            payments: try payments.map { try $0.planned(currency) },
            paid: Money(minorUnits: paid, currency: currency), open: Money(minorUnits: open, currency: currency),
            remindedNumber: plan.remindedNumber, reminderDeadline: try plan.reminderDeadline.map { try CivilDate(iso: $0) }
        )
    }

    public static func paymentsOf(_ planID: UUID, on database: any Database) async throws -> [PaymentPlanPaymentRecord] {
        try await PaymentPlanPaymentRecord.query(on: database).filter(\.$planID == planID).sort(\.$number).all()
    }

    public static func claimIDsOf(_ planID: UUID, on database: any Database) async throws -> [UUID] {
        try await PaymentPlanClaimRecord.query(on: database).filter(\.$planID == planID).all().map(\.claimID)
    }

    /// The claims of each of `planIDs`, in one query.
    public static func claimIDsOf(_ planIDs: [UUID], on database: any Database) async throws -> [UUID: [UUID]] {
        guard !planIDs.isEmpty else { return [:] }
        return Dictionary(grouping: try await PaymentPlanClaimRecord.query(on: database).filter(\.$planID ~~ planIDs).all(), by: \.planID)
            .mapValues { $0.map(\.claimID) }
    }

    /// The plans covering a claim, newest first.
    public static func of(claimID: UUID, creditorID: UUID, on database: any Database) async throws -> [PaymentPlanRecord] {
        let planIDs = try await PaymentPlanClaimRecord.query(on: database).filter(\.$creditorID == creditorID)
            .filter(\.$claimID == claimID).all().map(\.planID)
        return try await PaymentPlanRecord.query(on: database).filter(\.$id ~~ planIDs).sort(\.$createdAt, .descending).all()
    }

    /// A customer's plans, newest first.
    public static func of(customerID: UUID, creditorID: UUID, on database: any Database) async throws -> [PaymentPlanRecord] {
        try await PaymentPlanRecord.query(on: database).filter(\.$creditorID == creditorID).filter(\.$customerID == customerID)
            .sort(\.$createdAt, .descending).all()
    }

    /// The customer's claims a new plan may cover: open, undisputed, on no other plan; oldest first.
    public static func eligibleClaims(customerID: UUID, creditorID: UUID, on database: any Database) async throws -> [ClaimRecord] {
        let open = try await ClaimRecord.query(on: database).filter(\.$creditorID == creditorID).filter(\.$customerID == customerID)
            .filter(\.$openMinor > 0).sort(\.$dueDate).sort(\.$invoiceNumber).all()
        let ids = open.compactMap(\.id)
        let disputed = Set(try await DisputeRecord.query(on: database).filter(\.$claimID ~~ ids).filter(\.$status == "open").all().map(\.claimID))
        let planned = try await planned(claimIDs: ids, on: database)
        // A claim an agency holds is the agency's to agree instalments on.
        return open.filter { !disputed.contains($0.id!) && !planned.contains($0.id!) && $0.stage != ClaimStage.withAgency.rawValue }
    }

    /// Offers waiting for the customer and active plans with a missed payment, oldest first.
    public static func needingAttention(creditorID: UUID, on database: any Database) async throws -> [PaymentPlanRecord] {
        try await PaymentPlanRecord.query(on: database).filter(\.$creditorID == creditorID)
            .group(.or) { $0.filter(\.$status == "offered").group(.and) { $0.filter(\.$status == "active").filter(\.$remindedNumber != nil) } }
            .sort(\.$proposedOn).limit(200).all()
    }

    /// Active plans with a missed payment whose reminder is still to be written.
    public static func awaitingReminderLetter(creditorID: UUID? = nil, on database: any Database) async throws -> [PaymentPlanRecord] {
        var query = PaymentPlanRecord.query(on: database).filter(\.$status == "active").filter(\.$remindedNumber != nil)
        if let creditorID { query = query.filter(\.$creditorID == creditorID) }
        var waiting: [PaymentPlanRecord] = []
        for plan in try await query.all() {
            let key = reminderKey(plan)
            if try await NoticeRecord.query(on: database).filter(\.$creditorID == plan.creditorID).filter(\.$groupKey == key).count() == 0 {
                waiting.append(plan)
            }
        }
        return waiting
    }

    /// The notice group key of a plan's one reminder.
    public static func reminderKey(_ plan: PaymentPlanRecord) -> String { "plan/\(plan.id!.uuidString)/reminder" }

    /// Which of these claims an offered or active plan covers, for the planner; `claims` is a relation of
    /// (creditor_id, claim_id) pairs.
    static func paused(claims: SQLQueryString, on sql: any SQLDatabase) async throws -> Set<UUID> {
        let rows = try await sql.raw("""
            SELECT pc.claim_id
            FROM \(claims) AS k JOIN payment_plan_claims pc ON pc.creditor_id = k.creditor_id AND pc.claim_id = k.claim_id
            JOIN payment_plans p ON p.id = pc.plan_id
            WHERE p.status IN ('offered', 'active')
            """).all()
        return Set(try rows.map { try $0.decode(column: "claim_id", as: UUID.self) })
    }

    private static func planned(claimIDs: [UUID], on database: any Database) async throws -> Set<UUID> {
        let links = try await PaymentPlanClaimRecord.query(on: database).filter(\.$claimID ~~ claimIDs).all()
        let live = try await PaymentPlanRecord.query(on: database).filter(\.$id ~~ links.map(\.planID)).filter(\.$status ~~ pausing).all()
        let liveIDs = Set(live.compactMap(\.id))
        return Set(links.filter { liveIDs.contains($0.planID) }.map(\.claimID))
    }

    /// Ends a plan; unless it was paid, its claims go back to the ladder today.
    private static func close(_ plan: PaymentPlanRecord, status: String, on today: CivilDate, database: any Database, resume: Bool = true) async throws {
        plan.status = status
        plan.closedOn = today.iso
        try await plan.update(on: database)
        guard resume else { return }
        for claim in try await ClaimRecord.query(on: database).filter(\.$id ~~ (try await claimIDsOf(plan.id!, on: database)))
            .filter(\.$openMinor > 0).all() {
            try await claim.lookAgain(from: today.iso, on: database)
        }
    }

    private static func audit(_ plan: PaymentPlanRecord, _ action: String, _ detail: String, on database: any Database) async throws {
        try await AuditRecord(
            creditorID: plan.creditorID, userID: nil, actor: "betalt", action: action, subject: "plan \(plan.id!.uuidString)", detail: detail
        ).create(on: database)
    }
}

extension PaymentPlanPaymentRecord {
    public func planned(_ currency: Currency) throws -> PlannedPayment {
        PlannedPayment(number: number, date: try CivilDate(iso: dueDate), amount: Money(minorUnits: amountMinor, currency: currency))
    }
}

extension CreditorRecord {
    /// The limits within which the creditor's debtors may make a plan on their page.
    public var planLimits: PlanLimits {
        PlanLimits(
            maximumMonths: planMaxMonths,
            minimumInstalment: Money(minorUnits: planMinInstalmentMinor, currency: (try? Currency.named(currency)) ?? .nok)
        )
    }
}
