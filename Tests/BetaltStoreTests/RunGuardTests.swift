import BetaltCore
@testable import BetaltStore
import BetaltTestSupport
import FluentKit
import Foundation
import SQLKit
import Testing

/// The daily run writes a claim only as it read it: a change committed between its read and its write sends the
/// batch back to be read and planned again.
@Suite("The daily run's guard on the claims it read", .serialized)
struct RunGuardTests {
    static let today = try! CivilDate(2026, 11, 22)
    static let runDate = try! CivilDate(2026, 11, 23)

    private static let ledger = try! DemoLedger(today: today, customersPerCreditor: 8, invoicesPerCreditor: 60)

    /// A batch of the Norwegian creditor's due claims, read and planned as the run does, not yet written.
    private func plannedBatch(on store: StandaloneDatabase, seeding: Bool = true) async throws -> (RunBatchWriter.Output, [DueClaim]) {
        if seeding { try await DemoSeeder.seed(Self.ledger, demoUserPasswordHash: "x", on: store.database) }
        let sql = try #require(store.database as? any SQLDatabase)
        let creditor = Self.ledger.creditors[0]
        let ladders = try await LadderBook.load(creditorID: creditor.id, on: store.database)
        let keys = try await DueClaims.keys(creditorIDs: [creditor.id], through: Self.runDate, on: sql)
        let claims = try await DueClaims.load(
            keys.prefix(6).map(\.id), creditorID: creditor.id, country: .norway, ladders: ladders, on: Self.runDate, sql: sql
        )
        try #require(claims.count >= 6)
        let planned = claims.map { claim in
            (claim: claim, plan: Planner.plan(claim.facts, ladder: claim.ladder, rulebook: .for(.norway), on: Self.runDate))
        }
        return (try RunBatchWriter.rows(planned, runID: UUID()), claims)
    }

    private func write(_ batch: RunBatchWriter.Output, on store: StandaloneDatabase) async throws {
        try await store.database.writing { tx in try await RunBatchWriter.write(batch, on: tx as! any SQLDatabase) }
    }

    private func acts(_ store: StandaloneDatabase) async throws -> Int {
        try await CollectionActRecord.query(on: store.database).filter(\.$actDate == Self.runDate.iso).count()
    }

    @Test("a claim whose next-action date alone moved after it was read (an act taken back without a fee) stops the batch",
          arguments: TestEngine.allCases)
    func nextActionDateMoved(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let (batch, claims) = try await plannedBatch(on: store)
            let sql = try #require(store.database as? any SQLDatabase)
            // What `UnsentActs` does to a claim whose fee-free reminder never went: its sequence and stage stay.
            let moved = claims[3].id
            try await sql.raw("UPDATE claims SET next_action_date = \(bind: Self.today.adding(days: 1).iso) WHERE id = \(bind: moved)").run()

            await #expect(throws: ClaimsChangedMeanwhile.self) { try await write(batch, on: store) }
            #expect(try await acts(store) == 0, "nothing of the batch is written")
            #expect(try await RunBatchWriter.changedClaims(batch.read, on: sql) == [moved], "the claim is named, to be read again")
        }
    }

    @Test("a claim whose next-action date became NULL is changed too; an untouched batch is written", arguments: TestEngine.allCases)
    func nextActionDateCleared(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let (batch, claims) = try await plannedBatch(on: store)
            let sql = try #require(store.database as? any SQLDatabase)
            #expect(try await RunBatchWriter.changedClaims(batch.read, on: sql).isEmpty)
            try await sql.raw("UPDATE claims SET next_action_date = NULL WHERE id = \(bind: claims[5].id)").run()
            #expect(try await RunBatchWriter.changedClaims(batch.read, on: sql) == [claims[5].id])
            await #expect(throws: ClaimsChangedMeanwhile.self) { try await write(batch, on: store) }

            let (fresh, _) = try await plannedBatch(on: store, seeding: false)
            try await write(fresh, on: store)
            #expect(try await acts(store) == fresh.acts.count && fresh.acts.count > 0)
        }
    }
}
