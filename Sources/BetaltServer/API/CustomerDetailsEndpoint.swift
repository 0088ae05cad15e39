import BetaltCore
import BetaltStore
import Fluent
import Vapor

/// `PATCH /api/v1/customers/{number}`: corrects the customer's name, postal address, e-mail, phone and organisation number
/// (by the creditor's customer number) as the customer page does (`CustomerDetails`). Only the fields given change; an
/// empty string or null clears one (never the name).
enum CustomerDetailsEndpoint {
    static let fields = ["name", "address_line", "postal_code", "city", "email", "phone", "organisation_number"]

    @Sendable
    static func patch(_ request: Request) async throws -> CustomerDetailsResponse {
        let client = try request.apiClient(requiring: .customersWrite)
        guard let creditor = try await CreditorRecord.find(client.creditorID, on: request.db),
              let country = Country(rawValue: creditor.country)
        else { throw ApiFailure.unauthorized("the API token's creditor no longer exists") }
        var validation = FieldValidation()
        guard case .object(let body) = try ApiBatch.body(of: request) else { throw ApiFailure.invalid([ApiFieldError(field: "", message: "must be an object")]) }
        validation.refuseUnknown(in: body, known: Set(fields), at: "")
        var given: [String: String] = [:]
        for field in fields {
            switch body[field] {
            case nil: continue
            case .null: given[field] = ""
            case .string(let text): given[field] = text
            case let other?: validation.fail("/\(field)", "must be a string, not \(other.typeName)")
            }
        }
        guard validation.errors.isEmpty else { throw ApiFailure.invalid(validation.errors) }

        let number = request.parameters.get("number") ?? ""
        let notFound = ApiFailure(status: .notFound, code: "not_found", message: "no customer with the number '\(number)'")
        guard let customer = try await CustomerRecord.query(on: request.db).filter(\.$creditorID == client.creditorID)
            .filter(\.$customerNumber == number).first()
        else { throw notFound }
        let kept = CustomerDetails(customer)
        let details = CustomerDetails(
            name: given["name"] ?? kept.name, addressLine: given["address_line"] ?? kept.addressLine,
            postalCode: given["postal_code"] ?? kept.postalCode, city: given["city"] ?? kept.city, email: given["email"] ?? kept.email,
            phone: given["phone"] ?? kept.phone, organisationNumber: given["organisation_number"] ?? kept.organisationNumber
        )
        do {
            guard try await CustomerDetails.record(
                details, customerID: try customer.requireID(), creditorID: client.creditorID, country: country,
                on: request.application.betaltSettings.today(inTimeZone: creditor.timeZone), by: "api token \(client.tokenID.uuidString)",
                userID: nil, database: request.db
            ) else { throw notFound }
        } catch let refusal as CustomerDetails.Refusal {
            let error = switch refusal {
            case .nameMissing: ApiFieldError(field: "/name", message: "must not be blank")
            case .emailInvalid: ApiFieldError(field: "/email", message: "is not one e-mail address of the form name@domain")
            case .organisationNumberInvalid(let why): ApiFieldError(field: "/organisation_number", message: "is not valid: \(why)")
            case .tooLong(let field):
                ApiFieldError(field: "/\(apiName(of: field))", message: "is longer than \(CustomerDetails.fieldLength) characters")
            }
            throw ApiFailure.invalid([error])
        }
        guard let now = try await CustomerRecord.find(customer.id, on: request.db) else { throw notFound }
        return CustomerDetailsResponse(now)
    }

    /// The request's name of a `CustomerDetails` field ("postalCode" → "postal_code").
    private static func apiName(of field: String) -> String {
        field.reduce(into: "") { name, character in
            if character.isUppercase { name += "_" + character.lowercased() } else { name.append(character) }
        }
    }
}

/// The customer's details as they stand after the request.
struct CustomerDetailsResponse: Content {
    let customerNumber: String
    let name: String
    let addressLine: String
    let postalCode: String
    let city: String
    let email: String?
    let phone: String?
    let organisationNumber: String?
    /// Whether notices may go by e-mail: a new address ends the consent given for the old one.
    let acceptsEmail: Bool

    init(_ customer: CustomerRecord) {
        customerNumber = customer.customerNumber
        name = customer.name
        addressLine = customer.addressLine
        postalCode = customer.postalCode
        city = customer.city
        email = customer.email
        phone = customer.phone
        organisationNumber = customer.organisationNumber
        acceptsEmail = customer.acceptsEmailNotices
    }

    enum CodingKeys: String, CodingKey {
        case customerNumber = "customer_number", name, addressLine = "address_line", postalCode = "postal_code", city, email, phone
        case organisationNumber = "organisation_number", acceptsEmail = "accepts_email"
    }
}
