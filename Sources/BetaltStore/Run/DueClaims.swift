import BetaltCore
import FluentKit
import Foundation
import SQLKit

/// A claim whose next-action date has come, with the facts the planner needs and what the writer needs.
struct DueClaim: Sendable {
    let id: UUID
    let creditorID: UUID
    let customerID: UUID
    let currency: Currency
    let lastSequence: Int64
    let stage: ClaimStage
    let ladder: Ladder
    let facts: ClaimFacts
}

/// A claim of a creditor, as the run lists the due ones.
struct DueClaimKey: Sendable, Hashable {
    let creditorID: UUID
    let id: UUID
}

/// Reads due claims in batches: first the keys through the (creditor_id, next_action_date) index, then each
/// batch of rows with its customer and its history, so memory stays bounded whatever the creditors' size.
/// A batch may hold claims of many creditors: every statement joins on the (creditor, claim) pairs.
enum DueClaims {
    /// What reading a creditor's claims needs to know of the creditor.
    struct Creditor: Sendable {
        let country: Country
        let ladders: LadderBook
    }

    static let keyColumns = [BulkColumn("creditor_id", .uuid), BulkColumn("claim_id", .uuid)]

    static func keys(creditorIDs: [UUID], through date: CivilDate, on sql: any SQLDatabase) async throws -> [DueClaimKey] {
        guard !creditorIDs.isEmpty else { return [] }
        return try await sql.raw("""
            SELECT creditor_id, id FROM claims
            WHERE creditor_id IN (\(SQLList(creditorIDs.map { SQLBind($0) }))) AND next_action_date <= \(bind: date.iso)
              AND stage NOT IN ('closed', 'withAgency')
            """).all().map { DueClaimKey(creditorID: try $0.decode(column: "creditor_id", as: UUID.self), id: try $0.decode(column: "id", as: UUID.self)) }
    }

    /// How many claims are due on `date`, for one creditor or all: the size of the run, for its progress bar.
    static func count(creditorID: UUID?, through date: CivilDate, on sql: any SQLDatabase) async throws -> Int {
        let creditor: SQLQueryString = creditorID.map { "AND creditor_id = \(bind: $0)" } ?? ""
        return try await sql.raw("""
            SELECT COUNT(*) AS n FROM claims
            WHERE next_action_date <= \(bind: date.iso) AND stage NOT IN ('closed', 'withAgency') \(creditor)
            """).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    static func load(
        _ ids: some Collection<UUID>, creditorID: UUID, country: Country, ladders: LadderBook, on date: CivilDate, sql: any SQLDatabase
    ) async throws -> [DueClaim] {
        try await load(
            ids.map { DueClaimKey(creditorID: creditorID, id: $0) }, creditors: [creditorID: Creditor(country: country, ladders: ladders)],
            on: date, sql: sql
        )
    }

    static func load(
        _ keys: some Collection<DueClaimKey>, creditors: [UUID: Creditor], on date: CivilDate, sql: any SQLDatabase
    ) async throws -> [DueClaim] {
        guard !keys.isEmpty else { return [] }
        var pairs = JSONRows()
        for key in keys { pairs.append(.text(key.creditorID.uuidString), .text(key.id.uuidString)) }
        let batch = BulkStatement.relation(pairs, keyColumns, on: sql)
        let history = try await takenSteps(batch, on: sql)
        let disputed = try await Disputes.openAmounts(claims: batch, on: sql)
        let promised = try await Promises.open(claims: batch, on: sql)
        let planned = try await PaymentPlans.paused(claims: batch, on: sql)
        let rows = try await sql.raw("""
            SELECT c.id, c.creditor_id, c.customer_id, c.issue_date, c.due_date, c.currency, c.stage, c.last_sequence,
                   c.principal_open_minor, c.fee_open_minor, c.interest_open_minor, c.compensation_open_minor,
                   c.ladder_key, c.reminder_fee_agreed, c.interest_charged_through,
                   u.kind, u.name, u.accepted_channels, u.ladder_key AS customer_ladder_key, u.address_line,
                   u.postal_code, u.city, u.organisation_number
            FROM \(batch) AS k
            JOIN claims c ON c.id = k.claim_id AND c.creditor_id = k.creditor_id
            JOIN customers u ON u.id = c.customer_id
            """).all()
        let rowCreditors = try rows.map { row in
            let creditorID = try row.decode(column: "creditor_id", as: UUID.self)
            guard let creditor = creditors[creditorID] else { throw UnreadableLadder(key: "default", reason: "no creditor \(creditorID)") }
            return (id: creditorID, creditor: creditor)
        }
        let rowLadders = try zip(rows, rowCreditors).map { row, owner in
            try owner.creditor.ladders.ladder(
                claimKey: try row.decode(column: "ladder_key", as: String?.self),
                customerKey: try row.decode(column: "customer_ladder_key", as: String?.self), country: owner.creditor.country
            )
        }
        let lateByCustomer = try await latePayments(rows, ladders: rowLadders, creditors: creditors, on: date, sql: sql)
        return try zip(rows, zip(rowCreditors, rowLadders)).map { row, owner in
            let (creditorID, creditor) = owner.0, ladder = owner.1, country = creditor.country
            let id = try row.decode(column: "id", as: UUID.self)
            let currency = try Currency.named(try row.decode(column: "currency", as: String.self))
            func money(_ column: String) throws -> Money {
                Money(minorUnits: try row.decode(column: column, as: Int64.self), currency: currency)
            }
            let kind = CustomerKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .consumer
            let address = [
                try row.decode(column: "address_line", as: String.self),
                try row.decode(column: "postal_code", as: String.self),
                try row.decode(column: "city", as: String.self),
            ]
            let hasAddress = address.allSatisfy { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            let channels = try row.decode(column: "accepted_channels", as: String.self)
                .split(separator: ",").compactMap { Channel(rawValue: String($0)) }
            let facts = ClaimFacts(
                claimID: id.uuidString, country: country, customerKind: kind,
                issueDate: try CivilDate(iso: try row.decode(column: "issue_date", as: String.self)),
                dueDate: try CivilDate(iso: try row.decode(column: "due_date", as: String.self)),
                balances: try ComponentBalances(
                    principal: try money("principal_open_minor"), fee: try money("fee_open_minor"),
                    interest: try money("interest_open_minor"), compensation: try money("compensation_open_minor")
                ),
                interestChargedThrough: try row.decode(column: "interest_charged_through", as: String?.self).map { try CivilDate(iso: $0) },
                reminderFeeAgreed: try row.decode(column: "reminder_fee_agreed", as: Bool.self),
                acceptedElectronicChannels: Set(channels.filter(\.isElectronic)),
                hasPostalAddress: hasAddress,
                missingDebtorData: missingDebtorData(
                    kind: kind, name: try row.decode(column: "name", as: String.self), hasAddress: hasAddress,
                    organisationNumber: try row.decode(column: "organisation_number", as: String?.self), country: country
                ),
                history: history[id] ?? [],
                disputedAmount: Money(minorUnits: disputed[id] ?? 0, currency: currency),
                promise: try promised[id].map { PromiseFacts(payBy: try CivilDate(iso: $0.payBy), amount: Money(minorUnits: $0.amount, currency: currency)) },
                onPaymentPlan: planned.contains(id),
                lastLatePayment: lateByCustomer[try row.decode(column: "customer_id", as: UUID.self)]
            )
            return DueClaim(
                id: id, creditorID: creditorID, customerID: try row.decode(column: "customer_id", as: UUID.self), currency: currency,
                lastSequence: try row.decode(column: "last_sequence", as: Int64.self),
                stage: ClaimStage(rawValue: try row.decode(column: "stage", as: String.self)) ?? .open,
                ladder: ladder, facts: facts
            )
        }
    }


    /// The latest payment after its claim's business-day due date for each customer whose ladder rewards
    /// good payers, looking back as far as the longest such ladder does. Nothing is read when no ladder asks.
    private static func latePayments(
        _ rows: [any SQLRow], ladders: [Ladder], creditors: [UUID: Creditor], on date: CivilDate, sql: any SQLDatabase
    ) async throws -> [UUID: CivilDate] {
        var months = 0
        var customers = JSONRows()
        var seen: Set<UUID> = []
        for (row, ladder) in zip(rows, ladders) {
            guard let goodPayerMonths = ladder.options.goodPayerMonths else { continue }
            months = max(months, goodPayerMonths)
            let customerID = try row.decode(column: "customer_id", as: UUID.self)
            guard seen.insert(customerID).inserted else { continue }
            customers.append(.text(try row.decode(column: "creditor_id", as: UUID.self).uuidString), .text(customerID.uuidString))
        }
        guard customers.count > 0 else { return [:] }
        let since = date.adding(months: -months).iso
        let pairs = BulkStatement.relation(customers, [BulkColumn("creditor_id", .uuid), BulkColumn("customer_id", .uuid)], on: sql)
        let payments = try await sql.raw("""
            SELECT c.creditor_id, c.customer_id, c.due_date, MAX(e.entry_date) AS paid_on
            FROM \(pairs) AS k
            JOIN claims c ON c.creditor_id = k.creditor_id AND c.customer_id = k.customer_id
            JOIN ledger_entries e ON e.creditor_id = c.creditor_id AND e.claim_id = c.id
            WHERE e.kind = 'payment' AND e.entry_date > c.due_date AND e.entry_date >= \(bind: since)
            GROUP BY c.creditor_id, c.customer_id, c.id, c.due_date
            """).all()
        var latest: [UUID: CivilDate] = [:]
        for payment in payments {
            guard let creditor = creditors[try payment.decode(column: "creditor_id", as: UUID.self)] else { continue }
            let paidOn = try CivilDate(iso: try payment.decode(column: "paid_on", as: String.self))
            let dueDate = try CivilDate(iso: try payment.decode(column: "due_date", as: String.self))
            guard paidOn > Rulebook.for(creditor.country).calendar.dueDateRolledForward(dueDate) else { continue }
            let customer = try payment.decode(column: "customer_id", as: UUID.self)
            latest[customer] = max(latest[customer] ?? paidOn, paidOn)
        }
        return latest
    }

    /// Each claim's steps taken so far, oldest first.
    private static func takenSteps(_ batch: SQLQueryString, on sql: any SQLDatabase) async throws -> [UUID: [TakenStep]] {
        let rows = try await sql.raw("""
            SELECT a.claim_id, a.step_id, a.kind, a.act_date, a.deadline, a.fee_minor, a.compensation_minor, a.currency, a.channel
            FROM \(batch) AS k JOIN collection_acts a ON a.creditor_id = k.creditor_id AND a.claim_id = k.claim_id
            ORDER BY a.act_date, a.step_id
            """).all()
        var history: [UUID: [TakenStep]] = [:]
        for row in rows {
            let currency = try Currency.named(try row.decode(column: "currency", as: String.self))
            let fee = try row.decode(column: "fee_minor", as: Int64.self)
            let compensation = try row.decode(column: "compensation_minor", as: Int64.self)
            let step = TakenStep(
                stepID: try row.decode(column: "step_id", as: String.self),
                kind: StepKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .friendlyReminder,
                sentOn: try CivilDate(iso: try row.decode(column: "act_date", as: String.self)),
                deadline: try row.decode(column: "deadline", as: String?.self).map { try CivilDate(iso: $0) },
                fee: fee > 0 ? Money(minorUnits: fee, currency: currency) : nil,
                compensation: compensation > 0 ? Money(minorUnits: compensation, currency: currency) : nil,
                channel: try row.decode(column: "channel", as: String?.self).flatMap(Channel.init(rawValue:))
            )
            history[try row.decode(column: "claim_id", as: UUID.self), default: []].append(step)
        }
        return history
    }

    /// What an agency would need and the claim lacks: a name, a postal address, a valid organisation number
    /// for a business (a consumer's national identity number only where the creditor has it).
    static func missingDebtorData(kind: CustomerKind, name: String, hasAddress: Bool, organisationNumber: String?, country: Country) -> [String] {
        var missing: [String] = []
        if name.trimmingCharacters(in: .whitespaces).isEmpty { missing.append("name") }
        if !hasAddress { missing.append("postal address") }
        if kind == .business {
            let valid: Bool = switch (organisationNumber, country) {
            case (nil, _): false
            case (let number?, .norway): (try? NorwegianOrganisationNumber(validating: number)) != nil
            case (let number?, .sweden): (try? SwedishOrganisationNumber(validating: number)) != nil
            }
            if !valid { missing.append(country == .norway ? "organisasjonsnummer" : "organisationsnummer") }
        }
        return missing
    }
}
