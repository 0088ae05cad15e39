import Foundation
import BetaltCore
import BetaltFormats
import BetaltStore
import Fluent

/// Applies a posted UBL credit note once: posting the same credit note again finds its ledger entry and
/// answers `unchanged`, since the API, unlike a file import, has no file hash to recognise a repeat by.
enum CreditNotePosting {
    static func apply(_ document: InvoiceDocument, creditorID: UUID, on database: any Database) async throws -> InvoiceResult {
        guard let credited = document.creditedInvoiceNumber else {
            throw ApiFailure.invalid([ApiFieldError(field: "/CreditNote/cac:BillingReference", message: "the credit note names no invoice it credits")])
        }
        let reference = "credit note \(document.number)"
        if let claim = try await ClaimRecord.query(on: database)
            .filter(\.$creditorID == creditorID).filter(\.$invoiceNumber == credited).first(),
            let earlier = try await LedgerEntryRecord.query(on: database)
            .filter(\.$creditorID == creditorID).filter(\.$claimID == claim.requireID())
            .filter(\.$kind == LedgerEntryKind.creditNote.rawValue).filter(\.$text == reference).first() {
            return InvoiceResult(
                number: document.number, outcome: "unchanged", claimID: try claim.requireID(), differences: [],
                creditedAmount: Money(minorUnits: earlier.amountMinor, currency: document.payableAmount.currency).decimalString
            )
        }
        do {
            let (claimID, amount) = try await InvoiceWriter.credit(
                invoiceNumber: credited, amount: document.payableAmount.magnitude, on: document.issueDate,
                reference: reference, creditorID: creditorID, database: database
            )
            return InvoiceResult(number: document.number, outcome: "credited", claimID: claimID, differences: [], creditedAmount: amount.decimalString)
        } catch is ClaimNotFound {
            throw ApiFailure.invalid([
                ApiFieldError(field: "/CreditNote/cac:BillingReference", message: "credits invoice \(credited), which Betalt does not have"),
            ])
        }
    }
}
