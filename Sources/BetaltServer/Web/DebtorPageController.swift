import BetaltCore
import BetaltDelivery
import BetaltDocuments
import BetaltStore
import Vapor

/// The debtor's private page behind the link in every notice: no login, one customer, in their language.
/// Read-only for now: the open claims, how to pay them and the letters sent.
struct DebtorPageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("d", ":token", use: show)
        routes.get("d", ":token", "letters", ":documentID", use: letter)
        routes.post("d", ":token", "disputes", use: dispute)
        routes.post("d", ":token", "promises", use: promise)
    }

    struct PromiseForm: Content {
        var invoice: String
        var payBy: String
        var amount: String?
        var reason: String?
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
        let promise = try await PromisesController.record(
            PromisesController.PromiseForm(payBy: form.payBy, amount: form.amount, reason: form.reason.map { String($0.prefix(2000)) }),
            claim: claim, madeBy: "debtor", userID: nil, today: today, on: req.db
        )
        try await NoticeComposer(settings: settings.delivery).composePromiseConfirmation(promise, date: today, on: req.db)
        return Self.personal(req.redirect(to: "/d/\(token)?received=promise"))
    }

    struct DisputeForm: Content {
        var invoice: String
        var reason: String
        var text: String
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
        let dispute = try await Disputes.raise(
            claimID: claim.id, creditorID: overview.creditor.id!, amount: nil, reason: reason, text: text, raisedBy: "debtor",
            userID: nil, on: today, database: req.db
        )
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
            let language = Language(rawValue: overview.customer.language) ?? Language(rawValue: overview.creditor.language) ?? .nb
            var page = DebtorPage(overview, language: language, token: req.parameters.get("token")!)
            page.received = req.query[String.self, at: "received"] == "dispute"
            page.promiseReceived = req.query[String.self, at: "received"] == "promise"
            return Self.personal(try await req.view.render("debtor", page).encodeResponse(for: req))
        }
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
    var disputeAction = ""
    var promiseAction = ""
    var reasons: [Choice] = []

    init(expired: Bool, lang: String, t: [String: String], creditorName: String) {
        self.expired = expired
        self.lang = lang
        self.t = t
        self.creditorName = creditorName
    }

    init(_ overview: DebtorOverview, language: Language, token: String) {
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
                open: claim.open.formatted(language), reference: claim.paymentReference, disputed: claim.disputed,
                promised: claim.promised
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
        reasons = DisputeReason.allCases.map { Choice(value: $0.rawValue, label: DisputeReasonWords.label($0.rawValue, language)) }
        credit = overview.credits.isEmpty ? nil : overview.credits.map { $0.formatted(language) }.joined(separator: ", ")
    }
}
