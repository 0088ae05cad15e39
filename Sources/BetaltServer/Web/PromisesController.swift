import BetaltCore
import BetaltDelivery
import BetaltStore
import Fluent
import Vapor

/// The creditor records a promise to pay made on the phone; its written confirmation goes at once.
struct PromisesController: RouteCollection {
    struct PromiseForm: Content {
        var payBy: String
        var amount: String?
        var reason: String?
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
        let promise = try await Self.record(
            form, claim: claim, madeBy: context.user.email, userID: context.user.id, today: context.today, on: req.db
        )
        try await NoticeComposer(settings: req.application.betaltSettings.delivery)
            .composePromiseConfirmation(promise, date: context.today, on: req.db)
        return req.redirect(to: "/creditors/\(context.creditorID.uuidString)/claims/\(claimID.uuidString)#promises")
    }

    /// Reads the form (a date, an optional amount, a reason) and records the promise; bad input is a 422
    /// that says what is wrong. Shared with the debtor's page.
    static func record(
        _ form: PromiseForm, claim: ClaimRecord, madeBy: String, userID: UUID?, today: CivilDate, on database: any Database
    ) async throws -> PromiseRecord {
        guard let payBy = try? CivilDate(iso: form.payBy.trimmingCharacters(in: .whitespaces)) else {
            throw Abort(.unprocessableEntity, reason: "The date '\(form.payBy)' is not a date (YYYY-MM-DD).")
        }
        let amount = try FormAmount.parse(form.amount, currency: claim.currency)
        do {
            return try await Promises.make(
                claimID: claim.id!, creditorID: claim.creditorID, payBy: payBy, amount: amount, reason: form.reason ?? "",
                madeBy: madeBy, userID: userID, on: today, database: database
            )
        } catch let refusal as PromiseRefused {
            throw Abort(.unprocessableEntity, reason: describe(refusal))
        }
    }

    static func describe(_ refusal: PromiseRefused) -> String {
        switch refusal {
        case .claimNotFound: "No such claim."
        case .claimSettled: "The claim is paid."
        case .alreadyPromised(let payBy): "A promise to pay by \(payBy) is already open for this claim."
        case .dateNotAhead: "The date must be after today."
        case .amountOutOfRange(let open): "The amount must be more than zero and at most the open \(open)."
        case .wholeAmountNeedsReason: "Deferring the whole amount needs a reason; a part now is the norm."
        case .withAgency: "An agency holds the claim: agree a date with the agency, or recall the case first."
        }
    }
}
