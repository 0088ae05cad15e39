import BetaltCore
import Foundation
import SQLKit

/// Payments already booked that an incoming one may repeat: a bank's copy or duplicate of a notification
/// (camt CpyDplctInd), the same transaction in two overlapping files, an API client posting again after a
/// timeout. A repeat has the same bank reference, amount, currency, booking date, references and direction;
/// without a bank reference nothing can be told apart safely, so nothing is treated as a repeat.
struct EarlierPayments {
    /// What makes two payments the same. A struct rather than the fields joined into one text, which cost
    /// more than all else in telling 100,000 payments apart.
    struct Key: Hashable {
        let bankReference: String
        let minorUnits: Int64
        let currency: String
        let bookingDate: String
        /// The structured references, joined as the payments table keeps them.
        let references: String
        let isReversal: Bool
    }

    /// The payment booked first, by its repeat key.
    private(set) var byKey: [Key: UUID] = [:]
    /// The payments of this batch, by their repeat key.
    private var booked: [Key: UUID] = [:]

    static func key(_ payment: NewPayment) -> Key? {
        guard let reference = payment.bankReference?.trimmedOfWhitespace, !reference.isEmpty else { return nil }
        return Key(
            bankReference: reference, minorUnits: payment.amount.minorUnits, currency: payment.amount.currency.code,
            bookingDate: payment.bookingDate?.iso ?? "", references: payment.references.joined(separator: ","),
            isReversal: payment.isReversal
        )
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
                let key = Key(
                    bankReference: try row.decode(column: "bank_reference", as: String.self).trimmedOfWhitespace,
                    minorUnits: try row.decode(column: "amount_minor", as: Int64.self),
                    currency: try row.decode(column: "currency", as: String.self),
                    bookingDate: try row.decode(column: "booking_date", as: String?.self) ?? "",
                    references: try row.decode(column: "references", as: String.self),
                    isReversal: try row.decode(column: "is_reversal", as: Bool.self)
                )
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
