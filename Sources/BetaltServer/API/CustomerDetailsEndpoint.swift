import BetaltCore
import BetaltStore
import Fluent
import Vapor

/// `PATCH /api/v1/customers/{number}`: corrects the customer's name, postal address and country, e-mail, phone, organisation number
/// and national identity number (by the creditor's customer number) as the customer page does (`CustomerDetails`). Only the
/// fields given change; an empty string or null clears one (never the name or the country).
enum CustomerDetailsEndpoint {
    /// The request's name of each field ("postal_code").
    static let fields: [(name: String, field: CustomerDetails.Field)] = CustomerDetails.Field.allCases.map { field in
        (field.rawValue.reduce(into: "") { name, character in
            if character.isUppercase { name += "_" + character.lowercased() } else { name.append(character) }
        }, field)
    }

    @Sendable
    static func patch(_ request: Request) async throws -> CustomerDetailsResponse {
        let client = try request.apiClient(requiring: .customersWrite)
        guard let creditor = try await CreditorRecord.find(client.creditorID, on: request.db) else {
            throw ApiFailure.unauthorized("the API token's creditor no longer exists")
        }
        var validation = FieldValidation()
        guard case .object(let body) = try ApiBatch.body(of: request) else { throw ApiFailure.invalid([ApiFieldError(field: "", message: "must be an object")]) }
        validation.refuseUnknown(in: body, known: Set(fields.map(\.name)), at: "")
        var changes: [CustomerDetails.Field: String] = [:]
        for (name, field) in fields {
            switch body[name] {
            case nil: continue
            case .null: changes[field] = ""
            case .string(let text): changes[field] = text
            case let other?: validation.fail("/\(name)", "must be a string, not \(other.typeName)")
            }
        }
        guard validation.errors.isEmpty else { throw ApiFailure.invalid(validation.errors) }

        let number = request.parameters.get("number") ?? ""
        let notFound = ApiFailure(status: .notFound, code: "not_found", message: "no customer with the number '\(number)'")
        guard let customer = try await CustomerRecord.query(on: request.db).filter(\.$creditorID == client.creditorID)
            .filter(\.$customerNumber == number).first()
        else { throw notFound }
        func pointer(_ field: CustomerDetails.Field) -> String { "/" + (fields.first { $0.field == field }?.name ?? field.rawValue) }
        do {
            guard try await CustomerDetails.record(
                changes, customerID: try customer.requireID(), creditorID: client.creditorID,
                on: request.application.betaltSettings.today(inTimeZone: creditor.timeZone), by: client.actor,
                userID: nil, database: request.db
            ) else { throw notFound }
        } catch let refusal as CustomerDetails.Refusal {
            let error = switch refusal {
            case .nameMissing: ApiFieldError(field: "/name", message: "must not be blank")
            case .addressIncomplete(let field): ApiFieldError(field: pointer(field), message: "is required with the rest of the address (street, postal code, city: all or none)")
            case .postalCodeInvalid(let country):
                ApiFieldError(field: "/postal_code", message: country == .norway ? "is not a Norwegian postal code (four digits)" : "is not a Swedish postal code (five digits)")
            case .countryInvalid: ApiFieldError(field: "/country", message: CountryCode.expected)
            case .emailInvalid: ApiFieldError(field: "/email", message: "is not one e-mail address of the form name@domain")
            case .organisationNumberInvalid(_, _, let why): ApiFieldError(field: "/organisation_number", message: "is not valid: \(why)")
            case .nationalIdentityNumberTaken(let other):
                ApiFieldError(
                    field: changes[.organisationNumber] != nil && changes[.nationalIdentityNumber] == nil
                        ? "/organisation_number" : "/national_identity_number",
                    message: "is already the number of customer \(other)"
                )
            case .nationalIdentityNumberOfBusiness:
                ApiFieldError(field: "/national_identity_number", message: "is a person's, but the customer is a business known by its organisation number")
            case .nationalIdentityNumberInvalid(let country):
                ApiFieldError(field: "/national_identity_number", message: country == .norway
                    ? "is not a valid Norwegian fødselsnummer or D-nummer, which a customer in Norway needs (give the right one, or null to remove it)"
                    : "is not a valid Swedish personnummer or samordningsnummer, which a customer in Sweden needs (give the right one, or null to remove it)")
            case .tooLong(let field): ApiFieldError(field: pointer(field), message: "is longer than \(CustomerDetails.fieldLength) characters")
            case .notOneLine(let field): ApiFieldError(field: pointer(field), message: "must be one line, without control characters")
            }
            throw ApiFailure.invalid([error])
        }
        guard let now = try await CustomerRecord.find(customer.id, on: request.db) else { throw notFound }
        return CustomerDetailsResponse(now)
    }
}

/// The customer's details as they stand after the request.
struct CustomerDetailsResponse: Content {
    let customerNumber: String
    let name: String
    let addressLine: String
    let postalCode: String
    let city: String
    let country: String
    /// The language of the customer's notices, which follows a new country unless someone chose another.
    let language: String
    let email: String?
    let phone: String?
    let organisationNumber: String?
    /// The national identity number kept, masked: it is personal data, and the caller has it already.
    let nationalIdentityNumber: String?
    /// Whether notices may go by e-mail: a new address ends the consent given for the old one.
    let acceptsEmail: Bool

    init(_ customer: CustomerRecord) {
        customerNumber = customer.customerNumber
        name = customer.name
        addressLine = customer.addressLine
        postalCode = customer.postalCode
        city = customer.city
        country = customer.country
        language = customer.language
        email = customer.email
        phone = customer.phone
        organisationNumber = customer.organisationNumber
        nationalIdentityNumber = customer.nationalIdentityNumber.map(NationalIdentity.masked)
        acceptsEmail = customer.acceptsEmailNotices
    }

    enum CodingKeys: String, CodingKey {
        case customerNumber = "customer_number", name, addressLine = "address_line", postalCode = "postal_code", city, country, language, email, phone
        case organisationNumber = "organisation_number", nationalIdentityNumber = "national_identity_number", acceptsEmail = "accepts_email"
    }
}
