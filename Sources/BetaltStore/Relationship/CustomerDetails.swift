import BetaltCore
import FluentKit
import Foundation
import SQLKit

/// A customer's contact and debtor data as a person corrects it: the name and postal address every letter goes to, the
/// e-mail address and phone, and a business's organisation number. An agency takes over only a claim whose debtor data
/// is complete (the planner holds the handover until it is), and imports never change a customer they find, so this is
/// where a moved customer's new address, or the organisation number an agency needs, is put right.
public struct CustomerDetails: Sendable, Equatable {
    public var name: String
    public var addressLine: String
    public var postalCode: String
    public var city: String
    /// Blank: none.
    public var email: String
    public var phone: String
    public var organisationNumber: String

    public init(name: String, addressLine: String, postalCode: String, city: String, email: String, phone: String, organisationNumber: String) {
        self.name = name
        self.addressLine = addressLine
        self.postalCode = postalCode
        self.city = city
        self.email = email
        self.phone = phone
        self.organisationNumber = organisationNumber
    }

    /// The details as the customer's record holds them.
    public init(_ customer: CustomerRecord) {
        self.init(
            name: customer.name, addressLine: customer.addressLine, postalCode: customer.postalCode, city: customer.city,
            email: customer.email ?? "", phone: customer.phone ?? "", organisationNumber: customer.organisationNumber ?? ""
        )
    }

    /// Why details could not be kept; each names the field.
    public enum Refusal: Error, Equatable {
        case nameMissing
        /// Something other than one address of the form local@domain.
        case emailInvalid
        /// Not a valid organisation number of the creditor's country; the identifier's own words say why.
        case organisationNumberInvalid(String)
        /// A value longer than the column keeps.
        case tooLong(field: String)
    }

    /// The longest value kept per field, in Unicode scalars as PostgreSQL's VARCHAR counts them.
    public static let fieldLength = 200

    /// Keeps `details` for the customer on `date`; false when the customer is not this creditor's. Each changed field is a
    /// line of the customer's timeline (old → new) and of the audit log (the fields' names). A new e-mail address withdraws
    /// a consent to notices by e-mail, which was given for the old one (inkl. § 3 a). The customer's open claims are looked
    /// at again by the next run, and a batch read before is planned again (`ClaimRevision`): a handover held for missing
    /// debtor data may go, and letters go to the new address. Throws a `Refusal` naming the field that cannot be kept.
    public static func record(
        _ details: CustomerDetails, customerID: UUID, creditorID: UUID, country: Country, on date: CivilDate, by user: String,
        userID: UUID?, database: any Database
    ) async throws -> Bool {
        let wanted = try details.trimmed()
        return try await database.writing { tx in
            // Two changes at once (two people, or a consent recorded meanwhile) would each write over the other's fields.
            let sql = tx as! any SQLDatabase
            if sql.dialect.name == "postgresql" {
                try await sql.raw("SELECT id FROM customers WHERE id = \(bind: customerID) AND creditor_id = \(bind: creditorID) FOR UPDATE").run()
            }
            guard let customer = try await CustomerRecord.query(on: tx).filter(\.$creditorID == creditorID).filter(\.$id == customerID).first()
            else { return false }
            let old = CustomerDetails(customer)
            let changes = old.changes(to: wanted)
            guard !changes.isEmpty else { return true }
            // Only what is typed anew is checked: a value an import brought in stays until someone corrects it, and does
            // not keep a new address from being kept.
            try wanted.check(country: country, changed: Set(changes.map(\.field)))
            let hadConsent = customer.emailConsentOn != nil
            customer.name = wanted.name
            customer.nameKey = PayerName.key(wanted.name)
            customer.addressLine = wanted.addressLine
            customer.postalCode = wanted.postalCode
            customer.city = wanted.city
            customer.email = wanted.email.isEmpty ? nil : wanted.email
            customer.phone = wanted.phone.isEmpty ? nil : wanted.phone
            customer.organisationNumber = wanted.organisationNumber.isEmpty ? nil : wanted.organisationNumber
            let withdrawsConsent = hadConsent && old.email != wanted.email
            if withdrawsConsent {
                customer.acceptedChannels = customer.acceptedChannels.split(separator: ",").filter { $0 != Channel.email.rawValue }
                    .joined(separator: ",")
                customer.emailConsentOn = nil
                customer.emailConsentBasis = nil
            }
            try await customer.update(on: tx)
            _ = try await Conversation.add(
                kind: "detailsChanged", customerID: customerID, claimID: nil, creditorID: creditorID,
                text: changes.map { "\($0.field): \($0.old) → \($0.new)" }.joined(separator: "\n"), author: user, on: date, database: tx
            )
            try await AuditRecord(
                creditorID: creditorID, userID: userID, actor: user, action: "customer.detailsChanged", subject: "customer \(customerID.uuidString)",
                detail: changes.map(\.field).joined(separator: ", ")
            ).create(on: tx)
            if withdrawsConsent {
                _ = try await Conversation.add(
                    kind: "emailWithdrawn", customerID: customerID, claimID: nil, creditorID: creditorID,
                    text: "the e-mail address changed; consent was given for \(old.email)", author: user, on: date, database: tx
                )
                try await AuditRecord(
                    creditorID: creditorID, userID: userID, actor: user, action: "customer.emailWithdrawn", subject: "customer \(customerID.uuidString)",
                    detail: "the e-mail address changed"
                ).create(on: tx)
            }
            try await ClaimRevision.lookAgain(where: "customer_id = \(bind: customerID)", creditorID: creditorID, from: date, on: tx)
            return true
        }
    }

    /// A changed field: its name as the timeline and the audit log give it, and its values.
    struct Change: Equatable {
        let field: String
        let old: String
        let new: String
    }

    func changes(to new: CustomerDetails) -> [Change] {
        func address(_ details: CustomerDetails) -> String {
            [details.addressLine, "\(details.postalCode) \(details.city)".trimmingCharacters(in: .whitespaces)].filter { !$0.isEmpty }
                .joined(separator: ", ")
        }
        return [
            ("name", name, new.name), ("address", address(self), address(new)), ("email", email, new.email), ("phone", phone, new.phone),
            ("organisationNumber", organisationNumber, new.organisationNumber),
        ].filter { $0.1 != $0.2 }.map { Change(field: $0.0, old: $0.1, new: $0.2) }
    }

    /// The details trimmed, or the refusal of a field too long or a blank name.
    func trimmed() throws(Refusal) -> CustomerDetails {
        func trimmed(_ text: String, _ field: String) throws(Refusal) -> String {
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard value.unicodeScalars.count <= Self.fieldLength else { throw .tooLong(field: field) }
            return value
        }
        let result = CustomerDetails(
            name: try trimmed(name, "name"), addressLine: try trimmed(addressLine, "addressLine"), postalCode: try trimmed(postalCode, "postalCode"),
            city: try trimmed(city, "city"), email: try trimmed(email, "email"), phone: try trimmed(phone, "phone"),
            organisationNumber: try trimmed(organisationNumber, "organisationNumber")
        )
        guard !result.name.isEmpty else { throw .nameMissing }
        return result
    }

    /// Refuses a `changed` e-mail address or organisation number that is not one (`Change.field` names).
    func check(country: Country, changed: Set<String>) throws(Refusal) {
        if changed.contains("email"), !email.isEmpty, !Self.isOneAddress(email) { throw .emailInvalid }
        if changed.contains("organisationNumber"), !organisationNumber.isEmpty {
            do {
                switch country {
                case .norway: _ = try NorwegianOrganisationNumber(validating: organisationNumber)
                case .sweden: _ = try SwedishOrganisationNumber(validating: organisationNumber)
                }
            } catch {
                throw .organisationNumberInvalid("\(error)")
            }
        }
    }

    /// One address of the form local@domain.tld, without spaces: a typo here sends notices nowhere. Checked by hand, as no
    /// listed library validates addresses; the mail server has the last word.
    static func isOneAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(where: { $0.isWhitespace || $0 == "," || $0 == ";" || $0 == "<" || $0 == ">" })
        else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }
}
