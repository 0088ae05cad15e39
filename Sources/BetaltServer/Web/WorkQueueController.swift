import BetaltCore
import BetaltDocuments
import BetaltDelivery
import BetaltStore
import Fluent
import Vapor

/// The work queue of unmatched payments, where a person assigns each to the claim it pays.
struct WorkQueueController: RouteCollection {
    struct AssignForm: Content {
        var payment: UUID?
        var candidate: String?
        var invoice: String?
        var page: Int?
    }

    /// A failed assignment, shown next to the form of the payment it concerns.
    struct Failure {
        let paymentID: UUID
        let typed: String
        let chosen: String
        let message: String
    }

    func boot(routes: any RoutesBuilder) throws {
        let queue = routes.grouped("creditors", ":creditorID", "work-queue")
        queue.get(use: show)
        queue.post("assign", use: assign)
    }

    func show(req: Request) async throws -> View {
        let context = try await CreditorContext.load(req)
        return try await render(req, context: context, page: req.query[Int.self, at: "page"] ?? 1, notice: nil, failure: nil)
    }

    func assign(req: Request) async throws -> Response {
        let context = try await CreditorContext.load(req)
        try CSRFToken.verify(req)
        let form = try req.content.decode(AssignForm.self)
        let words = Translations.words(context.language)
        let typed = (form.invoice ?? "").trimmingCharacters(in: .whitespaces)
        let chosen = form.candidate ?? ""
        let invoice = typed.isEmpty ? chosen : typed
        let page = form.page ?? 1
        guard let paymentID = form.payment else { throw Abort(.badRequest, reason: "No payment named.") }
        func failed(_ key: String) async throws -> Response {
            let failure = Failure(paymentID: paymentID, typed: typed, chosen: chosen, message: words[key]!)
            return try await render(req, context: context, page: page, notice: nil, failure: failure)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        guard !invoice.isEmpty else { return try await failed("assign.chooseClaim") }
        do {
            let outcome = try await PaymentAssignment.assign(
                paymentID: paymentID, toInvoice: invoice, creditorID: context.creditorID, by: context.user.email,
                userID: context.user.id, today: context.today, on: req.db
            )
            try await AgencyMessages.afterPayments(
                creditorID: context.creditorID, today: context.today, settings: req.application.betaltSettings.delivery, on: req.db)
            var notice = "\(words["assigned"]!) \(outcome.invoiceNumber): \(outcome.allocated.formatted(context.language))."
            if outcome.overpayment.isPositive { notice += " \(words["creditKept"]!) \(outcome.overpayment.formatted(context.language))." }
            return try await render(req, context: context, page: page, notice: notice, failure: nil).encodeResponse(for: req)
        } catch let refusal as AssignmentRefused {
            return try await failed(Self.key(refusal))
        }
    }

    static func key(_ refusal: AssignmentRefused) -> String {
        switch refusal {
        case .paymentNotFound: "assign.paymentNotFound"
        case .alreadyMatched: "assign.alreadyMatched"
        case .notAPayment: "assign.notAPayment"
        case .claimNotFound: "assign.claimNotFound"
        case .currencyMismatch: "assign.currencyMismatch"
        case .claimSettled: "assign.claimSettled"
        case .severalCustomers: "assign.severalCustomers"
        }
    }

    private func render(_ req: Request, context: CreditorContext, page: Int, notice: String?, failure: Failure?) async throws -> View {
        let words = Translations.words(context.language)
        var query = UnmatchedPaymentQuery(creditorID: context.creditorID)
        query.page = max(1, page)
        let result = try await query.run(on: req.db)
        var items: [QueuedPaymentView] = []
        for payment in result.payments {
            let candidates = try await PaymentCandidates.suggest(for: payment, on: req.db)
            let own = failure?.paymentID == payment.id ? failure : nil
            items.append(QueuedPaymentView(
                payment, candidates: candidates, context: context, words: words,
                typedInvoice: own?.typed ?? "", chosen: own?.chosen ?? "", error: own?.message
            ))
        }
        // A refusal about a payment that is not on this page (matched meanwhile, or not this creditor's) still shows.
        let strayError = failure.flatMap { failure in items.contains { $0.id == failure.paymentID.uuidString } ? nil : failure.message }
        let base = "/creditors/\(context.creditorID.uuidString)/work-queue"
        let credits = try await CustomerCredit.customersWithCredit(creditorID: context.creditorID, on: req.db).map { entry in
            WorkQueuePage.CreditLine(
                customerName: entry.customer.name, customerNumber: entry.customer.customerNumber,
                credit: entry.credit.formatted(context.language), currency: entry.credit.currency.code,
                refundAction: "/creditors/\(context.creditorID.uuidString)/customers/\(entry.customer.id!.uuidString)/refund-credit"
            )
        }
        // The claims and customers of the lists below, each read once for all of them.
        let openDisputes = try await Disputes.open(creditorID: context.creditorID, on: req.db)
        let plansToSee = try await PlanSummary.load(
            try await PaymentPlans.needingAttention(creditorID: context.creditorID, on: req.db), today: context.today, on: req.db
        )
        let waitingMessages = try await Conversation.waitingMessages(creditorID: context.creditorID, on: req.db)
        let claimsOfPlans = try await PaymentPlans.claimIDsOf(plansToSee.map { $0.plan.id! }, on: req.db)
        let claimIDs = Set(openDisputes.map(\.claimID))
        let claimsByID = claimIDs.isEmpty ? [:] : Dictionary(uniqueKeysWithValues: try await ClaimRecord.query(on: req.db)
            .filter(\.$creditorID == context.creditorID).filter(\.$id ~~ claimIDs).all().map { ($0.id!, $0) })
        let customerIDs = Set(openDisputes.map(\.customerID) + plansToSee.map(\.plan.customerID) + waitingMessages.map(\.customerID))
        let customersByID = customerIDs.isEmpty ? [:] : Dictionary(uniqueKeysWithValues: try await CustomerRecord.query(on: req.db)
            .filter(\.$creditorID == context.creditorID).filter(\.$id ~~ customerIDs).all().map { ($0.id!, $0) })
        var disputes: [WorkQueuePage.DisputeLine] = []
        for dispute in openDisputes {
            guard let claim = claimsByID[dispute.claimID], let customer = customersByID[dispute.customerID] else { continue }
            let currency = (try? Currency.named(dispute.currency)) ?? Currency(code: dispute.currency)
            disputes.append(WorkQueuePage.DisputeLine(
                claimHref: "/creditors/\(context.creditorID.uuidString)/claims/\(claim.id!.uuidString)#disputes",
                invoiceNumber: claim.invoiceNumber, customerName: customer.name,
                amount: Money(minorUnits: dispute.amountMinor, currency: currency).formatted(context.language),
                reason: DisputeReasonWords.label(dispute.reason, context.language),
                ageDays: max(0, ((try? CivilDate(iso: dispute.raisedOn)) ?? context.today).days(until: context.today))
            ))
        }
        let calls = try await CallTasks.open(creditorID: context.creditorID, on: req.db).map { item in
            WorkQueuePage.CallLine(
                date: (try? CivilDate(iso: item.act.actDate))?.formatted(context.language) ?? item.act.actDate,
                customerName: item.customer.name, phone: item.customer.phone,
                claimHref: "/creditors/\(context.creditorID.uuidString)/claims/\(item.claim.id!.uuidString)",
                invoiceNumber: item.claim.invoiceNumber,
                open: Money(minorUnits: item.claim.openMinor, currency: (try? Currency.named(item.claim.currency)) ?? .nok).formatted(context.language),
                why: item.why.shown(in: context.language), doneAction: "\(base)/calls/\(item.act.id!.uuidString)",
                customerHref: "/creditors/\(context.creditorID.uuidString)/customers/\(item.customer.id!.uuidString)#calls"
            )
        }
        var plans: [WorkQueuePage.PlanQueueLine] = []
        for summary in plansToSee {
            let plan = summary.plan
            guard let customer = customersByID[plan.customerID], let claimID = claimsOfPlans[plan.id!]?.first else { continue }
            let late = summary.payments.first { $0.late }
            plans.append(WorkQueuePage.PlanQueueLine(
                claimHref: "/creditors/\(context.creditorID.uuidString)/claims/\(claimID.uuidString)#plans",
                invoices: summary.invoiceNumbers.joined(separator: ", "), customerName: customer.name,
                status: PlanLine(summary, language: context.language, words: words).status,
                detail: late.map { "\(words["plan.payment.late"]!): \($0.date.formatted(context.language)) \($0.amount.formatted(context.language))" }
                    ?? summary.total.formatted(context.language),
                ageDays: max(0, ((try? CivilDate(iso: plan.proposedOn)) ?? context.today).days(until: context.today))
            ))
        }
        var messages: [WorkQueuePage.MessageLine] = []
        for note in waitingMessages {
            guard let customer = customersByID[note.customerID] else { continue }
            messages.append(WorkQueuePage.MessageLine(
                date: (try? CivilDate(iso: note.notedOn))?.formatted(context.language) ?? note.notedOn, customerName: customer.name,
                customerHref: "/creditors/\(context.creditorID.uuidString)/customers/\(customer.id!.uuidString)#timeline",
                text: note.text, handledAction: "\(base)/messages/\(note.id!.uuidString)/handled"
            ))
        }
        let givenBack = try await GivenBackClaims.list(creditorID: context.creditorID, on: req.db).map { row in
            WorkQueuePage.GivenBackLine(
                claimHref: "/creditors/\(context.creditorID.uuidString)/claims/\(row.claim.id!.uuidString)",
                invoiceNumber: row.claim.invoiceNumber, customerName: row.customerName, agencyName: row.agencyName,
                givenBackOn: row.givenBackOn.flatMap { try? CivilDate(iso: $0) }?.formatted(context.language) ?? "",
                open: row.open.formatted(context.language)
            )
        }
        let candidates = try await HandoverQueue.candidates(creditorID: context.creditorID, today: context.today, on: req.db)
        let handovers = candidates.sorted { !$0.isReady && $1.isReady }.prefix(100).map { candidate in
            WorkQueuePage.HandoverLine(
                claimHref: "/creditors/\(context.creditorID.uuidString)/claims/\(candidate.claim.id!.uuidString)",
                invoiceNumber: candidate.claim.invoiceNumber, customerName: candidate.customer.name,
                decidedOn: (try? CivilDate(iso: candidate.act.actDate))?.formatted(context.language) ?? candidate.act.actDate,
                blocks: candidate.blocks.map { $0.reason.shownCited(in: context.language) }, ready: candidate.isReady
            )
        }
        return try await req.view.render("work-queue", WorkQueuePage(
            frame: context.frame(req, title: words["workQueue"]!, section: "workQueue"),
            csrf: CSRFToken.current(req), action: base + "/assign", items: items, isEmpty: items.isEmpty,
            notice: notice, error: strayError,
            totalCount: result.totalCount, page: result.page, pageCount: result.pageCount,
            previousHref: result.page > 1 ? "\(base)?page=\(result.page - 1)" : nil,
            nextHref: result.page < result.pageCount ? "\(base)?page=\(result.page + 1)" : nil,
            credits: credits, hasCredits: !credits.isEmpty, disputes: disputes, hasDisputes: !disputes.isEmpty,
            calls: calls, hasCalls: !calls.isEmpty, plans: plans, hasPlans: !plans.isEmpty,
            messages: messages, hasMessages: !messages.isEmpty,
            handovers: Array(handovers), hasHandovers: !handovers.isEmpty, handoversReady: candidates.filter(\.isReady).count,
            givenBack: givenBack, hasGivenBack: !givenBack.isEmpty
        ))
    }
}
