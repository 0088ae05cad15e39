import BetaltCore
import FluentKit
import Foundation
import SQLKit

/// Records whether a customer accepts notices by e-mail. A notice may go electronically only on a channel the debtor
/// accepted (inkl. § 3 a: "på betryggende måte", for example to an address the debtor consented to; SE likewise for a
/// digital inkassokrav), so the consent is kept with its day and what it rests on, shown in the customer's timeline and
/// the audit log. Until it is recorded, every notice goes by letter.
public enum NoticeConsent {
    /// Why a consent could not be recorded.
    public enum Refusal: Error, Equatable {
        /// The customer has no e-mail address to send notices to.
        case noEmailAddress
        /// A consent must say what it rests on.
        case basisMissing
    }

    /// The longest basis kept, in Unicode scalars as PostgreSQL's VARCHAR counts them.
    public static let basisLength = 500

    /// Records that the customer accepts (or no longer accepts) notices by e-mail, on `date`, with what it rests on;
    /// false when the customer is not this creditor's. The customer's claims count it as a change of their facts
    /// (`ClaimRevision`): a daily-run batch read before it is planned again, not written with the channel it read.
    /// Throws a `Refusal` when consent is given without an e-mail address or without its basis.
    public static func record(
        customerID: UUID, creditorID: UUID, acceptsEmail: Bool, basis: String, on date: CivilDate, by user: String, userID: UUID?,
        database: any Database
    ) async throws -> Bool {
        let trimmed = basis.trimmingCharacters(in: .whitespacesAndNewlines).unicodeScalars
        let basis = String(String.UnicodeScalarView(trimmed.prefix(basisLength)))
        return try await database.writing { tx in
            // Two recordings at once (the page and the API) would each write over the other's channels.
            let sql = tx as! any SQLDatabase
            if sql.dialect.name == "postgresql" {
                try await sql.raw("SELECT id FROM customers WHERE id = \(bind: customerID) AND creditor_id = \(bind: creditorID) FOR UPDATE").run()
            }
            guard let customer = try await CustomerRecord.query(on: tx).filter(\.$creditorID == creditorID).filter(\.$id == customerID).first()
            else { return false }
            if acceptsEmail {
                guard !(customer.email ?? "").trimmingCharacters(in: .whitespaces).isEmpty else { throw Refusal.noEmailAddress }
                guard !basis.isEmpty else { throw Refusal.basisMissing }
            }
            var channels = Set(customer.acceptedChannels.split(separator: ",").map(String.init))
            let accepted = channels.contains(Channel.email.rawValue)
            if accepted == acceptsEmail && (!acceptsEmail || customer.emailConsentBasis == basis) { return true }
            if acceptsEmail { channels.insert(Channel.email.rawValue) } else { channels.remove(Channel.email.rawValue) }
            customer.acceptedChannels = channels.sorted().joined(separator: ",")
            customer.emailConsentOn = acceptsEmail ? date.iso : nil
            customer.emailConsentBasis = acceptsEmail ? basis : nil
            try await customer.update(on: tx)
            let kind = acceptsEmail ? "emailAccepted" : "emailWithdrawn"
            _ = try await Conversation.add(
                kind: kind, customerID: customerID, claimID: nil, creditorID: creditorID, text: basis, author: user, on: date, database: tx
            )
            try await AuditRecord(
                creditorID: creditorID, userID: userID, actor: user, action: "customer.\(kind)", subject: "customer \(customerID.uuidString)",
                detail: basis
            ).create(on: tx)
            try await ClaimRevision.bump(customerID: customerID, creditorID: creditorID, on: tx)
            return true
        }
    }

    /// A consent recorded or withdrawn.
    public struct Record: Sendable, Equatable {
        public let on: CivilDate
        public let accepted: Bool
        public let basis: String
    }

    /// Each time the customer's consent was recorded or withdrawn, oldest first, as the timeline keeps them; a consent
    /// kept on the customer without such a line (the demo's) is its only one.
    public static func history(of customer: CustomerRecord, on database: any Database) async throws -> [Record] {
        let notes = try await ConversationNoteRecord.query(on: database).filter(\.$creditorID == customer.creditorID)
            .filter(\.$customerID == customer.requireID()).filter(\.$kind ~~ ["emailAccepted", "emailWithdrawn"])
            .sort(\.$notedOn).sort(\.$createdAt).all()
        let records = try notes.map { Record(on: try CivilDate(iso: $0.notedOn), accepted: $0.kind == "emailAccepted", basis: $0.text) }
        guard records.isEmpty, customer.acceptsEmailNotices, let on = customer.emailConsentOn else { return records }
        return [Record(on: try CivilDate(iso: on), accepted: true, basis: customer.emailConsentBasis ?? "")]
    }
}
