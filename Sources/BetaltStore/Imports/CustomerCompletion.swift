import BetaltCore
import FluentKit
import Foundation
import SQLKit

/// What an imported invoice tells of a customer Betalt already keeps. Details the customer lacks (a postal address, or a
/// whole one for half of one; an e-mail address; a registry number) are taken from the invoice when they pass the checks
/// a person's correction passes (`CustomerDetails`), with a line of the customer's timeline saying from where, so a
/// reminder held for want of an address, or a handover for want of a number, may go. Details that differ from those
/// kept are never written over, as the creditor may have corrected them; they are given back as notes for the import's
/// summary, so a customer who moved is noticed. A customer of another kind than the invoice's takes nothing from it.
enum CustomerCompletion {
    /// Completes the customer `customerID` from `new`, the customer as invoice `invoiceNumber` gives it; `source` (the
    /// file, or the API) is named on the timeline, `actor` and `userID` in the audit log, on `date`.
    static func complete(
        _ customerID: UUID, creditorID: UUID, from new: NewCustomer, invoiceNumber: String, source: String, actor: String, userID: UUID?,
        on date: CivilDate, database: any Database
    ) async throws -> [CustomerNote] {
        // A person's correction at the same moment is taken before or after this one, never half overwritten.
        let sql = database as! any SQLDatabase
        if sql.dialect.name == "postgresql" {
            try await sql.raw("SELECT id FROM customers WHERE id = \(bind: customerID) AND creditor_id = \(bind: creditorID) FOR UPDATE").run()
        }
        guard let customer = try await CustomerRecord.query(on: database).filter(\.$creditorID == creditorID).filter(\.$id == customerID).first()
        else { return [] }
        var notes: [CustomerNote] = []
        func note(_ field: CustomerNote.Field, _ value: String?, _ why: String) {
            notes.append(CustomerNote(customerNumber: customer.customerNumber, field: field, value: value, why: why, invoiceNumber: invoiceNumber))
        }
        guard new.kind.rawValue == customer.kind else {
            note(.kind, new.kind.rawValue, "is not the kind of the customer kept under this number: nothing taken from the invoice")
            return notes
        }
        let old = CustomerDetails(customer)
        var wanted = old
        let business = new.kind == .business
        let country = Country(rawValue: new.countryGiven ? new.country : customer.country)

        func blank(_ text: String) -> Bool { !text.contains { !$0.isWhitespace } }
        let newAddress = [new.addressLine, new.postalCode, new.city]
        let keptAddress = [old.addressLine, old.postalCode, old.city]
        if newAddress.contains(where: { !blank($0) }), !Self.sameAddress(newAddress, keptAddress) {
            let written = CustomerDetails.addressText(new.addressLine, new.postalCode, new.city)
            // Half an address sends letters nowhere: a whole one on the invoice replaces it.
            if keptAddress.contains(where: blank) {
                do {
                    // The invoice's address is in the country it states; the country kept came with no address.
                    let address: [CustomerDetails.Field: String] = [.addressLine: new.addressLine, .postalCode: new.postalCode, .city: new.city]
                    wanted = try wanted.applying(
                        new.countryGiven ? address.merging([.country: new.country]) { $1 } : address, country: country, business: business,
                        today: date
                    )
                } catch {
                    note(.address, written, Self.why(error))
                }
            } else {
                note(.address, written, "is not the one kept: kept as it was; if the customer has moved, correct it on the customer page")
            }
        }
        if let email = new.email, !blank(email) {
            if blank(old.email) {
                do { wanted = try wanted.applying([.email: email], country: country, business: business, today: date) } catch { note(.email, email, Self.why(error)) }
            } else if email.trimmingCharacters(in: .whitespaces).lowercased() != old.email.lowercased() {
                note(.email, email, "is not the one kept: kept as it was")
            }
        }
        // A business is known by one registry number: an organisation number, or a Swedish sole trader's personnummer.
        if business, let number = new.organisationNumber, !blank(number) {
            if !blank(old.nationalIdentityNumber) {
                note(.organisationNumber, number, "is not that of the sole trader kept, who is known by a personnummer: not taken")
            } else if blank(old.organisationNumber) {
                do {
                    wanted = try wanted.applying([.organisationNumber: number], country: country, business: business, today: date)
                } catch {
                    note(.organisationNumber, number, Self.why(error))
                }
            } else if Self.digitsAndLetters(number) != Self.digitsAndLetters(old.organisationNumber) {
                note(.organisationNumber, number, "is not the one kept: kept as it was")
            }
        }
        // A national identity number is personal data: never repeated in a note. It is checked by the country the customer
        // is in after this invoice, whose address may have just moved them.
        if let number = new.nationalIdentityNumber, !blank(number), blank(old.nationalIdentityNumber) {
            if business && !blank(old.organisationNumber) {
                note(.nationalIdentityNumber, nil, "is a sole trader's, but the business kept has an organisation number: not taken")
            } else if let word = NationalIdentity.invalidWord(number, countryCode: wanted.country, today: date) {
                note(.nationalIdentityNumber, nil, "is not a valid \(word): not taken")
            } else {
                wanted.nationalIdentityNumber = NationalIdentity.normalized(number)
            }
        }
        var changed = old.changes(to: wanted)
        guard !changed.isEmpty else { return notes }
        for change in changed {
            switch change.field {
            case "address":
                (customer.addressLine, customer.postalCode, customer.city) = (wanted.addressLine, wanted.postalCode, wanted.city)
            case "country": if let language = customer.move(to: wanted.country) { changed.append(language) }
            case "email": customer.email = wanted.email
            case "organisationNumber": customer.organisationNumber = wanted.organisationNumber
            default: customer.nationalIdentityNumber = wanted.nationalIdentityNumber
            }
        }
        try await customer.update(on: database)
        _ = try await Conversation.add(
            kind: "detailsChanged", customerID: customerID, claimID: nil, creditorID: creditorID,
            text: changed.map { "\($0.field): \($0.old.isEmpty ? "—" : $0.old) → \($0.new)" }.joined(separator: "\n"),
            author: "\(source), invoice \(invoiceNumber)", on: date, database: database
        )
        try await AuditRecord(
            creditorID: creditorID, userID: userID, actor: actor, action: "customer.detailsCompleted", subject: "customer \(customerID.uuidString)",
            detail: "\(changed.map(\.field).joined(separator: ", ")) from invoice \(invoiceNumber) (\(source))"
        ).create(on: database)
        try await ClaimRevision.lookAgain(where: "customer_id = \(bind: customerID)", creditorID: creditorID, from: date, on: database)
        return notes
    }

    /// Why a value failed the checks of a person's correction, as a note says it.
    private static func why(_ refusal: any Error) -> String {
        switch refusal as? CustomerDetails.Refusal {
        case .addressIncomplete?: "is incomplete (a street, a postal code and a town are needed): not taken"
        case .postalCodeInvalid(.norway)?: "has no Norwegian postal code (four digits): not taken"
        case .postalCodeInvalid(.sweden)?: "has no Swedish postal code (five digits): not taken"
        case .countryInvalid?: "is in a country that has no code: not taken"
        case .emailInvalid?: "is not one e-mail address: not taken"
        case .organisationNumberInvalid(_, _, let reason)?: "is not valid (\(reason)): not taken"
        case .nationalIdentityNumberOfBusiness?: "is a person's, but the business kept has an organisation number: not taken"
        case .nationalIdentityNumberTaken?: "is another customer's: not taken"
        case .nationalIdentityNumberInvalid(let country)?:
            "is in \(country == .norway ? "Norway" : "Sweden"), where the customer's national identity number on file is not valid: not taken"
        case .tooLong?: "is longer than \(CustomerDetails.fieldLength) characters: not taken"
        case .notOneLine?: "runs over more than one line: not taken"
        case .nameMissing?, nil: "cannot be kept: not taken"
        }
    }

    /// The same street, postal code and town, however spaced or capitalised ("0150" and "NO-0150", "111 22" and "11122"
    /// are not told apart from their digits).
    private static func sameAddress(_ one: [String], _ other: [String]) -> Bool {
        func normal(_ parts: [String]) -> [String] {
            [parts[0].lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " "),
             String(parts[1].filter(\.isNumber)), parts[2].lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")]
        }
        return normal(one) == normal(other)
    }

    /// A registry number without its spacing and punctuation ("923 609 016" is "923609016", "556677-8899" "5566778899").
    private static func digitsAndLetters(_ number: String) -> String {
        String(number.uppercased().filter { $0.isLetter || $0.isNumber })
    }
}

/// A customer's detail on an imported invoice that was not taken: it differs from the one kept, or fails its check.
public struct CustomerNote: Sendable, Equatable {
    public enum Field: String, Sendable {
        case address, email, organisationNumber, nationalIdentityNumber, kind

        var words: String {
            switch self {
            case .address: "the address"
            case .email: "the e-mail address"
            case .organisationNumber: "the organisation number"
            case .nationalIdentityNumber: "the national identity number"
            case .kind: "the customer kind"
            }
        }
    }

    public let customerNumber: String
    public let field: Field
    /// The invoice's value, as written; nil for personal data.
    public let value: String?
    /// What is wrong with it and what became of it, e.g. "is not the one kept: kept as it was".
    public let why: String
    public let invoiceNumber: String

    /// One sentence per customer, field, value and fault, naming the invoices it came on, in the order first met: a file
    /// of many invoices for a customer who moved says so once.
    public static func sentences(_ notes: [CustomerNote]) -> [String] {
        struct Key: Hashable {
            let customerNumber: String, field: Field, value: String?, why: String
        }
        var order: [Key] = []
        var invoices: [Key: [String]] = [:]
        for note in notes {
            let key = Key(customerNumber: note.customerNumber, field: note.field, value: note.value, why: note.why)
            if invoices[key] == nil { order.append(key) }
            invoices[key, default: []].append(note.invoiceNumber)
        }
        return order.map { key in
            let numbers = invoices[key]!
            return "customer \(key.customerNumber): \(key.field.words) on invoice\(numbers.count > 1 ? "s" : "") \(numbers.joined(separator: ", "))"
                + "\(key.value.map { " (\($0))" } ?? "") \(key.why)"
        }
    }
}
