import BetaltCore
import FluentKit
import Foundation
import SQLKit

/// A claim whose next-action date has come, with the facts the planner needs and what the writer needs.
struct DueClaim: Sendable {
    let id: UUID
    let customerID: UUID
    let currency: Currency
    let lastSequence: Int64
    let stage: ClaimStage
    let ladder: Ladder
    let facts: ClaimFacts
}

/// Reads due claims in batches: first the ids through the (creditor_id, next_action_date) index, then each
/// batch of rows with its customer and its history, so memory stays bounded whatever the creditor's size.
enum DueClaims {
    static func ids(creditorID: UUID, through date: CivilDate, on sql: any SQLDatabase) async throws -> [UUID] {
        try await sql.raw("""
            SELECT id FROM claims
            WHERE creditor_id = \(bind: creditorID) AND next_action_date <= \(bind: date.iso)
              AND stage NOT IN ('closed', 'withAgency')
            """).all().map { try $0.decode(column: "id", as: UUID.self) }
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
        guard !ids.isEmpty else { return [] }
        let idList = SQLList(ids.map { SQLBind($0) })
        let history = try await takenSteps(idList, creditorID: creditorID, on: sql)
        let disputed = try await Disputes.openAmounts(claimIDs: idList, creditorID: creditorID, on: sql)
        let promised = try await Promises.open(claimIDs: idList, creditorID: creditorID, on: sql)
        let planned = try await PaymentPlans.paused(claimIDs: idList, creditorID: creditorID, on: sql)
        let rows = try await sql.raw("""
            SELECT c.id, c.customer_id, c.issue_date, c.due_date, c.currency, c.stage, c.last_sequence,
                   c.principal_open_minor, c.fee_open_minor, c.interest_open_minor, c.compensation_open_minor,
                   c.ladder_key, c.reminder_fee_agreed, c.interest_charged_through,
                   u.kind, u.name, u.accepted_channels, u.ladder_key AS customer_ladder_key, u.address_line,
                   u.postal_code, u.city, u.organisation_number
            FROM claims c JOIN customers u ON u.id = c.customer_id
            WHERE c.creditor_id = \(bind: creditorID) AND c.id IN (\(idList))
            """).all()
        let rowLadders = try rows.map { row in
            try ladders.ladder(
                claimKey: try row.decode(column: "ladder_key", as: String?.self),
                customerKey: try row.decode(column: "customer_ladder_key", as: String?.self), country: country
            )
        }
        let lateByCustomer = try await latePayments(rows, ladders: rowLadders, country: country, creditorID: creditorID, on: date, sql: sql)
        return try zip(rows, rowLadders).map { row, ladder in
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
                id: id, customerID: try row.decode(column: "customer_id", as: UUID.self), currency: currency,
                lastSequence: try row.decode(column: "last_sequence", as: Int64.self),
                stage: ClaimStage(rawValue: try row.decode(column: "stage", as: String.self)) ?? .open,
                ladder: ladder, facts: facts
            )
        }
    }

    /// The latest payment after its claim's business-day due date for each customer whose ladder rewards
    /// good payers, looking back as far as the longest such ladder does. Nothing is read when no ladder asks.
    private static func latePayments(
        _ rows: [any SQLRow], ladders: [Ladder], country: Country, creditorID: UUID, on date: CivilDate, sql: any SQLDatabase
    ) async throws -> [UUID: CivilDate] {
        var months = 0
        var customers: Set<UUID> = []
        for (row, ladder) in zip(rows, ladders) {
            guard let goodPayerMonths = ladder.options.goodPayerMonths else { continue }
            months = max(months, goodPayerMonths)
            customers.insert(try row.decode(column: "customer_id", as: UUID.self))
        }
        guard !customers.isEmpty else { return [:] }
        let since = date.adding(months: -months).iso
        let calendar = Rulebook.for(country).calendar
        var latest: [UUID: CivilDate] = [:]
        for chunk in Array(customers).chunked(into: 500) {
            let payments = try await sql.raw("""
                SELECT c.customer_id, c.due_date, MAX(e.entry_date) AS paid_on
                FROM claims c JOIN ledger_entries e ON e.claim_id = c.id
                WHERE c.creditor_id = \(bind: creditorID) AND c.customer_id IN (\(SQLList(chunk.map { SQLBind($0) })))
                  AND e.kind = 'payment' AND e.entry_date > c.due_date AND e.entry_date >= \(bind: since)
                GROUP BY c.customer_id, c.id, c.due_date
                """).all()
            for payment in payments {
                let paidOn = try CivilDate(iso: try payment.decode(column: "paid_on", as: String.self))
                guard paidOn > calendar.dueDateRolledForward(try CivilDate(iso: try payment.decode(column: "due_date", as: String.self)))
                else { continue }
                let customer = try payment.decode(column: "customer_id", as: UUID.self)
                latest[customer] = max(latest[customer] ?? paidOn, paidOn)
            }
        }
        return latest
    }

    private static func takenSteps(_ idList: SQLList, creditorID: UUID, on sql: any SQLDatabase) async throws -> [UUID: [TakenStep]] {
        let rows = try await sql.raw("""
            SELECT claim_id, step_id, kind, act_date, deadline, fee_minor, compensation_minor, currency, channel
            FROM collection_acts
            WHERE creditor_id = \(bind: creditorID) AND claim_id IN (\(idList))
            ORDER BY act_date, step_id
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
