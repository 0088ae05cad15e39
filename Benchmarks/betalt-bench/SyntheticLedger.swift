import BetaltCore
import BetaltStore
import Foundation
import SQLKit

/// Fills an empty database with a large synthetic ledger straight through multi-row SQL: creditors (half
/// Norwegian, half Swedish), their customers and open claims, some already reminded or noticed, with due
/// dates spread so that about four in five claims need a decision on `today`.
struct SyntheticLedger {
    let creditors: Int
    let customersPerCreditor: Int
    let claimsPerCreditor: Int
    let today: CivilDate

    func write(on sql: any SQLDatabase) async throws {
        var random = SeededGenerator(seed: 7)
        let writer = BulkWriter(sql: sql)
        for creditorIndex in 0..<creditors {
            let creditorID = TimeOrderedID.next()
            let country: Country = creditorIndex % 2 == 0 ? .norway : .sweden
            try await writer.add("creditors", [
                "id", "name", "country", "organisation_number", "currency", "time_zone", "language", "bank_account",
            ], [
                creditorID, "Creditor \(creditorIndex)", country.rawValue, "123456785", country.currency.code,
                country.timeZoneIdentifier, country.language.rawValue, "86011117947",
            ])
            var customers: [UUID] = []
            for customerIndex in 0..<customersPerCreditor {
                let customerID = TimeOrderedID.next()
                customers.append(customerID)
                let business = customerIndex % 3 == 0
                try await writer.add("customers", [
                    "id", "creditor_id", "customer_number", "kind", "name", "organisation_number", "email",
                    "address_line", "postal_code", "city", "country", "language", "accepted_channels", "email_consent_on",
                    "email_consent_basis",
                ], [
                    customerID, creditorID, String(10000 + customerIndex), business ? "business" : "consumer",
                    "Customer \(customerIndex)", business ? (country == .norway ? "123456785" : "5560000017") : nil,
                    "c\(customerIndex)@example.com", "Storgata 1", "0150", "Oslo", country.rawValue,
                    country.language.rawValue, customerIndex % 2 == 0 ? "email" : "",
                    customerIndex % 2 == 0 ? "2026-01-05" : nil, customerIndex % 2 == 0 ? "terms of trade" : nil,
                ])
            }
            for claimIndex in 0..<claimsPerCreditor {
                try await addClaim(claimIndex, creditorID: creditorID, country: country, customers: customers, writer: writer, random: &random)
            }
        }
        try await writer.flush()
    }

    private func addClaim(
        _ index: Int, creditorID: UUID, country: Country, customers: [UUID], writer: BulkWriter, random: inout SeededGenerator
    ) async throws {
        let claimID = TimeOrderedID.next()
        let customerID = customers[index % customers.count]
        let due = today.adding(days: Int.random(in: -200...30, using: &random))
        let principal = Int64.random(in: 50_000...5_000_000, using: &random)
        let roll = Int.random(in: 0..<100, using: &random)
        let nudgeDate = due.adding(days: 3), noticeDate = due.adding(days: 14)
        let noticeDeadline = noticeDate.adding(days: 14)
        // Roughly: a third fresh, a third reminded, a sixth noticed (by their age), the rest not yet due.
        let reminded = due < today.adding(days: -14) && roll < 60
        let noticed = reminded && due < today.adding(days: -30) && roll < 30
        let next: CivilDate = noticed ? noticeDeadline.adding(days: 1) : reminded ? noticeDate : due.adding(days: 1)
        let stage = noticed ? "noticed" : reminded ? "reminded" : "open"
        let currency = country.currency.code
        try await writer.add("claims", [
            "id", "creditor_id", "customer_id", "invoice_number", "issue_date", "due_date", "currency", "principal_minor",
            "open_minor", "payment_reference", "stage", "next_action_date", "principal_open_minor", "last_sequence",
            "reminder_fee_agreed",
        ], [
            claimID, creditorID, customerID, "INV-\(index)", due.adding(days: -14).iso, due.iso, currency, principal,
            principal, SyntheticLedger.reference(index), stage, next.iso, principal, Int64(1), roll % 2 == 0,
        ])
        try await writer.add("ledger_entries", [
            "id", "creditor_id", "claim_id", "sequence", "kind", "component", "amount_minor", "currency", "entry_date", "text",
        ], [TimeOrderedID.next(), creditorID, claimID, 1, "principal", "principal", principal, currency, due.adding(days: -14).iso, "INV-\(index)"])
        if reminded { try await addAct(claimID, creditorID, customerID, "nudge", "friendlyReminder", nudgeDate, nil, currency, writer) }
        if noticed {
            try await addAct(claimID, creditorID, customerID, "notice", "collectionNotice", noticeDate, noticeDeadline, currency, writer)
        }
    }

    /// The payment reference of the claim with this index, unique within a creditor.
    static func reference(_ index: Int) -> String { String(7_000_000_000 + index) }

    private func addAct(
        _ claimID: UUID, _ creditorID: UUID, _ customerID: UUID, _ step: String, _ kind: String, _ date: CivilDate,
        _ deadline: CivilDate?, _ currency: String, _ writer: BulkWriter
    ) async throws {
        try await writer.add("collection_acts", [
            "id", "creditor_id", "claim_id", "customer_id", "step_id", "kind", "act_date", "channel", "currency", "fee_minor",
            "compensation_minor", "interest_minor", "amount_due_minor", "deadline", "group_key", "reasons", "delivery_status",
        ], [
            TimeOrderedID.next(), creditorID, claimID, customerID, step, kind, date.iso, "letter", currency, Int64(0), Int64(0), Int64(0),
            Int64(0), deadline?.iso, "\(customerID)/\(step)/\(date.iso)", "[]", "sent",
        ])
    }
}

/// Buffers rows per table and writes them as multi-row INSERTs of a few thousand rows each.
final class BulkWriter {
    private let sql: any SQLDatabase
    private var buffers: [String: (columns: [String], rows: [any SQLExpression])] = [:]
    private var order: [String] = []

    init(sql: any SQLDatabase) { self.sql = sql }

    func add(_ table: String, _ columns: [String], _ values: [(any Encodable & Sendable)?]) async throws {
        if buffers[table] == nil { buffers[table] = (columns, []); order.append(table) }
        buffers[table]!.rows.append(SQLGroupExpression(SQLList(values.map { $0.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null })))
        if buffers[table]!.rows.count * columns.count >= 20_000 {
            // Parents first, so foreign keys hold on PostgreSQL.
            for name in order { try await write(name) }
        }
    }

    func flush() async throws {
        for name in order { try await write(name) }
    }

    private func write(_ table: String) async throws {
        guard let buffer = buffers[table], !buffer.rows.isEmpty else { return }
        try await sql.raw("""
            INSERT INTO \(ident: table) (\(SQLList(buffer.columns.map { SQLIdentifier($0) }))) VALUES \(SQLList(buffer.rows))
            """).run()
        buffers[table]!.rows.removeAll(keepingCapacity: true)
    }
}
