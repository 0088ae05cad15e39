import BetaltCore
import BetaltStore
import Vapor

/// The customer page's form that corrects the customer's name, postal address and country, e-mail, phone, organisation number
/// and national identity number (`CustomerDetails`): the address every letter goes to and the debtor data an agency needs.
struct CustomerDetailsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("creditors", ":creditorID", "customers", ":customerID", "details", use: record)
    }

    /// The form's name of a field's value as the page showed it ("originalCity"): only what was changed since is kept,
    /// so a page loaded before someone else's change writes over nothing of it.
    static func originalName(_ field: CustomerDetails.Field) -> String {
        "original" + field.rawValue.prefix(1).uppercased() + field.rawValue.dropFirst()
    }

    /// The form's names of a national identity number typed anew, and of the box that removes the one kept.
    static let nationalIdentityNumber = CustomerDetails.Field.nationalIdentityNumber.rawValue
    static let removeNationalIdentityNumber = "removeNationalIdentityNumber"

    func record(req: Request) async throws -> Response {
        let context = try await CreditorContext.load(req)
        try CSRFToken.verify(req)
        guard let customerID = req.parameters.get("customerID", as: UUID.self) else { throw Abort(.notFound) }
        let form = try req.content.decode([String: String].self)
        var changes: [CustomerDetails.Field: String] = [:]
        for field in CustomerDetails.Field.shownAsKept {
            guard let typed = form[field.rawValue] else { continue }
            if typed.trimmingCharacters(in: .whitespacesAndNewlines) != form[Self.originalName(field)] { changes[field] = typed }
        }
        // The page never holds the number kept: one typed replaces it, and the box removes it.
        if let typed = form[Self.nationalIdentityNumber], typed.contains(where: { !$0.isWhitespace }) {
            changes[.nationalIdentityNumber] = typed
        } else if form[Self.removeNationalIdentityNumber] == "on" {
            changes[.nationalIdentityNumber] = ""
        }
        do {
            guard try await CustomerDetails.record(
                changes, customerID: customerID, creditorID: context.creditorID, on: context.today, by: context.user.email,
                userID: context.user.id, database: req.db
            ) else { throw Abort(.notFound) }
        } catch let refusal as CustomerDetails.Refusal {
            let error = switch refusal {
            case .nameMissing: FieldError("name", "nameMissing")
            case .addressIncomplete(let field): FieldError(field.rawValue, "addressIncomplete")
            case .postalCodeInvalid(let country):
                FieldError("postalCode", country == .norway ? "postalCodeNorway" : "postalCodeSweden", .text(form["postalCode"] ?? ""))
            case .countryInvalid: FieldError("country", "countryInvalid", .text(form["country"] ?? ""))
            case .emailInvalid: FieldError("email", "emailInvalid", .text(form["email"] ?? ""))
            case .organisationNumberInvalid(let country, let soleTrader, _):
                FieldError(
                    "organisationNumber",
                    country == .norway ? "organisationNumberNorway" : soleTrader ? "organisationNumberSwedenOrSoleTrader" : "organisationNumberSweden",
                    .text(form["organisationNumber"] ?? "")
                )
            case .nationalIdentityNumberOfBusiness: FieldError(Self.nationalIdentityNumber, "nationalIdentityNumberOfBusiness")
            case .nationalIdentityNumberTaken(let other):
                // A sole trader's personnummer is typed as its organisation number, and refused there.
                FieldError(
                    changes[.organisationNumber] != nil && changes[.nationalIdentityNumber] == nil ? "organisationNumber" : Self.nationalIdentityNumber,
                    "nationalIdentityNumberTaken", .text(other)
                )
            case .nationalIdentityNumberInvalid(let country):
                FieldError(Self.nationalIdentityNumber, country == .norway ? "nationalIdentityNumberNorway" : "nationalIdentityNumberSweden")
            case .tooLong(let field): FieldError(field.rawValue, "tooLong", .text(String(CustomerDetails.fieldLength)))
            case .notOneLine(let field): FieldError(field.rawValue, "notOneLine")
            }
            // A number typed is not shown again: it is personal data, and a wrong one is typed anew.
            var values: [String: String] = [Self.removeNationalIdentityNumber: form[Self.removeNationalIdentityNumber] ?? ""]
            for field in CustomerDetails.Field.shownAsKept {
                values[field.rawValue] = form[field.rawValue] ?? ""
                values[Self.originalName(field)] = form[Self.originalName(field)] ?? ""
            }
            return try await CustomerPageController.returnCustomerPage(
                customerID, with: ReturnedForm(id: CustomerPageController.detailsFormID, error: error, values: values), context: context, req: req
            )
        }
        return req.redirect(to: "/creditors/\(context.creditorID.uuidString)/customers/\(customerID.uuidString)#customer-details")
    }
}
