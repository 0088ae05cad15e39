import BetaltCore
import BetaltStore
import Fluent
import Vapor

/// The signed-in pages about one creditor: the overview with aging, the claim list and a claim's ledger.
struct CreditorPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: home)
        routes.get("switch", use: switchCreditor)
        let creditor = routes.grouped("creditors", ":creditorID")
        creditor.get(use: overview)
        creditor.get("claims", use: claims)
        creditor.get("claims", ":claimID", use: claim)
    }

    func home(req: Request) async throws -> Response {
        let user = try req.auth.require(UserRecord.self)
        guard let first = try await CreditorAccess.creditors(for: try user.requireID(), on: req.db).first else {
            throw Abort(.forbidden, reason: "This user has no creditor yet.")
        }
        return req.redirect(to: "/creditors/\(first.id!.uuidString)")
    }

    func switchCreditor(req: Request) async throws -> Response {
        guard let id = req.query[UUID.self, at: "creditor"] else { throw Abort(.badRequest, reason: "No creditor chosen.") }
        return req.redirect(to: "/creditors/\(id.uuidString)")
    }

    func overview(req: Request) async throws -> View {
        let context = try await CreditorContext.load(req)
        let summary = try await AgingSummary.load(creditorID: context.creditorID, today: context.today, on: req.db)
        var query = ClaimListQuery(creditorID: context.creditorID, today: context.today)
        query.filter = .overdue
        query.sort = .amount
        query.descending = true
        query.pageSize = 10
        let largest = try await query.run(on: req.db)
        let words = Translations.words(context.language)
        return try await req.view.render("overview", OverviewPage(
            frame: context.frame(req, title: words["overview"]!, section: "overview"),
            aging: AgingView.make(summary, language: context.language, words: words),
            largestOverdue: largest.rows.map { ClaimRowView($0, context: context, words: words) }
        ))
    }

    func claims(req: Request) async throws -> View {
        let context = try await CreditorContext.load(req)
        var query = ClaimListQuery(creditorID: context.creditorID, today: context.today)
        query.filter = req.query[String.self, at: "filter"].flatMap(ClaimFilter.init(rawValue:)) ?? .open
        query.take(req)
        let page = try await query.run(on: req.db)
        let words = Translations.words(context.language)
        return try await req.view.render("claims", ClaimsPage(
            frame: context.frame(req, title: words["claims"]!, section: "claims"),
            rows: page.rows.map { ClaimRowView($0, context: context, words: words) },
            isEmpty: page.rows.isEmpty,
            controls: .claims(query: query, page: page, basePath: "/creditors/\(context.creditorID.uuidString)/claims", words: words)
        ))
    }

    func claim(req: Request) async throws -> View {
        let context = try await CreditorContext.load(req)
        guard let claimID = req.parameters.get("claimID", as: UUID.self) else { throw Abort(.notFound) }
        return try await Self.claimPage(claimID, returning: nil, context: context, req: req)
    }

    /// The claim page again after one of its forms was refused (422): that form open, with what was typed
    /// and the error next to its field, instead of an error page that loses the input.
    static func returnClaimPage(_ claimID: UUID, with form: ReturnedForm, context: CreditorContext, req: Request) async throws -> Response {
        try await claimPage(claimID, returning: form, context: context, req: req).encodeResponse(status: .unprocessableEntity, for: req)
    }

    private static func claimPage(_ claimID: UUID, returning returned: ReturnedForm?, context: CreditorContext, req: Request) async throws -> View {
        guard let detail = try await ClaimDetail.load(claimID: claimID, creditorID: context.creditorID, on: req.db) else { throw Abort(.notFound) }
        let words = Translations.words(context.language)
        let followUp = try await ClaimFollowUp.load(
            claimID: claimID, creditorID: context.creditorID, today: context.today, on: req.db
        )
        var promises: [PromiseLine] = []
        for promise in try await Promises.of(claimID: claimID, creditorID: context.creditorID, on: req.db) {
            let others = try await Promises.rows(of: promise.agreementID, creditorID: context.creditorID, on: req.db).filter { $0.claimID != claimID }
            let numbers = try await ClaimRecord.query(on: req.db).filter(\.$creditorID == context.creditorID).filter(\.$id ~~ others.map(\.claimID))
                .all().map(\.invoiceNumber).sorted()
            promises.append(PromiseLine(
                madeOn: (try? CivilDate(iso: promise.madeOn))?.formatted(context.language) ?? promise.madeOn,
                payBy: (try? CivilDate(iso: promise.payBy))?.formatted(context.language) ?? promise.payBy,
                amount: Money(minorUnits: promise.amountMinor, currency: (try? Currency.named(promise.currency)) ?? .nok).formatted(context.language),
                alsoCovers: numbers.joined(separator: ", "),
                madeBy: promise.madeBy == "debtor" ? words["raisedByDebtor"]! : promise.madeBy,
                status: StatusBadge(
                    label: words["promise.\(promise.status)"] ?? promise.status,
                    tone: promise.status == "open" ? "neutral" : promise.status == "kept" ? "good" : "danger"
                ),
                reason: promise.reason
            ))
        }
        var alsoCoverable: [String] = []
        if let claim = try await ClaimRecord.find(claimID, on: req.db) {
            alsoCoverable = try await Promises.alsoCoverable(with: claim, today: context.today, on: req.db).map(\.invoiceNumber)
        }
        let disputes = try await Disputes.of(claimID: claimID, creditorID: context.creditorID, on: req.db)
        let plans = try await PlanSummary.load(
            try await PaymentPlans.of(claimID: claimID, creditorID: context.creditorID, on: req.db), today: context.today, on: req.db
        ).map { summary in
            var line = PlanLine(summary, language: context.language, words: words)
            if summary.plan.status == "offered" {
                line.acceptAction = "/creditors/\(context.creditorID.uuidString)/plans/\(line.id)/accept"
                line.withdrawAction = "/creditors/\(context.creditorID.uuidString)/plans/\(line.id)/withdraw"
            }
            return line.showing(returned, language: context.language)
        }
        return try await req.view.render("claim", ClaimPage(
            frame: context.frame(req, title: "\(words["claim"]!) \(detail.claim.invoiceNumber)", section: "claims"),
            claim: ClaimDetailView(detail, context: context, words: words),
            followUp: FollowUpView(
                followUp, language: context.language, words: words, withAgency: detail.claim.stage == ClaimStage.withAgency.rawValue
            ),
            notices: NoticesView(
                try await ClaimNotices.load(claimID: claimID, creditorID: context.creditorID, on: req.db),
                creditorID: context.creditorID.uuidString, language: context.language, words: words
            ),
            credit: detail.claim.openMinor > 0
                ? try await CustomerCredit.balances(customerID: detail.claim.customerID, creditorID: context.creditorID, on: req.db)
                    .first { $0.currency.code == detail.claim.currency }?.formatted(context.language)
                : nil,
            applyCreditAction: "/creditors/\(context.creditorID.uuidString)/claims/\(claimID.uuidString)/apply-credit",
            csrf: CSRFToken.current(req),
            disputes: DisputesView(
                disputes, attachments: try await Disputes.attachments(disputeIDs: disputes.compactMap(\.id), creditorID: context.creditorID, on: req.db),
                claim: detail.claim,
                creditorID: context.creditorID.uuidString, language: context.language, words: words, returned: returned
            ),
            disputeForm: FormState(DisputesView.raiseFormID, returned, language: context.language),
            promises: promises, hasPromises: !promises.isEmpty, promiseAlsoCoverable: alsoCoverable.joined(separator: ", "),
            promiseAction: "/creditors/\(context.creditorID.uuidString)/claims/\(claimID.uuidString)/promises",
            promiseForm: FormState(ClaimPage.promiseFormID, returned, language: context.language),
            plans: plans, hasPlans: !plans.isEmpty,
            planOffer: try await planOffer(for: detail.claim, returning: returned, context: context, on: req.db),
            planForm: FormState(PlanOfferForm.id, returned, language: context.language),
            customerHref: "/creditors/\(context.creditorID.uuidString)/customers/\(detail.claim.customerID.uuidString)",
            timeline: TimelineLine.lines(
                try await Timeline.load(customerID: detail.claim.customerID, claimID: claimID, creditorID: context.creditorID, on: req.db),
                language: context.language, words: words
            ),
            originalHref: try await OriginalInvoices.isArchived(claimID: claimID, on: req.db)
                ? "/creditors/\(context.creditorID.uuidString)/claims/\(claimID.uuidString)/original" : nil,
            attachOriginalAction: "/creditors/\(context.creditorID.uuidString)/claims/\(claimID.uuidString)/original",
            originalForm: FormState(ClaimPage.originalFormID, returned, language: context.language),
            agencyCase: try await AgencyCases.list(creditorID: context.creditorID, claimID: claimID, on: req.db).first { $0.state.isWithAgency }
                .map { row in
                    ([row.agencyName, words["agencyCase.\(row.state.rawValue)"] ?? ""]
                        + [row.agencyStatus.flatMap { words["agencyStatus.\($0.rawValue)"] }].compactMap { $0 }).joined(separator: " · ")
                },
            writeOffAction: "/creditors/\(context.creditorID.uuidString)/claims/\(claimID.uuidString)/write-off",
            canWriteOff: detail.claim.openMinor > 0 && detail.claim.stage != ClaimStage.withAgency.rawValue,
            writeOffForm: FormState(ClaimPage.writeOffFormID, returned, language: context.language)
        ))
    }

    /// The offer form, with the customer's other claims that may share the plan: the claim itself chosen, or
    /// what was chosen when the form comes back refused.
    private static func planOffer(
        for claim: ClaimRecord, returning returned: ReturnedForm?, context: CreditorContext, on database: any Database
    ) async throws -> PlanOfferForm? {
        let base = "/creditors/\(context.creditorID.uuidString)"
        let eligible = try await PaymentPlans.eligibleClaims(customerID: claim.customerID, creditorID: context.creditorID, on: database)
            .filter { $0.currency == claim.currency }
        guard eligible.contains(where: { $0.id == claim.id }) else { return nil }
        let currency = try Currency.named(claim.currency)
        let typed = returned?.id == PlanOfferForm.id ? returned?.values : nil
        let chosen = typed.map { Set(($0["claims"] ?? "").split(separator: ",").map(String.init)) } ?? [claim.id!.uuidString]
        return PlanOfferForm(
            action: "\(base)/claims/\(claim.id!.uuidString)/plans",
            claims: eligible.map {
                PlanOfferForm.ClaimChoice(
                    id: $0.id!.uuidString, invoiceNumber: $0.invoiceNumber,
                    open: Money(minorUnits: $0.openMinor, currency: currency).formatted(context.language), checked: chosen.contains($0.id!.uuidString)
                )
            },
            offersFee: context.creditor.country == Country.sweden.rawValue, feeChecked: typed.map { $0["fee"] == "on" } ?? true,
            firstDate: context.today.adding(months: 1).iso, downPaymentDate: context.today.adding(days: 7).iso
        )
    }
}
