import BetaltCore
import FluentKit
import Foundation
import SQLKit

/// A person settles an unmatched payment by assigning it to one claim of the same creditor.
public enum PaymentAssignment {
    /// What the assignment did to the claim.
    public struct Outcome: Sendable, Equatable {
        public let claimID: UUID
        public let invoiceNumber: String
        public let allocated: Money
        /// What exceeded the claim's balance: kept as the customer's credit.
        public let overpayment: Money
    }

    /// Allocates the payment to the claim with invoice number `invoiceNumber` (costs → interest → principal),
    /// books it through `LedgerWriter`, marks the payment matched by hand and writes the audit line, all in
    /// one transaction. Throws `AssignmentRefused`, changing nothing, when it cannot be done.
    public static func assign(
        paymentID: UUID, toInvoice invoiceNumber: String, creditorID: UUID, by user: String, userID: UUID? = nil,
        today: CivilDate, on database: any Database
    ) async throws -> Outcome {
        let number = invoiceNumber.trimmingCharacters(in: .whitespacesAndNewlines)
        return try await database.transaction { tx in
            guard let payment = try await PaymentRecord.query(on: tx)
                .filter(\.$id == paymentID).filter(\.$creditorID == creditorID).first()
            else { throw AssignmentRefused.paymentNotFound }
            guard payment.status == "unmatched" else { throw AssignmentRefused.alreadyMatched }
            guard !payment.isReversal, payment.amountMinor > 0 else { throw AssignmentRefused.notAPayment }
            guard !number.isEmpty,
                  let claim = try await ClaimRecord.query(on: tx)
                      .filter(\.$creditorID == creditorID).filter(\.$invoiceNumber == number).first()
            else { throw AssignmentRefused.claimNotFound(invoiceNumber: number) }
            guard claim.currency == payment.currency else {
                throw AssignmentRefused.currencyMismatch(payment: payment.currency, claim: claim.currency)
            }
            guard claim.openMinor > 0 else { throw AssignmentRefused.claimSettled(invoiceNumber: number) }
            try await take(paymentID: paymentID, creditorID: creditorID, on: tx)

            let balances = try claim.matchCandidate().balances
            let amount = Money(minorUnits: payment.amountMinor, currency: balances.currency)
            let result = try PaymentAllocator.allocate(amount, to: balances)
            let claimID = try claim.requireID()
            let paidOn = payment.bookingDate.flatMap { try? CivilDate(iso: $0) } ?? today
            let reference = payment.references.split(separator: ",").first.map(String.init) ?? payment.bankReference ?? "payment"
            try await LedgerWriter.append(
                result.entries(on: paidOn, reference: "\(reference) (manual)"), toClaim: claimID, creditorID: creditorID, on: tx
            )
            let why = payment.note
            payment.status = "matched"
            payment.matchMethod = "manual"
            payment.matchedClaims = try StableJSON.string([[claimID.uuidString: result.allocated.minorUnits]])
            payment.overpaymentMinor = result.overpayment.minorUnits
            payment.note = "assigned by \(user) to invoice \(number)"
                + (result.overpayment.isPositive ? "; overpaid: \(result.overpayment) kept as the customer's credit" : "")
            try await payment.update(on: tx)
            try await AuditRecord(
                creditorID: creditorID, userID: userID, actor: user, action: "payment.assigned", subject: "payment \(paymentID.uuidString)",
                detail: "\(amount) to invoice \(number) (claim \(claimID.uuidString)): \(result.allocated) allocated, "
                    + "\(result.overpayment) customer credit; unmatched because: \(why)"
            ).create(on: tx)
            return Outcome(claimID: claimID, invoiceNumber: number, allocated: result.allocated, overpayment: result.overpayment)
        }
    }

    /// Flips the payment to matched only if it is still unmatched: of two people assigning the same payment at
    /// once, the second finds nothing to update (PostgreSQL waits on the row lock) and is refused.
    private static func take(paymentID: UUID, creditorID: UUID, on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        let taken = try await sql.raw("""
            UPDATE payments SET status = 'matched'
            WHERE id = \(bind: paymentID) AND creditor_id = \(bind: creditorID) AND status = 'unmatched'
            RETURNING id
            """).all()
        guard !taken.isEmpty else { throw AssignmentRefused.alreadyMatched }
    }
}

/// Why a payment could not be assigned; nothing was changed.
public enum AssignmentRefused: Error, Equatable, Sendable, CustomStringConvertible {
    case paymentNotFound
    case alreadyMatched
    case notAPayment
    case claimNotFound(invoiceNumber: String)
    case currencyMismatch(payment: String, claim: String)
    case claimSettled(invoiceNumber: String)

    public var description: String {
        switch self {
        case .paymentNotFound: "no such unmatched payment"
        case .alreadyMatched: "the payment is already matched"
        case .notAPayment: "a reversal or a zero amount cannot pay a claim"
        case .claimNotFound(let number): "no invoice \(number)"
        case .currencyMismatch(let payment, let claim): "the payment is in \(payment), the claim in \(claim)"
        case .claimSettled(let number): "invoice \(number) is already paid"
        }
    }
}
