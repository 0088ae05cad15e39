import Vapor

/// Logs each request like Vapor's route logger, but never a debtor's private link: the token in
/// `/d/TOKEN…` is a key to personal data and is written as `/d/…`.
struct RequestLogging: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        request.logger.info("\(request.method) \(Self.redacted(request.url.path))")
        return try await next.respond(to: request)
    }

    static func redacted(_ path: String) -> String {
        guard path.hasPrefix("/d/") else { return path }
        let rest = path.dropFirst(3)
        let tail = rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? ""
        return "/d/…" + tail
    }
}
