import BetaltCore
import FluentKit
import Foundation
import SQLKit

/// What a customer has to their credit: overpayments kept, less what was used on claims or paid back.
public enum CustomerCredit {
    public enum Kind: String, Sendable {
        /// `takenBack`: a fee or compensation paid for a notice that never went (`UnsentActs`).
        case overpayment, applied, refunded, takenBack
    }

    /// The customer's credit per currency (only currencies with something left).
    public static func balances(customerID: UUID, creditorID: UUID, on database: any Database) async throws -> [Money] {
        let sql = database as! any SQLDatabase
        let rows = try await sql.raw("""
            SELECT currency, CAST(SUM(amount_minor) AS BIGINT) AS total FROM customer_credit_entries
            WHERE creditor_id = \(bind: creditorID) AND customer_id = \(bind: customerID) GROUP BY currency ORDER BY currency
            """).all()
        return try rows.compactMap { row in
            let total = try row.decode(column: "total", as: Int64.self)
            guard total > 0 else { return nil }
            return Money(minorUnits: total, currency: try Currency.named(try row.decode(column: "currency", as: String.self)))
        }
    }

    /// Customers of the creditor with credit left, largest first: for a person to use or pay back.
    public static func customersWithCredit(creditorID: UUID, on database: any Database) async throws -> [(customer: CustomerRecord, credit: Money)] {
        let sql = database as! any SQLDatabase
        let rows = try await sql.raw("""
            SELECT customer_id, currency, CAST(SUM(amount_minor) AS BIGINT) AS total FROM customer_credit_entries
            WHERE creditor_id = \(bind: creditorID) GROUP BY customer_id, currency HAVING SUM(amount_minor) > 0
            ORDER BY total DESC
            """).all()
        var result: [(CustomerRecord, Money)] = []
        for row in rows {
            guard let customer = try await CustomerRecord.find(try row.decode(column: "customer_id", as: UUID.self), on: database) else { continue }
            let money = Money(
                minorUnits: try row.decode(column: "total", as: Int64.self), currency: try Currency.named(try row.decode(column: "currency", as: String.self))
            )
            result.append((customer, money))
        }
        return result
    }

    /// Keeps an overpayment as the customer's credit; run in the payment's transaction.
    static func keep(
        _ overpayment: Money, customerID: UUID, creditorID: UUID, paymentID: UUID, on date: CivilDate, on database: any Database
    ) async throws {
        guard overpayment.isPositive else { return }
        try await entry(
            .overpayment, overpayment.minorUnits, overpayment.currency, customerID: customerID, creditorID: creditorID, date: date,
            paymentID: paymentID, claimID: nil, text: "overpaid: kept as credit", on: database
        )
    }

    /// Keeps what the customer paid of a fee or compensation for a notice that never went as their credit; run in the
    /// transaction that takes the charge back.
    static func keepTakenBack(
        _ paid: Money, customerID: UUID, creditorID: UUID, claimID: UUID, why: String, on date: CivilDate, on database: any Database
    ) async throws {
        guard paid.isPositive else { return }
        try await entry(
            .takenBack, paid.minorUnits, paid.currency, customerID: customerID, creditorID: creditorID, date: date, paymentID: nil,
            claimID: claimID, text: "\(why): paid, kept as credit", on: database
        )
    }

    /// Uses the customer's credit on one of their open claims (as much as both allow, or what a standing waiver offer
    /// asks for), booked on the claim's ledger as a payment; audited. Returns what was used (zero when there was nothing to use).
    @discardableResult
    public static func apply(
        toClaim claimID: UUID, creditorID: UUID, by user: String, userID: UUID?, today: CivilDate, on database: any Database
    ) async throws -> Money {
        try await database.writing { tx in
            guard let claim = try await ClaimRecord.query(on: tx).filter(\.$creditorID == creditorID).filter(\.$id == claimID).first()
            else { throw ClaimNotFound(claimID: claimID) }
            let currency = try Currency.named(claim.currency)
            try await lockCustomer(claim.customerID, on: tx)
            let credit = try await balances(customerID: claim.customerID, creditorID: creditorID, on: tx)
                .first { $0.currency == currency }?.minorUnits ?? 0
            let available = Money(minorUnits: min(credit, claim.openMinor), currency: currency)
            guard available.isPositive else { return Money.zero(currency) }
            // The credit is the customer's money already paid: it keeps a waiver offer that stands today, and then
            // only what the offer asks for is used.
            let allocation = try await ClaimRecord.allocate(available, to: [claim], paidOn: today, on: tx)
            guard let share = allocation.claims.first else { return Money.zero(currency) }
            let amount = share.result.allocated
            try await LedgerWriter.append(
                share.entries(on: today, reference: "customer credit"), toClaim: claimID, creditorID: creditorID, on: tx
            )
            try await entry(
                .applied, -amount.minorUnits, currency, customerID: claim.customerID, creditorID: creditorID, date: today, paymentID: nil,
                claimID: claimID, text: "used on invoice \(claim.invoiceNumber) by \(user)", on: tx
            )
            try await AuditRecord(
                creditorID: creditorID, userID: userID, actor: user, action: "credit.applied", subject: "claim \(claimID.uuidString)",
                detail: "\(amount) of the customer's credit used on invoice \(claim.invoiceNumber)"
            ).create(on: tx)
            return amount
        }
    }

    /// Records that the customer's whole credit in `currency` was paid back to them; audited.
    @discardableResult
    public static func recordRefund(
        customerID: UUID, currency: Currency, creditorID: UUID, by user: String, userID: UUID?, today: CivilDate, on database: any Database
    ) async throws -> Money {
        try await database.writing { tx in
            try await lockCustomer(customerID, on: tx)
            let credit = try await balances(customerID: customerID, creditorID: creditorID, on: tx).first { $0.currency == currency }
            guard let credit, credit.isPositive else { return Money.zero(currency) }
            try await entry(
                .refunded, -credit.minorUnits, currency, customerID: customerID, creditorID: creditorID, date: today, paymentID: nil,
                claimID: nil, text: "paid back, recorded by \(user)", on: tx
            )
            try await AuditRecord(
                creditorID: creditorID, userID: userID, actor: user, action: "credit.refunded", subject: "customer \(customerID.uuidString)",
                detail: "\(credit) paid back to the customer"
            ).create(on: tx)
            return credit
        }
    }

    /// Serialises uses of one customer's credit: on PostgreSQL the customer's row is locked until the
    /// transaction ends, so two requests cannot both spend the same credit (SQLite has one writer anyway).
    private static func lockCustomer(_ customerID: UUID, on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw("SELECT id FROM customers WHERE id = \(bind: customerID) FOR UPDATE").run()
    }

    private static func entry(
        _ kind: Kind, _ amountMinor: Int64, _ currency: Currency, customerID: UUID, creditorID: UUID, date: CivilDate, paymentID: UUID?,
        claimID: UUID?, text: String, on database: any Database
    ) async throws {
        let record = CustomerCreditEntryRecord()
        record.creditorID = creditorID
        record.customerID = customerID
        record.kind = kind.rawValue
        record.amountMinor = amountMinor
        record.currency = currency.code
        record.entryDate = date.iso
        record.paymentID = paymentID
        record.claimID = claimID
        record.text = text
        try await record.create(on: database)
    }
}
