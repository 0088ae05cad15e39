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
    /// The claim's revision when read (`ClaimRevision`): with the sequence and the stage, what the run's write is
    /// guarded by (`RunBatchWriter.claimGuards`).
    let revision: Int64
    let ladder: Ladder
    let facts: ClaimFacts
    /// The last day of the waiver offer a notice made, as the claim's row holds it (ISO date).
    let waiverOfferUntil: String?
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
        return try await BulkStatement.rows(["creditor_id", "id"], """
            FROM claims
            WHERE creditor_id IN (\(SQLList(creditorIDs.map { SQLBind($0) }))) AND next_action_date <= \(bind: date.iso)
              AND stage NOT IN ('closed', 'withAgency')
            """, on: sql).map { DueClaimKey(creditorID: try $0.uuid(0), id: try $0.uuid(1)) }
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
        try await read(keys, creditors: creditors, on: date, sql: sql).claims()
    }

    /// Who a due claim belongs to and which ladder it follows.
    typealias Owner = (creditorID: UUID, customerID: UUID, country: Country, ladder: Ladder)

    /// A batch as read from the database; `claims()` makes the due claims of it, which the daily run does
    /// while the database writes the batch before.
    struct Batch {
        fileprivate let rows: [JSONRowsReader.Row]
        fileprivate let owners: [Owner]
        /// The claims' steps taken so far as the database gave them, made into steps by `claims()`.
        fileprivate let historyText: String
        fileprivate let disputed: [UUID: Int64]
        fileprivate let promised: [UUID: (payBy: String, amount: Int64, invoiceNumbers: [String])]
        fileprivate let planned: Set<UUID>
        fileprivate let lateByCustomer: [UUID: CivilDate]
        /// The day the claims are planned for: a sole trader's personnummer is read against it.
        fileprivate let date: CivilDate
    }

    static func read(
        _ keys: some Collection<DueClaimKey>, creditors: [UUID: Creditor], on date: CivilDate, sql: any SQLDatabase
    ) async throws -> Batch {
        guard !keys.isEmpty else { return Batch(rows: [], owners: [], historyText: "[]", disputed: [:], promised: [:], planned: [], lateByCustomer: [:], date: date) }
        var pairs = JSONRows()
        for key in keys { pairs.append(.uuid(key.creditorID), .uuid(key.id)) }
        let batch = BulkStatement.relation(pairs, keyColumns, on: sql)
        // The claims' rows first, the rest after: a change committed in between (an act undone, a dispute raised)
        // is then in what is read after, and moves what the write is guarded by, never only in the history.
        let rows = try await BulkStatement.rows(ClaimColumn.allCases.map(\.expression), """
            FROM \(batch) AS k
            JOIN claims c ON c.id = k.claim_id AND c.creditor_id = k.creditor_id
            JOIN customers u ON u.id = c.customer_id
            """, on: sql)
        let historyText = try await takenSteps(batch, on: sql)
        let disputed = try await Disputes.openAmounts(claims: batch, on: sql)
        let promised = try await Promises.open(claims: batch, on: sql)
        let planned = try await PaymentPlans.paused(claims: batch, on: sql)
        let owners = try rows.map { row -> Owner in
            let creditorID = try row.uuid(ClaimColumn.creditorID.rawValue)
            guard let creditor = creditors[creditorID] else { throw UnreadableLadder(key: "default", reason: "no creditor \(creditorID)") }
            let ladder = try creditor.ladders.ladder(
                claimKey: try row.optionalText(ClaimColumn.ladderKey.rawValue),
                customerKey: try row.optionalText(ClaimColumn.customerLadderKey.rawValue), country: creditor.country
            )
            return (creditorID: creditorID, customerID: try row.uuid(ClaimColumn.customerID.rawValue), country: creditor.country, ladder: ladder)
        }
        return Batch(
            rows: rows, owners: owners, historyText: historyText, disputed: disputed, promised: promised, planned: planned,
            lateByCustomer: try await latePayments(owners, on: date, sql: sql), date: date
        )
    }
}

extension DueClaims.Batch {
    func claims() throws -> [DueClaim] {
        let history = try DueClaims.takenSteps(historyText)
        return try zip(rows, owners).map { row, owner in
            func column(_ column: DueClaims.ClaimColumn) throws -> String { try row.text(column.rawValue) }
            func optional(_ column: DueClaims.ClaimColumn) throws -> String? { try row.optionalText(column.rawValue) }
            let id = try row.uuid(DueClaims.ClaimColumn.id.rawValue), country = owner.country
            let currency = try Currency.named(try column(.currency))
            func money(_ column: DueClaims.ClaimColumn) throws -> Money {
                Money(minorUnits: try row.integer(column.rawValue), currency: currency)
            }
            let kind = CustomerKind(rawValue: try column(.kind)) ?? .consumer
            let hasAddress = try [column(.addressLine), column(.postalCode), column(.city)]
                .allSatisfy { $0.contains { !$0.isWhitespace } }
            // E-mail only with its consent recorded and an address, as delivery will check (`CustomerRecord.acceptsEmailNotices`).
            let emailConsented = try row.integer(DueClaims.ClaimColumn.emailConsented.rawValue) == 1
            let channels = try column(.acceptedChannels).split(separator: ",").compactMap { Channel(rawValue: String($0)) }
                .filter { $0 != .email || emailConsented }
            let facts = ClaimFacts(
                claimID: UUIDText.string(id), country: country, customerKind: kind,
                issueDate: try CivilDate(iso: try column(.issueDate)),
                dueDate: try CivilDate(iso: try column(.dueDate)),
                balances: try ComponentBalances(
                    principal: try money(.principalOpen), fee: try money(.feeOpen),
                    interest: try money(.interestOpen), compensation: try money(.compensationOpen)
                ),
                interestChargedThrough: try optional(.interestChargedThrough).map { try CivilDate(iso: $0) },
                reminderFeeAgreed: try row.boolean(DueClaims.ClaimColumn.reminderFeeAgreed.rawValue),
                acceptedElectronicChannels: Set(channels.filter(\.isElectronic)),
                hasPostalAddress: hasAddress,
                missingDebtorData: DueClaims.missingDebtorData(
                    kind: kind, name: try column(.name), hasAddress: hasAddress,
                    organisationNumber: try optional(.organisationNumber),
                    nationalIdentityNumber: try optional(.nationalIdentityNumber), customerCountry: try column(.customerCountry), country: country,
                    today: date
                ),
                history: history[id] ?? [],
                disputedAmount: Money(minorUnits: disputed[id] ?? 0, currency: currency),
                promise: try promised[id].map {
                    PromiseFacts(
                        payBy: try CivilDate(iso: $0.payBy), amount: Money(minorUnits: $0.amount, currency: currency), invoiceNumbers: $0.invoiceNumbers
                    )
                },
                onPaymentPlan: planned.contains(id),
                lastLatePayment: lateByCustomer[owner.customerID]
            )
            return DueClaim(
                id: id, creditorID: owner.creditorID, customerID: owner.customerID, currency: currency,
                lastSequence: try row.integer(DueClaims.ClaimColumn.lastSequence.rawValue),
                stage: ClaimStage(rawValue: try column(.stage)) ?? .open, revision: try row.integer(DueClaims.ClaimColumn.revision.rawValue),
                ladder: owner.ladder, facts: facts, waiverOfferUntil: try optional(.waiverOfferUntil)
            )
        }
    }
}

extension DueClaims {
    /// The columns a due claim is read with, in the order they are selected.
    fileprivate enum ClaimColumn: Int, CaseIterable {
        case id, creditorID, customerID, issueDate, dueDate, currency, stage, lastSequence
        case principalOpen, feeOpen, interestOpen, compensationOpen, ladderKey, reminderFeeAgreed, interestChargedThrough, waiverOfferUntil
        case revision
        case kind, name, acceptedChannels, customerLadderKey, addressLine, postalCode, city, organisationNumber, nationalIdentityNumber
        case customerCountry, emailConsented

        var expression: String {
            switch self {
            case .id: "c.id"
            case .creditorID: "c.creditor_id"
            case .customerID: "c.customer_id"
            case .issueDate: "c.issue_date"
            case .dueDate: "c.due_date"
            case .currency: "c.currency"
            case .stage: "c.stage"
            case .lastSequence: "c.last_sequence"
            case .principalOpen: "c.principal_open_minor"
            case .feeOpen: "c.fee_open_minor"
            case .interestOpen: "c.interest_open_minor"
            case .compensationOpen: "c.compensation_open_minor"
            case .ladderKey: "c.ladder_key"
            case .reminderFeeAgreed: "c.reminder_fee_agreed"
            case .interestChargedThrough: "c.interest_charged_through"
            case .waiverOfferUntil: "c.waiver_offer_until"
            case .revision: "c.revision"
            case .kind: "u.kind"
            case .name: "u.name"
            case .acceptedChannels: "u.accepted_channels"
            case .customerLadderKey: "u.ladder_key"
            case .addressLine: "u.address_line"
            case .postalCode: "u.postal_code"
            case .city: "u.city"
            case .organisationNumber: "u.organisation_number"
            case .nationalIdentityNumber: "u.national_identity_number"
            case .customerCountry: "u.country"
            case .emailConsented: CustomerRecord.emailConsented("u")
            }
        }
    }

    /// The latest payment after its claim's business-day due date for each customer whose ladder rewards
    /// good payers, looking back as far as the longest such ladder does. Nothing is read when no ladder asks.
    private static func latePayments(
        _ owners: [Owner], on date: CivilDate, sql: any SQLDatabase
    ) async throws -> [UUID: CivilDate] {
        var months = 0
        var customers = JSONRows()
        var seen: Set<UUID> = []
        var countries: [UUID: Country] = [:]
        for owner in owners {
            guard let goodPayerMonths = owner.ladder.options.goodPayerMonths else { continue }
            months = max(months, goodPayerMonths)
            countries[owner.creditorID] = owner.country
            guard seen.insert(owner.customerID).inserted else { continue }
            customers.append(.uuid(owner.creditorID), .uuid(owner.customerID))
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
            guard let country = countries[try payment.decode(column: "creditor_id", as: UUID.self)] else { continue }
            let paidOn = try CivilDate(iso: try payment.decode(column: "paid_on", as: String.self))
            let dueDate = try CivilDate(iso: try payment.decode(column: "due_date", as: String.self))
            guard paidOn > Rulebook.for(country).calendar.dueDateRolledForward(dueDate) else { continue }
            let customer = try payment.decode(column: "customer_id", as: UUID.self)
            latest[customer] = max(latest[customer] ?? paidOn, paidOn)
        }
        return latest
    }

    /// Each claim's steps taken so far, oldest first, as JSON text: made into steps (`takenSteps(_:)`) on the
    /// core that plans, not the database's. An act whose notice never went is no step taken (`UnsentActs`).
    private static func takenSteps(_ batch: SQLQueryString, on sql: any SQLDatabase) async throws -> String {
        try await BulkStatement.rowsText(
            ["a.claim_id", "a.step_id", "a.kind", "a.act_date", "a.deadline", "a.fee_minor", "a.compensation_minor", "a.currency", "a.channel"],
            orderBy: "a.act_date, a.step_id",
            """
            FROM \(batch) AS k JOIN collection_acts a ON a.creditor_id = k.creditor_id AND a.claim_id = k.claim_id
              AND a.delivery_status <> \(literal: UnsentActs.status)
            """, on: sql
        )
    }

    fileprivate static func takenSteps(_ text: String) throws -> [UUID: [TakenStep]] {
        let rows = try JSONRowsReader(text).rows
        var history: [UUID: [TakenStep]] = [:]
        for row in rows {
            let currency = try Currency.named(try row.text(7))
            let fee = try row.integer(5), compensation = try row.integer(6)
            let step = TakenStep(
                stepID: try row.text(1),
                kind: StepKind(rawValue: try row.text(2)) ?? .friendlyReminder,
                sentOn: try CivilDate(iso: try row.text(3)),
                deadline: try row.optionalText(4).map { try CivilDate(iso: $0) },
                fee: fee > 0 ? Money(minorUnits: fee, currency: currency) : nil,
                compensation: compensation > 0 ? Money(minorUnits: compensation, currency: currency) : nil,
                channel: try row.optionalText(8).flatMap(Channel.init(rawValue:))
            )
            history[try row.uuid(0), default: []].append(step)
        }
        return history
    }

    /// What an agency would need and the claim lacks: a name, a postal address, for a business a valid number of its
    /// country's registry or a Swedish sole trader's personnummer (`BusinessIdentity`), and for a consumer a valid
    /// national identity number where one is on file. The reason names what is missing in the words of the creditor's
    /// `country`, a consumer's number in those of the customer's.
    static func missingDebtorData(
        kind: CustomerKind, name: String, hasAddress: Bool, organisationNumber: String?, nationalIdentityNumber: String?,
        customerCountry: String, country: Country, today: CivilDate
    ) -> [ReasonText] {
        var missing: [ReasonText] = []
        if !name.contains(where: { !$0.isWhitespace }) { missing.append(ReasonText("name")) }
        if !hasAddress { missing.append(ReasonText("postal address")) }
        if !CountryCode.isKept(customerCountry) { missing.append(ReasonText("country code")) }
        if kind == .business {
            let known = BusinessIdentity.isKnown(
                organisationNumber: organisationNumber, nationalIdentityNumber: nationalIdentityNumber, countryCode: customerCountry,
                today: today
            )
            // The registry's own word, the same in every language.
            if !known { missing.append(ReasonText(verbatim: BusinessIdentity.missingWord(country))) }
        }
        // A consumer's number is not required, but one that is wrong would block the handover (`HandoverReadiness`).
        if kind == .consumer, let number = nationalIdentityNumber,
           let word = NationalIdentity.invalidWord(number, countryCode: customerCountry, today: today) {
            missing.append(ReasonText("valid \(word)"))
        }
        return missing
    }
}
