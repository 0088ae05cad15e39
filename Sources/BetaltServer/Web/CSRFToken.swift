import Vapor

/// The per-session token every state-changing form carries in a hidden field, so another site cannot make a
/// signed-in browser post to Betalt (the session cookie alone proves nothing about where a form came from).
enum CSRFToken {
    static let field = "csrf"
    private static let sessionKey = "csrf"

    /// The session's token, made on first use.
    static func current(_ req: Request) -> String {
        if let token = req.session.data[sessionKey] { return token }
        let token = Data([UInt8].random(count: 32)).base64EncodedString()
        req.session.data[sessionKey] = token
        return token
    }

    /// Refuses the request with 403 unless its body carries the session's token. Call it after the body is
    /// collected (a route's `body: .collect`), which a middleware in front of the route would not see.
    static func verify(_ req: Request) throws {
        guard let expected = req.hasSession ? req.session.data[sessionKey] : nil,
              let given = try? req.content.get(String.self, at: field),
              constantTimeEqual(Array(expected.utf8), Array(given.utf8))
        else { throw Abort(.forbidden, reason: "The form has expired or did not come from Betalt. Reload the page and try again.") }
    }

    /// Compares without stopping at the first difference, so timing does not reveal how much of a guess was right.
    private static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0
    }
}
