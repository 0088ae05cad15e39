import BetaltCore
import Foundation
import SQLKit

/// The claims a batch of payments may be for, indexed by payment reference and invoice number, with
/// balances and ledger sequence numbers kept current as payments are booked against them.
struct OpenClaims {
    private struct State {
        var candidate: MatchCandidate
        let customerID: String
        var lastSequence: Int64
        /// The date of the last entry a payment booked on it.
        var lastEntryDate: CivilDate?
    }

    private var claims: [String: State] = [:]
    private var idsByReference: [String: [String]] = [:]
    private var idsByNumber: [String: [String]] = [:]
    /// Open claims by the payer-name key of the one customer with that key (keys shared by several
    /// customers are left out: the payer would be a guess).
    private var idsByPayer: [String: [String]] = [:]
    /// Claims a payment reached since their rows were last taken.
    private var changed: Set<String> = []
    /// The claims whose rows were taken last.
    private var taken: Set<String> = []

    /// Values looked up per query: a file's 100,000 references at once would hold as many rows in memory.
    static let valuesPerQuery = 5_000

    /// The columns a claim is read with, in this order (`add` reads them by position). What open disputes cover
    /// matters only to a waiver offer (`MatchCandidate.principalAsked`), so only a claim with one asks for it.
    private static let columns = [
        "c.id", "c.customer_id", "c.invoice_number", "c.payment_reference", "c.due_date", "c.currency", "c.principal_open_minor",
        "c.fee_open_minor", "c.interest_open_minor", "c.compensation_open_minor", "c.last_sequence", "c.waiver_offer_until",
        """
        CASE WHEN c.waiver_offer_until IS NULL THEN 0 ELSE (SELECT CAST(COALESCE(SUM(d.amount_minor), 0) AS BIGINT) FROM disputes d
         WHERE d.creditor_id = c.creditor_id AND d.claim_id = c.id AND d.status = 'open') END
        """,
    ]

    /// The claims of `payerKeys`, and the rows of those `references` and `invoiceNumbers` name, read as JSON
    /// texts (`BulkStatement.rowsText`) but not yet made claims (`add(_:notices:)`): that is Swift's work, which
    /// can go on while the database writes.
    static func read(
        references: Set<String>, invoiceNumbers: Set<String>, payerKeys: Set<String> = [], creditorID: UUID, on sql: any SQLDatabase
    ) async throws -> (claims: OpenClaims, rows: [String], notices: [String]) {
        var result = OpenClaims()
        try await result.loadPayers(payerKeys.filter { !$0.isEmpty }, creditorID: creditorID, on: sql)
        var rows: [String] = [], notices: [String] = []
        for (column, values) in [("payment_reference", references), ("invoice_number", invoiceNumbers)] {
            let wanted = Set(values.map(\.trimmedOfWhitespace)).filter { !$0.isEmpty }
            for chunk in Array(wanted).chunked(into: valuesPerQuery) {
                rows.append(try await BulkStatement.rowsText(Self.columns, """
                    FROM claims c WHERE c.creditor_id = \(bind: creditorID) AND c.\(ident: column) IN \(BulkStatement.values(chunk, on: sql))
                    """, on: sql))
            }
        }
        // A notice's own reference covers every claim it asked for (several claims, one KID/OCR); a plan
        // payment's reference covers the plan's claims.
        let wanted = Set(references.map(\.trimmedOfWhitespace)).filter { !$0.isEmpty }
        let sources: [SQLQueryString] = [
            "notices n JOIN notice_claims nc ON nc.notice_id = n.id JOIN claims c ON c.id = nc.claim_id",
            "payment_plan_payments n JOIN payment_plan_claims nc ON nc.plan_id = n.plan_id JOIN claims c ON c.id = nc.claim_id",
        ]
        for chunk in Array(wanted).chunked(into: valuesPerQuery) {
            for source in sources {
                notices.append(try await BulkStatement.rowsText(Self.columns + ["n.payment_reference"], """
                    FROM \(source)
                    WHERE n.creditor_id = \(bind: creditorID) AND n.payment_reference IN \(BulkStatement.values(chunk, on: sql))
                    """, on: sql))
            }
        }
        return (result, rows, notices)
    }

    /// Adds the claims of the texts `read` gave; a notice's row ends with the notice's reference.
    mutating func add(_ rows: [String], notices: [String]) throws {
        for text in rows {
            for row in try JSONRowsReader(text).rows { try add(row) }
        }
        for text in notices {
            for row in try JSONRowsReader(text).rows {
                try add(row)
                let id = try row.uuidText(0)
                let reference = try row.text(Self.columns.count)
                if !(idsByReference[reference] ?? []).contains(id) { idsByReference[reference, default: []].append(id) }
            }
        }
    }

    private mutating func add(_ row: JSONRowsReader.Row) throws {
        let id = try row.uuidText(0)
        guard claims[id] == nil else { return }
        let currency = try Currency.named(try row.text(5))
        func money(_ index: Int) throws -> Money { Money(minorUnits: try row.integer(index), currency: currency) }
        let candidate = MatchCandidate(
            claimID: id, invoiceNumber: try row.text(2), paymentReference: try row.optionalText(3),
            dueDate: try CivilDate(iso: try row.text(4)),
            balances: try ComponentBalances(principal: try money(6), fee: try money(7), interest: try money(8), compensation: try money(9)),
            waiverOfferUntil: try row.optionalText(11).map { try CivilDate(iso: $0) }, disputed: try money(12)
        )
        claims[id] = State(candidate: candidate, customerID: try row.uuidText(1), lastSequence: try row.integer(10))
        if let reference = candidate.paymentReference { idsByReference[reference, default: []].append(id) }
        idsByNumber[candidate.invoiceNumber, default: []].append(id)
    }

    private mutating func loadPayers(_ keys: Set<String>, creditorID: UUID, on sql: any SQLDatabase) async throws {
        for chunk in Array(keys).chunked(into: 500) {
            let customers = try await sql.raw("""
                SELECT id, name_key FROM customers
                WHERE creditor_id = \(bind: creditorID) AND name_key IN (\(SQLList(chunk.map { SQLBind($0) })))
                """).all()
            var customerByKey: [String: [UUID]] = [:]
            for row in customers {
                customerByKey[try row.decode(column: "name_key", as: String.self), default: []].append(try row.decode(column: "id", as: UUID.self))
            }
            let certain = customerByKey.filter { $0.value.count == 1 }
            for (key, ids) in certain {
                let rows = try await BulkStatement.rows(Self.columns, """
                    FROM claims c WHERE c.creditor_id = \(bind: creditorID) AND c.customer_id = \(bind: ids[0]) AND c.open_minor > 0
                    """, on: sql)
                for row in rows {
                    try add(row)
                    idsByPayer[key, default: []].append(try row.uuidText(0))
                }
            }
        }
    }

    /// The customer a loaded claim belongs to.
    func customer(of claimID: String) -> String? { claims[claimID]?.customerID }

    func byPayer(_ key: String?) -> [MatchCandidate] { key.map { lookup([$0], in: idsByPayer) } ?? [] }
    func byReference(_ references: [String]) -> [MatchCandidate] { lookup(references, in: idsByReference) }
    func byNumber(_ numbers: [String]) -> [MatchCandidate] { lookup(numbers, in: idsByNumber) }

    private func lookup(_ keys: [String], in index: [String: [String]]) -> [MatchCandidate] {
        var seen = Set<String>()
        return keys.flatMap { index[$0.trimmedOfWhitespace] ?? [] }
            .filter { seen.insert($0).inserted }
            .compactMap { claims[$0]?.candidate }
    }

    /// Takes a payment's entry (or a waiver it kept) off the claim's balance; returns the entry's sequence number.
    mutating func apply(_ entry: LedgerEntry, to claimID: String) throws -> Int64 {
        guard var state = claims[claimID] else { throw ClaimNotFound(claimID: UUID(uuidString: claimID) ?? UUID()) }
        let balances = state.candidate.balances
        let reduced = try balances.replacing(entry.component, with: try balances[entry.component].subtracting(entry.amount))
        state.candidate = state.candidate.with(balances: reduced)
        state.lastSequence += 1
        state.lastEntryDate = entry.date
        changed.insert(claimID)
        claims[claimID] = state
        return state.lastSequence
    }

    static let changedColumns = [
        BulkColumn("principal_open_minor", .bigint), BulkColumn("fee_open_minor", .bigint), BulkColumn("interest_open_minor", .bigint),
        BulkColumn("compensation_open_minor", .bigint), BulkColumn("open_minor", .bigint), BulkColumn("last_sequence", .bigint),
    ]
    static let closedColumns = [BulkColumn("stage")]

    /// The new balances of every claim a payment reached since the last call (`changed`), and the claims
    /// they settled (`closed`), which close so the run never sees them again. Apart because most payments
    /// settle nothing, and setting the stage, even to what it was, rewrites the claim's entry in every index
    /// on the stage. The settled claims' open disputes close with them (`closedOn`, for `Disputes.closeOpen(ofClaims:)`).
    mutating func takeChangedRows() -> (changed: JSONRows, closed: JSONRows, closedOn: [(id: String, closedOn: CivilDate)]) {
        var rows = JSONRows(), closed = JSONRows(), closedOn: [(id: String, closedOn: CivilDate)] = []
        for id in changed {
            guard let state = claims[id] else { continue }
            let balances = state.candidate.balances
            rows.append(
                .text(id), .integer(balances.principal.minorUnits), .integer(balances.fee.minorUnits),
                .integer(balances.interest.minorUnits), .integer(balances.compensation.minorUnits),
                .integer(balances.total.minorUnits), .integer(state.lastSequence)
            )
            if balances.isSettled {
                closed.append(.text(id), .text(ClaimStage.closed.rawValue))
                if let date = state.lastEntryDate { closedOn.append((id, date)) }
            }
        }
        taken = changed
        changed.removeAll()
        return (rows, closed, closedOn)
    }

    /// Takes the state of the claims `earlier` changed (its rows last taken) over the one read from the
    /// database, where those rows are not yet written.
    mutating func takeOver(from earlier: OpenClaims) {
        for id in earlier.taken where claims[id] != nil {
            claims[id] = earlier.claims[id]
        }
    }
}
