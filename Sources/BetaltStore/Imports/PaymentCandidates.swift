import BetaltCore
import FluentKit
import Foundation

/// An open claim an unmatched payment may be for, and why it is suggested.
public struct PaymentCandidate: Sendable, Equatable {
    /// Why the claim is suggested: the payer named it, or its open amount equals the payment.
    public enum Reason: String, Sendable {
        case reference
        case invoiceNumber
        case amount
    }

    public let claimID: UUID
    public let invoiceNumber: String
    public let customerName: String
    public let dueDate: String
    public let open: Money
    public let reason: Reason
}

/// Suggests claims for an unmatched payment so a person need not search: open claims of the same creditor
/// whose invoice number or payment reference the payer wrote anywhere, then those whose open amount is the paid amount.
public enum PaymentCandidates {
    public static let limit = 5

    public static func suggest(for payment: PaymentRecord, on database: any Database) async throws -> [PaymentCandidate] {
        let words = Array(tokens(in: [payment.references, payment.referredDocuments, payment.freeText]).prefix(100))
        var found: [PaymentCandidate] = []
        if !words.isEmpty {
            let named = try await openClaims(of: payment, on: database)
                .group(.or) { $0.filter(\.$invoiceNumber ~~ words).filter(\.$paymentReference ~~ words) }
                .limit(limit).all()
            for claim in named {
                let reason: PaymentCandidate.Reason = claim.paymentReference.map(words.contains) == true ? .reference : .invoiceNumber
                found.append(try await candidate(claim, reason: reason, on: database))
            }
        }
        if found.count < limit {
            let sameAmount = try await openClaims(of: payment, on: database)
                .filter(\.$openMinor == payment.amountMinor)
                .limit(limit).all()
            for claim in sameAmount where found.count < limit && !found.contains(where: { $0.claimID == claim.id }) {
                found.append(try await candidate(claim, reason: .amount, on: database))
            }
        }
        return found
    }

    /// Words that could be an invoice number or a reference: letters, digits and dashes with a digit in them.
    static func tokens(in texts: [String]) -> [String] {
        var seen = Set<String>()
        return texts.flatMap { $0.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-") }) }
            .map(String.init)
            .filter { $0.count >= 3 && $0.count <= 40 && $0.contains(where: \.isNumber) && seen.insert($0).inserted }
    }

    private static func openClaims(of payment: PaymentRecord, on database: any Database) -> QueryBuilder<ClaimRecord> {
        ClaimRecord.query(on: database)
            .filter(\.$creditorID == payment.creditorID).filter(\.$currency == payment.currency)
            .filter(\.$openMinor > 0)
            .sort(\.$dueDate)
    }

    private static func candidate(_ claim: ClaimRecord, reason: PaymentCandidate.Reason, on database: any Database) async throws -> PaymentCandidate {
        let customer = try await CustomerRecord.query(on: database)
            .filter(\.$id == claim.customerID).filter(\.$creditorID == claim.creditorID).first()
        return PaymentCandidate(
            claimID: try claim.requireID(), invoiceNumber: claim.invoiceNumber, customerName: customer?.name ?? "",
            dueDate: claim.dueDate, open: Money(minorUnits: claim.openMinor, currency: try Currency.named(claim.currency)),
            reason: reason
        )
    }
}
