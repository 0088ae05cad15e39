import BetaltCore
import BetaltStore
import BetaltTestSupport
import FluentKit
import Foundation
import Testing

@Suite("Promises to pay")
struct PromiseTests {
    static let today = try! CivilDate(2026, 11, 22)
    static let monday = try! CivilDate(2026, 11, 23)

    private func seeded(_ store: StandaloneDatabase) async throws -> ClaimRecord {
        let ledger = try DemoLedger(today: Self.today, customersPerCreditor: 15, invoicesPerCreditor: 120)
        try await DemoSeeder.seed(ledger, demoUserPasswordHash: "not-a-real-hash", on: store.database)
        _ = try await DailyRun(date: Self.monday).run(on: store.database)
        return try #require(try await ClaimRecord.query(on: store.database).filter(\.$openMinor > 100_000)
            .filter(\.$stage != "closed").sort(\.$invoiceNumber).first())
    }

    @Test("a promise pauses the ladder until its date; unpaid, it is broken, the ladder resumes and a call task is made", arguments: TestEngine.allCases)
    func broken(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let claim = try await seeded(store)
            let currency = try Currency.named(claim.currency)
            let tuesday = Self.monday.adding(days: 1)
            await #expect(throws: PromiseRefused.wholeAmountNeedsReason) {
                _ = try await Promises.make(claimIDs: [claim.id!], creditorID: claim.creditorID, payBy: tuesday.adding(days: 7), amount: nil,
                                            reason: "", madeBy: "kari@example", userID: nil, on: tuesday, database: store.database)
            }
            await #expect(throws: PromiseRefused.dateNotAhead) {
                _ = try await Promises.make(claimIDs: [claim.id!], creditorID: claim.creditorID, payBy: tuesday, amount: Money(minorUnits: 50_000, currency: currency),
                                            reason: "", madeBy: "kari@example", userID: nil, on: tuesday, database: store.database)
            }
            let payBy = tuesday.adding(days: 7)
            let promise = try await Promises.make(
                claimIDs: [claim.id!], creditorID: claim.creditorID, payBy: payBy, amount: Money(minorUnits: 50_000, currency: currency),
                reason: "", madeBy: "kari@example", userID: nil, on: tuesday, database: store.database
            )[0]
            await #expect(throws: PromiseRefused.alreadyPromised(payBy: payBy.iso)) {
                _ = try await Promises.make(claimIDs: [claim.id!], creditorID: claim.creditorID, payBy: payBy, amount: Money(minorUnits: 1_000, currency: currency),
                                            reason: "", madeBy: "kari@example", userID: nil, on: tuesday, database: store.database)
            }
            let acts = try await CollectionActRecord.query(on: store.database).filter(\.$claimID == claim.id!).count()
            _ = try await DailyRun(date: tuesday).run(on: store.database)
            let paused = try await ClaimDecisionRecord.query(on: store.database).filter(\.$claimID == claim.id!).filter(\.$decidedOn == tuesday.iso).all()
            #expect(paused.contains { $0.reasonText.description.contains("promised to pay") })
            #expect(try await CollectionActRecord.query(on: store.database).filter(\.$claimID == claim.id!).count() == acts)

            // On its date it is still open; the day after, unpaid, it is broken.
            #expect(try await Promises.review(today: payBy, on: store.database) == (kept: 0, broken: 0))
            let review = try await Promises.review(today: payBy.adding(days: 1), on: store.database)
            #expect(review.broken == 1)
            #expect(try await PromiseRecord.find(promise.id, on: store.database)?.status == "broken")
            let task = try #require(try await CollectionActRecord.query(on: store.database).filter(\.$claimID == claim.id!)
                .filter(\.$stepID == "broken-promise").first())
            #expect(task.kind == "callTask" && task.deliveryStatus == "task")
            #expect(try await ClaimRecord.find(claim.id, on: store.database)?.nextActionDate == payBy.adding(days: 1).iso)
            // Reviewing again changes nothing.
            #expect(try await Promises.review(today: payBy.adding(days: 1), on: store.database) == (kept: 0, broken: 0))

            // The call is in the work queue with why; recording its outcome closes it, for this creditor only.
            let calls = try await CallTasks.open(creditorID: claim.creditorID, on: store.database)
            let call = try #require(calls.first { $0.act.id == task.id })
            #expect(call.why.description.contains("broken") && call.customer.id == claim.customerID)
            #expect(!(try await CallTasks.complete(task.id!, creditorID: UUID(), reached: true, note: "", by: "x", userID: nil, today: payBy.adding(days: 1), on: store.database)))
            #expect(try await CallTasks.complete(
                task.id!, creditorID: claim.creditorID, reached: true, note: "Pays half on Friday", followUpOn: payBy.adding(days: 5),
                by: "kari@example", userID: nil, today: payBy.adding(days: 1), on: store.database))
            #expect(try await CallTasks.open(creditorID: claim.creditorID, on: store.database).allSatisfy { $0.act.id != task.id })
            let audit = try await AuditRecord.query(on: store.database).filter(\.$action == "call.reached").all()
            #expect(audit.map(\.detail) == ["Pays half on Friday"])
            // The call is in the customer's timeline, the customer is marked, and the agreed follow-up is the next call.
            let note = try #require(try await ConversationNoteRecord.query(on: store.database).filter(\.$kind == "call").first())
            #expect(note.outcome == "reached" && note.text == "Pays half on Friday" && note.claimID == claim.id)
            #expect(try await CustomerRecord.find(claim.customerID, on: store.database)?.promiseBrokenOn == payBy.adding(days: 1).iso)
            let followUp = try #require(try await CollectionActRecord.query(on: store.database).filter(\.$stepID == "follow-up").first())
            #expect(followUp.actDate == payBy.adding(days: 5).iso && followUp.deliveryStatus == "task")
        }
    }

    @Test("a promise is kept when the promised amount came in before its date was over", arguments: TestEngine.allCases)
    func kept(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let claim = try await seeded(store)
            let currency = try Currency.named(claim.currency)
            let payBy = Self.monday.adding(days: 10)
            let promise = try await Promises.make(
                claimIDs: [claim.id!], creditorID: claim.creditorID, payBy: payBy, amount: Money(minorUnits: 40_000, currency: currency),
                reason: "salary on the 25th", madeBy: "debtor", userID: nil, on: Self.monday, database: store.database
            )[0]
            _ = try await LedgerWriter.append(
                [LedgerEntry(kind: .payment, component: .principal, amount: Money(minorUnits: 40_000, currency: currency),
                             date: Self.monday.adding(days: 5), text: "paid as promised")],
                toClaim: claim.id!, creditorID: claim.creditorID, on: store.database
            )
            #expect(try await Promises.review(today: payBy.adding(days: 1), on: store.database) == (kept: 1, broken: 0))
            #expect(try await PromiseRecord.find(promise.id, on: store.database)?.status == "kept")
            #expect(try await CollectionActRecord.query(on: store.database).filter(\.$stepID == "broken-promise").count() == 0)
        }
    }

    /// A claim of the seeded ledger whose customer has at least two other overdue claims a promise may cover, with them.
    private func customerWithOverdueClaims(_ store: StandaloneDatabase) async throws -> (ClaimRecord, [ClaimRecord]) {
        for claim in try await ClaimRecord.query(on: store.database).filter(\.$openMinor > 0).filter(\.$dueDate < Self.monday.iso)
            .filter(\.$stage !~ ["closed", "withAgency"]).sort(\.$invoiceNumber).all() {
            let others = try await Promises.alsoCoverable(with: claim, today: Self.monday, on: store.database)
            if others.count >= 2 { return (claim, Array(others.prefix(2))) }
        }
        Issue.record("the demo ledger has no customer with three overdue claims")
        throw CancellationError()
    }

    @Test("a promise for several of a customer's claims is one promise: one amount for all, one line, kept as a whole", arguments: TestEngine.allCases)
    func severalClaims(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            _ = try await seeded(store)
            let (claim, others) = try await customerWithOverdueClaims(store)
            let currency = try Currency.named(claim.currency)
            let ids = [claim.id!] + others.map { $0.id! }
            let tuesday = Self.monday.adding(days: 1), payBy = Self.monday.adding(days: 10)
            func make(_ ids: [UUID], amount: Int64?) async throws -> [PromiseRecord] {
                try await Promises.make(
                    claimIDs: ids, creditorID: claim.creditorID, payBy: payBy, amount: amount.map { Money(minorUnits: $0, currency: currency) },
                    reason: "", madeBy: "kari@example", userID: nil, on: tuesday, database: store.database
                )
            }
            let stranger = try #require(try await ClaimRecord.query(on: store.database).filter(\.$creditorID == claim.creditorID)
                .filter(\.$customerID != claim.customerID).filter(\.$openMinor > 0).first())
            await #expect(throws: PromiseRefused.claimNotFound, "one customer's claims only") { _ = try await make([claim.id!, stranger.id!], amount: 1_000) }
            let open = ([claim] + others).reduce(Int64(0)) { $0 + $1.openMinor }
            await #expect(throws: PromiseRefused.amountOutOfRange(open: Money(minorUnits: open, currency: currency))) { _ = try await make(ids, amount: open + 1) }
            others[1].currency = "EUR"
            try await others[1].update(on: store.database)
            await #expect(throws: PromiseRefused.currenciesDiffer) { _ = try await make(ids, amount: 1_000) }
            others[1].currency = claim.currency
            try await others[1].update(on: store.database)

            let rows = try await make(ids, amount: 60_000)
            #expect(rows.map(\.claimID) == ids)
            #expect(rows.allSatisfy { $0.agreementID == rows[0].id && $0.amountMinor == 60_000 && $0.status == "open" })
            #expect(try await Promises.rows(of: rows[0].id!, creditorID: claim.creditorID, on: store.database).map(\.claimID) == ids)
            let numbers = ([claim] + others).map(\.invoiceNumber)
            let audit = try #require(try await AuditRecord.query(on: store.database).filter(\.$action == "promise.made").first())
            #expect(audit.detail.contains("invoices \(numbers.joined(separator: ", "))"), "\(audit.detail)")
            let timeline = try await Timeline.load(customerID: claim.customerID, creditorID: claim.creditorID, on: store.database)
            let made = timeline.filter { $0.kind == .promiseMade }
            #expect(made.count == 1 && made.first?.invoiceNumbers == numbers.sorted(), "one line for the promise, naming every invoice")
            let claimLine = try await Timeline.load(customerID: claim.customerID, claimID: others[0].id!, creditorID: claim.creditorID, on: store.database)
            #expect(claimLine.filter { $0.kind == .promiseMade }.first?.invoiceNumbers == numbers.sorted(), "on each claim's timeline too")
            #expect(try await Promises.alsoCoverable(with: claim, today: Self.monday, on: store.database).allSatisfy { !ids.contains($0.id!) })
            await #expect(throws: PromiseRefused.alreadyPromised(payBy: payBy.iso)) { _ = try await make([others[1].id!], amount: 1_000) }

            // Nothing is sent for any of them while the promise is being kept.
            let acts = try await CollectionActRecord.query(on: store.database).filter(\.$claimID ~~ ids).count()
            _ = try await DailyRun(date: tuesday).run(on: store.database)
            #expect(try await CollectionActRecord.query(on: store.database).filter(\.$claimID ~~ ids).count() == acts)
            let listed = ([claim] + others).sorted { ($0.dueDate, $0.invoiceNumber) < ($1.dueDate, $1.invoiceNumber) }.map(\.invoiceNumber)
            let waiting = try await ClaimDecisionRecord.query(on: store.database).filter(\.$claimID == others[0].id!)
                .filter(\.$decidedOn == tuesday.iso).all()
            #expect(waiting.contains { $0.reasonText.description.contains("600.00 NOK for invoices \(listed.joined(separator: ", ")) by") },
                    "\(waiting.map(\.reasonText.description))")

            // The amount paid on any of them counts for the whole promise.
            _ = try await LedgerWriter.append(
                [LedgerEntry(kind: .payment, component: .principal, amount: Money(minorUnits: 60_000, currency: currency),
                             date: Self.monday.adding(days: 5), text: "paid as promised")],
                toClaim: others[1].id!, creditorID: claim.creditorID, on: store.database
            )
            #expect(try await Promises.review(today: payBy.adding(days: 1), on: store.database) == (kept: 1, broken: 0))
            #expect(try await PromiseRecord.query(on: store.database).filter(\.$claimID ~~ ids).all().allSatisfy { $0.status == "kept" })
        }
    }

    @Test("a promise for several claims that is broken resumes the ladder on each, with one call task", arguments: TestEngine.allCases)
    func severalClaimsBroken(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            _ = try await seeded(store)
            let (claim, others) = try await customerWithOverdueClaims(store)
            let ids = [claim.id!] + others.map { $0.id! }
            let payBy = Self.monday.adding(days: 10)
            _ = try await Promises.make(
                claimIDs: ids, creditorID: claim.creditorID, payBy: payBy, amount: Money(minorUnits: 60_000, currency: try Currency.named(claim.currency)),
                reason: "", madeBy: "debtor", userID: nil, on: Self.monday, database: store.database
            )
            _ = try await LedgerWriter.append(
                [LedgerEntry(kind: .payment, component: .principal, amount: Money(minorUnits: 59_999, currency: try Currency.named(claim.currency)),
                             date: Self.monday.adding(days: 5), text: "nearly")],
                toClaim: claim.id!, creditorID: claim.creditorID, on: store.database
            )
            #expect(try await Promises.review(today: payBy.adding(days: 1), on: store.database) == (kept: 0, broken: 1))
            #expect(try await PromiseRecord.query(on: store.database).filter(\.$claimID ~~ ids).all().allSatisfy { $0.status == "broken" })
            #expect(try await CollectionActRecord.query(on: store.database).filter(\.$stepID == "broken-promise").count() == 1)
            for id in ids {
                #expect(try await ClaimRecord.find(id, on: store.database)?.nextActionDate == payBy.adding(days: 1).iso, "looked at again")
            }
        }
    }

    @Test("a payment plan for one of a promise's claims replaces the whole promise, whose amount was for all of them", arguments: TestEngine.allCases)
    func replacedByAPlan(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            _ = try await seeded(store)
            let (claim, others) = try await customerWithOverdueClaims(store)
            let ids = [claim.id!] + others.map { $0.id! }
            _ = try await Promises.make(
                claimIDs: ids, creditorID: claim.creditorID, payBy: Self.monday.adding(days: 10),
                amount: Money(minorUnits: 60_000, currency: try Currency.named(claim.currency)), reason: "", madeBy: "debtor", userID: nil,
                on: Self.monday, database: store.database
            )
            // The next run waits for the promise's date.
            _ = try await DailyRun(date: Self.monday.adding(days: 1)).run(on: store.database)
            #expect(try await ClaimRecord.find(others[0].id, on: store.database)?.nextActionDate == Self.monday.adding(days: 11).iso)
            let wednesday = Self.monday.adding(days: 2)
            let plan = try await PaymentPlans.make(
                PlanRequest(claimIDs: [claim.id!], instalmentCount: 2, firstInstalmentDate: Self.monday.adding(days: 14)),
                creditorID: claim.creditorID, proposedBy: "kari@example", userID: nil, limits: nil, on: wednesday, database: store.database
            )
            _ = try await PaymentPlans.accept(planID: plan.id!, creditorID: claim.creditorID, by: "debtor", userID: nil, on: wednesday, database: store.database)
            #expect(try await PromiseRecord.query(on: store.database).filter(\.$claimID ~~ ids).all().map(\.status) == ["replaced", "replaced", "replaced"])
            for other in others {
                #expect(try await ClaimRecord.find(other.id, on: store.database)?.nextActionDate == wednesday.iso, "no longer paused: looked at again")
            }
        }
    }

    @Test("two promises made at once for overlapping claims of one customer: one is kept, the other refused", arguments: TestEngine.allCases)
    func madeAtOnce(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            _ = try await seeded(store)
            let (claim, others) = try await customerWithOverdueClaims(store)
            let currency = try Currency.named(claim.currency)
            func make(_ ids: [UUID], by who: String) async -> Bool {
                do {
                    _ = try await Promises.make(
                        claimIDs: ids, creditorID: claim.creditorID, payBy: Self.monday.adding(days: 10),
                        amount: Money(minorUnits: 10_000, currency: currency), reason: "", madeBy: who, userID: nil, on: Self.monday,
                        database: store.database
                    )
                    return true
                } catch {
                    #expect(error as? PromiseRefused != nil, "\(error)")
                    return false
                }
            }
            for round in 0..<5 {
                async let first = make([claim.id!, others[0].id!], by: "kari@example")
                async let second = make([others[0].id!, others[1].id!], by: "debtor")
                let made = await [first, second]
                #expect(made.filter { $0 }.count == 1, "round \(round): \(made)")
                let open = try await PromiseRecord.query(on: store.database).filter(\.$customerID == claim.customerID).filter(\.$status == "open").all()
                #expect(Set(open.map(\.claimID)).count == open.count, "no claim is in two open promises")
                for row in open {
                    row.status = "kept"
                    try await row.update(on: store.database)
                }
            }
        }
    }
}
