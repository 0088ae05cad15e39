import BetaltCore
import BetaltStore
import Fluent
import Vapor

/// One customer with everything a caller needs: contact details, open claims, disputes and plans, what may
/// be offered, the calls to make with the form that records them, and the whole conversation timeline.
struct CustomerPageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("creditors", ":creditorID", "customers", ":customerID", use: show)
    }

    /// The form ids of the page's forms that come back after a refusal.
    static let scheduleFormID = "schedule-call", noteFormID = "add-note", consentFormID = "notice-consent", detailsFormID = "customer-details"

    /// The id of the form that records the call task `actID`.
    static func callFormID(_ actID: UUID) -> String { "call-\(actID.uuidString)" }

    func show(req: Request) async throws -> View {
        let context = try await CreditorContext.load(req)
        guard let customerID = req.parameters.get("customerID", as: UUID.self) else { throw Abort(.notFound) }
        return try await Self.customerPage(customerID, returning: nil, context: context, req: req)
    }

    /// The customer page again after one of its forms was refused (422): that form open, with what was typed
    /// and the error next to its field.
    static func returnCustomerPage(_ customerID: UUID, with form: ReturnedForm, context: CreditorContext, req: Request) async throws -> Response {
        try await customerPage(customerID, returning: form, context: context, req: req).encodeResponse(status: .unprocessableEntity, for: req)
    }

    private static func customerPage(_ customerID: UUID, returning returned: ReturnedForm?, context: CreditorContext, req: Request) async throws -> View {
        guard let customer = try await CustomerRecord.query(on: req.db).filter(\.$creditorID == context.creditorID)
                .filter(\.$id == customerID).first()
        else { throw Abort(.notFound) }
        let words = Translations.words(context.language)
        let language = context.language
        let base = "/creditors/\(context.creditorID.uuidString)"
        let claims = try await ClaimRecord.query(on: req.db).filter(\.$creditorID == context.creditorID).filter(\.$customerID == customerID)
            .filter(\.$openMinor > 0).sort(\.$dueDate).all()
        let disputed = Set(try await DisputeRecord.query(on: req.db).filter(\.$customerID == customerID).filter(\.$status == "open").all().map(\.claimID))
        let openClaims = claims.map { claim in
            let currency = (try? Currency.named(claim.currency)) ?? .nok
            let due = (try? CivilDate(iso: claim.dueDate)) ?? context.today
            return CustomerPage.ClaimLine(
                href: "\(base)/claims/\(claim.id!.uuidString)", id: claim.id!.uuidString, invoiceNumber: claim.invoiceNumber,
                dueDate: due.formatted(language), open: Money(minorUnits: claim.openMinor, currency: currency).formatted(language),
                status: StatusBadge(ClaimStatus.of(stage: ClaimStage(rawValue: claim.stage) ?? .open, dueDate: due, today: context.today), words: words),
                disputed: disputed.contains(claim.id!)
            )
        }
        let coverable = try await Promises.coverable(customerID: customerID, creditorID: context.creditorID, today: context.today, on: req.db)
        var calls: [CustomerPage.CallLine] = []
        for item in try await CallTasks.open(creditorID: context.creditorID, customerID: customerID, on: req.db) {
            let formID = callFormID(item.act.id!)
            calls.append(CustomerPage.CallLine(
                date: (try? CivilDate(iso: item.act.actDate))?.formatted(language) ?? item.act.actDate,
                due: item.act.actDate <= context.today.iso, invoiceNumber: item.claim.invoiceNumber, why: item.why.shown(in: language),
                action: "\(base)/work-queue/calls/\(item.act.id!.uuidString)", formID: formID,
                form: FormState(formID, returned, language: language),
                promiseAlsoCoverable: Promises.alsoCoverable(besides: item.claim.id!, currency: item.claim.currency, among: coverable)
                    .map(\.invoiceNumber).joined(separator: ", ")
            ))
        }
        let plans = try await PlanSummary.load(
            try await PaymentPlans.of(customerID: customerID, creditorID: context.creditorID, on: req.db), today: context.today, on: req.db
        ).map { PlanLine($0, language: language, words: words) }
        let limits = context.creditor.planLimits
        let consentForm = FormState(Self.consentFormID, returned, language: language)
        let detailsForm = FormState(Self.detailsFormID, returned, language: language)
        let stored = CustomerDetails(customer)
        // What the details form shows: as typed when it came back refused, else as kept.
        var details = detailsForm.values
        if !detailsForm.isOpen {
            for field in CustomerDetails.Field.shownAsKept {
                details[field.rawValue] = stored[field]
                details[CustomerDetailsController.originalName(field)] = stored[field]
            }
        }
        let credit = try await CustomerCredit.balances(customerID: customerID, creditorID: context.creditorID, on: req.db)
        return try await req.view.render("customer", CustomerPage(
            frame: context.frame(req, title: customer.name, section: "customers"), csrf: CSRFToken.current(req),
            name: customer.name, number: customer.customerNumber, kind: words[customer.kind] ?? customer.kind,
            phone: customer.phone, email: customer.email,
            emailConsent: customer.acceptsEmailNotices
                ? String(format: words["emailAcceptedOn"]!, customer.emailConsentOn.flatMap { try? CivilDate(iso: $0) }?.formatted(language) ?? "")
                : words["emailNotAccepted"]!,
            emailConsentBasis: customer.acceptsEmailNotices ? customer.emailConsentBasis : nil,
            acceptsEmail: customer.acceptsEmailNotices,
            emailBoxTicked: consentForm.isOpen ? consentForm.values["acceptsEmail"] == "on" : customer.acceptsEmailNotices,
            consentForm: consentForm,
            consentAction: "\(base)/customers/\(customerID.uuidString)/notice-consent",
            detailsForm: detailsForm, details: details, detailsAction: "\(base)/customers/\(customerID.uuidString)/details",
            organisationNumber: customer.organisationNumber,
            nationalIdentityNumber: customer.nationalIdentityNumber.map(NationalIdentity.masked),
            removeNationalIdentityNumberTicked: details[CustomerDetailsController.removeNationalIdentityNumber] == "on",
            // The country where it is not the creditor's, as a letter's last line gives it.
            address: ([CustomerDetails.addressText(customer.addressLine, customer.postalCode, customer.city)]
                + (customer.country == context.creditor.country ? [] : [customer.country])).filter { !$0.isEmpty }.joined(separator: ", "),
            promiseBrokenOn: customer.promiseBrokenOn.flatMap { try? CivilDate(iso: $0) }?.formatted(language),
            claims: openClaims, hasClaims: !openClaims.isEmpty, calls: calls, hasCalls: !calls.isEmpty,
            plans: plans, hasPlans: !plans.isEmpty,
            offers: [
                limits.maximumMonths > 0
                    ? String(format: words["offer.planWithin"]!, limits.maximumMonths, limits.minimumInstalment.formatted(language))
                    : words["offer.planByHand"]!,
            ] + credit.map { "\(words["customerHasCredit"]!) \($0.formatted(language))" },
            callBack: "\(base)/customers/\(customerID.uuidString)#calls",
            scheduleForm: FormState(Self.scheduleFormID, returned, language: language),
            noteForm: FormState(Self.noteFormID, returned, language: language),
            scheduleAction: "\(base)/customers/\(customerID.uuidString)/calls", noteAction: "\(base)/customers/\(customerID.uuidString)/notes",
            today: context.today.iso, followUpDefault: context.today.adding(days: 7).iso, firstDateDefault: context.today.adding(months: 1).iso,
            timeline: TimelineLine.lines(
                try await Timeline.load(customerID: customerID, creditorID: context.creditorID, on: req.db), language: language, words: words
            )
        ))
    }
}

/// The customer page's content.
struct CustomerPage: Encodable {
    struct ClaimLine: Encodable {
        let href: String
        let id: String
        let invoiceNumber: String
        let dueDate: String
        let open: String
        let status: StatusBadge
        let disputed: Bool
    }

    struct CallLine: Encodable {
        let date: String
        /// False for a call planned for a later day.
        let due: Bool
        let invoiceNumber: String
        let why: String
        let action: String
        let formID: String
        /// The form as typed, with its error, when it was refused.
        let form: FormState
        /// The customer's other overdue invoices a promise made in the call may also cover, or "".
        let promiseAlsoCoverable: String
    }

    let frame: PageFrame
    let csrf: String
    let name: String
    let number: String
    let kind: String
    let phone: String?
    let email: String?
    /// Whether notices may go by e-mail, and since when.
    let emailConsent: String
    /// What the consent rests on, as it was recorded.
    let emailConsentBasis: String?
    let acceptsEmail: Bool
    /// The consent form's box: as typed when the form came back refused, else as recorded.
    let emailBoxTicked: Bool
    let consentForm: FormState
    let consentAction: String
    let detailsForm: FormState
    /// The details form's fields, and each as the page first showed it ("originalCity"): as typed when it came back
    /// refused, else as kept.
    let details: [String: String]
    let detailsAction: String
    let organisationNumber: String?
    /// Masked: personal data (DESIGN §9).
    let nationalIdentityNumber: String?
    /// The details form came back refused with the box that removes the number kept ticked.
    let removeNationalIdentityNumberTicked: Bool
    let address: String
    let promiseBrokenOn: String?
    let claims: [ClaimLine]
    let hasClaims: Bool
    let calls: [CallLine]
    let hasCalls: Bool
    let plans: [PlanLine]
    let hasPlans: Bool
    /// What the caller may offer: the plan limits, the customer's credit.
    let offers: [String]
    let callBack: String
    let scheduleForm: FormState
    let noteForm: FormState
    let scheduleAction: String
    let noteAction: String
    let today: String
    let followUpDefault: String
    let firstDateDefault: String
    let timeline: [TimelineLine]
}
