import BetaltCore
import BetaltStore
import Vapor

/// The customer page's form that records whether the customer accepts notices by e-mail, and on what basis
/// (`NoticeConsent`): until it is recorded, the run sends every notice by letter.
struct NoticeConsentController: RouteCollection {
    struct ConsentForm: Content {
        /// Present (any value) when the box is ticked.
        var acceptsEmail: String?
        var basis: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.post("creditors", ":creditorID", "customers", ":customerID", "notice-consent", use: record)
    }

    func record(req: Request) async throws -> Response {
        let context = try await CreditorContext.load(req)
        try CSRFToken.verify(req)
        guard let customerID = req.parameters.get("customerID", as: UUID.self) else { throw Abort(.notFound) }
        let form = try req.content.decode(ConsentForm.self)
        let accepts = form.acceptsEmail != nil
        do {
            guard try await NoticeConsent.record(
                customerID: customerID, creditorID: context.creditorID, acceptsEmail: accepts, basis: form.basis ?? "", on: context.today,
                by: context.user.email, userID: context.user.id, database: req.db
            ) else { throw Abort(.notFound) }
        } catch let refusal as NoticeConsent.Refusal {
            let error = switch refusal {
            case .noEmailAddress: FieldError("acceptsEmail", "noEmailAddress")
            case .basisMissing: FieldError("basis", "consentBasisMissing")
            }
            return try await CustomerPageController.returnCustomerPage(
                customerID,
                with: ReturnedForm(id: CustomerPageController.consentFormID, error: error,
                                   values: ["acceptsEmail": accepts ? "on" : "", "basis": form.basis ?? ""]),
                context: context, req: req
            )
        }
        return req.redirect(to: "/creditors/\(context.creditorID.uuidString)/customers/\(customerID.uuidString)#notice-consent")
    }
}
