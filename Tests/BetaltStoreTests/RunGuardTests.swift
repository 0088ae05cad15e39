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

    @Test("a dispute raised on a claim after the run read it (its sequence, stage and next-action date unchanged) stops the batch",
          arguments: TestEngine.allCases)
    func disputeRaisedMeanwhile(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            try await DemoSeeder.seed(Self.ledger, demoUserPasswordHash: "x", on: store.database)
            let sql = try #require(store.database as? any SQLDatabase)
            // Claims due on the run's day: raising a dispute that day leaves their next-action date as it was.
            try await sql.raw("UPDATE claims SET next_action_date = \(bind: Self.runDate.iso) WHERE next_action_date < \(bind: Self.runDate.iso)").run()
            let (batch, claims) = try await plannedBatch(on: store, seeding: false)
            let disputed = claims[3]
            let before = try #require(try await ClaimRecord.find(disputed.id, on: store.database))
            _ = try await Disputes.raise(
                claimID: disputed.id, creditorID: disputed.creditorID, amount: nil, reason: .notDelivered, text: "Never came",
                raisedBy: "debtor", userID: nil, on: Self.runDate, database: store.database
            )
            let row = try #require(try await ClaimRecord.find(disputed.id, on: store.database))
            #expect(row.lastSequence == disputed.lastSequence && row.stage == disputed.stage.rawValue, "only the revision moved")
            #expect(row.nextActionDate == before.nextActionDate && row.nextActionDate == Self.runDate.iso, "a claim due on the run's day")

            await #expect(throws: ClaimsChangedMeanwhile.self) { try await write(batch, on: store) }
            #expect(try await acts(store) == 0, "nothing of the batch is written")
            #expect(try await RunBatchWriter.changedClaims(batch.read, on: sql) == [disputed.id], "the claim is named, to be read again")
        }
    }

    @Test("a customer's consent to e-mail withdrawn after the run read their claims stops the batch", arguments: TestEngine.allCases)
    func consentWithdrawnMeanwhile(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let (batch, claims) = try await plannedBatch(on: store)
            let sql = try #require(store.database as? any SQLDatabase)
            let customer = try #require(try await CustomerRecord.find(claims[1].customerID, on: store.database))
            // Either way round: what the run read about the channels is no longer so.
            #expect(try await NoticeConsent.record(
                customerID: customer.id!, creditorID: customer.creditorID, acceptsEmail: !customer.acceptsEmailNotices, basis: "by telephone",
                on: Self.runDate, by: "kari@example", userID: nil, database: store.database
            ))
            await #expect(throws: ClaimsChangedMeanwhile.self) { try await write(batch, on: store) }
            #expect(try await acts(store) == 0, "nothing of the batch is written")
            let changed = try await RunBatchWriter.changedClaims(batch.read, on: sql)
            #expect(changed.contains(claims[1].id) && changed == Set(claims.filter { $0.customerID == customer.id }.map(\.id)))
        }
    }

    @Test("a payment plan offered for a claim after the run read it stops the batch", arguments: TestEngine.allCases)
    func planOfferedMeanwhile(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let (batch, claims) = try await plannedBatch(on: store)
            let sql = try #require(store.database as? any SQLDatabase)
            let claim = try #require(try await ClaimRecord.find(claims[2].id, on: store.database))
            let request = PlanRequest(
                claimIDs: [claim.id!], downPayment: Money(minorUnits: claim.openMinor / 4, currency: claims[2].currency),
                downPaymentDate: Self.runDate.adding(days: 7), instalmentCount: 3, firstInstalmentDate: Self.runDate.adding(days: 37),
                note: "agreed on the phone"
            )
            _ = try await PaymentPlans.make(
                request, creditorID: claim.creditorID, proposedBy: "kari@example", userID: nil, limits: nil, on: Self.runDate, database: store.database
            )
            await #expect(throws: ClaimsChangedMeanwhile.self) { try await write(batch, on: store) }
            #expect(try await RunBatchWriter.changedClaims(batch.read, on: sql) == [claim.id!])
        }
    }

    @Test("an act taken back without a fee after the run read its claim stops the batch; an untouched batch is written",
          arguments: TestEngine.allCases)
    func actTakenBackMeanwhile(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let (batch, claims) = try await plannedBatch(on: store)
            let sql = try #require(store.database as? any SQLDatabase)
            #expect(try await RunBatchWriter.changedClaims(batch.read, on: sql).isEmpty)
            // A fee-free reminder of the claim from an earlier day, whose notice never went.
            let claim = claims[5]
            let act = CollectionActRecord()
            act.creditorID = claim.creditorID
            act.claimID = claim.id
            act.customerID = claim.customerID
            act.stepID = "earlier-nudge"
            act.kind = StepKind.friendlyReminder.rawValue
            act.actDate = Self.today.adding(days: -5).iso
            act.currency = claim.currency.code
            (act.feeMinor, act.compensationMinor, act.interestMinor, act.amountDueMinor) = (0, 0, 0, 0)
            act.groupKey = "earlier"
            act.reasons = "[]"
            act.deliveryStatus = "composed"
            try await act.create(on: store.database)
            let before = try await RunBatchWriter.changedClaims(batch.read, on: sql)
            try await UnsentActs.undo([act.id!], on: Self.runDate, database: store.database)
            #expect(try await RunBatchWriter.changedClaims(batch.read, on: sql) == before.union([claim.id]))
            await #expect(throws: ClaimsChangedMeanwhile.self) { try await write(batch, on: store) }

            let (fresh, _) = try await plannedBatch(on: store, seeding: false)
            try await write(fresh, on: store)
            #expect(try await acts(store) == fresh.acts.count && fresh.acts.count > 0)
        }
    }
}
