import BetaltCore
import BetaltFormats
import BetaltStore
import FluentKit
import Foundation

/// Imports an invoice file (Peppol BIS 3 / EHF UBL invoice or credit note, or CSV) for one creditor, all or
/// nothing: a file with one bad invoice, a credit note for an unknown invoice, or a file seen before changes nothing.
public enum InvoiceImport {
    public static func run(fileName: String, data: Data, creditorID: UUID, today: CivilDate, on database: any Database) async throws -> ImportSummary {
        let sha256 = FileFingerprint.sha256(data)
        try await ImportLog.refuseIfSeen(sha256: sha256, fileName: fileName, creditorID: creditorID, on: database)
        guard let creditor = try await CreditorRecord.find(creditorID, on: database) else {
            throw ImportRefused(fileName: fileName, reason: "no creditor \(creditorID)")
        }
        let isXML = looksLikeXML(data)
        let format = isXML ? "UBL" : "CSV"
        return try await database.writing { tx in
            var summary = ImportSummary(fileName: fileName, kind: "invoices", format: format)
            let file = try await ImportLog.start(kind: "invoices", format: format, fileName: fileName, sha256: sha256, creditorID: creditorID, on: tx)
            if isXML {
                let document = try UBLInvoiceParser.parse(data, fileName: fileName)
                try await add(
                    document, original: (String(decoding: data, as: UTF8.self), sha256), creditor: creditor, fileID: file, today: today,
                    summary: &summary, on: tx)
            } else {
                for row in try CSVInvoiceParser.parse(data, fileName: fileName) {
                    try await add(row, creditor: creditor, fileID: file, today: today, summary: &summary, on: tx)
                }
            }
            try await ImportLog.finish(file, summary: summary, on: tx)
            return summary
        }
    }

    private static func add(
        _ document: InvoiceDocument, original: (String, String), creditor: CreditorRecord, fileID: UUID, today: CivilDate,
        summary: inout ImportSummary, on database: any Database
    ) async throws {
        let creditorID = try creditor.requireID()
        switch document.kind {
        case .creditNote:
            guard let credited = document.creditedInvoiceNumber else {
                throw ImportRefused(fileName: summary.fileName, reason: "credit note \(document.number) names no invoice it credits")
            }
            do {
                _ = try await InvoiceWriter.credit(
                    invoiceNumber: credited, amount: document.payableAmount.magnitude, on: document.issueDate,
                    reference: "credit note \(document.number)", creditorID: creditorID, database: database
                )
            } catch is ClaimNotFound {
                throw ImportRefused(fileName: summary.fileName, reason: "credit note \(document.number) credits invoice \(credited), which Betalt does not have")
            }
            summary.creditNotesApplied += 1
        case .invoice:
            let invoice = try newInvoice(from: document, original: original, creditor: creditor, fileName: summary.fileName)
            try await record(invoice, creditorID: creditorID, fileID: fileID, today: today, summary: &summary, on: database)
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
                city: buyer.address?.city ?? "", country: country
            ),
            original: original
        )
    }

    private static func add(
        _ row: InvoiceRow, creditor: CreditorRecord, fileID: UUID, today: CivilDate, summary: inout ImportSummary, on database: any Database
    ) async throws {
        let country = row.address?.countryCode ?? creditor.country
        let identity = CustomerNumbers(row.organisationNumber, country: country)
        if let given = row.nationalIdentityNumber, identity.contradicts(nationalIdentityNumber: given) {
            throw ImportRefused(fileName: summary.fileName, reason: "line \(row.line), national_identity_number: \(CustomerNumbers.contradiction)")
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
                city: row.address?.city ?? "", country: country
            )
        )
        try await record(invoice, creditorID: try creditor.requireID(), fileID: fileID, today: today, summary: &summary, on: database)
    }

    private static func record(
        _ invoice: NewInvoice, creditorID: UUID, fileID: UUID, today: CivilDate, summary: inout ImportSummary, on database: any Database
    ) async throws {
        let outcome: InvoiceOutcome
        do {
            outcome = try await InvoiceWriter.add(
                invoice, creditorID: creditorID, importedFileID: fileID, source: summary.fileName, on: today, database: database)
        } catch let taken as CustomerNumberTaken {
            throw ImportRefused(fileName: summary.fileName, reason: "invoice \(invoice.number): \(taken)")
        }
        switch outcome {
        case .created(_, let customerDifferences):
            summary.invoicesCreated += 1
            if !customerDifferences.isEmpty { summary.customerDifferences = (summary.customerDifferences ?? []) + customerDifferences }
            if !invoice.paymentReferenceChecked, let reference = invoice.paymentReference {
                summary.flaggedReferences.append("invoice \(invoice.number): payment reference \(reference) fails its check digit; kept as given")
            }
        case .unchanged: summary.invoicesUnchanged += 1
        case .changed(_, let differences): summary.invoicesChanged.append("invoice \(invoice.number): " + differences.joined(separator: "; "))
        }
    }
}
