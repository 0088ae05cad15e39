import BetaltCore
import BetaltFormats
import BetaltStore
import FluentKit
import Foundation

/// Imports an invoice file (Peppol BIS 3 / EHF UBL invoice or credit note, or CSV) for one creditor, all or
/// nothing: a file with one bad invoice, a credit note for an unknown invoice, or a file seen before changes nothing.
public enum InvoiceImport {
    /// Imports the file `fileName` on `today`, brought by `actor` (a user, with `userID`; or the command line).
    public static func run(
        fileName: String, data: Data, creditorID: UUID, today: CivilDate, by actor: String, userID: UUID?, on database: any Database
    ) async throws -> ImportSummary {
        let sha256 = FileFingerprint.sha256(data)
        try await ImportLog.refuseIfSeen(sha256: sha256, fileName: fileName, creditorID: creditorID, on: database)
        guard let creditor = try await CreditorRecord.find(creditorID, on: database) else {
            throw ImportRefused(fileName: fileName, reason: "no creditor \(creditorID)")
        }
        let isXML = looksLikeXML(data)
        let format = isXML ? "UBL" : "CSV"
        return try await database.writing { tx in
            let file = try await ImportLog.start(kind: "invoices", format: format, fileName: fileName, sha256: sha256, creditorID: creditorID, on: tx)
            var importing = Importing(
                creditor: creditor, fileID: file, today: today, actor: actor, userID: userID,
                summary: ImportSummary(fileName: fileName, kind: "invoices", format: format))
            if isXML {
                let document = try UBLInvoiceParser.parse(data, fileName: fileName)
                try await add(document, original: (String(decoding: data, as: UTF8.self), sha256), to: &importing, on: tx)
            } else {
                for row in try CSVInvoiceParser.parse(data, fileName: fileName) {
                    try await add(row, to: &importing, on: tx)
                }
            }
            let sentences = CustomerNote.sentences(importing.notes)
            importing.summary.customerDifferences = sentences.isEmpty ? nil : sentences
            try await ImportLog.finish(file, summary: importing.summary, on: tx)
            return importing.summary
        }
    }

    /// One file's import as it goes: what it is done for and by whom, and what it did so far.
    private struct Importing {
        let creditor: CreditorRecord
        let fileID: UUID
        let today: CivilDate
        let actor: String
        let userID: UUID?
        var summary: ImportSummary
        /// What its invoices said of customers already kept and was not taken.
        var notes: [CustomerNote] = []
    }

    private static func add(
        _ document: InvoiceDocument, original: (String, String), to importing: inout Importing, on database: any Database
    ) async throws {
        let creditorID = try importing.creditor.requireID()
        switch document.kind {
        case .creditNote:
            guard let credited = document.creditedInvoiceNumber else {
                throw ImportRefused(fileName: importing.summary.fileName, reason: "credit note \(document.number) names no invoice it credits")
            }
            do {
                _ = try await InvoiceWriter.credit(
                    invoiceNumber: credited, amount: document.payableAmount.magnitude, on: document.issueDate,
                    reference: "credit note \(document.number)", creditorID: creditorID, database: database
                )
            } catch is ClaimNotFound {
                throw ImportRefused(fileName: importing.summary.fileName, reason: "credit note \(document.number) credits invoice \(credited), which Betalt does not have")
            }
            importing.summary.creditNotesApplied += 1
        case .invoice:
            let invoice = try newInvoice(from: document, original: original, creditor: importing.creditor, fileName: importing.summary.fileName)
            try await record(invoice, to: &importing, on: database)
        }
    }

    /// The claim-to-be of a UBL invoice (not a credit note); refused without a due date or a positive amount.
    static func newInvoice(from document: InvoiceDocument, original: (String, String), creditor: CreditorRecord, fileName: String) throws -> NewInvoice {
        guard let due = document.dueDate else {
            throw ImportRefused(fileName: fileName, reason: "invoice \(document.number) has no due date (cbc:DueDate or PaymentMeans/PaymentDueDate)")
        }
        guard document.payableAmount.isPositive else {
            throw ImportRefused(fileName: fileName, reason: "invoice \(document.number) has a payable amount of \(document.payableAmount): nothing to follow up")
        }
        let buyer = document.buyer
        let country = buyer.address?.countryCode ?? creditor.country
        let identity = CustomerNumbers(buyer.organisationNumber, country: country)
        return NewInvoice(
            number: document.number, issueDate: document.issueDate, dueDate: due, amount: document.payableAmount,
            paymentReference: document.paymentReference?.value,
            paymentReferenceChecked: document.paymentReference?.passesCheckDigits ?? true,
            customer: NewCustomer(
                number: identity.organisationNumber ?? String(buyer.name.prefix(60)), kind: identity.isBusiness ? .business : .consumer,
                name: buyer.name, organisationNumber: identity.organisationNumber, nationalIdentityNumber: identity.soleTrader, email: buyer.email,
                addressLine: buyer.address?.lines.first ?? "", postalCode: buyer.address?.postalCode ?? "",
                city: buyer.address?.city ?? "", country: country, countryGiven: buyer.address?.countryCode != nil
            ),
            original: original
        )
    }

    private static func add(
        _ row: InvoiceRow, to importing: inout Importing, on database: any Database
    ) async throws {
        let country = row.address?.countryCode ?? importing.creditor.country
        let identity = CustomerNumbers(row.organisationNumber, country: country)
        if let given = row.nationalIdentityNumber, identity.contradicts(nationalIdentityNumber: given) {
            throw ImportRefused(fileName: importing.summary.fileName, reason: "line \(row.line), national_identity_number: \(CustomerNumbers.contradiction)")
        }
        let invoice = NewInvoice(
            number: row.invoiceNumber, issueDate: row.issueDate, dueDate: row.dueDate, amount: row.amount,
            paymentReference: row.paymentReference?.value, paymentReferenceChecked: row.paymentReference?.passesCheckDigits ?? true,
            customer: NewCustomer(
                number: row.customerNumber ?? identity.organisationNumber ?? String(row.customerName.prefix(60)),
                kind: row.customerKind ?? (identity.isBusiness ? .business : .consumer), name: row.customerName,
                organisationNumber: identity.organisationNumber, nationalIdentityNumber: identity.soleTrader ?? row.nationalIdentityNumber,
                email: row.email,
                addressLine: row.address?.lines.first ?? "", postalCode: row.address?.postalCode ?? "",
                city: row.address?.city ?? "", country: country, countryGiven: row.address?.countryCode != nil
            )
        )
        try await record(invoice, to: &importing, on: database)
    }

    private static func record(
        _ invoice: NewInvoice, to importing: inout Importing, on database: any Database
    ) async throws {
        let outcome: InvoiceOutcome
        do {
            outcome = try await InvoiceWriter.add(
                invoice, creditorID: try importing.creditor.requireID(), importedFileID: importing.fileID, source: importing.summary.fileName,
                actor: importing.actor, userID: importing.userID, on: importing.today, database: database)
        } catch let taken as CustomerNumberTaken {
            throw ImportRefused(fileName: importing.summary.fileName, reason: "invoice \(invoice.number): \(taken)")
        }
        switch outcome {
        case .created(_, let customerNotes):
            importing.summary.invoicesCreated += 1
            importing.notes += customerNotes
            if !invoice.paymentReferenceChecked, let reference = invoice.paymentReference {
                importing.summary.flaggedReferences.append("invoice \(invoice.number): payment reference \(reference) fails its check digit; kept as given")
            }
        case .unchanged: importing.summary.invoicesUnchanged += 1
        case .changed(_, let differences): importing.summary.invoicesChanged.append("invoice \(invoice.number): " + differences.joined(separator: "; "))
        }
    }
}
