import BetaltCore
import BetaltDelivery
import BetaltStore
import Fluent
import Vapor

/// The creditor records a promise to pay made on the phone, for a claim and, if the customer promised so, the customer's
/// other overdue claims (`Promises.alsoCoverable`); its written confirmation goes at once.
struct PromisesController: RouteCollection {
    struct PromiseForm: Content {
        var payBy: String
        var amount: String?
        var reason: String?
        /// "on" when the promise also covers the customer's other overdue claims.
        var alsoOverdue: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.post("creditors", ":creditorID", "claims", ":claimID", "promises", use: make)
    }

    func make(req: Request) async throws -> Response {
        let context = try await CreditorContext.load(req)
        try CSRFToken.verify(req)
        guard let claimID = req.parameters.get("claimID", as: UUID.self),
              let claim = try await ClaimRecord.query(on: req.db).filter(\.$creditorID == context.creditorID).filter(\.$id == claimID).first()
        else { throw Abort(.notFound) }
        let form = try req.content.decode(PromiseForm.self)
        let promise: PromiseRecord
        do {
            promise = try await Self.record(
                form, claim: claim, madeBy: context.user.email, userID: context.user.id, today: context.today, on: req.db
            )
        } catch let error as FieldError {
            let typed = ["payBy": form.payBy, "amount": form.amount ?? "", "reason": form.reason ?? "", "alsoOverdue": form.alsoOverdue ?? ""]
            return try await CreditorPagesController.returnClaimPage(
                claimID, with: ReturnedForm(id: ClaimPage.promiseFormID, error: error, values: typed), context: context, req: req
            )
        }
        try await NoticeComposer(settings: req.application.betaltSettings.delivery)
            .composePromiseConfirmation(promise, date: context.today, on: req.db)
        return req.redirect(to: "/creditors/\(context.creditorID.uuidString)/claims/\(claimID.uuidString)#promises")
    }

    /// Reads the form (a date, an optional amount, a reason, whether the customer's other overdue claims are covered
    /// too) and records the promise; bad input is a `FieldError` that says what is wrong and where. Shared with the
    /// debtor's page and the call form. Returns the promise's first row, the one for `claim`.
    static func record(
        _ form: PromiseForm, claim: ClaimRecord, madeBy: String, userID: UUID?, today: CivilDate, on database: any Database
    ) async throws -> PromiseRecord {
        guard let payBy = try? CivilDate(iso: form.payBy.trimmingCharacters(in: .whitespaces)) else {
            throw FieldError("payBy", "date", .text(form.payBy))
        }
        let amount = try FormAmount.parse(form.amount, currency: claim.currency, field: "amount")
        let others = form.alsoOverdue == "on" ? try await Promises.alsoCoverable(with: claim, today: today, on: database) : []
        do {
            return try await Promises.make(
                claimIDs: [claim.id!] + others.map { $0.id! }, creditorID: claim.creditorID, payBy: payBy, amount: amount,
                reason: form.reason ?? "", madeBy: madeBy, userID: userID, on: today, database: database
            )[0]
        } catch let refusal as PromiseRefused {
            throw fieldError(refusal)
        }
    }

    /// A refusal as the form shows it, at the field it is about.
    static func fieldError(_ refusal: PromiseRefused) -> FieldError {
        switch refusal {
        case .claimNotFound: FieldError("", "claimNotFound")
        case .claimSettled: FieldError("", "claimPaid")
        case .alreadyPromised(let payBy): FieldError("", "alreadyPromised", (try? CivilDate(iso: payBy)).map { .date($0) } ?? .text(payBy))
        case .dateNotAhead: FieldError("payBy", "dateNotAhead")
        case .amountOutOfRange(let open): FieldError("amount", "amountOutOfRange", .money(open))
        case .wholeAmountNeedsReason: FieldError("reason", "wholeAmountNeedsReason")
        case .withAgency: FieldError("", "withAgency")
        case .currenciesDiffer: FieldError("", "currenciesDiffer")
        }
    }
}
