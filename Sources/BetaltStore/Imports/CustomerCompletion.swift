import BetaltCore
import FluentKit
import Foundation
import SQLKit

/// What an imported invoice tells of a customer Betalt already keeps. Details the customer lacks (a postal address, or a
/// whole one for half of one; an e-mail address; a registry number) are taken from the invoice, with a line of the customer's timeline saying from
/// where, so a reminder held for want of an address, or a handover for want of a number, may go. Details that differ
/// from those kept are never written over, as the creditor may have corrected them in Betalt (`CustomerDetails`); they
/// are given back for the import's summary, so a customer who moved is noticed.
enum CustomerCompletion {
    /// Completes `customer` from `new`, the customer as invoice `invoiceNumber` gives it, recording by `source` (the
    /// file, or the API) on `date`; the details that differ, each a sentence naming the invoice.
    static func complete(
        _ customer: CustomerRecord, from new: NewCustomer, invoiceNumber: String, source: String, on date: CivilDate, database: any Database
    ) async throws -> [String] {
        let old = CustomerDetails(customer)
        var wanted = old
        var differences: [String] = []
        let newAddress = [new.addressLine, new.postalCode, new.city].map { $0.trimmingCharacters(in: .whitespaces) }
        let keptAddress = [old.addressLine, old.postalCode, old.city]
        // Half an address sends letters nowhere: a whole one on the invoice replaces it, and any part fills none.
        let keptIncomplete = keptAddress.contains(where: \.isEmpty), newComplete = newAddress.allSatisfy { !$0.isEmpty }
        if (keptIncomplete && newComplete) || (keptAddress.allSatisfy(\.isEmpty) && newAddress.contains(where: { !$0.isEmpty })) {
            (wanted.addressLine, wanted.postalCode, wanted.city) = (newAddress[0], newAddress[1], newAddress[2])
        } else if newAddress.contains(where: { !$0.isEmpty }), !sameAddress(newAddress, keptAddress) {
            differences.append("invoice \(invoiceNumber): the address on the invoice (\(written(newAddress))) is not the one kept"
                + " (\(written(keptAddress))): kept as it was; if the customer has moved, correct it on the customer page")
        }
        if let email = new.email?.trimmingCharacters(in: .whitespaces), !email.isEmpty {
            if old.email.isEmpty {
                wanted.email = email
            } else if email.lowercased() != old.email.lowercased() {
                differences.append("invoice \(invoiceNumber): the e-mail address on the invoice (\(email)) is not the one kept"
                    + " (\(old.email)): kept as it was")
            }
        }
        // A registry number only for a customer of the invoice's kind: a person may buy privately and as a sole trader.
        if new.kind.rawValue == customer.kind {
            if let number = new.organisationNumber, !number.isEmpty {
                if old.organisationNumber.isEmpty {
                    wanted.organisationNumber = number
                } else if number != old.organisationNumber {
                    differences.append("invoice \(invoiceNumber): the organisation number on the invoice (\(number)) is not the one kept"
                        + " (\(old.organisationNumber)): kept as it was")
                }
            }
            // Another person's number never reaches here (`CustomerNumberTaken`), and is not repeated: it is personal data.
            if let number = new.nationalIdentityNumber, !number.isEmpty, old.nationalIdentityNumber.isEmpty {
                wanted.nationalIdentityNumber = number
            }
        }
        let changed = old.changes(to: wanted)
        guard !changed.isEmpty else { return differences }
        customer.addressLine = wanted.addressLine
        customer.postalCode = wanted.postalCode
        customer.city = wanted.city
        if changed.contains(where: { $0.field == "address" }), new.country != customer.country {
            // The invoice's address is in its own country; the country kept came with no address, and so did the
            // language it gave, unless someone chose another.
            if customer.language == InvoiceWriter.language(forCountry: customer.country) {
                customer.language = InvoiceWriter.language(forCountry: new.country)
            }
            customer.country = new.country
        }
        customer.email = wanted.email.isEmpty ? nil : wanted.email
        customer.organisationNumber = wanted.organisationNumber.isEmpty ? nil : wanted.organisationNumber
        customer.nationalIdentityNumber = wanted.nationalIdentityNumber.isEmpty ? nil : wanted.nationalIdentityNumber
        try await customer.update(on: database)
        let customerID = try customer.requireID()
        _ = try await Conversation.add(
            kind: "detailsChanged", customerID: customerID, claimID: nil, creditorID: customer.creditorID,
            text: changed.map { "\($0.field): \($0.old.isEmpty ? "—" : $0.old) → \($0.new)" }.joined(separator: "\n"),
            author: "\(source), invoice \(invoiceNumber)", on: date, database: database
        )
        try await AuditRecord(
            creditorID: customer.creditorID, userID: nil, actor: source, action: "customer.detailsCompleted",
            subject: "customer \(customerID.uuidString)", detail: changed.map(\.field).joined(separator: ", ")
        ).create(on: database)
        try await ClaimRevision.lookAgain(where: "customer_id = \(bind: customerID)", creditorID: customer.creditorID, from: date, on: database)
        return differences
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

    private static func written(_ parts: [String]) -> String {
        [parts[0], "\(parts[1]) \(parts[2])".trimmingCharacters(in: .whitespaces)].filter { !$0.isEmpty }.joined(separator: ", ")
    }
}
