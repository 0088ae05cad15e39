import BetaltStore
import Vapor

/// The caller of an API request, as its bearer token says: one creditor and what it may do there.
struct ApiClient: Authenticatable {
    let tokenID: UUID
    let creditorID: UUID
    let scopes: Set<String>

    /// Who acted, as the audit log and the timeline name an API caller.
    var actor: String { "api token \(tokenID.uuidString)" }
}

/// Requires `Authorization: Bearer <token>` on every API request; a missing, wrong or revoked token is a 401.
struct ApiBearerMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let bearer = request.headers.bearerAuthorization else {
            throw ApiFailure.unauthorized("send an API token as `Authorization: Bearer <token>`")
        }
        guard let token = try await ApiTokenIssuer.verify(bearer.token, on: request.db) else {
            throw ApiFailure.unauthorized("the API token is not valid or has been revoked")
        }
        request.auth.login(ApiClient(tokenID: try token.requireID(), creditorID: token.creditorID, scopes: token.scopeSet))
        return try await next.respond(to: request)
    }
}

extension Request {
    /// The authenticated API client, refused with 403 unless its token grants `scope`.
    func apiClient(requiring scope: ApiScope) throws -> ApiClient {
        guard let client = auth.get(ApiClient.self) else { throw ApiFailure.unauthorized("no API token") }
        guard client.scopes.contains(scope.rawValue) else {
            throw ApiFailure(status: .forbidden, code: "forbidden", message: "the API token lacks the scope \(scope.rawValue)")
        }
        return client
    }
}
