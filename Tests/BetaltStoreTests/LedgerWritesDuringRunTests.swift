import BetaltCore
import BetaltStore
import BetaltTestSupport
import FluentKit
import Foundation
import SQLKit
import Synchronization
import Testing

@Suite("Ledger writes while the daily run is at work")
struct LedgerWritesDuringRunTests {
    static let today = try! CivilDate(2026, 11, 22)
    static let runDate = try! CivilDate(2026, 11, 23)

    /// The demo ledger, of the size given, in `store`.
    private func seed(_ store: StandaloneDatabase, customersPerCreditor: Int, invoicesPerCreditor: Int) async throws {
        let ledger = try DemoLedger(today: Self.today, customersPerCreditor: customersPerCreditor, invoicesPerCreditor: invoicesPerCreditor)
        try await DemoSeeder.seed(ledger, demoUserPasswordHash: "not-a-real-hash", on: store.database)
    }

    /// The claims the run on `runDate` will write, each with more than 1 krone/krona open to pay on.
    private func dueClaims(on database: any Database) async throws -> [ClaimRecord] {
        try await ClaimRecord.query(on: database).filter(\.$nextActionDate <= Self.runDate.iso)
            .filter(\.$stage !~ ["closed", "withAgency"]).filter(\.$openMinor > 100).all()
    }

    /// Claims whose last ledger sequence or open amount is not what their entries add up to.
    private func claimsOutOfStep(_ sql: any SQLDatabase) async throws -> Int? {
        try await sql.raw("""
            SELECT COUNT(*) AS n FROM claims c
            WHERE c.last_sequence <> (SELECT MAX(e.sequence) FROM ledger_entries e WHERE e.claim_id = c.id)
               OR c.open_minor <> (SELECT SUM(CASE WHEN e.kind IN ('principal', 'fee', 'interest', 'compensation') THEN e.amount_minor ELSE -e.amount_minor END)
                                   FROM ledger_entries e WHERE e.claim_id = c.id)
            """).first()?.decode(column: "n", as: Int.self)
    }

    @Test("a payment booked on another connection while the run writes the same claims is booked, not refused",
          arguments: TestEngine.allCases)
    func paymentsDuringRun(engine: TestEngine) async throws {
        try await TestDatabase.withTwoConnections(engine) { first, second in
            try await seed(first, customersPerCreditor: 15, invoicesPerCreditor: 120)
            let due = try await dueClaims(on: first.database)
            var run = DailyRun(date: Self.runDate)
            run.batchSize = 3
            let running = Mutex(true)
            async let report = { () async throws -> RunReport in
                defer { running.withLock { $0 = false } }
                return try await run.run(on: second.database)
            }()
            var booked = 0
            // Claims the run is about to charge fees and interest on, paid one by one until the run is done.
            for claim in due.reversed() where running.withLock({ $0 }) {
                let fresh = try #require(try await ClaimRecord.find(claim.id!, on: first.database))
                let payment = Money(minorUnits: 100, currency: try .named(fresh.currency))
                let allocation = try PaymentAllocator.allocate(payment, to: try fresh.balances())
                try await LedgerWriter.append(
                    allocation.entries(on: Self.runDate, reference: "paid while the run wrote"), toClaim: fresh.id!,
                    creditorID: fresh.creditorID, on: first.database
                )
                booked += 1
            }
            _ = try await report
            #expect(booked > 5, "payments booked while the run was at work: \(booked)")
            let sql = first.database as! any SQLDatabase
            #expect(try await claimsOutOfStep(sql) == 0)
        }
    }

    @Test("a ledger entry on a claim another transaction is writing waits for it, then follows its entries",
          arguments: TestEngine.allCases)
    func waitsForWriterOfSameClaim(engine: TestEngine) async throws {
        try await TestDatabase.withTwoConnections(engine) { first, second in
            try await seed(first, customersPerCreditor: 3, invoicesPerCreditor: 6)
            let claim = try #require(try await ClaimRecord.query(on: first.database).filter(\.$openMinor > 1_000).first())
            let claimID = try claim.requireID(), creditorID = claim.creditorID, before = claim.lastSequence
            let currency = try Currency.named(claim.currency)
            let fee = LedgerEntry.charge(.fee, Money(minorUnits: 500, currency: currency), on: Self.runDate, text: "a run's fee")
            let (written, signal) = AsyncStream<Void>.makeStream()
            // The first transaction writes the claim, as a daily run's batch would, and commits a moment later.
            async let held: Void = first.database.writing { tx in
                defer { signal.finish() }
                try await LedgerWriter.append([fee], toClaim: claimID, creditorID: creditorID, on: tx)
                signal.yield()
                try await Task.sleep(for: .milliseconds(300))
            }
            for await _ in written { break }
            let payment = LedgerEntry(kind: .payment, component: .principal, amount: Money(minorUnits: 100, currency: currency),
                                      date: Self.runDate, text: "paid meanwhile")
            let after = try await LedgerWriter.append([payment], toClaim: claimID, creditorID: creditorID, on: second.database)
            try await held
            #expect(after.entries.suffix(2).map(\.text) == ["a run's fee", "paid meanwhile"], "the payment follows the fee")
            let now = try #require(try await ClaimRecord.find(claimID, on: first.database))
            #expect(now.lastSequence == before + 2)
            #expect(now.openMinor == claim.openMinor + 500 - 100)
        }
    }

    @Test("a bank file booked while a run's batch writes the same creditor's claims waits for the batch, then books on what it wrote",
          arguments: [TestEngine.postgres])
    func bookingDuringBatch(engine: TestEngine) async throws {
        // PostgreSQL only: on SQLite both take the file's one writer lock first (`paymentsDuringRun` covers it).
        try await TestDatabase.withTwoConnections(engine) { first, second in
            try await seed(first, customersPerCreditor: 15, invoicesPerCreditor: 120)
            let sql = first.database as! any SQLDatabase
            // The run's first batch stays open a while after writing its acts; a sequence says when it is there.
            try await sql.raw("CREATE SEQUENCE batches_at_work").run()
            try await sql.raw("""
                CREATE FUNCTION hold_first_batch() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF nextval('batches_at_work') = 1 THEN PERFORM pg_sleep(1); END IF;
                    RETURN NULL;
                END $$
                """).run()
            try await sql.raw("CREATE TRIGGER hold_first_batch AFTER INSERT ON ledger_entries FOR EACH STATEMENT EXECUTE FUNCTION hold_first_batch()").run()
            let creditorID = try #require(try await CreditorRecord.query(on: first.database).sort(\.$id).first()?.id)
            let due = try await dueClaims(on: first.database).filter { $0.creditorID == creditorID }
            let payments = due.compactMap { claim in
                claim.paymentReference.map { reference in
                    NewPayment(
                        amount: Money(minorUnits: 100, currency: (try? Currency.named(claim.currency)) ?? .nok), paidOn: Self.runDate,
                        bookingDate: Self.runDate, references: [reference], referredDocuments: [], mentionedNumbers: [], freeText: "",
                        payerName: nil, bankReference: "RUN-\(reference)", isReversal: false, source: "test"
                    )
                }
            }
            var run = DailyRun(date: Self.runDate)
            run.batchSize = 40
            async let report = run.run(on: second.database)
            while try await sql.raw("SELECT last_value, is_called FROM batches_at_work").first()?.decode(column: "is_called", as: Bool.self) != true {
                try await Task.sleep(for: .milliseconds(10))
            }
            let booked = try await first.database.writing { tx in
                try await PaymentBooking.book(payments, fileID: nil, creditorID: creditorID, on: tx)
            }
            _ = try await report
            #expect(booked.filter { if case .matched = $0.match { true } else { false } }.count == payments.count, "every payment booked on its claim")
            #expect(try await claimsOutOfStep(sql) == 0)
        }
    }
}
