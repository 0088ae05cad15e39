import BetaltCore
import BetaltStore
import Foundation

/// A debtor's private link: 32 random bytes, URL-safe; only its SHA-256 is stored.
public struct DebtorLink: Sendable {
    public let url: String
    /// The record to store (not yet saved): the token's hash, the customer, the last valid day.
    public let record: DebtorLinkRecord

    /// The hash under which a token is stored and looked up.
    public static func hash(token: String) -> String { sha256Hex(Array(token.utf8)) }

    public static func issue(customerID: UUID, creditorID: UUID, date: CivilDate, settings: DeliverySettings) -> DebtorLink {
        var generator = SystemRandomNumberGenerator()
        let token = Data((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
            .base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        let record = DebtorLinkRecord()
        record.creditorID = creditorID
        record.customerID = customerID
        record.tokenHash = hash(token: token)
        record.expiresOn = date.adding(days: settings.linkValidityDays).iso
        return DebtorLink(url: "\(settings.publicBaseURL)/d/\(token)", record: record)
    }
}
