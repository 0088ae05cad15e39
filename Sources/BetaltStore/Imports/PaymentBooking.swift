import BetaltCore
import FluentKit
import Foundation
import SQLKit

/// A payment as the store books it, whatever file or API call it came from.
public struct NewPayment: Sendable {
    public var amount: Money
    public var paidOn: CivilDate
    public var bookingDate: CivilDate?
    public var references: [String]
    public var referredDocuments: [String]
    /// Words from the payer's text that could be invoice numbers.
    public var mentionedNumbers: [String]
    public var freeText: String
    public var payerName: String?
    public var bankReference: String?
    public var isReversal: Bool
    /// Where it stood in its file (line or XPath), or the API request.
    public var source: String

    public init(
        amount: Money, paidOn: CivilDate, bookingDate: CivilDate?, references: [String], referredDocuments: [String],
        mentionedNumbers: [String], freeText: String, payerName: String?, bankReference: String?, isReversal: Bool, source: String
    ) {
        self.amount = amount
        self.paidOn = paidOn
        self.bookingDate = bookingDate
        self.references = references
        self.referredDocuments = referredDocuments
        self.mentionedNumbers = mentionedNumbers
        self.freeText = freeText
        self.payerName = payerName
        self.bankReference = bankReference
        self.isReversal = isReversal
        self.source = source
    }
}

/// A payment as booked: its row, how it was matched (or why not) and the note kept for a person.
public struct BookedPayment: Sendable {
    public let paymentID: UUID
    public let match: PaymentMatch
    public let note: String
    /// Set when the payment repeats one booked before (then `paymentID` is that payment's and nothing was
    /// booked again).
    public let repeatOf: UUID?

    init(paymentID: UUID, match: PaymentMatch, note: String, repeatOf: UUID? = nil) {
        self.paymentID = paymentID
        self.match = match
        self.note = note
        self.repeatOf = repeatOf
    }
}

/// Books many payments at once: every candidate claim is read in a few queries, each payment is matched
/// (`PaymentMatcher`) against balances kept current in memory — so two payments for one claim see each
/// other — and the payments, their ledger entries and the claims' new balances are written with one
/// statement per table. Run it inside the caller's transaction: all or nothing.
public enum PaymentBooking {
    public static func book(
        _ payments: [NewPayment], fileID: UUID?, creditorID: UUID, on database: any Database
    ) async throws -> [BookedPayment] {
        let sql = database as! any SQLDatabase
        var claims = try await OpenClaims.load(
            references: Set(payments.flatMap(\.references)),
            invoiceNumbers: Set(payments.flatMap { $0.referredDocuments + $0.mentionedNumbers }),
            payerKeys: Set(payments.compactMap { $0.payerName.map(PayerName.key) }),
            creditorID: creditorID, on: sql
        )
        var rows = JSONRows(), entries = JSONRows(), credits = JSONRows()
        var booked: [BookedPayment] = []
        var earlier = try await EarlierPayments.load(for: payments, creditorID: creditorID, on: sql)
        let creditor = BulkValue.text(creditorID.uuidString)
        for payment in payments {
            let id = TimeOrderedID.next()
            if let first = earlier.repeated(payment, bookedAs: id) {
                let reason = Reason("already booked: the same bank reference \(payment.bankReference ?? ""), amount and date as payment \(first.uuidString)")
                booked.append(BookedPayment(paymentID: first, match: .unmatched(reason, suggestions: []), note: reason.text, repeatOf: first))
                continue
            }
            let sameCurrency: (MatchCandidate) -> Bool = { $0.balances.currency == payment.amount.currency }
            let match = try PaymentMatcher.match(
                amount: payment.amount, isReversal: payment.isReversal,
                byReference: claims.byReference(payment.references).filter(sameCurrency),
                byNumber: claims.byNumber(payment.referredDocuments + payment.mentionedNumbers).filter(sameCurrency),
                byPayer: claims.byPayer(payment.payerName.map(PayerName.key)).filter(sameCurrency)
            )
            let note: String
            switch match {
            case .matched(let method, let allocation):
                let reference = payment.references.first ?? payment.bankReference ?? "payment"
                for share in allocation.claims {
                    for entry in share.result.entries(on: payment.paidOn, reference: "\(reference) (\(method.rawValue))") {
                        let sequence = try claims.apply(entry, to: share.claimID)
                        entries.append(
                            .text(TimeOrderedID.next().uuidString), creditor, .text(share.claimID), .integer(sequence),
                            .text(entry.kind.rawValue), .text(entry.component.rawValue), .integer(entry.amount.minorUnits),
                            .text(entry.amount.currency.code), .text(entry.date.iso), .text(entry.text)
                        )
                    }
                }
                note = allocation.overpayment.isPositive ? "overpaid: \(allocation.overpayment) kept as the customer's credit" : ""
                if allocation.overpayment.isPositive, let customer = allocation.claims.first.flatMap({ claims.customer(of: $0.claimID) }) {
                    credits.append(
                        .text(TimeOrderedID.next().uuidString), creditor, .text(customer.uuidString), .text(CustomerCredit.Kind.overpayment.rawValue),
                        .integer(allocation.overpayment.minorUnits), .text(allocation.overpayment.currency.code), .text(payment.paidOn.iso),
                        .text(id.uuidString), .text("overpaid: kept as credit")
                    )
                }
            case .unmatched(let reason, let suggestions):
                note = reason.text + (suggestions.isEmpty ? "" : " (candidates: \(suggestions.joined(separator: ", ")))")
            }
            rows.append(paymentRow(id, payment, match: match, note: note, creditor: creditor, fileID: fileID))
            booked.append(BookedPayment(paymentID: id, match: match, note: note))
        }
        try await BulkStatement.insert(into: LedgerEntryRecord.schema, entryColumns, rows: entries, on: sql)
        try await BulkStatement.insert(into: PaymentRecord.schema, paymentColumns, rows: rows, on: sql)
        try await BulkStatement.insert(into: CustomerCreditEntryRecord.schema, creditColumns, rows: credits, on: sql)
        try await BulkStatement.update(ClaimRecord.schema, key: BulkColumn("id", .uuid), set: OpenClaims.changedColumns, rows: claims.changedRows(), on: sql)
        return booked
    }

    private static func paymentRow(
        _ id: UUID, _ payment: NewPayment, match: PaymentMatch, note: String, creditor: BulkValue, fileID: UUID?
    ) -> [BulkValue] {
        var status = "unmatched", method: String?, matched = "[]", overpayment: Int64 = 0
        if case .matched(let how, let allocation) = match {
            status = "matched"
            method = how.rawValue
            matched = (try? StableJSON.string(allocation.claims.map { [$0.claimID: $0.result.allocated.minorUnits] })) ?? "[]"
            overpayment = allocation.overpayment.minorUnits
        }
        return [
            .text(id.uuidString), creditor, .optional(fileID?.uuidString), .integer(payment.amount.minorUnits),
            .text(payment.amount.currency.code), .optional(payment.bookingDate?.iso), .text(payment.references.joined(separator: ",")),
            .text(payment.referredDocuments.joined(separator: ",")), .text(payment.freeText), .optional(payment.payerName),
            .optional(payment.bankReference), .boolean(payment.isReversal), .text(status), .optional(method), .text(matched),
            .integer(overpayment), .text(note), .text(payment.source),
        ]
    }

    static let entryColumns = [
        BulkColumn("id", .uuid), BulkColumn("creditor_id", .uuid), BulkColumn("claim_id", .uuid), BulkColumn("sequence", .bigint),
        BulkColumn("kind"), BulkColumn("component"), BulkColumn("amount_minor", .bigint), BulkColumn("currency"),
        BulkColumn("entry_date"), BulkColumn("text"), BulkColumn("recorded_at", .now),
    ]
    static let creditColumns = [
        BulkColumn("id", .uuid), BulkColumn("creditor_id", .uuid), BulkColumn("customer_id", .uuid), BulkColumn("kind"),
        BulkColumn("amount_minor", .bigint), BulkColumn("currency"), BulkColumn("entry_date"), BulkColumn("payment_id", .uuid),
        BulkColumn("text"), BulkColumn("recorded_at", .now),
    ]
    static let paymentColumns = [
        BulkColumn("id", .uuid), BulkColumn("creditor_id", .uuid), BulkColumn("imported_file_id", .uuid),
        BulkColumn("amount_minor", .bigint), BulkColumn("currency"), BulkColumn("booking_date"), BulkColumn("references"),
        BulkColumn("referred_documents"), BulkColumn("free_text"), BulkColumn("payer_name"), BulkColumn("bank_reference"),
        BulkColumn("is_reversal", .boolean), BulkColumn("status"), BulkColumn("match_method"), BulkColumn("matched_claims"),
        BulkColumn("overpayment_minor", .bigint), BulkColumn("note"), BulkColumn("source"), BulkColumn("created_at", .now),
    ]
}
