import BetaltCore
import BetaltFormats
import BetaltStore
import FluentKit
import Foundation

/// Imports a bank file of incoming payments (Nets OCR giro, Bankgirot BgMax, camt.054/053) for one creditor, all or
/// nothing, and ties each payment to its claims: by KID/OCR reference, else by invoice number and exact
/// amount; what is not certain is kept as unmatched for a person. Paid claims close at once.
public enum PaymentImport {
    public static func run(fileName: String, data: Data, creditorID: UUID, today: CivilDate, on database: any Database) async throws -> ImportSummary {
        let sha256 = FileFingerprint.sha256(data)
        try await ImportLog.refuseIfSeen(sha256: sha256, fileName: fileName, creditorID: creditorID, on: database)
        let file = try parse(data, fileName: fileName)
        return try await database.transaction { tx in
            var summary = ImportSummary(fileName: fileName, kind: "payments", format: file.format.rawValue)
            let fileID = try await ImportLog.start(
                kind: "payments", format: file.format.rawValue, fileName: fileName, sha256: sha256, creditorID: creditorID, on: tx
            )
            for payment in file.payments {
                let recorded = try await record(payment, fileID: fileID, creditorID: creditorID, today: today, on: tx)
                summary.add(recorded, of: payment)
            }
            try await ImportLog.finish(fileID, summary: summary, on: tx)
            return summary
        }
    }

    static func parse(_ data: Data, fileName: String) throws -> PaymentFile {
        let start = String(decoding: data.prefix(8), as: UTF8.self)
        if start.hasPrefix("NY00") { return try NetsOCRGiroParser.parse(data, fileName: fileName) }
        if start.hasPrefix("01BGMAX") { return try BgMaxParser.parse(data, fileName: fileName) }
        if data.drop(while: { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF || $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }).first == UInt8(ascii: "<") {
            return try CamtParser.parse(data, fileName: fileName)
        }
        throw ImportRefused(
            fileName: fileName,
            reason: "not a payment file Betalt reads (Nets OCR giro starts with NY00, BgMax with 01BGMAX, camt.054/053 is XML)"
        )
    }

    /// Matches one payment to the creditor's claims, books what it pays on their ledgers and keeps the payment
    /// with how it was matched. Shared by bank files and the API so both match exactly alike.
    static func record(
        _ payment: IncomingPayment, fileID: UUID?, creditorID: UUID, today: CivilDate, on database: any Database
    ) async throws -> RecordedPayment {
        let numbers = payment.referredDocuments.map(\.number) + payment.unstructuredText.flatMap(invoiceNumberCandidates)
        let sameCurrency: (MatchCandidate) -> Bool = { $0.balances.currency == payment.amount.currency }
        let byReference = try await ClaimLookup.byReferences(payment.structuredReferences, creditorID: creditorID, on: database)
        let byNumber = try await ClaimLookup.byInvoiceNumbers(numbers, creditorID: creditorID, on: database)
        let match = try PaymentMatcher.match(
            amount: payment.amount, isReversal: payment.isReversal,
            byReference: byReference.filter(sameCurrency), byNumber: byNumber.filter(sameCurrency)
        )
        let paidOn = payment.paidDate ?? payment.valueDate ?? payment.bookingDate ?? today
        let reference = payment.structuredReferences.first ?? payment.bankReference ?? "payment"
        let row = PaymentRecord()
        row.id = TimeOrderedID.next()
        row.creditorID = creditorID
        row.importedFileID = fileID
        row.amountMinor = payment.amount.minorUnits
        row.currency = payment.amount.currency.code
        row.bookingDate = (payment.bookingDate ?? payment.valueDate)?.iso
        row.references = payment.structuredReferences.joined(separator: ",")
        row.referredDocuments = payment.referredDocuments.map(\.number).joined(separator: ",")
        row.freeText = payment.unstructuredText.joined(separator: " ")
        row.payerName = payment.payer.name
        row.bankReference = payment.bankReference
        row.isReversal = payment.isReversal
        row.source = payment.source.description
        switch match {
        case .matched(let method, let allocation):
            for share in allocation.claims {
                guard let claimID = UUID(uuidString: share.claimID) else { continue }
                try await LedgerWriter.append(
                    share.result.entries(on: paidOn, reference: "\(reference) (\(method.rawValue))"),
                    toClaim: claimID, creditorID: creditorID, on: database
                )
            }
            row.status = "matched"
            row.matchMethod = method.rawValue
            row.matchedClaims = try StableJSON.string(allocation.claims.map { [$0.claimID: $0.result.allocated.minorUnits] })
            row.overpaymentMinor = allocation.overpayment.minorUnits
            row.note = allocation.overpayment.isPositive ? "overpaid: \(allocation.overpayment) kept as the customer's credit" : ""
        case .unmatched(let reason, let suggestions):
            row.status = "unmatched"
            row.matchedClaims = "[]"
            row.overpaymentMinor = 0
            row.note = reason.text + (suggestions.isEmpty ? "" : " (candidates: \(suggestions.joined(separator: ", ")))")
        }
        try await row.create(on: database)
        return RecordedPayment(paymentID: try row.requireID(), match: match, note: row.note)
    }

    /// Words in free text that could be invoice numbers: letters, digits and dashes with at least one digit.
    static func invoiceNumberCandidates(_ text: String) -> [String] {
        text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-") })
            .map(String.init)
            .filter { $0.count >= 3 && $0.count <= 30 && $0.contains(where: \.isNumber) }
    }
}

/// One payment as recorded: its row, how it was matched (or why not) and the note kept for a person.
struct RecordedPayment: Sendable {
    let paymentID: UUID
    let match: PaymentMatch
    let note: String
}

extension ImportSummary {
    /// Counts a recorded payment in a file's summary.
    mutating func add(_ recorded: RecordedPayment, of payment: IncomingPayment) {
        switch recorded.match {
        case .matched(_, let allocation):
            paymentsMatched += 1
            if allocation.overpayment.isPositive {
                overpayments[allocation.overpayment.currency.code, default: 0] += allocation.overpayment.minorUnits
            }
        case .unmatched:
            paymentsUnmatched.append("\(payment.amount) at \(payment.source): \(recorded.note)")
        }
    }
}
