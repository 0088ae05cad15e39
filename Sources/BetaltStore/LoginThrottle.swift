import FluentKit
import Foundation

/// Slows the guessing of a user's password: after `allowedFailures` failed logins for one e-mail address within
/// `window`, that address may not log in until the oldest of them is `window` old. The failures are the audit
/// log's `login.failed` lines since the address last logged in, so every `serve` process behind a load balancer
/// counts the same ones; an attempt refused here is not a failure and does not make the wait longer.
public enum LoginThrottle {
    public static let allowedFailures = 5
    public static let window: TimeInterval = 15 * 60

    /// When the address may try again, or nil when it may try now.
    public static func blockedUntil(email: String, now: Date, on database: any Database) async throws -> Date? {
        let since = now.addingTimeInterval(-window)
        let lastLogin = try await AuditRecord.query(on: database).filter(\.$action == "login").filter(\.$actor == email)
            .filter(\.$at > since).sort(\.$at, .descending).first()?.at
        let failures = try await AuditRecord.query(on: database).filter(\.$action == "login.failed").filter(\.$actor == email)
            .filter(\.$at > max(since, lastLogin ?? since)).sort(\.$at, .descending).limit(allowedFailures).all()
        guard failures.count >= allowedFailures, let oldest = failures.last?.at else { return nil }
        return oldest.addingTimeInterval(window)
    }
}
