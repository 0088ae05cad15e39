import BetaltCore
import BetaltStore
import Fluent
import Vapor

/// The creditor writes off what is left of a claim (a loss in the books), with the reason, from its page.
struct WriteOffController: RouteCollection {
    struct WriteOffForm: Content {
        var reason: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.post("creditors", ":creditorID", "claims", ":claimID", "write-off", use: writeOff)
    }

    func writeOff(req: Request) async throws -> Response {
        let context = try await CreditorContext.load(req)
        try CSRFToken.verify(req)
        guard let claimID = req.parameters.get("claimID", as: UUID.self) else { throw Abort(.notFound) }
        let form = try req.content.decode(WriteOffForm.self)
        do {
            try await WriteOffs.writeOff(
                claimID: claimID, creditorID: context.creditorID, reason: String((form.reason ?? "").prefix(2000)),
                by: context.user.email, userID: context.user.id, on: context.today, database: req.db
            )
        } catch let refusal as WriteOffRefused {
            guard refusal != .claimNotFound else { throw Abort(.notFound) }
            return try await CreditorPagesController.returnClaimPage(
                claimID, with: ReturnedForm(id: ClaimPage.writeOffFormID, error: Self.fieldError(refusal), values: ["reason": form.reason ?? ""]),
                context: context, req: req
            )
        }
        return req.redirect(to: "/creditors/\(context.creditorID.uuidString)/claims/\(claimID.uuidString)#ledger")
    }

    /// A refusal as the form shows it, at the field it is about.
    static func fieldError(_ refusal: WriteOffRefused) -> FieldError {
        switch refusal {
        case .claimNotFound: FieldError("", "claimNotFound")
        case .claimSettled: FieldError("", "claimPaid")
        case .withAgency: FieldError("", "writeOffWithAgency")
        case .reasonMissing: FieldError("reason", "writeOffReasonMissing")
        }
    }
}
