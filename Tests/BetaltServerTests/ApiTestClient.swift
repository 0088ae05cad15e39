@testable import BetaltServer
import BetaltStore
import Foundation
import Testing
import Vapor
import VaporTesting

/// Calls the API of a TestApp with a bearer token and decodes its JSON answers.
extension TestApp {
    func issueToken(for creditorID: UUID, scopes: [ApiScope] = ApiScope.allCases) async throws -> String {
        try await ApiTokenIssuer.issue(creditorID: creditorID, name: "test", scopes: scopes, on: app.db).token
    }

    func api(
        _ method: HTTPMethod, _ path: String, token: String?, body: String? = nil, contentType: HTTPMediaType = .json
    ) async throws -> ApiAnswer {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        if body != nil { headers.contentType = contentType }
        var answer = ApiAnswer(status: .internalServerError, headers: [:], body: Data())
        try await app.testing().test(method, path, headers: headers, body: body.map { ByteBuffer(string: $0) }) { res async in
            answer = ApiAnswer(status: res.status, headers: res.headers, body: Data(buffer: res.body))
        }
        return answer
    }
}

/// An API response: its status, headers and JSON body.
struct ApiAnswer {
    let status: HTTPStatus
    let headers: HTTPHeaders
    let body: Data

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try JSONDecoder().decode(type, from: body) }

    var problem: ApiProblem? { try? decode(ApiProblem.self) }
}

/// A JSON invoice for the API, written out as a client would send it.
func invoiceJSON(number: String, amount: String = "\"1250.00\"", due: String = "2026-10-15", reference: String? = nil) -> String {
    let referenceField = reference.map { ", \"payment_reference\": \"\($0)\"" } ?? ""
    return """
    {"number": "\(number)", "issue_date": "2026-10-01", "due_date": "\(due)", "currency": "NOK", "amount": \(amount)\(referenceField),
     "customer": {"number": "API-C1", "name": "Fjord Bakeri AS", "organisation_number": "974760673", "city": "Bergen", "country": "NO"}}
    """
}
