import Vapor

/// The body of every API error: a short code, a sentence for a person and, for 422, the fields at fault.
struct ApiProblem: Content {
    let error: String
    let message: String
    let errors: [ApiFieldError]?
}

/// One invalid field, named by a JSON pointer into the request body (e.g. `/invoices/2/due_date`).
struct ApiFieldError: Content, Equatable {
    let field: String
    let message: String
}

/// An API request refused with a status, a code and, for invalid bodies, the fields at fault.
struct ApiFailure: Error {
    let status: HTTPResponseStatus
    let code: String
    let message: String
    var errors: [ApiFieldError]? = nil

    static func unauthorized(_ message: String) -> ApiFailure { ApiFailure(status: .unauthorized, code: "unauthorized", message: message) }

    static func invalid(_ errors: [ApiFieldError]) -> ApiFailure {
        ApiFailure(status: .unprocessableEntity, code: "invalid", message: "the request body is not valid; nothing was stored", errors: errors)
    }
}

/// Answers every error under /api in the ApiProblem shape, so clients never parse an HTML page or Vapor's default.
struct ApiErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let failure as ApiFailure {
            return try problem(failure, for: request)
        } catch let abort as any AbortError {
            let code = abort.status.reasonPhrase.lowercased().replacingOccurrences(of: " ", with: "_")
            return try problem(ApiFailure(status: abort.status, code: code, message: abort.reason, errors: nil), for: request)
        } catch {
            request.logger.report(error: error)
            return try problem(ApiFailure(status: .internalServerError, code: "internal", message: "something went wrong; nothing was stored"), for: request)
        }
    }

    private func problem(_ failure: ApiFailure, for request: Request) throws -> Response {
        let response = Response(status: failure.status)
        try response.content.encode(ApiProblem(error: failure.code, message: failure.message, errors: failure.errors), as: .json)
        if failure.status == .unauthorized { response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer") }
        return response
    }
}
