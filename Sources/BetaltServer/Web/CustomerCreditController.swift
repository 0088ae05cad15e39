import BetaltCore
import BetaltStore
import Vapor

/// A person uses a customer's credit on one of their claims, or records that it was paid back.
struct CustomerCreditController: RouteCollection {
    struct RefundForm: Content {
        var currency: String
    }

    func boot(routes: any RoutesBuilder) throws {
        let creditor = routes.grouped("creditors", ":creditorID")
        creditor.post("claims", ":claimID", "apply-credit", use: apply)
        creditor.post("customers", ":customerID", "refund-credit", use: refund)
    }

    func apply(req: Request) async throws -> Response {
        let context = try await CreditorContext.load(req)
        try CSRFToken.verify(req)
        guard let claimID = req.parameters.get("claimID", as: UUID.self) else { throw Abort(.notFound) }
        do {
            try await CustomerCredit.apply(
                toClaim: claimID, creditorID: context.creditorID, by: context.user.email, userID: context.user.id,
                today: context.today, on: req.db
            )
        } catch is ClaimNotFound {
            throw Abort(.notFound)
        }
        return req.redirect(to: "/creditors/\(context.creditorID.uuidString)/claims/\(claimID.uuidString)")
    }

    func refund(req: Request) async throws -> Response {
        let context = try await CreditorContext.load(req)
        try CSRFToken.verify(req)
        guard let customerID = req.parameters.get("customerID", as: UUID.self),
              let customer = try await CustomerRecord.find(customerID, on: req.db), customer.creditorID == context.creditorID
        else { throw Abort(.notFound) }
        let form = try req.content.decode(RefundForm.self)
        guard let currency = try? Currency.named(form.currency) else { throw Abort(.badRequest, reason: "Unknown currency.") }
        try await CustomerCredit.recordRefund(
            customerID: customerID, currency: currency, creditorID: context.creditorID, by: context.user.email,
            userID: context.user.id, today: context.today, on: req.db
        )
        return req.redirect(to: "/creditors/\(context.creditorID.uuidString)/work-queue")
    }
}
