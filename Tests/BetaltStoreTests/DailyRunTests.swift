import BetaltCore
import BetaltStore
import BetaltTestSupport
import FluentKit
import Foundation
import SQLKit
import Synchronization
import Testing

@Suite("The daily run")
struct DailyRunTests {
    static let today = try! CivilDate(2026, 11, 22)
    /// A Monday: notices go out on business days only, and the demo's today is a Sunday.
    static let runDate = try! CivilDate(2026, 11, 23)

    private func seeded(_ store: StandaloneDatabase) async throws -> DemoLedger {
        let ledger = try DemoLedger(today: Self.today, customersPerCreditor: 15, invoicesPerCreditor: 120)
        try await DemoSeeder.seed(ledger, demoUserPasswordHash: "not-a-real-hash", on: store.database)
        return ledger
    }

    /// Everything a run writes, in a stable order and without generated ids or timestamps.
    private func state(_ store: StandaloneDatabase) async throws -> [String] {
        let sql = store.database as! any SQLDatabase
        var lines: [String] = []
        for row in try await sql.raw("""
            SELECT claim_id, step_id, kind, act_date, channel, fee_minor, compensation_minor, interest_minor,
                   amount_due_minor, deadline, group_key, reasons FROM collection_acts
            """).all() {
            lines.append("act \(try row.decode(column: "claim_id", as: UUID.self)) \(try row.decode(column: "step_id", as: String.self)) "
                + "\(try row.decode(column: "kind", as: String.self)) \(try row.decode(column: "act_date", as: String.self)) "
                + "\(try row.decode(column: "channel", as: String?.self) ?? "-") \(try row.decode(column: "fee_minor", as: Int64.self)) "
                + "\(try row.decode(column: "compensation_minor", as: Int64.self)) \(try row.decode(column: "interest_minor", as: Int64.self)) "
                + "\(try row.decode(column: "amount_due_minor", as: Int64.self)) \(try row.decode(column: "deadline", as: String?.self) ?? "-") "
                + "\(try row.decode(column: "reasons", as: String.self))")
        }
        for row in try await sql.raw("SELECT claim_id, sequence, kind, component, amount_minor, entry_date, text FROM ledger_entries").all() {
            lines.append("entry \(try row.decode(column: "claim_id", as: UUID.self)) \(try row.decode(column: "sequence", as: Int.self)) "
                + "\(try row.decode(column: "kind", as: String.self)) \(try row.decode(column: "component", as: String.self)) "
                + "\(try row.decode(column: "amount_minor", as: Int64.self)) \(try row.decode(column: "entry_date", as: String.self)) "
                + "\(try row.decode(column: "text", as: String.self))")
        }
        for row in try await sql.raw("""
            SELECT id, stage, next_action_date, open_minor, fee_open_minor, interest_open_minor, compensation_open_minor,
                   last_sequence, interest_charged_through FROM claims
            """).all() {
            lines.append("claim \(try row.decode(column: "id", as: UUID.self)) \(try row.decode(column: "stage", as: String.self)) "
                + "\(try row.decode(column: "next_action_date", as: String?.self) ?? "-") \(try row.decode(column: "open_minor", as: Int64.self)) "
                + "\(try row.decode(column: "fee_open_minor", as: Int64.self)) \(try row.decode(column: "interest_open_minor", as: Int64.self)) "
                + "\(try row.decode(column: "compensation_open_minor", as: Int64.self)) \(try row.decode(column: "last_sequence", as: Int64.self)) "
                + "\(try row.decode(column: "interest_charged_through", as: String?.self) ?? "-")")
        }
        for row in try await sql.raw("SELECT claim_id, decided_on, outcome, step_id, reason, citation FROM claim_decisions").all() {
            lines.append("decision \(try row.decode(column: "claim_id", as: UUID.self)) \(try row.decode(column: "decided_on", as: String.self)) "
                + "\(try row.decode(column: "outcome", as: String.self)) \(try row.decode(column: "step_id", as: String?.self) ?? "-") "
                + "\(try row.decode(column: "reason", as: String.self)) \(try row.decode(column: "citation", as: String?.self) ?? "-")")
        }
        return lines.sorted()
    }

    @Test("a run acts on due claims, charges through the ledger and reports what it did", arguments: TestEngine.allCases)
    func actsAndReports(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            _ = try await seeded(store)
            let report = try await DailyRun(date: Self.runDate).run(on: store.database)
            #expect(report.creditors.map(\.outcome) == ["done", "done"])
            #expect(report.totalClaims > 100)
            #expect((report.totalActs["friendlyReminder"] ?? 0) > 0, "\(report.text)")
            let sql = store.database as! any SQLDatabase
            let acts = try await sql.raw("SELECT COUNT(*) AS n FROM collection_acts").first()!.decode(column: "n", as: Int.self)
            #expect(acts == report.totalActs.values.reduce(0, +))
            // Each claim's open amount is still the sum of its ledger.
            let mismatches = try await sql.raw("""
                SELECT COUNT(*) AS n FROM claims c
                WHERE c.open_minor <> (SELECT CAST(COALESCE(SUM(CASE WHEN e.kind IN ('principal','fee','interest','compensation')
                      THEN e.amount_minor ELSE -e.amount_minor END), 0) AS BIGINT) FROM ledger_entries e WHERE e.claim_id = c.id)
                """).first()!.decode(column: "n", as: Int.self)
            #expect(mismatches == 0)
            let stored = try #require(try await RunRecord.find(report.runID, on: store.database))
            #expect(stored.finishedAt != nil)
            #expect(try JSONDecoder().decode(RunReport.self, from: Data(stored.report.utf8)).totalClaims == report.totalClaims)
        }
    }

    @Test("running the same day twice changes nothing the second time", arguments: TestEngine.allCases)
    func idempotent(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            _ = try await seeded(store)
            _ = try await DailyRun(date: Self.runDate).run(on: store.database)
            let after = try await state(store)
            let second = try await DailyRun(date: Self.runDate).run(on: store.database)
            #expect(second.creditors.map(\.outcome) == ["already-done", "already-done"])
            #expect(try await state(store) == after)
        }
    }

    @Test("a dry run reports the same decisions and saves nothing", arguments: TestEngine.allCases)
    func dryRun(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            _ = try await seeded(store)
            let before = try await state(store)
            let dry = try await DailyRun(date: Self.runDate, dryRun: true).run(on: store.database)
            #expect(try await state(store) == before)
            let real = try await DailyRun(date: Self.runDate).run(on: store.database)
            #expect(dry.totalActs == real.totalActs)
            #expect(dry.totalClaims == real.totalClaims)
        }
    }

    @Test("a run stopped midway and run again ends exactly as one clean run", arguments: TestEngine.allCases)
    func crashSafe(engine: TestEngine) async throws {
        let clean = try await TestDatabase.with(engine) { store in
            _ = try await seeded(store)
            _ = try await DailyRun(date: Self.runDate).run(on: store.database)
            return try await state(store)
        }
        for stopAfter in [1, 3] {
            let recovered = try await TestDatabase.with(engine) { store in
                _ = try await seeded(store)
                var crashing = DailyRun(date: Self.runDate)
                crashing.batchSize = 17
                crashing.afterBatch = { done, _ in if done >= 17 * stopAfter { throw SimulatedCrash() } }
                await #expect(throws: SimulatedCrash.self) { try await crashing.run(on: store.database) }
                #expect(try await state(store) != clean)
                var restarted = DailyRun(date: Self.runDate)
                let later = Date().addingTimeInterval(3600)
                restarted.clock = { later }
                let report = try await restarted.run(on: store.database)
                #expect(report.creditors.allSatisfy { $0.outcome == "done" })
                return try await state(store)
            }
            #expect(recovered == clean, "stopped after \(stopAfter) batches: \(difference(recovered, clean))")
        }
    }

    @Test("a run renews its creditors' leases once a third of one has gone by, not after every batch", arguments: TestEngine.allCases)
    func leasesRenewedWhenDue(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            _ = try await seeded(store)
            // Each look at the clock finds it 25 s on: the creditors are claimed at +0 s with a lease to +120 s,
            // and the batches are written at +25, +50 and +75 s. Only +50 s is 40 s or more after the last renewal.
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            let looks = Mutex(0)
            var run = DailyRun(date: Self.runDate)
            run.batchSize = 17
            run.clock = { looks.withLock { looks in defer { looks += 1 }; return start.addingTimeInterval(25 * Double(looks)) } }
            run.afterBatch = { done, _ in if done >= 17 * 3 { throw SimulatedCrash() } }
            await #expect(throws: SimulatedCrash.self) { try await run.run(on: store.database) }
            let leases = try await (store.database as! any SQLDatabase).raw("""
                SELECT lease_until FROM creditor_runs WHERE run_date = \(bind: Self.runDate.iso) AND status = 'running'
                """).all().map { try $0.decode(column: "lease_until", as: Date.self) }
            #expect(!leases.isEmpty)
            for lease in leases {
                #expect(abs(lease.timeIntervalSince(start) - (50 + 120)) < 1, "lease until +\(lease.timeIntervalSince(start)) s")
            }
        }
    }

    @Test("two runs at once split the creditors between them and do nothing twice", arguments: TestEngine.allCases)
    func concurrent(engine: TestEngine) async throws {
        let clean = try await TestDatabase.with(engine) { store in
            _ = try await seeded(store)
            _ = try await DailyRun(date: Self.runDate).run(on: store.database)
            return try await state(store)
        }
        try await TestDatabase.withTwoConnections(engine) { first, second in
            _ = try await seeded(first)
            async let a = DailyRun(date: Self.runDate).run(on: first.database)
            async let b = DailyRun(date: Self.runDate).run(on: second.database)
            let reports = try await [a, b]
            let outcomes = reports.flatMap(\.creditors).map(\.outcome)
            #expect(outcomes.filter { $0 == "done" }.count == 2, "\(outcomes)")
            let together = try await state(first)
            #expect(together == clean, "\(difference(together, clean))")
        }
    }

    @Test("a batch PostgreSQL rolls back to end a deadlock is planned and written again, ending as one clean run",
          arguments: [TestEngine.postgres])
    func deadlockedBatchWrittenAgain(engine: TestEngine) async throws {
        // SQLite has one writer, which each transaction takes first, and never ends a conflict so: PostgreSQL only.
        let clean = try await TestDatabase.with(engine) { store in
            _ = try await seeded(store)
            _ = try await DailyRun(date: Self.runDate).run(on: store.database)
            return try await state(store)
        }
        try await TestDatabase.with(engine) { store in
            _ = try await seeded(store)
            let sql = store.database as! any SQLDatabase
            // The first batch's acts meet what PostgreSQL answers the transaction it picks to end a deadlock; a
            // sequence counts the tries, as it is not rolled back with them.
            try await sql.raw("CREATE SEQUENCE act_inserts").run()
            try await sql.raw("""
                CREATE FUNCTION deadlock_once() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF nextval('act_inserts') = 1 THEN
                        RAISE EXCEPTION 'deadlock detected' USING ERRCODE = 'deadlock_detected';
                    END IF;
                    RETURN NULL;
                END $$
                """).run()
            try await sql.raw("CREATE TRIGGER deadlock_once AFTER INSERT ON collection_acts FOR EACH STATEMENT EXECUTE FUNCTION deadlock_once()").run()
            var run = DailyRun(date: Self.runDate)
            run.batchSize = 40
            let report = try await run.run(on: store.database)
            let tries = try await sql.raw("SELECT last_value FROM act_inserts").first()?.decode(column: "last_value", as: Int.self)
            #expect((tries ?? 0) > 1, "the first batch's acts were inserted again")
            #expect(report.creditors.allSatisfy { $0.outcome == "done" && $0.attention[CreditorRunReport.leftForNextRun] == nil })
            let after = try await state(store)
            #expect(after == clean, "\(difference(after, clean))")
        }
    }

    /// Books a payment of `amount(claim)` on every claim the run has yet to write (its next-action date has come),
    /// as a bank file booked at that moment would; returns the claims paid.
    private func payClaimsStillDue(on database: any Database, amount: (ClaimRecord) -> Int64) async throws -> [UUID] {
        let due = try await ClaimRecord.query(on: database).filter(\.$nextActionDate <= Self.runDate.iso)
            .filter(\.$stage !~ ["closed", "withAgency"]).filter(\.$openMinor > 0).all()
        for claim in due {
            let payment = Money(minorUnits: amount(claim), currency: try .named(claim.currency))
            let allocation = try PaymentAllocator.allocate(payment, to: try claim.balances())
            try await LedgerWriter.append(allocation.entries(on: Self.runDate, reference: "paid while the run read it"),
                                          toClaim: claim.id!, creditorID: claim.creditorID, on: database)
        }
        return due.map { $0.id! }
    }

    @Test("a claim paid while the run holds it read is not written back as unpaid; the run takes it as it is now", arguments: TestEngine.allCases)
    func paidWhileRead(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            _ = try await seeded(store)
            let database = store.database
            let paid = Mutex<[UUID]>([])
            var run = DailyRun(date: Self.runDate)
            run.batchSize = 17
            // After the first batch is written the second has been read and is being planned: every claim still due
            // is paid in full now, as a bank file booked at that moment would.
            run.afterBatch = { done, _ in
                guard done == 17 else { return }
                let due = try await payClaimsStillDue(on: database) { $0.openMinor }
                paid.withLock { $0 = due }
            }
            let report = try await run.run(on: database)
            let ids = paid.withLock { $0 }
            // Read again and planned as they are now: nothing is left over.
            #expect(report.creditors.allSatisfy { $0.attention[CreditorRunReport.leftForNextRun] == nil })
            #expect(ids.count > 17, "the second batch and more were paid")
            let sql = database as! any SQLDatabase
            for id in ids {
                let claim = try #require(try await ClaimRecord.find(id, on: database))
                let lastEntry = try await sql.raw("SELECT MAX(sequence) AS s FROM ledger_entries WHERE claim_id = \(bind: id)").first()?
                    .decode(column: "s", as: Int64.self)
                #expect(claim.openMinor == 0 && claim.stage == "closed" && claim.lastSequence == lastEntry,
                        "claim \(claim.invoiceNumber): open \(claim.openMinor), stage \(claim.stage), last \(claim.lastSequence) of \(lastEntry ?? 0)")
                let acts = try await CollectionActRecord.query(on: database).filter(\.$claimID == id).filter(\.$actDate == Self.runDate.iso).count()
                #expect(acts == 0, "claim \(claim.invoiceNumber) was paid before its batch was written, yet \(acts) act(s) went out")
            }
        }
    }

    @Test("claims that keep changing while the run writes them are left for the next run, and the rest of the batch is written",
          arguments: TestEngine.allCases)
    func leftWhenChangingMeanwhile(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            _ = try await seeded(store)
            let database = store.database
            let paid = Mutex<Set<UUID>>([])
            var run = DailyRun(date: Self.runDate)
            run.batchSize = 17
            run.replans = 0
            run.afterBatch = { done, _ in
                guard done == 17 else { return }
                // Every claim not yet written takes a part payment: those of the batch being planned were read before it.
                let due = try await payClaimsStillDue(on: database) { _ in 100 }
                paid.withLock { $0 = Set(due) }
            }
            let report = try await run.run(on: database)
            let changed = paid.withLock { $0 }
            let left = report.creditors.reduce(0) { $0 + ($1.attention[CreditorRunReport.leftForNextRun] ?? 0) }
            #expect(left > 0 && left <= 17, "the paid claims of the batch in planning are left: \(left) of \(changed.count) paid")
            var untouched = 0
            for id in changed {
                let claim = try #require(try await ClaimRecord.find(id, on: database))
                let entries = try await LedgerEntryRecord.query(on: database).filter(\.$claimID == id).count()
                #expect(claim.lastSequence == Int64(entries), "claim \(claim.invoiceNumber): its ledger is mirrored")
                guard let next = claim.nextActionDate, next <= Self.runDate.iso else { continue }
                untouched += 1
                #expect(try await CollectionActRecord.query(on: database).filter(\.$claimID == id).count() == 0)
            }
            #expect(untouched == left, "exactly the claims left were not written; the rest were planned as they are now")
        }
    }

    @Test("shares worked on at once (PostgreSQL) end exactly as one share at a time, with the same report", arguments: TestEngine.allCases)
    func sharesAtOnce(engine: TestEngine) async throws {
        func run(sharesAtOnce: Int) async throws -> (state: [String], creditors: [CreditorRunReport]) {
            try await TestDatabase.with(engine) { store in
                _ = try await seeded(store)
                var run = DailyRun(date: Self.runDate)
                run.creditorsPerShare = 1
                run.sharesAtOnce = sharesAtOnce
                let report = try await run.run(on: store.database)
                return (try await state(store), report.creditors)
            }
        }
        let oneAtATime = try await run(sharesAtOnce: 1)
        let atOnce = try await run(sharesAtOnce: 3)
        #expect(oneAtATime.creditors.count > 1, "several shares")
        #expect(atOnce.state == oneAtATime.state, "\(difference(atOnce.state, oneAtATime.state))")
        #expect(atOnce.creditors == oneAtATime.creditors, "the creditors' reports, in the same order")
    }

    @Test("only claims whose next-action date has come are loaded", arguments: [TestEngine.sqlite])
    func onlyDueClaims(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            _ = try await seeded(store)
            let sql = store.database as! any SQLDatabase
            let due = try await sql.raw("""
                SELECT COUNT(*) AS n FROM claims WHERE next_action_date <= \(bind: Self.runDate.iso) AND stage <> 'closed'
                """).first()!.decode(column: "n", as: Int.self)
            let report = try await DailyRun(date: Self.runDate).run(on: store.database)
            #expect(report.totalClaims == due)
            let tomorrow = try await DailyRun(date: Self.runDate.adding(days: 1)).run(on: store.database)
            #expect(tomorrow.totalClaims < report.totalClaims)
        }
    }
}

private struct SimulatedCrash: Error {}

/// The first few lines in which two states differ, for a readable failure.
private func difference(_ a: [String], _ b: [String]) -> String {
    let onlyA = Set(a).subtracting(b).sorted().prefix(3), onlyB = Set(b).subtracting(a).sorted().prefix(3)
    return "only in the first: \(Array(onlyA)); only in the second: \(Array(onlyB)); counts \(a.count) vs \(b.count)"
}
