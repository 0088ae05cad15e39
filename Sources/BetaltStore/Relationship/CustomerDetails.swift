import BetaltCore
import FluentKit
import Foundation
import SQLKit

/// A customer's contact and debtor data as a person corrects it: the name and postal address every letter goes to (and
/// its country), the e-mail address and phone, and a business's organisation number. An agency takes over only a claim whose debtor data
/// is complete (the planner holds the handover until it is), and imports only fill in what a customer they find lacks
/// (`CustomerCompletion`), so this is where a moved customer's new address, or a wrong organisation number, is put right.
public struct CustomerDetails: Sendable, Equatable {
    public var name: String
    public var addressLine: String
    public var postalCode: String
    public var city: String
    /// The address's country as an ISO 3166-1 alpha-2 code (`CountryCode`): the postal code and the organisation number
    /// are checked by it, and the notices' language follows it unless someone chose another.
    public var country: String
    /// Blank: none.
    public var email: String
    public var phone: String
    public var organisationNumber: String
    /// A fødselsnummer or personnummer, as kept (blank: none). A Swedish sole trader's personnummer typed as its
    /// organisation number is kept here too (`BusinessIdentity`). Personal data: forms show it masked, never as kept.
    public var nationalIdentityNumber: String

    public init(
        name: String, addressLine: String, postalCode: String, city: String, country: String, email: String, phone: String,
        organisationNumber: String, nationalIdentityNumber: String = ""
    ) {
        self.name = name
        self.addressLine = addressLine
        self.postalCode = postalCode
        self.city = city
        self.country = country
        self.email = email
        self.phone = phone
        self.organisationNumber = organisationNumber
        self.nationalIdentityNumber = nationalIdentityNumber
    }

    /// The details as the customer's record holds them.
    public init(_ customer: CustomerRecord) {
        self.init(
            name: customer.name, addressLine: customer.addressLine, postalCode: customer.postalCode, city: customer.city,
            country: customer.country, email: customer.email ?? "", phone: customer.phone ?? "", organisationNumber: customer.organisationNumber ?? "",
            nationalIdentityNumber: customer.nationalIdentityNumber ?? ""
        )
    }

    /// A field of the details, as a form or a request names it.
    public enum Field: String, CaseIterable, Sendable {
        case name, addressLine, postalCode, city, country, email, phone, organisationNumber, nationalIdentityNumber

        /// The fields a form shows as kept. A national identity number is personal data: shown masked, it is typed anew
        /// or removed, never edited in place.
        public static let shownAsKept = allCases.filter { $0 != .nationalIdentityNumber }
    }

    /// The value of `field`.
    public subscript(field: Field) -> String {
        get {
            switch field {
            case .name: name
            case .addressLine: addressLine
            case .postalCode: postalCode
            case .city: city
            case .country: country
            case .email: email
            case .phone: phone
            case .organisationNumber: organisationNumber
            case .nationalIdentityNumber: nationalIdentityNumber
            }
        }
        set {
            switch field {
            case .name: name = newValue
            case .addressLine: addressLine = newValue
            case .postalCode: postalCode = newValue
            case .city: city = newValue
            case .country: country = newValue
            case .email: email = newValue
            case .phone: phone = newValue
            case .organisationNumber: organisationNumber = newValue
            case .nationalIdentityNumber: nationalIdentityNumber = newValue
            }
        }
    }

    /// Why details could not be kept; each names the field.
    public enum Refusal: Error, Equatable {
        case nameMissing
        /// A street, a postal code and a city, or none of them: half an address sends letters nowhere.
        case addressIncomplete(Field)
        /// Not a postal code of the customer's country (Norway: four digits; Sweden: five).
        case postalCodeInvalid(Country)
        /// Not an ISO 3166-1 alpha-2 code, or none.
        case countryInvalid
        /// Something other than one address of the form local@domain.
        case emailInvalid
        /// Not a valid organisation number of the customer's country (for a Swedish business, nor a sole trader's
        /// personnummer: `soleTrader`); the identifier's kind and fault say why, without the number.
        case organisationNumberInvalid(Country, soleTrader: Bool, String)
        /// Not a valid national identity number of the customer's country (Norway: a fødselsnummer or D-nummer; Sweden: a
        /// personnummer or samordningsnummer); the number is personal data, so neither it nor its fault is given.
        case nationalIdentityNumberInvalid(Country)
        /// A business known by its organisation number is not a person: an agency would be given someone's personal number
        /// for a company (a Swedish sole trader's personnummer stands in place of the organisation number instead).
        case nationalIdentityNumberOfBusiness
        /// Another customer of the creditor, of the same kind, is kept with this number (its customer number given): one
        /// person's invoices would be found under either, so a person decides which customer is the right one.
        case nationalIdentityNumberTaken(customerNumber: String)
        /// A value longer than the column keeps.
        case tooLong(Field)
        /// A line break or another control character in a one-line field.
        case notOneLine(Field)
    }

    /// The longest value kept per field, in Unicode scalars as PostgreSQL's VARCHAR counts them.
    public static let fieldLength = 200

    /// Applies `changes` to the customer's details as they stand now, on `date`; false when the customer is not this
    /// creditor's. Only the fields given change, so a form loaded before someone else's change, or a request naming one
    /// field, writes over nothing else. Values typed anew are checked by the customer's country (an organisation number,
    /// national identity number or postal code of Norway or Sweden; another country's is kept as given) and kept in their
    /// normal form; a new country has the postal code and both numbers checked by it, and the notices' language follows it
    /// (`CustomerRecord.move(to:)`). Each changed field is a line of the customer's timeline (old → new) and of the audit
    /// log (the fields' names). A new e-mail address withdraws a consent to notices by e-mail, which was given for the old
    /// one (inkl. § 3 a). Any change but the phone's has the next run look at the customer's open claims again, and a
    /// batch read before is planned again (`ClaimRevision`): a reminder held for want of an address, or a handover for
    /// want of debtor data, may go. Throws a `Refusal` naming the field that cannot be kept.
    public static func record(
        _ changes: [Field: String], customerID: UUID, creditorID: UUID, on date: CivilDate, by user: String, userID: UUID?,
        database: any Database
    ) async throws -> Bool {
        try await database.writing { tx in
            // Two changes at once (two people, or a consent recorded meanwhile) are taken one after the other.
            let sql = tx as! any SQLDatabase
            if sql.dialect.name == "postgresql" {
                try await sql.raw("SELECT id FROM customers WHERE id = \(bind: customerID) AND creditor_id = \(bind: creditorID) FOR UPDATE").run()
            }
            guard let customer = try await CustomerRecord.query(on: tx).filter(\.$creditorID == creditorID).filter(\.$id == customerID).first()
            else { return false }
            let old = CustomerDetails(customer)
            let wanted = try old.applying(
                changes, country: Country(rawValue: customer.country), business: customer.kind == CustomerKind.business.rawValue, today: date
            )
            var changed = old.changes(to: wanted)
            guard !changed.isEmpty else { return true }
            if wanted.nationalIdentityNumber != old.nationalIdentityNumber, !wanted.nationalIdentityNumber.isEmpty,
               let other = try await CustomerRecord.query(on: tx).filter(\.$creditorID == creditorID).filter(\.$kind == customer.kind)
                   .filter(\.$id != customerID).filter(\.$nationalIdentityNumber == wanted.nationalIdentityNumber).first() {
                throw Refusal.nationalIdentityNumberTaken(customerNumber: other.customerNumber)
            }
            customer.name = wanted.name
            customer.nameKey = PayerName.key(wanted.name)
            customer.addressLine = wanted.addressLine
            customer.postalCode = wanted.postalCode
            customer.city = wanted.city
            if let language = customer.move(to: wanted.country) { changed.append(language) }
            customer.email = wanted.email.isEmpty ? nil : wanted.email
            customer.phone = wanted.phone.isEmpty ? nil : wanted.phone
            customer.organisationNumber = wanted.organisationNumber.isEmpty ? nil : wanted.organisationNumber
            customer.nationalIdentityNumber = wanted.nationalIdentityNumber.isEmpty ? nil : wanted.nationalIdentityNumber
            // The consent was given for an address, not for however it is capitalised.
            let withdrawsConsent = customer.emailConsentOn != nil && old.email.lowercased() != wanted.email.lowercased()
            if withdrawsConsent {
                customer.acceptedChannels = customer.acceptedChannels.split(separator: ",").filter { $0 != Channel.email.rawValue }
                    .joined(separator: ",")
                customer.emailConsentOn = nil
                customer.emailConsentBasis = nil
            }
            try await customer.update(on: tx)
            _ = try await Conversation.add(
                kind: "detailsChanged", customerID: customerID, claimID: nil, creditorID: creditorID,
                text: changed.map { "\($0.field): \($0.old.isEmpty ? "—" : $0.old) → \($0.new.isEmpty ? "—" : $0.new)" }.joined(separator: "\n"),
                author: user, on: date, database: tx
            )
            try await AuditRecord(
                creditorID: creditorID, userID: userID, actor: user, action: "customer.detailsChanged", subject: "customer \(customerID.uuidString)",
                detail: changed.map(\.field).joined(separator: ", ")
            ).create(on: tx)
            if withdrawsConsent {
                _ = try await Conversation.add(
                    kind: "emailWithdrawn", customerID: customerID, claimID: nil, creditorID: creditorID,
                    text: "the e-mail address changed: the consent was given for the old one", author: user, on: date, database: tx
                )
                try await AuditRecord(
                    creditorID: creditorID, userID: userID, actor: user, action: "customer.emailWithdrawn", subject: "customer \(customerID.uuidString)",
                    detail: "the e-mail address changed"
                ).create(on: tx)
            }
            if changed.contains(where: { $0.field != "phone" }) {
                try await ClaimRevision.lookAgain(where: "customer_id = \(bind: customerID)", creditorID: creditorID, from: date, on: tx)
            }
            return true
        }
    }

    /// A changed field: its name as the timeline and the audit log give it, and its values (a national identity number
    /// masked: the timeline is shown to every user of the creditor).
    struct Change: Equatable {
        let field: String
        let old: String
        let new: String
    }

    /// An address on one line, as the timeline and notes write it: "Storgata 1, 0155 Oslo".
    public static func addressText(_ line: String, _ postalCode: String, _ city: String) -> String {
        [line, "\(postalCode) \(city)".trimmingCharacters(in: .whitespaces)].filter { !$0.isEmpty }.joined(separator: ", ")
    }

    func changes(to new: CustomerDetails) -> [Change] {
        func address(_ details: CustomerDetails) -> String { Self.addressText(details.addressLine, details.postalCode, details.city) }
        return [
            ("name", name, new.name), ("address", address(self), address(new)), ("country", country, new.country), ("email", email, new.email),
            ("phone", phone, new.phone),
            ("organisationNumber", organisationNumber, new.organisationNumber),
            ("nationalIdentityNumber", nationalIdentityNumber, new.nationalIdentityNumber),
        ].filter { $0.1 != $0.2 }.map { field, old, new in
            field == "nationalIdentityNumber"
                ? Change(field: field, old: NationalIdentity.masked(old), new: NationalIdentity.masked(new))
                : Change(field: field, old: old, new: new)
        }
    }

    /// These details with `changes` applied: each value trimmed, checked and in its normal form. Only the values given
    /// are checked, so a value an import brought in stays until someone corrects it, and does not keep a new address
    /// from being kept; `country` is the customer's (nil: another country, whose numbers and codes are kept as given),
    /// unless the changes name another, by whose code the postal code and both numbers are checked again. A Swedish
    /// `business`'s organisation number may be a sole trader's personnummer, kept as its national identity number; a
    /// personnummer of ten digits takes its century from `today`.
    func applying(_ changes: [Field: String], country: Country?, business: Bool, today: CivilDate) throws(Refusal) -> CustomerDetails {
        var result = self
        for (field, value) in changes {
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            guard trimmed.unicodeScalars.count <= Self.fieldLength else { throw .tooLong(field) }
            guard !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { throw .notOneLine(field) }
            result[field] = trimmed
        }
        guard !result.name.isEmpty else { throw .nameMissing }
        var country = country, moved = false
        if changes[.country] != nil {
            guard let code = CountryCode.reading(result.country) else { throw .countryInvalid }
            (result.country, country, moved) = (code, Country(rawValue: code), code != self.country)
        }
        let address: [Field] = [.addressLine, .postalCode, .city]
        if address.contains(where: { changes[$0] != nil }), let missing = address.first(where: { result[$0].isEmpty }),
           address.contains(where: { !result[$0].isEmpty }) {
            throw .addressIncomplete(missing)
        }
        if changes[.postalCode] != nil || moved, !result.postalCode.isEmpty, let country {
            result.postalCode = try Self.postalCode(result.postalCode, country: country)
        }
        if changes[.email] != nil, !result.email.isEmpty, !Self.isOneAddress(result.email) { throw .emailInvalid }
        // A business that moved is checked by its new country's registry, so the person sees a number that does not fit.
        if changes[.organisationNumber] != nil || moved, !result.organisationNumber.isEmpty, let country {
            do {
                switch country {
                case .norway: result.organisationNumber = try NorwegianOrganisationNumber(validating: result.organisationNumber).normalized
                case .sweden where business:
                    switch try BusinessIdentity.swedish(validating: result.organisationNumber) {
                    case .organisation(let number): result.organisationNumber = number.normalized
                    case .soleTrader(let personal): (result.organisationNumber, result.nationalIdentityNumber) = ("", personal.normalized)
                    }
                case .sweden: result.organisationNumber = try SwedishOrganisationNumber(validating: result.organisationNumber).normalized
                }
            } catch {
                // The number's kind and fault, not the number: a mistyped personnummer is personal data.
                throw .organisationNumberInvalid(country, soleTrader: country == .sweden && business, "\(error.kind): \(error.reason)")
            }
        }
        // A person is known to an agency by the number of the country they live in: one a new country does not know keeps
        // the move back until someone types the new number or removes the old one.
        if changes[.nationalIdentityNumber] != nil, business, !result.nationalIdentityNumber.isEmpty, !result.organisationNumber.isEmpty {
            throw .nationalIdentityNumberOfBusiness
        }
        if changes[.nationalIdentityNumber] != nil || moved, !result.nationalIdentityNumber.isEmpty, let country {
            do {
                result.nationalIdentityNumber = switch country {
                case .norway: try NorwegianPersonalNumber(validating: result.nationalIdentityNumber).normalized
                case .sweden: try SwedishPersonalNumber(validating: result.nationalIdentityNumber, referenceDate: today).normalized
                }
            } catch {
                throw .nationalIdentityNumberInvalid(country)
            }
        }
        return result
    }

    /// A Norwegian postal code is four digits; a Swedish one five, written "NNN NN" (also given as "NNNNN" or "SE-NNN NN").
    static func postalCode(_ text: String, country: Country) throws(Refusal) -> String {
        var digits = text.uppercased()
        if country == .sweden, digits.hasPrefix("SE-") || digits.hasPrefix("S-") { digits = String(digits.drop { $0 != "-" }.dropFirst()) }
        digits.removeAll { $0 == " " }
        guard digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { throw .postalCodeInvalid(country) }
        switch country {
        case .norway:
            guard digits.count == 4 else { throw .postalCodeInvalid(country) }
            return digits
        case .sweden:
            guard digits.count == 5 else { throw .postalCodeInvalid(country) }
            return "\(digits.prefix(3)) \(digits.suffix(2))"
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

extension CustomerRecord {
    /// Moves the customer to the country `code`. Its notices' language follows when it was the one the old country
    /// gave, so nobody had chosen another; the language's change as the timeline gives it, if any.
    func move(to code: String) -> CustomerDetails.Change? {
        guard code != country else { return nil }
        let (kept, language) = (self.language, InvoiceWriter.language(forCountry: code))
        let followed = kept == InvoiceWriter.language(forCountry: country)
        country = code
        guard followed, language != kept else { return nil }
        self.language = language
        return CustomerDetails.Change(field: "language", old: kept, new: language)
    }
}
