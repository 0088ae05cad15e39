import BetaltCore
import BetaltDelivery
import BetaltDocuments
import BetaltStore
import Fluent
import Vapor

/// The debtor's private page behind the link in every notice: no login, one customer, in their language.
/// The open claims, how to pay them and the letters sent; the debtor may promise a date, make or accept a
/// payment plan, or dispute a claim.
struct DebtorPageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("d", ":token", use: show)
        routes.get("d", ":token", "letters", ":documentID", use: letter)
        routes.on(.POST, "d", ":token", "disputes", body: .collect(maxSize: DisputeFiles.requestLimit), use: dispute)
        routes.post("d", ":token", "promises", use: promise)
        routes.post("d", ":token", "plans", use: makePlan)
        routes.post("d", ":token", "plans", ":planID", "accept", use: acceptPlan)
        routes.post("d", ":token", "messages", use: message)
    }

    struct MessageForm: Content {
        var text: String
    }

    /// A message to the creditor: it waits in the work queue and shows in the customer's timeline.
    func message(req: Request) async throws -> Response {
        guard case .found(let overview) = try await lookup(req), let token = req.parameters.get("token") else { throw Abort(.notFound) }
        let form = try req.content.decode(MessageForm.self)
        let today = req.application.betaltSettings.today(inTimeZone: overview.creditor.timeZone)
        do {
            guard try await Conversation.message(
                customerID: overview.customer.id!, creditorID: overview.creditor.id!, text: form.text, on: today, database: req.db
            ) != nil else { return Self.personal(req.redirect(to: "/d/\(token)#contact")) }
        } catch is DebtorSubmissions.TooMany {
            return try await page(
                overview, returning: ReturnedForm(id: DebtorPage.messageFormID, error: FieldError("", "debtorTooManyToday"),
                                                  values: ["text": String(form.text.prefix(4000))]),
                req: req
            )
        }
        return Self.personal(req.redirect(to: "/d/\(token)?received=message"))
    }

    struct PlanForm: Content {
        var instalments: Int?
        var first: String?
    }

    /// "I would like a payment plan": within the creditor's limits it is in force at once (the click on
    /// the previewed plan is the acceptance) and confirmed in writing; outside them the preview says why.
    func makePlan(req: Request) async throws -> Response {
        guard case .found(let overview) = try await lookup(req), let token = req.parameters.get("token") else { throw Abort(.notFound) }
        let form = try req.content.decode(PlanForm.self)
        let settings = req.application.betaltSettings
        let today = settings.today(inTimeZone: overview.creditor.timeZone)
        let back = "/d/\(token)?instalments=\(form.instalments ?? 0)&first=\(form.first ?? "")#plan-request"
        guard let count = form.instalments, let first = form.first.flatMap({ try? CivilDate(iso: $0) }) else {
            return Self.personal(req.redirect(to: back))
        }
        let plan: PaymentPlanRecord
        do {
            plan = try await PaymentPlans.make(
                PlanRequest(claimIDs: overview.claimsForAPlan.map(\.id), instalmentCount: count, firstInstalmentDate: first,
                            wantsFee: overview.creditor.planFee),
                creditorID: overview.creditor.id!, proposedBy: "debtor", userID: nil, limits: overview.creditor.planLimits,
                on: today, database: req.db
            )
        } catch is PlanRefused {
            return Self.personal(req.redirect(to: back))
        }
        try await NoticeComposer(settings: settings.delivery).composePlanAgreement(plan, date: today, on: req.db)
        return Self.personal(req.redirect(to: "/d/\(token)?received=plan"))
    }

    /// The debtor accepts a plan the creditor offered: recorded with the moment, confirmed in writing.
    func acceptPlan(req: Request) async throws -> Response {
        guard case .found(let overview) = try await lookup(req), let token = req.parameters.get("token"),
              let planID = req.parameters.get("planID", as: UUID.self) else { throw Abort(.notFound) }
        let settings = req.application.betaltSettings
        let today = settings.today(inTimeZone: overview.creditor.timeZone)
        let plan: PaymentPlanRecord
        do {
            plan = try await PlansController.refusing {
                try await PaymentPlans.accept(planID: planID, creditorID: overview.creditor.id!, customerID: overview.customer.id!, by: "debtor",
                                              userID: nil, on: today, database: req.db)
            }
        } catch let error as FieldError {
            return try await page(overview, returning: ReturnedForm(id: PlanLine.actionsFormID(planID), error: error, values: [:]), req: req)
        }
        try await NoticeComposer(settings: settings.delivery).composePlanAgreement(plan, date: today, on: req.db)
        return Self.personal(req.redirect(to: "/d/\(token)?received=plan"))
    }

    struct PromiseForm: Content {
        var invoice: String
        var payBy: String
        var amount: String?
        var reason: String?
        /// "on" when the promise is for all the customer's overdue invoices.
        var alsoOverdue: String?
    }

    /// "I will pay on …": recorded, confirmed in writing, and the ladder waits for the date.
    func promise(req: Request) async throws -> Response {
        guard case .found(let overview) = try await lookup(req), let token = req.parameters.get("token") else { throw Abort(.notFound) }
        let form = try req.content.decode(PromiseForm.self)
        guard let open = overview.claims.first(where: { $0.invoiceNumber == form.invoice }),
              let claim = try await ClaimRecord.find(open.id, on: req.db)
        else { throw Abort(.badRequest, reason: "Unknown invoice.") }
        let settings = req.application.betaltSettings
        let today = settings.today(inTimeZone: overview.creditor.timeZone)
        let promise: PromiseRecord
        do {
            promise = try await PromisesController.record(
                PromisesController.PromiseForm(
                    payBy: form.payBy, amount: form.amount, reason: form.reason.map { String($0.prefix(2000)) }, alsoOverdue: form.alsoOverdue
                ),
                claim: claim, madeBy: "debtor", userID: nil, today: today, on: req.db
            )
        } catch let error as FieldError {
            let typed = ["payBy": form.payBy, "amount": form.amount ?? "", "reason": form.reason ?? "", "alsoOverdue": form.alsoOverdue ?? ""]
            return try await page(
                overview, returning: ReturnedForm(id: DebtorPage.promiseFormID(form.invoice), error: error, values: typed), req: req
            )
        }
        try await NoticeComposer(settings: settings.delivery).composePromiseConfirmation(promise, date: today, on: req.db)
        return Self.personal(req.redirect(to: "/d/\(token)?received=promise"))
    }

    struct DisputeForm: Content {
        var invoice: String
        var reason: String
        var text: String
        var files: [File]?
    }

    /// "I dispute this claim because …": recorded at once, collection of it stops, and the acknowledgement
    /// is written. The private link itself is the proof that the customer sent it (no other site knows it).
    func dispute(req: Request) async throws -> Response {
        guard case .found(let overview) = try await lookup(req), let token = req.parameters.get("token") else { throw Abort(.notFound) }
        let form = try req.content.decode(DisputeForm.self)
        guard let claim = overview.claims.first(where: { $0.invoiceNumber == form.invoice }),
              let reason = DisputeReason(rawValue: form.reason)
        else { throw Abort(.badRequest, reason: "Unknown invoice or reason.") }
        let settings = req.application.betaltSettings
        let today = settings.today(inTimeZone: overview.creditor.timeZone)
        let text = String(form.text.trimmingCharacters(in: .whitespacesAndNewlines).prefix(4000))
        let dispute: DisputeRecord
        do {
            let files = try DisputeFiles.read(form.files)
            dispute = try await DisputesController.refusing {
                try await Disputes.raise(
                    claimID: claim.id, creditorID: overview.creditor.id!, amount: nil, reason: reason, text: text, raisedBy: "debtor",
                    userID: nil, attachments: files, on: today, database: req.db
                )
            }
        } catch let error as FieldError {
            let typed = ["reason": form.reason, "text": form.text]
            return try await page(
                overview, returning: ReturnedForm(id: DebtorPage.disputeFormID(form.invoice), error: error, values: typed), req: req
            )
        }
        try await NoticeComposer(settings: settings.delivery).composeDisputeLetter(dispute, kind: .disputeAcknowledgement, date: today, on: req.db)
        return Self.personal(req.redirect(to: "/d/\(token)?received=dispute"))
    }

    func show(req: Request) async throws -> Response {
        switch try await lookup(req) {
        case .unknown:
            throw Abort(.notFound)
        case .expired(let creditorName, let language):
            let words = Translations.words(Language(rawValue: language) ?? .nb)
            let page = DebtorPage(expired: true, lang: language, t: words, creditorName: creditorName)
            return Self.personal(try await req.view.render("debtor", page).encodeResponse(status: .gone, for: req))
        case .found(let overview):
            return try await page(overview, returning: nil, req: req)
        }
    }

    /// The customer's page; after a refused form (422), with that form open, what was typed and the error
    /// next to its field.
    private func page(_ overview: DebtorOverview, returning returned: ReturnedForm?, req: Request) async throws -> Response {
        let language = Language(rawValue: overview.customer.language) ?? Language(rawValue: overview.creditor.language) ?? .nb
        let token = req.parameters.get("token")!
        var page = DebtorPage(overview, language: language, token: token, returned: returned)
        page.messageForm = FormState(DebtorPage.messageFormID, returned, language: language)
        page.received = req.query[String.self, at: "received"] == "dispute"
        page.promiseReceived = req.query[String.self, at: "received"] == "promise"
        page.planReceived = req.query[String.self, at: "received"] == "plan"
        let today = req.application.betaltSettings.today(inTimeZone: overview.creditor.timeZone)
        // A claim's promise may be for all overdue invoices where there are others it would cover.
        let coverable = try await Promises.coverable(customerID: overview.customer.id!, creditorID: overview.creditor.id!, today: today, on: req.db)
        for (index, claim) in overview.claims.enumerated() {
            page.claims[index].mayPromiseAll = !Promises.alsoCoverable(besides: claim.id, currency: claim.open.currency.code, among: coverable).isEmpty
        }
        page.messageReceived = req.query[String.self, at: "received"] == "message"
        page.planRequest = try await planRequest(
            overview, language: language, token: token,
            today: today,
            asked: (req.query[Int.self, at: "instalments"], req.query[String.self, at: "first"]), on: req.db
        )
        return Self.personal(try await req.view.render("debtor", page).encodeResponse(status: returned == nil ? .ok : .unprocessableEntity, for: req))
    }

    /// The plan form, and the plan it would make when the debtor asked to see one.
    private func planRequest(
        _ overview: DebtorOverview, language: Language, token: String, today: CivilDate, asked: (count: Int?, first: String?),
        on database: any Database
    ) async throws -> DebtorPage.PlanRequest? {
        let claims = overview.claimsForAPlan
        guard let currency = claims.first?.open.currency, claims.allSatisfy({ $0.open.currency == currency }) else { return nil }
        let words = Translations.words(language)
        let limits = overview.creditor.planLimits
        let defaultFirst = today.adding(days: 14)
        let debt = Money(minorUnits: claims.reduce(0) { $0 + $1.open.minorUnits }, currency: currency)
        let most = limits.mostInstalments(for: debt, firstDate: defaultFirst, today: today)
        let chosen = asked.count ?? most
        var request = DebtorPage.PlanRequest(
            offered: most > 0, action: "/d/\(token)/plans", previewAction: "/d/\(token)",
            help: String(format: words["planLimitsHelp"]!, limits.maximumMonths, limits.minimumInstalment.formatted(language)),
            options: most > 0 ? (1...most).map { DebtorPage.CountOption(value: $0, selected: $0 == chosen) } : [],
            first: asked.first ?? defaultFirst.iso, firstMin: today.adding(days: 1).iso, firstMax: today.adding(days: 45).iso,
            chosen: chosen
        )
        guard request.offered, let count = asked.count, let firstText = asked.first else { return request }
        guard let first = try? CivilDate(iso: firstText) else {
            request.error = FieldError.plan(.firstDateNotAhead).message(in: language)
            return request
        }
        do {
            let draft = try await PaymentPlans.draft(
                PlanRequest(claimIDs: claims.map(\.id), instalmentCount: count, firstInstalmentDate: first, wantsFee: overview.creditor.planFee),
                creditorID: overview.creditor.id!, today: today, on: database
            )
            let refusals = limits.refusals(draft.payments, today: today)
            guard refusals.isEmpty else {
                request.error = refusals.map { FieldError.plan($0).message(in: language) }.joined(separator: " ")
                return request
            }
            request.preview = draft.payments.map { payment in
                PlanLine.Payment(
                    label: PlanLine.label(payment.number, words: words),
                    date: payment.date.formatted(language), amount: payment.amount.formatted(language), reference: "",
                    paid: "", state: StatusBadge(label: "", tone: "neutral")
                )
            }
            request.previewTotal = draft.terms.total.formatted(language)
            request.previewFee = draft.terms.fee?.formatted(language)
        } catch let refusal as PlanRefused {
            request.error = FieldError.plan(refusal).message(in: language)
        }
        return request
    }

    func letter(req: Request) async throws -> Response {
        guard case .found(let overview) = try await lookup(req),
              let id = req.parameters.get("documentID", as: UUID.self),
              let document = try await DebtorOverview.letter(id, of: overview, on: req.db)
        else { throw Abort(.notFound) }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: document.mediaType)
        headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename=\"\(document.fileName)\"")
        return Self.personal(Response(status: .ok, headers: headers, body: .init(data: document.content)))
    }

    private func lookup(_ req: Request) async throws -> DebtorOverview.Lookup {
        guard let token = req.parameters.get("token"), token.count >= 40, token.count <= 64 else { return .unknown }
        let settings = req.application.betaltSettings
        return try await DebtorOverview.load(
            tokenHash: DebtorLink.hash(token: token), today: { settings.today(inTimeZone: $0.timeZone) }, on: req.db
        )
    }

    /// The page is personal: never cached, never indexed, and its address never leaks as a referrer.
    private static func personal(_ response: Response) -> Response {
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        response.headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
        response.headers.replaceOrAdd(name: "X-Robots-Tag", value: "noindex, nofollow")
        return response
    }
}

/// The debtor page's content, formatted in the debtor's language.
struct DebtorPage: Encodable {
    struct Claim: Encodable {
        let invoiceNumber: String
        let issueDate: String
        let dueDate: String
        let principal: String
        let additions: String?
        let open: String
        let reference: String?
        let disputed: Bool
        let promised: Bool
        let onPlan: Bool
        let withAgency: Bool
        let promiseForm: FormState
        let disputeForm: FormState
        /// Whether its promise may also be for the debtor's other overdue invoices.
        var mayPromiseAll = false
    }

    /// The ids of a claim's two forms that `ReturnedForm` names.
    static func promiseFormID(_ invoiceNumber: String) -> String { "promise-\(invoiceNumber)" }
    static func disputeFormID(_ invoiceNumber: String) -> String { "dispute-\(invoiceNumber)" }
    static let messageFormID = "contact"

    /// The debtor's own plan: the form within the creditor's limits and, once asked, the plan it makes.
    struct PlanRequest: Encodable {
        let offered: Bool
        let action: String
        let previewAction: String
        let help: String
        let options: [CountOption]
        let first: String
        let firstMin: String
        let firstMax: String
        let chosen: Int
        var preview: [PlanLine.Payment]?
        var previewTotal: String?
        var previewFee: String?
        var error: String?
    }

    struct CountOption: Encodable {
        let value: Int
        let selected: Bool
    }

    struct Choice: Encodable {
        let value: String
        let label: String
    }

    struct LetterLink: Encodable {
        let date: String
        let title: String
        let href: String
    }

    var expired = false
    let lang: String
    let t: [String: String]
    let creditorName: String
    var creditorContact: [String] = []
    var customerName = ""
    var claims: [Claim] = []
    var hasClaims = false
    var total: String?
    var account = ""
    var referenceLabel = ""
    var combinedReference: String?
    var combinedInvoices: String?
    var letters: [LetterLink] = []
    var hasLetters = false
    var credit: String?
    var received = false
    var promiseReceived = false
    var planReceived = false
    var messageReceived = false
    var messageAction = ""
    var messageForm = FormState.blank
    var plans: [PlanLine] = []
    var hasPlans = false
    var planRequest: PlanRequest?
    var disputeAction = ""
    var promiseAction = ""
    var reasons: [Choice] = []

    init(expired: Bool, lang: String, t: [String: String], creditorName: String) {
        self.expired = expired
        self.lang = lang
        self.t = t
        self.creditorName = creditorName
    }

    init(_ overview: DebtorOverview, language: Language, token: String, returned: ReturnedForm? = nil) {
        let words = Translations.words(language)
        let creditor = NoticeCreditor(overview.creditor)
        self.init(expired: false, lang: language.rawValue, t: words, creditorName: creditor.name)
        creditorContact = creditor.addressLines + [creditor.email, creditor.phone].compactMap { $0 }
        customerName = overview.customer.name
        claims = overview.claims.map { claim in
            let additions = Money(minorUnits: claim.fees.minorUnits + claim.interest.minorUnits, currency: claim.open.currency)
            return Claim(
                invoiceNumber: claim.invoiceNumber, issueDate: claim.issueDate.formatted(language), dueDate: claim.dueDate.formatted(language),
                principal: claim.principal.formatted(language), additions: additions.isZero ? nil : additions.formatted(language),
                open: claim.open.formatted(language), reference: claim.withAgency ? nil : claim.paymentReference, disputed: claim.disputed,
                promised: claim.promised, onPlan: claim.onPlan, withAgency: claim.withAgency,
                promiseForm: FormState(Self.promiseFormID(claim.invoiceNumber), returned, language: language),
                disputeForm: FormState(Self.disputeFormID(claim.invoiceNumber), returned, language: language)
            )
        }
        hasClaims = !claims.isEmpty
        let currencies = Set(overview.claims.map(\.open.currency))
        if currencies.count == 1, let currency = currencies.first {
            total = Money(minorUnits: overview.claims.reduce(0) { $0 + $1.open.minorUnits }, currency: currency).formatted(language)
        }
        account = creditor.bankAccount
        referenceLabel = words[Country(rawValue: overview.creditor.country) == .sweden ? "ocrNumber" : "kid"]!
        combinedReference = overview.combinedReference?.reference
        combinedInvoices = overview.combinedReference?.invoiceNumbers.joined(separator: ", ")
        letters = overview.letters.map {
            LetterLink(date: $0.date.formatted(language), title: $0.title, href: "/d/\(token)/letters/\($0.documentID.uuidString)")
        }
        hasLetters = !letters.isEmpty
        disputeAction = "/d/\(token)/disputes"
        promiseAction = "/d/\(token)/promises"
        messageAction = "/d/\(token)/messages"
        reasons = DisputeReason.allCases.map { Choice(value: $0.rawValue, label: DisputeReasonWords.label($0.rawValue, language)) }
        plans = overview.plans.map { summary in
            var line = PlanLine(summary, language: language, words: words)
            if summary.plan.status == "offered" { line.acceptAction = "/d/\(token)/plans/\(line.id)/accept" }
            return line.showing(returned, language: language)
        }
        hasPlans = !plans.isEmpty
        credit = overview.credits.isEmpty ? nil : overview.credits.map { $0.formatted(language) }.joined(separator: ", ")
    }
}
