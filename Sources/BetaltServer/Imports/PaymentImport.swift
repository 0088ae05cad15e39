import BetaltCore
import BetaltFormats
import BetaltStore
import FluentKit
import Foundation
import SQLKit

/// Imports a bank file of incoming payments (Nets OCR giro, Bankgirot BgMax, camt.054/053) for one creditor, all or
/// nothing, and ties each payment to its claims: by KID/OCR reference, else by invoice number and exact
/// amount; what is not certain is kept as unmatched for a person. Paid claims close at once.
public enum PaymentImport {
    public static func run(fileName: String, data: Data, creditorID: UUID, today: CivilDate, on database: any Database) async throws -> ImportSummary {
        let sha256 = FileFingerprint.sha256(data)
        try await ImportLog.refuseIfSeen(sha256: sha256, fileName: fileName, creditorID: creditorID, on: database)
        // A camt file is read on a thread of its own and booked as it is read; the others are read first.
        let source: Source = looksLikeXML(data)
            ? .readAhead(CamtReadAhead(data, fileName: fileName, today: today)) : .parsed(try parse(data, fileName: fileName))
        // A bank file may book 100,000 payments in one transaction: the connection gets the bulk settings
        // the daily run uses (a page cache that holds a chunk's pages, statement journals in memory, the
        // copying of the log into the database file left to the background once the file is booked).
        return try await SQLiteTuning.bulk(database as! any SQLDatabase) {
            try await database.writing { tx in
                let fileID = try await ImportLog.start(
                    kind: "payments", format: source.format, fileName: fileName, sha256: sha256, creditorID: creditorID, on: tx)
                let file: PaymentFile, payments: [IncomingPayment], recorded: [BookedPayment]
                switch source {
                case .parsed(let parsed):
                    (file, payments) = (parsed, parsed.payments)
                    recorded = try await record(payments, fileID: fileID, creditorID: creditorID, today: today, on: tx)
                case .readAhead(let readAhead):
                    var chunks = readAhead.chunks.makeAsyncIterator()
                    recorded = try await PaymentBooking.book(fileID: fileID, creditorID: creditorID, on: tx) { try await chunks.next() }
                    let (reading, moved) = readAhead.finished()
                    (file, payments) = (reading.file, reading.file.payments)
                    // A repeat booked nothing of its own: its row is the earlier payment's.
                    try await PaymentBooking.relocate(
                        moved.filter { recorded[$0.index].repeatOf == nil }.map { (recorded[$0.index].paymentID, $0.source) }, on: tx)
                }
                var summary = ImportSummary(fileName: fileName, kind: "payments", format: file.format.rawValue)
                for (payment, booked) in zip(payments, recorded) { summary.add(booked, of: payment) }
                try await ImportLog.finish(fileID, summary: summary, on: tx)
                return summary
            }
        }
    }

    /// How a file's payments come to be booked.
    private enum Source {
        case parsed(PaymentFile)
        case readAhead(CamtReadAhead)

        /// The format the import log holds until the file is finished (a camt file tells which at its end).
        var format: String {
            switch self {
            case .parsed(let file): file.format.rawValue
            case .readAhead: "camt"
            }
        }
    }

    static func parse(_ data: Data, fileName: String) throws -> PaymentFile {
        let start = String(decoding: data.prefix(8), as: UTF8.self)
        if start.hasPrefix("NY00") { return try NetsOCRGiroParser.parse(data, fileName: fileName) }
        if start.hasPrefix("01BGMAX") { return try BgMaxParser.parse(data, fileName: fileName) }
        if looksLikeXML(data) {
            return try CamtParser.parse(data, fileName: fileName)
        }
        throw ImportRefused(
            fileName: fileName,
            reason: "not a payment file Betalt reads (Nets OCR giro starts with NY00, BgMax with 01BGMAX, camt.054/053 is XML)"
        )
    }

    /// Matches payments to the creditor's claims, books what they pay on their ledgers and keeps each payment
    /// with how it was matched. Shared by bank files and the API so both match exactly alike.
    static func record(
        _ payments: [IncomingPayment], fileID: UUID?, creditorID: UUID, today: CivilDate, on database: any Database
    ) async throws -> [BookedPayment] {
        try await PaymentBooking.book(
            payments.lazy.map { NewPayment($0, today: today) }, fileID: fileID, creditorID: creditorID, on: database)
    }

    /// Words in free text that could be invoice numbers: letters, digits and dashes with at least one digit.
    static func invoiceNumberCandidates(_ text: String) -> [String] {
        text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-") })
            .map(String.init)
            .filter { $0.count >= 3 && $0.count <= 30 && $0.contains(where: \.isNumber) }
    }
}

extension NewPayment {
    /// A bank file's payment as the store books it; a payment without any date is taken as paid `today`.
    init(_ payment: IncomingPayment, today: CivilDate) {
        self.init(
            amount: payment.amount, paidOn: payment.paidDate ?? payment.valueDate ?? payment.bookingDate ?? today,
            bookingDate: payment.bookingDate ?? payment.valueDate, references: payment.structuredReferences,
            referredDocuments: payment.referredDocuments.map(\.number),
            mentionedNumbers: payment.unstructuredText.flatMap(PaymentImport.invoiceNumberCandidates),
            freeText: payment.unstructuredText.joined(separator: " "), payerName: payment.payer.name,
            bankReference: payment.bankReference, isReversal: payment.isReversal, source: payment.source.description
        )
    }
}

extension ImportSummary {
    /// Counts a recorded payment in a file's summary.
    mutating func add(_ recorded: BookedPayment, of payment: IncomingPayment) {
        if recorded.repeatOf != nil {
            paymentsAlreadyBooked = (paymentsAlreadyBooked ?? 0) + 1
            return
        }
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
