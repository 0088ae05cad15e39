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

/// Books many payments at once, a chunk at a time: every candidate claim of a chunk is read in a few
/// queries, each payment is matched (`PaymentMatcher`) against balances kept current in memory — so two
/// payments for one claim see each other — and the payments, their ledger entries and the claims' new
/// balances are written with one statement per table. Run it inside the caller's transaction: all or nothing;
/// bookings for one creditor take turns (`PaymentBookingLock`).
public enum PaymentBooking {
    /// Payments per chunk: a file of 100,000 payments never holds all its rows or claims in memory at once.
    public static let chunkSize = 5_000

    /// A chunk's payments are matched while the database writes the chunk before (the two cores share the
    /// work), so a chunk is read before the one before it is written: what that one booked it takes from
    /// memory (`takeOver`), not from the database.
    /// `payments` may be lazy (a bank file's, mapped as they are booked): each chunk is taken from it once.
    public static func book(
        _ payments: some RandomAccessCollection<NewPayment>, fileID: UUID?, creditorID: UUID, on database: any Database
    ) async throws -> [BookedPayment] {
        var start = payments.startIndex
        return try await book(expecting: payments.count, fileID: fileID, creditorID: creditorID, on: database) {
            guard start < payments.endIndex else { return nil }
            let end = payments.index(start, offsetBy: chunkSize, limitedBy: payments.endIndex) ?? payments.endIndex
            defer { start = end }
            return Array(payments[start..<end])
        }
    }

    /// Books payments as they come, a chunk at a time in their order, until `next` has no more: a file can be
    /// booked while it is still being read. A chunk may hold any number of payments.
    public static func book(
        expecting count: Int = 0, fileID: UUID?, creditorID: UUID, on database: any Database,
        chunks next: () async throws -> [NewPayment]?
    ) async throws -> [BookedPayment] {
        let sql = database as! any SQLDatabase
        try await PaymentBookingLock.take(creditorID: creditorID, on: sql)
        var booked: [BookedPayment] = []
        booked.reserveCapacity(count)
        let creditor = BulkValue.uuid(creditorID)
        var previous: (claims: OpenClaims, earlier: EarlierPayments, rows: ChunkRows)?
        try await withThrowingTaskGroup(of: Void.self) { writes in
            while let chunk = try await next() {
                let read = try await OpenClaims.read(
                    references: Set(chunk.flatMap(\.references)),
                    invoiceNumbers: Set(chunk.flatMap { $0.referredDocuments + $0.mentionedNumbers }),
                    payerKeys: Set(chunk.compactMap { $0.payerName.map(PayerName.key) }),
                    creditorID: creditorID, on: sql
                )
                var earlier = try await EarlierPayments.load(for: chunk, creditorID: creditorID, on: sql)
                if let previous {
                    let written = previous.rows
                    writes.addTask { try await written.write(creditorID: creditorID, on: sql) }
                }
                var claims = read.claims
                try claims.add(read.rows, notices: read.notices)
                if let previous {
                    claims.takeOver(from: previous.claims)
                    earlier.takeOver(from: previous.earlier)
                }
                let rows = try match(chunk, claims: &claims, earlier: &earlier, creditor: creditor, fileID: fileID, into: &booked)
                // Reads and writes share the caller's connection: the next chunk is read once this write is done.
                try await writes.waitForAll()
                previous = (claims, earlier, rows)
            }
        }
        try await previous?.rows.write(creditorID: creditorID, on: sql)
        return booked
    }

    /// Gives booked payments the places in their file that were known only once it had been read to the end.
    public static func relocate(_ sources: [(paymentID: UUID, source: String)], on database: any Database) async throws {
        var rows = JSONRows()
        for (id, source) in sources { rows.append(.uuid(id), .text(source)) }
        try await BulkStatement.update(
            PaymentRecord.schema, key: BulkColumn("id", .uuid), set: [BulkColumn("source")], rows: rows, on: database as! any SQLDatabase)
    }

    /// What one chunk writes.
    private struct ChunkRows {
        var entries = JSONRows(), payments = JSONRows(), credits = JSONRows()
        var changedClaims = JSONRows(), closedClaims = JSONRows()
        var closedOn: [(id: String, closedOn: CivilDate)] = []

        func write(creditorID: UUID, on sql: any SQLDatabase) async throws {
            try await BulkStatement.insert(into: LedgerEntryRecord.schema, entryColumns, rows: entries, on: sql)
            try await BulkStatement.insert(into: PaymentRecord.schema, paymentColumns, rows: payments, on: sql)
            try await BulkStatement.insert(into: CustomerCreditEntryRecord.schema, creditColumns, rows: credits, on: sql)
            try await BulkStatement.update(ClaimRecord.schema, key: BulkColumn("id", .uuid), set: OpenClaims.changedColumns, rows: changedClaims, on: sql)
            try await BulkStatement.update(ClaimRecord.schema, key: BulkColumn("id", .uuid), set: OpenClaims.closedColumns, rows: closedClaims, on: sql)
            try await Disputes.closeOpen(ofClaims: closedOn, creditorID: creditorID, sql: sql)
        }
    }

    private static func match(
        _ payments: [NewPayment], claims: inout OpenClaims, earlier: inout EarlierPayments, creditor: BulkValue, fileID: UUID?,
        into booked: inout [BookedPayment]
    ) throws -> ChunkRows {
        var rows = ChunkRows()
        for payment in payments {
            let id = TimeOrderedID.next()
            if let first = earlier.repeated(payment, bookedAs: id) {
                let reason = Reason("already booked: the same bank reference \(payment.bankReference ?? ""), amount and date as payment \(first.uuidString)")
                booked.append(BookedPayment(paymentID: first, match: .unmatched(reason, suggestions: []), note: reason.text, repeatOf: first))
                continue
            }
            let sameCurrency: (MatchCandidate) -> Bool = { $0.balances.currency == payment.amount.currency }
            let match = try PaymentMatcher.match(
                amount: payment.amount, paidOn: payment.paidOn, isReversal: payment.isReversal,
                byReference: claims.byReference(payment.references).filter(sameCurrency),
                byNumber: claims.byNumber(payment.referredDocuments + payment.mentionedNumbers).filter(sameCurrency),
                byPayer: claims.byPayer(payment.payerName.map(PayerName.key)).filter(sameCurrency)
            )
            let note: String
            switch match {
            case .matched(let method, let allocation):
                let reference = payment.references.first ?? payment.bankReference ?? "payment"
                for share in allocation.claims {
                    for entry in share.entries(on: payment.paidOn, reference: "\(reference) (\(method.rawValue))") {
                        let sequence = try claims.apply(entry, to: share.claimID)
                        rows.entries.append(
                            .uuid(TimeOrderedID.next()), creditor, .text(share.claimID), .integer(sequence),
                            .text(entry.kind.rawValue), .text(entry.component.rawValue), .integer(entry.amount.minorUnits),
                            .text(entry.amount.currency.code), .text(entry.date.iso), .text(entry.text)
                        )
                    }
                }
                note = allocation.overpayment.isPositive ? "overpaid: \(allocation.overpayment) kept as the customer's credit" : ""
                if allocation.overpayment.isPositive, let customer = allocation.claims.first.flatMap({ claims.customer(of: $0.claimID) }) {
                    rows.credits.append(
                        .uuid(TimeOrderedID.next()), creditor, .text(customer), .text(CustomerCredit.Kind.overpayment.rawValue),
                        .integer(allocation.overpayment.minorUnits), .text(allocation.overpayment.currency.code), .text(payment.paidOn.iso),
                        .uuid(id), .text("overpaid: kept as credit")
                    )
                }
            case .unmatched(let reason, let suggestions):
                note = reason.text + (suggestions.isEmpty ? "" : " (candidates: \(suggestions.joined(separator: ", ")))")
            }
            rows.payments.append(paymentRow(id, payment, match: match, note: note, creditor: creditor, fileID: fileID))
            booked.append(BookedPayment(paymentID: id, match: match, note: note))
        }
        (rows.changedClaims, rows.closedClaims, rows.closedOn) = claims.takeChangedRows()
        return rows
    }

    private static func paymentRow(
        _ id: UUID, _ payment: NewPayment, match: PaymentMatch, note: String, creditor: BulkValue, fileID: UUID?
    ) -> [BulkValue] {
        var status = "unmatched", method: String?, matched = "[]", overpayment: Int64 = 0
        if case .matched(let how, let allocation) = match {
            status = "matched"
            method = how.rawValue
            matched = matchedClaims(allocation.claims.map { ($0.claimID, $0.result.allocated.minorUnits) })
            overpayment = allocation.overpayment.minorUnits
        }
        return [
            .uuid(id), creditor, .optional(fileID), .integer(payment.amount.minorUnits),
            .text(payment.amount.currency.code), .optional(payment.bookingDate?.iso), .text(payment.references.joined(separator: ",")),
            .text(payment.referredDocuments.joined(separator: ",")), .text(payment.freeText), .optional(payment.payerName),
            .optional(payment.bankReference), .boolean(payment.isReversal), .text(status), .optional(method), .text(matched),
            .integer(overpayment), .text(note), .text(payment.source),
        ]
    }

    /// `[{"<claim id>":<minor units>}, …]`, as `StableJSON` writes it. Claim ids are UUIDs, which JSON need not
    /// escape, so the text is put together directly: the encoder would cost more than all else in booking.
    static func matchedClaims(_ shares: [(claimID: String, minorUnits: Int64)]) -> String {
        let plain = shares.allSatisfy { share in
            share.claimID.utf8.allSatisfy { $0 == UInt8(ascii: "-") || (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
        }
        guard plain else { return (try? StableJSON.string(shares.map { [$0.claimID: $0.minorUnits] })) ?? "[]" }
        return "[" + shares.map { "{\"\($0.claimID)\":\($0.minorUnits)}" }.joined(separator: ",") + "]"
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
