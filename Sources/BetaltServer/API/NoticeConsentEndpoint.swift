import BetaltCore
import BetaltStore
import Fluent
import Vapor

/// `PUT /api/v1/customers/{number}/notice-consent`: records whether the customer (by the creditor's customer number)
/// accepts notices by e-mail, and what that rests on, as the customer page does (`NoticeConsent`).
enum NoticeConsentEndpoint {
    @Sendable
    static func put(_ request: Request) async throws -> NoticeConsentResponse {
        let client = try request.apiClient(requiring: .customersWrite)
        guard let creditor = try await CreditorRecord.find(client.creditorID, on: request.db) else {
            throw ApiFailure.unauthorized("the API token's creditor no longer exists")
        }
        var validation = FieldValidation()
        guard case .object(let body) = try ApiBatch.body(of: request) else { throw ApiFailure.invalid([ApiFieldError(field: "", message: "must be an object")]) }
        validation.refuseUnknown(in: body, known: ["accepts_email", "basis"], at: "")
        let accepts = validation.bool("accepts_email", in: body, at: "")
        if accepts == nil, !validation.errors.contains(where: { $0.field == "/accepts_email" }) { validation.fail("/accepts_email", "is required") }
        let basis = validation.string("basis", in: body, at: "") ?? ""
        if basis.unicodeScalars.count > NoticeConsent.basisLength { validation.fail("/basis", "is longer than \(NoticeConsent.basisLength) characters") }
        guard validation.errors.isEmpty, let accepts else { throw ApiFailure.invalid(validation.errors) }

        let number = request.parameters.get("number") ?? ""
        let notFound = ApiFailure(status: .notFound, code: "not_found", message: "no customer with the number '\(number)'")
        guard let customer = try await CustomerRecord.query(on: request.db).filter(\.$creditorID == client.creditorID)
            .filter(\.$customerNumber == number).first()
        else { throw notFound }
        do {
            guard try await NoticeConsent.record(
                customerID: try customer.requireID(), creditorID: client.creditorID, acceptsEmail: accepts, basis: basis,
                on: request.application.betaltSettings.today(inTimeZone: creditor.timeZone), by: client.actor,
                userID: nil, database: request.db
            ) else { throw notFound }
        } catch NoticeConsent.Refusal.noEmailAddress {
            throw ApiFailure.invalid([ApiFieldError(field: "/accepts_email", message: "the customer has no e-mail address to send notices to")])
        } catch NoticeConsent.Refusal.basisMissing {
            throw ApiFailure.invalid([ApiFieldError(field: "/basis", message: "is required when the customer accepts e-mail: say what the consent rests on")])
        }
        guard let now = try await CustomerRecord.find(customer.id, on: request.db) else { throw notFound }
        return NoticeConsentResponse(
            customerNumber: now.customerNumber, acceptsEmail: now.acceptsEmailNotices, consentOn: now.emailConsentOn, basis: now.emailConsentBasis
        )
    }
}

/// The customer's consent as it stands after the request.
struct NoticeConsentResponse: Content {
    let customerNumber: String
    let acceptsEmail: Bool
    let consentOn: String?
    let basis: String?

    enum CodingKeys: String, CodingKey {
        case customerNumber = "customer_number", acceptsEmail = "accepts_email", consentOn = "consent_on", basis
    }
}
