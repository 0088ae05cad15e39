import BetaltCore
import Foundation
import SQLKit

/// Payments already booked that an incoming one may repeat: a bank's copy or duplicate of a notification
/// (camt CpyDplctInd), the same transaction in two overlapping files, an API client posting again after a
/// timeout. A repeat has the same bank reference, amount, currency, booking date, references and direction;
/// without a bank reference nothing can be told apart safely, so nothing is treated as a repeat.
struct EarlierPayments {
    /// The payment booked first, by its repeat key.
    private(set) var byKey: [String: UUID] = [:]
    /// The payments of this batch, by their repeat key.
    private var booked: [String: UUID] = [:]

    static func key(_ payment: NewPayment) -> String? {
        guard let reference = payment.bankReference?.trimmedOfWhitespace, !reference.isEmpty else { return nil }
        return [
            reference, String(payment.amount.minorUnits), payment.amount.currency.code, payment.bookingDate?.iso ?? "",
            payment.references.joined(separator: ","), payment.isReversal ? "reversal" : "credit",
        ].joined(separator: "|")
    }

    static func load(for payments: some Sequence<NewPayment>, creditorID: UUID, on sql: any SQLDatabase) async throws -> EarlierPayments {
        var result = EarlierPayments()
        let references = Set(payments.compactMap { $0.bankReference?.trimmedOfWhitespace }.filter { !$0.isEmpty })
        for chunk in Array(references).chunked(into: OpenClaims.valuesPerQuery) {
            let rows = try await sql.raw("""
                SELECT id, bank_reference, amount_minor, currency, booking_date, \(ident: "references"), is_reversal FROM payments
                WHERE creditor_id = \(bind: creditorID) AND bank_reference IN \(BulkStatement.values(chunk, on: sql))
                """).all()
            for row in rows {
                let key = [
                    try row.decode(column: "bank_reference", as: String.self).trimmedOfWhitespace,
                    String(try row.decode(column: "amount_minor", as: Int64.self)),
                    try row.decode(column: "currency", as: String.self), try row.decode(column: "booking_date", as: String?.self) ?? "",
                    try row.decode(column: "references", as: String.self),
                    try row.decode(column: "is_reversal", as: Bool.self) ? "reversal" : "credit",
                ].joined(separator: "|")
                if result.byKey[key] == nil { result.byKey[key] = try row.decode(column: "id", as: UUID.self) }
            }
        }
        return result
    }

    /// The earlier payment this one repeats, remembering it so a repeat within the same batch is caught too.
    mutating func repeated(_ payment: NewPayment, bookedAs id: UUID) -> UUID? {
        guard let key = Self.key(payment) else { return nil }
        if let earlier = byKey[key] { return earlier }
        byKey[key] = id
        booked[key] = id
        return nil
    }

    /// Knows the payments `batch` booked, which the database may not hold yet.
    mutating func takeOver(from batch: EarlierPayments) {
        byKey.merge(batch.booked) { loaded, _ in loaded }
    }
}
