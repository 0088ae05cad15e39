import BetaltCore
import BetaltDelivery
import BetaltStore
import Fluent
import Vapor

/// The creditor offers a payment plan (sent in writing for the debtor to accept), records an acceptance
/// that came by post or phone, or withdraws an offer.
struct PlansController: RouteCollection {
    struct OfferForm: Content {
        var claims: [UUID]?
        var downPayment: String?
        var downPaymentDate: String?
        var instalments: String?
        var firstDate: String
        var fee: String?
        var note: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        let creditor = routes.grouped("creditors", ":creditorID")
        creditor.post("claims", ":claimID", "plans", use: offer)
        creditor.post("plans", ":planID", "accept", use: accept)
        creditor.post("plans", ":planID", "withdraw", use: withdraw)
    }

    func offer(req: Request) async throws -> Response {
        let context = try await CreditorContext.load(req)
        try CSRFToken.verify(req)
        guard let claimID = req.parameters.get("claimID", as: UUID.self),
              let claim = try await ClaimRecord.query(on: req.db).filter(\.$creditorID == context.creditorID).filter(\.$id == claimID).first()
        else { throw Abort(.notFound) }
        let form = try req.content.decode(OfferForm.self)
        do {
            return try await offer(form, claim: claim, context: context, req: req)
        } catch let error as FieldError {
            let typed = [
                "downPayment": form.downPayment ?? "", "downPaymentDate": form.downPaymentDate ?? "", "instalments": form.instalments ?? "",
                "firstDate": form.firstDate, "note": form.note ?? "",
                "claims": (form.claims ?? []).map(\.uuidString).joined(separator: ","), "fee": form.fee == nil ? "" : "on",
            ]
            return try await CreditorPagesController.returnClaimPage(
                claimID, with: ReturnedForm(id: PlanOfferForm.id, error: error, values: typed), context: context, req: req
            )
        }
    }

    private func offer(_ form: OfferForm, claim: ClaimRecord, context: CreditorContext, req: Request) async throws -> Response {
        let claimID = try claim.requireID()
        let request = PlanRequest(
            claimIDs: form.claims?.isEmpty == false ? form.claims! : [claimID],
            downPayment: try FormAmount.parse(form.downPayment, currency: claim.currency, field: "downPayment"),
            downPaymentDate: try Self.date(form.downPaymentDate, field: "downPaymentDate"),
            instalmentCount: try FormCount.parse(form.instalments, field: "instalments") ?? 0,
            firstInstalmentDate: try Self.date(form.firstDate, field: "firstDate") ?? context.today,
            wantsFee: form.fee != nil, note: String((form.note ?? "").prefix(2000))
        )
        let plan = try await Self.refusing {
            try await PaymentPlans.make(
                request, creditorID: context.creditorID, proposedBy: context.user.email, userID: context.user.id, limits: nil,
                on: context.today, database: req.db
            )
        }
        try await NoticeComposer(settings: req.application.betaltSettings.delivery).composePlanAgreement(plan, date: context.today, on: req.db)
        return req.redirect(to: "/creditors/\(context.creditorID.uuidString)/claims/\(claimID.uuidString)#plans")
    }

    func accept(req: Request) async throws -> Response {
        let context = try await CreditorContext.load(req)
        try CSRFToken.verify(req)
        guard let planID = req.parameters.get("planID", as: UUID.self) else { throw Abort(.notFound) }
        let plan: PaymentPlanRecord
        do {
            plan = try await Self.refusing {
                try await PaymentPlans.accept(planID: planID, creditorID: context.creditorID, by: context.user.email, userID: context.user.id,
                                              on: context.today, database: req.db)
            }
        } catch let error as FieldError {
            return try await returnClaimPage(of: planID, refused: error, context: context, req: req)
        }
        try await NoticeComposer(settings: req.application.betaltSettings.delivery).composePlanAgreement(plan, date: context.today, on: req.db)
        return try await redirectToClaim(of: plan.id!, req: req, context: context)
    }

    func withdraw(req: Request) async throws -> Response {
        let context = try await CreditorContext.load(req)
        try CSRFToken.verify(req)
        guard let planID = req.parameters.get("planID", as: UUID.self) else { throw Abort(.notFound) }
        do {
            try await Self.refusing {
                try await PaymentPlans.withdraw(planID: planID, creditorID: context.creditorID, by: context.user.email, userID: context.user.id,
                                                on: context.today, database: req.db)
            }
        } catch let error as FieldError {
            return try await returnClaimPage(of: planID, refused: error, context: context, req: req)
        }
        return try await redirectToClaim(of: planID, req: req, context: context)
    }

    /// The page of the plan's first claim (422), with why its accept or withdraw button was refused in the plan's section.
    private func returnClaimPage(of planID: UUID, refused error: FieldError, context: CreditorContext, req: Request) async throws -> Response {
        guard let claimID = try await PaymentPlans.claimIDsOf(planID, on: req.db).first else { throw error }
        return try await CreditorPagesController.returnClaimPage(
            claimID, with: ReturnedForm(id: PlanLine.actionsFormID(planID), error: error, values: [:]), context: context, req: req
        )
    }

    private func redirectToClaim(of planID: UUID, req: Request, context: CreditorContext) async throws -> Response {
        let claimID = try await PaymentPlans.claimIDsOf(planID, on: req.db).first
        return req.redirect(to: "/creditors/\(context.creditorID.uuidString)" + (claimID.map { "/claims/\($0.uuidString)#plans" } ?? "/work-queue"))
    }

    /// The date typed into `field` (nil when empty); anything else is a `FieldError` on that field.
    static func date(_ text: String?, field: String) throws -> CivilDate? {
        let trimmed = (text ?? "").trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        guard let date = try? CivilDate(iso: trimmed) else {
            throw FieldError(field, "date", .text(trimmed))
        }
        return date
    }

    /// Runs a plan operation and turns its refusal into a `FieldError` at the field it is about, in the page's language.
    @discardableResult
    static func refusing<T>(_ operation: () async throws -> T) async throws -> T {
        do {
            return try await operation()
        } catch PlanRefused.claimNotFound {
            throw Abort(.notFound)
        } catch let refusal as PlanRefused {
            throw FieldError.plan(refusal)
        }
    }
}
