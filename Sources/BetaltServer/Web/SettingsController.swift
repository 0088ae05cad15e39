import BetaltCore
import BetaltStore
import Fluent
import Vapor

/// The creditor's settings a person may change in the web app: the limits of the payment plans debtors
/// may make on their page. Errors show next to their field.
struct SettingsController: RouteCollection {
    struct SettingsForm: Content {
        var planMaxMonths: String?
        var planMinInstalment: String?
        var planFee: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let settings = routes.grouped("creditors", ":creditorID", "settings")
        settings.get(use: show)
        settings.post(use: save)
    }

    func show(req: Request) async throws -> View {
        let context = try await CreditorContext.load(req)
        let saved = req.query[String.self, at: "saved"] != nil
        return try await render(req, context: context, values: SettingsPage.Values(context.creditor, language: context.language), errors: [:], saved: saved)
    }

    func save(req: Request) async throws -> Response {
        let context = try await CreditorContext.load(req)
        try CSRFToken.verify(req)
        let form = try req.content.decode(SettingsForm.self)
        let words = Translations.words(context.language)
        var errors: [String: String] = [:]
        let monthsText = (form.planMaxMonths ?? "").trimmingCharacters(in: .whitespaces)
        let months = Int(monthsText)
        if months.map({ !(0...PlanSchedule.maximumInstalments).contains($0) }) ?? true { errors["planMaxMonths"] = words["settingsMonthsError"]! }
        let minimumText = (form.planMinInstalment ?? "").trimmingCharacters(in: .whitespaces)
        let minimum = (try? FormAmount.parse(minimumText.isEmpty ? "0" : minimumText, currency: context.creditor.currency, field: "planMinInstalment")) ?? nil
        if minimum == nil || minimum!.isNegative { errors["planMinInstalment"] = words["settingsAmountError"]! }
        guard errors.isEmpty, let months, let minimum else {
            let values = SettingsPage.Values(planMaxMonths: monthsText, planMinInstalment: minimumText, planFee: form.planFee != nil)
            return try await render(req, context: context, values: values, errors: errors, saved: false)
                .encodeResponse(status: .unprocessableEntity, for: req)
        }
        let creditor = context.creditor
        let before = "\(creditor.planMaxMonths) months, \(creditor.planMinInstalmentMinor), fee \(creditor.planFee)"
        creditor.planMaxMonths = months
        creditor.planMinInstalmentMinor = minimum.minorUnits
        creditor.planFee = form.planFee != nil && creditor.country == Country.sweden.rawValue
        try await req.db.writing { tx in
            try await creditor.update(on: tx)
            try await AuditRecord(
                creditorID: creditor.id!, userID: context.user.id, actor: context.user.email, action: "settings.plans",
                subject: "creditor \(creditor.id!.uuidString)",
                detail: "\(before) → \(months) months, \(minimum.minorUnits), fee \(creditor.planFee)"
            ).create(on: tx)
        }
        return req.redirect(to: "/creditors/\(context.creditorID.uuidString)/settings?saved=1")
    }

    private func render(_ req: Request, context: CreditorContext, values: SettingsPage.Values, errors: [String: String], saved: Bool) async throws -> View {
        let words = Translations.words(context.language)
        return try await req.view.render("settings", SettingsPage(
            frame: context.frame(req, title: words["settings"]!, section: "settings"), csrf: CSRFToken.current(req),
            action: "/creditors/\(context.creditorID.uuidString)/settings", values: values,
            monthsError: errors["planMaxMonths"], amountError: errors["planMinInstalment"],
            offersFee: context.creditor.country == Country.sweden.rawValue, currency: context.creditor.currency, saved: saved
        ))
    }
}

/// The settings page's content.
struct SettingsPage: Encodable {
    struct Values: Encodable {
        let planMaxMonths: String
        let planMinInstalment: String
        let planFee: Bool

        init(planMaxMonths: String, planMinInstalment: String, planFee: Bool) {
            self.planMaxMonths = planMaxMonths
            self.planMinInstalment = planMinInstalment
            self.planFee = planFee
        }

        init(_ creditor: CreditorRecord, language: Language) {
            self.init(
                planMaxMonths: String(creditor.planMaxMonths),
                planMinInstalment: Money(minorUnits: creditor.planMinInstalmentMinor, currency: (try? Currency.named(creditor.currency)) ?? .nok)
                    .decimalString,
                planFee: creditor.planFee
            )
        }
    }

    let frame: PageFrame
    let csrf: String
    let action: String
    let values: Values
    let monthsError: String?
    let amountError: String?
    let offersFee: Bool
    let currency: String
    let saved: Bool
}
