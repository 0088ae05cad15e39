import BetaltCore
import FluentKit
import Foundation
import SQLKit

/// A person settles an unmatched payment by assigning it to one or more claims of the same creditor.
public enum PaymentAssignment {
    /// What the assignment did to the claims.
    public struct Outcome: Sendable, Equatable {
        /// The claims paid, oldest due first.
        public let claimIDs: [UUID]
        /// Their invoice numbers as the person sees them: "10042" or "10042, 10043".
        public let invoiceNumber: String
        public let allocated: Money
        /// What exceeded the claims' balances: kept as the customer's credit.
        public let overpayment: Money
    }

    /// Allocates the payment to the claims whose invoice numbers `invoiceNumbers` names (one, or several
    /// separated by commas or spaces): oldest due first, costs → interest → principal within each, or the principal
    /// first where a notice's waiver offer stands on the payment's date, waiving the rest once it is paid. Books it
    /// through `LedgerWriter`, marks the payment matched by hand and writes the audit line, all in one
    /// transaction. Throws `AssignmentRefused`, changing nothing, when it cannot be done.
    public static func assign(
        paymentID: UUID, toInvoice invoiceNumbers: String, creditorID: UUID, by user: String, userID: UUID? = nil,
        today: CivilDate, on database: any Database
    ) async throws -> Outcome {
        var named: [String] = []
        for word in invoiceNumbers.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isWhitespace }).map(String.init)
        where !named.contains(word) { named.append(word) }
        let numbers = named
        return try await database.writing { tx in
            guard let payment = try await PaymentRecord.query(on: tx)
                .filter(\.$id == paymentID).filter(\.$creditorID == creditorID).first()
            else { throw AssignmentRefused.paymentNotFound }
            guard payment.status == "unmatched" else { throw AssignmentRefused.alreadyMatched }
            guard !payment.isReversal, payment.amountMinor > 0 else { throw AssignmentRefused.notAPayment }
            guard !numbers.isEmpty else { throw AssignmentRefused.claimNotFound(invoiceNumber: "") }
            var claims: [ClaimRecord] = []
            for number in numbers {
                guard let claim = try await ClaimRecord.query(on: tx)
                    .filter(\.$creditorID == creditorID).filter(\.$invoiceNumber == number).first()
                else { throw AssignmentRefused.claimNotFound(invoiceNumber: number) }
                guard claim.currency == payment.currency else {
                    throw AssignmentRefused.currencyMismatch(payment: payment.currency, claim: claim.currency)
                }
                guard claim.openMinor > 0 else { throw AssignmentRefused.claimSettled(invoiceNumber: number) }
                claims.append(claim)
            }
            // One payment, one payer: an overpayment must become the credit of the customer who paid.
            guard Set(claims.map(\.customerID)).count == 1 else { throw AssignmentRefused.severalCustomers }
            claims.sort { ($0.dueDate, $0.invoiceNumber) < ($1.dueDate, $1.invoiceNumber) }
            try await take(paymentID: paymentID, creditorID: creditorID, on: tx)

            let currency = try Currency.named(payment.currency)
            let amount = Money(minorUnits: payment.amountMinor, currency: currency)
            let paidOn = payment.bookingDate.flatMap { try? CivilDate(iso: $0) } ?? today
            let allocation = try await ClaimRecord.allocate(amount, to: claims, paidOn: paidOn, on: tx)
            let reference = payment.references.split(separator: ",").first.map(String.init) ?? payment.bankReference ?? "payment"
            var allocatedMinor: Int64 = 0
            var matched: [[String: Int64]] = []
            for share in allocation.claims {
                guard let claimID = UUID(uuidString: share.claimID) else { continue }
                try await LedgerWriter.append(
                    share.entries(on: paidOn, reference: "\(reference) (manual)"), toClaim: claimID, creditorID: creditorID, on: tx
                )
                allocatedMinor += share.result.allocated.minorUnits
                matched.append([share.claimID: share.result.allocated.minorUnits])
            }
            let allocated = Money(minorUnits: allocatedMinor, currency: currency)
            let number = claims.map(\.invoiceNumber).joined(separator: ", ")
            let why = payment.note
            payment.status = "matched"
            payment.matchMethod = "manual"
            payment.matchedClaims = try StableJSON.string(matched)
            payment.overpaymentMinor = allocation.overpayment.minorUnits
            payment.note = "assigned by \(user) to invoice \(number)"
                + (allocation.overpayment.isPositive ? "; overpaid: \(allocation.overpayment) kept as the customer's credit" : "")
            try await payment.update(on: tx)
            try await CustomerCredit.keep(
                allocation.overpayment, customerID: claims[0].customerID, creditorID: creditorID, paymentID: paymentID, on: paidOn, on: tx
            )
            try await AuditRecord(
                creditorID: creditorID, userID: userID, actor: user, action: "payment.assigned", subject: "payment \(paymentID.uuidString)",
                detail: "\(amount) to invoice \(number) (claims \(try claims.map { try $0.requireID().uuidString }.joined(separator: ", "))): "
                    + "\(allocated) allocated, \(allocation.overpayment) customer credit; unmatched because: \(why)"
            ).create(on: tx)
            return Outcome(
                claimIDs: try claims.map { try $0.requireID() }, invoiceNumber: number, allocated: allocated,
                overpayment: allocation.overpayment
            )
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
    /// The invoices named belong to different customers.
    case severalCustomers

    public var description: String {
        switch self {
        case .severalCustomers: "the invoices belong to different customers: one payment is assigned to one customer's claims"
        case .paymentNotFound: "no such unmatched payment"
        case .alreadyMatched: "the payment is already matched"
        case .notAPayment: "a reversal or a zero amount cannot pay a claim"
        case .claimNotFound(let number): "no invoice \(number)"
        case .currencyMismatch(let payment, let claim): "the payment is in \(payment), the claim in \(claim)"
        case .claimSettled(let number): "invoice \(number) is already paid"
        }
    }
}
