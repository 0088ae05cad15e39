import BetaltCore
import FluentKit
import Foundation

/// An invoice as an import or the API delivers it, before it is a claim.
public struct NewInvoice: Sendable, Equatable {
    public var number: String
    public var issueDate: CivilDate
    public var dueDate: CivilDate
    public var amount: Money
    public var paymentReference: String?
    public var paymentReferenceChecked: Bool
    public var reminderFeeAgreed: Bool
    public var customer: NewCustomer
    /// The original document (UBL XML) to keep with the claim, if there is one.
    public var original: (content: String, sha256: String)?

    public init(
        number: String, issueDate: CivilDate, dueDate: CivilDate, amount: Money, paymentReference: String?,
        paymentReferenceChecked: Bool, reminderFeeAgreed: Bool = false, customer: NewCustomer,
        original: (content: String, sha256: String)? = nil
    ) {
        self.number = number
        self.issueDate = issueDate
        self.dueDate = dueDate
        self.amount = amount
        self.paymentReference = paymentReference
        self.paymentReferenceChecked = paymentReferenceChecked
        self.reminderFeeAgreed = reminderFeeAgreed
        self.customer = customer
        self.original = original
    }

    public static func == (lhs: NewInvoice, rhs: NewInvoice) -> Bool {
        lhs.number == rhs.number && lhs.issueDate == rhs.issueDate && lhs.dueDate == rhs.dueDate && lhs.amount == rhs.amount
            && lhs.paymentReference == rhs.paymentReference && lhs.customer == rhs.customer
    }
}

/// An invoice names a customer number that belongs to another person: one with another national identity number.
/// The invoice is refused rather than put on that person's account; neither national identity number is repeated.
public struct CustomerNumberTaken: Error, CustomStringConvertible {
    public let customerNumber: String
    public var description: String {
        "customer number \(customerNumber) belongs to a customer with another national identity number: give this customer a number of its own"
    }
}

/// The customer an imported invoice is for: found by national identity number, number or organisation number, else created.
public struct NewCustomer: Sendable, Equatable {
    public var number: String
    public var kind: CustomerKind
    public var name: String
    public var organisationNumber: String?
    public var nationalIdentityNumber: String?
    public var email: String?
    public var addressLine: String
    public var postalCode: String
    public var city: String
    public var country: String
    /// Whether the invoice stated the country, rather than leaving the creditor's to stand for it.
    public var countryGiven: Bool

    public init(
        number: String, kind: CustomerKind, name: String, organisationNumber: String?, nationalIdentityNumber: String?,
        email: String?, addressLine: String, postalCode: String, city: String, country: String, countryGiven: Bool
    ) {
        self.number = number
        self.kind = kind
        self.name = name
        self.organisationNumber = organisationNumber
        self.nationalIdentityNumber = nationalIdentityNumber
        self.email = email
        self.addressLine = addressLine
        self.postalCode = postalCode
        self.city = city
        self.country = country
        self.countryGiven = countryGiven
    }
}

/// What became of one invoice in an import.
public enum InvoiceOutcome: Sendable, Equatable {
    /// New; `customerNotes` are the details of a customer already kept that the invoice gave and that were not taken
    /// (`CustomerCompletion`).
    case created(claimID: UUID, customerNotes: [CustomerNote])
    /// Already there with the same facts: nothing to do.
    case unchanged(claimID: UUID)
    /// Already there with other facts: reported, never silently overwritten.
    case changed(claimID: UUID, differences: [String])
}

/// Creates claims from invoices and applies credit notes, through the ledger.
public enum InvoiceWriter {
    /// Adds `invoice`, from `source` (a file's name, or the API) on `date`, unless it is there already; `actor` and
    /// `userID` are who brought it, for the audit log.
    public static func add(
        _ invoice: NewInvoice, creditorID: UUID, importedFileID: UUID?, source: String, actor: String, userID: UUID?, on date: CivilDate,
        database: any Database
    ) async throws -> InvoiceOutcome {
        if let existing = try await ClaimRecord.query(on: database)
            .filter(\.$creditorID == creditorID).filter(\.$invoiceNumber == invoice.number).first() {
            var differences: [String] = []
            if existing.principalMinor != invoice.amount.minorUnits || existing.currency != invoice.amount.currency.code {
                differences.append("amount \(Money(minorUnits: existing.principalMinor, currency: invoice.amount.currency)) → \(invoice.amount)")
            }
            if existing.dueDate != invoice.dueDate.iso { differences.append("due date \(existing.dueDate) → \(invoice.dueDate.iso)") }
            if existing.issueDate != invoice.issueDate.iso { differences.append("issue date \(existing.issueDate) → \(invoice.issueDate.iso)") }
            if existing.paymentReference != invoice.paymentReference {
                differences.append("payment reference \(existing.paymentReference ?? "none") → \(invoice.paymentReference ?? "none")")
            }
            let id = try existing.requireID()
            return differences.isEmpty ? .unchanged(claimID: id) : .changed(claimID: id, differences: differences)
        }
        let (customer, found) = try await customer(for: invoice.customer, creditorID: creditorID, on: database)
        let customerNotes = found
            ? try await CustomerCompletion.complete(
                try customer.requireID(), creditorID: creditorID, from: invoice.customer, invoiceNumber: invoice.number, source: source,
                actor: actor, userID: userID, on: date, database: database)
            : []
        let claim = ClaimRecord(
            id: TimeOrderedID.next(), creditorID: creditorID, customerID: try customer.requireID(), invoiceNumber: invoice.number,
            issueDate: invoice.issueDate.iso, dueDate: invoice.dueDate.iso, currency: invoice.amount.currency.code,
            principalMinor: 0, openMinor: 0, paymentReference: invoice.paymentReference, stage: ClaimStage.open.rawValue,
            nextActionDate: invoice.dueDate.adding(days: 1).iso
        )
        claim.paymentReferenceChecked = invoice.paymentReferenceChecked
        claim.reminderFeeAgreed = invoice.reminderFeeAgreed
        try await claim.create(on: database)
        let id = try claim.requireID()
        try await LedgerWriter.append(
            [LedgerEntry.charge(.principal, invoice.amount, on: invoice.issueDate, text: invoice.number)],
            toClaim: id, creditorID: creditorID, on: database
        )
        claim.principalMinor = invoice.amount.minorUnits
        try await ClaimRecord.query(on: database).filter(\.$id == id)
            .set(\.$principalMinor, to: invoice.amount.minorUnits).update()
        if let original = invoice.original {
            let document = InvoiceDocumentRecord()
            document.creditorID = creditorID
            document.claimID = id
            document.kind = "invoice"
            document.mediaType = "application/xml"
            document.content = original.content
            document.sha256 = original.sha256
            document.importedFileID = importedFileID
            try await document.create(on: database)
        }
        return .created(claimID: id, customerNotes: customerNotes)
    }

    /// Applies a credit note to the invoice it credits: a credit-note entry on the principal, no more than is
    /// open. Throws when the credited invoice is unknown, so the file is refused rather than half applied.
    public static func credit(
        invoiceNumber: String, amount: Money, on date: CivilDate, reference: String, creditorID: UUID, database: any Database
    ) async throws -> (claimID: UUID, credited: Money) {
        guard let claim = try await ClaimRecord.query(on: database)
            .filter(\.$creditorID == creditorID).filter(\.$invoiceNumber == invoiceNumber).first()
        else { throw ClaimNotFound(claimID: UUID(), invoiceNumber: invoiceNumber) }
        let open = Money(minorUnits: claim.principalOpenMinor, currency: try Currency.named(claim.currency))
        let credited = try amount.min(open)
        let id = try claim.requireID()
        if credited.isPositive {
            try await LedgerWriter.append(
                [LedgerEntry(kind: .creditNote, component: .principal, amount: credited, date: date, text: reference)],
                toClaim: id, creditorID: creditorID, on: database
            )
        }
        return (id, credited)
    }

    /// The customer, and whether it was there already.
    private static func customer(for new: NewCustomer, creditorID: UUID, on database: any Database) async throws -> (CustomerRecord, Bool) {
        // A person's number says who it is better than a customer number made of a name, so a name spelt otherwise
        // finds the same customer; of the same kind only, as one person may buy privately and as a sole trader. A number
        // a person typed is kept in its normal form, one an earlier import brought as written: either is found.
        let identity = new.nationalIdentityNumber.map(NationalIdentity.normalized)
        if let identity, let found = try await CustomerRecord.query(on: database)
            .filter(\.$creditorID == creditorID).filter(\.$nationalIdentityNumber ~~ Array(Set([identity, new.nationalIdentityNumber!])))
            .filter(\.$kind == new.kind.rawValue).sort(\.$customerNumber).first() {
            return (found, true)
        }
        if let found = try await CustomerRecord.query(on: database)
            .filter(\.$creditorID == creditorID).filter(\.$customerNumber == new.number).first() {
            // Another person of the same name (or number) is not put on this one's account.
            if let identity = new.nationalIdentityNumber, let kept = found.nationalIdentityNumber, !NationalIdentity.same(kept, identity) {
                throw CustomerNumberTaken(customerNumber: new.number)
            }
            return (found, true)
        }
        if let organisationNumber = new.organisationNumber, let found = try await CustomerRecord.query(on: database)
            .filter(\.$creditorID == creditorID).filter(\.$organisationNumber == organisationNumber).first() {
            return (found, true)
        }
        let customer = CustomerRecord(
            id: TimeOrderedID.next(), creditorID: creditorID, customerNumber: new.number, kind: new.kind.rawValue, name: new.name,
            nationalIdentityNumber: identity, organisationNumber: new.organisationNumber, email: new.email,
            phone: nil, addressLine: new.addressLine, postalCode: new.postalCode, city: new.city, country: new.country,
            language: language(forCountry: new.country)
        )
        try await customer.create(on: database)
        return (customer, false)
    }

    /// The language of a customer's notices, as its country gives it: Norwegian or Swedish, else English.
    static func language(forCountry country: String) -> String {
        switch Country(rawValue: country) {
        case .norway?: Language.nb.rawValue
        case .sweden?: Language.sv.rawValue
        case nil: Language.en.rawValue
        }
    }
}
