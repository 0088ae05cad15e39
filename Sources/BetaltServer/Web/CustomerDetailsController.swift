import BetaltCore
import BetaltStore
import Vapor

/// The customer page's form that corrects the customer's name, postal address, e-mail, phone and organisation number
/// (`CustomerDetails`): the address every letter goes to and the debtor data an agency needs.
struct CustomerDetailsController: RouteCollection {
    struct DetailsForm: Content {
        var name: String?
        var addressLine: String?
        var postalCode: String?
        var city: String?
        var email: String?
        var phone: String?
        var organisationNumber: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.post("creditors", ":creditorID", "customers", ":customerID", "details", use: record)
    }

    func record(req: Request) async throws -> Response {
        let context = try await CreditorContext.load(req)
        try CSRFToken.verify(req)
        guard let customerID = req.parameters.get("customerID", as: UUID.self) else { throw Abort(.notFound) }
        let form = try req.content.decode(DetailsForm.self)
        let details = CustomerDetails(
            name: form.name ?? "", addressLine: form.addressLine ?? "", postalCode: form.postalCode ?? "", city: form.city ?? "",
            email: form.email ?? "", phone: form.phone ?? "", organisationNumber: form.organisationNumber ?? ""
        )
        guard let country = Country(rawValue: context.creditor.country) else { throw Abort(.internalServerError) }
        do {
            guard try await CustomerDetails.record(
                details, customerID: customerID, creditorID: context.creditorID, country: country, on: context.today,
                by: context.user.email, userID: context.user.id, database: req.db
            ) else { throw Abort(.notFound) }
        } catch let refusal as CustomerDetails.Refusal {
            let error = switch refusal {
            case .nameMissing: FieldError("name", "nameMissing")
            case .emailInvalid: FieldError("email", "emailInvalid", .text(details.email))
            case .organisationNumberInvalid: FieldError("organisationNumber", "organisationNumberInvalid", .text(details.organisationNumber))
            case .tooLong(let field): FieldError(field, "tooLong", .text(String(CustomerDetails.fieldLength)))
            }
            return try await CustomerPageController.returnCustomerPage(
                customerID,
                with: ReturnedForm(id: CustomerPageController.detailsFormID, error: error, values: [
                    "name": details.name, "addressLine": details.addressLine, "postalCode": details.postalCode, "city": details.city,
                    "email": details.email, "phone": details.phone, "organisationNumber": details.organisationNumber,
                ]),
                context: context, req: req
            )
        }
        return req.redirect(to: "/creditors/\(context.creditorID.uuidString)/customers/\(customerID.uuidString)#customer-details")
    }
}
