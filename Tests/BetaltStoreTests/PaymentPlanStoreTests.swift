import BetaltCore
import BetaltStore
import BetaltTestSupport
import FluentKit
import Foundation
import Testing

@Suite("Payment plans in the store")
struct PaymentPlanStoreTests {
    static let today = try! CivilDate(2026, 11, 22)
    static let monday = try! CivilDate(2026, 11, 23)

    /// The demo ledger after Monday's run, and a customer of `country` with at least two open claims.
    private func seeded(_ store: StandaloneDatabase, country: Country = .norway) async throws -> [ClaimRecord] {
        let ledger = try DemoLedger(today: Self.today, customersPerCreditor: 15, invoicesPerCreditor: 120)
        try await DemoSeeder.seed(ledger, demoUserPasswordHash: "not-a-real-hash", on: store.database)
        _ = try await DailyRun(date: Self.monday).run(on: store.database)
        let creditor = try #require(try await CreditorRecord.query(on: store.database).filter(\.$country == country.rawValue).first())
        let open = try await ClaimRecord.query(on: store.database).filter(\.$creditorID == creditor.id!).filter(\.$openMinor > 0)
            .sort(\.$dueDate).sort(\.$invoiceNumber).all()
        let disputed = Set(try await DisputeRecord.query(on: store.database).all().map(\.claimID))
        let byCustomer = Dictionary(grouping: open.filter { !disputed.contains($0.id!) }, by: \.customerID)
        let customer = try #require(byCustomer.filter { $0.value.count >= 2 }.keys.sorted { $0.uuidString < $1.uuidString }.first)
        return Array(byCustomer[customer]!.prefix(2))
    }

    private func pay(_ amount: Int64, reference: String, on date: CivilDate, creditorID: UUID, _ store: StandaloneDatabase) async throws -> BookedPayment {
        try await store.database.transaction { tx in
            try await PaymentBooking.book([NewPayment(
                amount: Money(minorUnits: amount, currency: .nok), paidOn: date, bookingDate: date, references: [reference],
                referredDocuments: [], mentionedNumbers: [], freeText: "", payerName: nil, bankReference: "bank-\(reference)-\(date.iso)",
                isReversal: false, source: "test"
            )], fileID: nil, creditorID: creditorID, on: tx)[0]
        }
    }

    @Test("an offered plan pauses the ladder; accepted, its own references pay its claims; a miss is reminded once, a second ends it",
          arguments: TestEngine.allCases)
    func lifeOfAPlan(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let claims = try await seeded(store)
            let creditorID = claims[0].creditorID
            let debt = claims.reduce(Int64(0)) { $0 + $1.openMinor }
            let request = PlanRequest(
                claimIDs: claims.map { $0.id! }, downPayment: Money(minorUnits: 100_000, currency: .nok), downPaymentDate: Self.monday.adding(days: 7),
                instalmentCount: 3, firstInstalmentDate: try CivilDate(2026, 12, 20), note: "agreed on the phone"
            )
            let plan = try await PaymentPlans.make(request, creditorID: creditorID, proposedBy: "kari@example", userID: nil, limits: nil,
                                                   on: Self.monday, database: store.database)
            #expect(plan.status == "offered" && plan.debtMinor == debt && plan.feeMinor == 0)
            let payments = try await PaymentPlans.paymentsOf(plan.id!, on: store.database)
            #expect(payments.map(\.number) == [0, 1, 2, 3])
            #expect(payments.reduce(0) { $0 + $1.amountMinor } == debt)
            #expect(Set(payments.map(\.paymentReference)).count == 4)
            #expect(payments.allSatisfy { (try? KID(validating: $0.paymentReference, algorithm: .mod10)) != nil })
            await #expect(throws: PlanRefused.alreadyOnPlan(invoice: claims[0].invoiceNumber)) {
                _ = try await PaymentPlans.make(request, creditorID: creditorID, proposedBy: "x", userID: nil, limits: nil, on: Self.monday, database: store.database)
            }

            // Offered: the run leaves the claims alone.
            let tuesday = Self.monday.adding(days: 1)
            for claim in claims {
                let record = try #require(try await ClaimRecord.find(claim.id, on: store.database))
                record.nextActionDate = tuesday.iso
                try await record.update(on: store.database)
            }
            _ = try await DailyRun(date: tuesday).run(on: store.database)
            let decisions = try await ClaimDecisionRecord.query(on: store.database).filter(\.$claimID ~~ claims.map { $0.id! })
                .filter(\.$decidedOn == tuesday.iso).all()
            #expect(decisions.count == 2 && decisions.allSatisfy { $0.reasonText.description.contains("payment plan") })

            // Accepted on the debtor's page; the down payment comes in with its own KID.
            let accepted = try await PaymentPlans.accept(planID: plan.id!, creditorID: creditorID, customerID: claims[0].customerID,
                                                         by: "debtor", userID: nil, on: tuesday, database: store.database)
            #expect(accepted.status == "active" && accepted.acceptedOn == tuesday.iso && accepted.acceptedAt != nil)
            await #expect(throws: PlanRefused.notOffered) {
                _ = try await PaymentPlans.accept(planID: plan.id!, creditorID: creditorID, by: "debtor", userID: nil, on: tuesday, database: store.database)
            }
            let booked = try await pay(100_000, reference: payments[0].paymentReference, on: tuesday.adding(days: 2), creditorID: creditorID, store)
            guard case .matched(.reference, let allocation) = booked.match else { Issue.record("the down payment's KID names the plan's claims"); return }
            #expect(allocation.claims.first?.claimID == claims[0].id!.uuidString)
            #expect(try await PaymentPlans.review(today: try CivilDate(2026, 12, 20), on: store.database) == PlanReviewReport())

            // Instalment 1 is missed: one reminder, with the arrears, written once.
            let missedOn = try CivilDate(2026, 12, 21)
            var report = try await PaymentPlans.review(today: missedOn, on: store.database)
            #expect(report.reminded == 1)
            let reminded = try #require(try await PaymentPlanRecord.find(plan.id, on: store.database))
            #expect(reminded.remindedNumber == 1 && reminded.reminderDeadline == "2027-01-04")
            #expect(try await PaymentPlans.review(today: missedOn, on: store.database) == PlanReviewReport())
            #expect(try await PaymentPlans.awaitingReminderLetter(on: store.database).map(\.id) == [plan.id])

            // The reminder's deadline passes unpaid: the plan ends, the claims go back to the ladder, a call task is made.
            report = try await PaymentPlans.review(today: try CivilDate(2027, 1, 5), on: store.database)
            #expect(report.breached == 1)
            #expect(try await PaymentPlanRecord.find(plan.id, on: store.database)?.status == "breached")
            for claim in claims {
                #expect(try await ClaimRecord.find(claim.id, on: store.database)?.nextActionDate == "2027-01-05")
            }
            let resumed = try CivilDate(2027, 1, 5)
            _ = try await DailyRun(date: resumed).run(on: store.database)
            let after = try await ClaimDecisionRecord.query(on: store.database).filter(\.$claimID ~~ claims.map { $0.id! })
                .filter(\.$decidedOn == resumed.iso).all()
            let stillOpen = try await ClaimRecord.query(on: store.database).filter(\.$id ~~ claims.map { $0.id! }).filter(\.$openMinor > 0).count()
            // An act keeps its reasons on its own row: a claim acted on has no decision row.
            let acted = try await CollectionActRecord.query(on: store.database).filter(\.$claimID ~~ claims.map { $0.id! })
                .filter(\.$actDate == resumed.iso).filter(\.$stepID != "breached-plan").count()
            #expect(stillOpen >= 1 && after.count + acted == stillOpen, "every claim left open is decided again")
            #expect(after.allSatisfy { !$0.reasonText.description.contains("payment plan") }, "the ladder takes the claims back: \(after.map(\.reasonText))")
            let task = try #require(try await CollectionActRecord.query(on: store.database).filter(\.$stepID == "breached-plan").first())
            #expect(task.kind == "callTask" && task.deliveryStatus == "task" && task.claimID == claims[0].id)
            #expect(try await AuditRecord.query(on: store.database).filter(\.$action ~~ ["plan.proposed", "plan.accepted", "plan.missed", "plan.breached"])
                .count() == 4)
        }
    }

    @Test("a debtor's own plan must keep within the creditor's limits and is in force at once; in Sweden the plan fee is charged",
          arguments: TestEngine.allCases)
    func debtorsOwnPlan(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let claims = try await seeded(store, country: .sweden)
            let creditorID = claims[0].creditorID
            let limits = PlanLimits(maximumMonths: 3, minimumInstalment: Money.major(100, .sek))
            let long = PlanRequest(claimIDs: [claims[0].id!], instalmentCount: 6, firstInstalmentDate: Self.monday.adding(days: 30), wantsFee: true)
            await #expect(throws: PlanRefused.limits([.tooLong(maximumMonths: 3)])) {
                _ = try await PaymentPlans.make(long, creditorID: creditorID, proposedBy: "debtor", userID: nil, limits: limits,
                                                on: Self.monday, database: store.database)
            }
            let fits = PlanRequest(claimIDs: [claims[0].id!], instalmentCount: 2, firstInstalmentDate: Self.monday.adding(days: 30), wantsFee: true)
            let before = try #require(try await ClaimRecord.find(claims[0].id, on: store.database))
            let customer = try #require(try await CustomerRecord.find(before.customerID, on: store.database))
            let plan = try await PaymentPlans.make(fits, creditorID: creditorID, proposedBy: "debtor", userID: nil, limits: limits,
                                                   on: Self.monday, database: store.database)
            #expect(plan.status == "active" && plan.acceptedBy == "debtor")
            let after = try #require(try await ClaimRecord.find(claims[0].id, on: store.database))
            if customer.kind == "consumer" {
                #expect(plan.feeMinor == 17_000 && plan.feeReason.contains("IKL § 3 (2)"))
                #expect(after.feeOpenMinor == before.feeOpenMinor + 17_000)
            } else {
                #expect(plan.feeMinor == 0 && plan.feeReason.contains("IKL § 4 a"))
                #expect(after.openMinor == before.openMinor)
            }
            let payments = try await PaymentPlans.paymentsOf(plan.id!, on: store.database)
            #expect(payments.reduce(0) { $0 + $1.amountMinor } == before.openMinor + plan.feeMinor)
            #expect(payments.allSatisfy { (try? OCRReference(validating: $0.paymentReference)) != nil })
        }
    }

    @Test("an offer not accepted by its first payment's date lapses and the ladder resumes", arguments: TestEngine.allCases)
    func lapsedOffer(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let claims = try await seeded(store)
            let request = PlanRequest(claimIDs: [claims[1].id!], instalmentCount: 2, firstInstalmentDate: Self.monday.adding(days: 10))
            let plan = try await PaymentPlans.make(request, creditorID: claims[1].creditorID, proposedBy: "kari@example", userID: nil, limits: nil,
                                                   on: Self.monday, database: store.database)
            let late = Self.monday.adding(days: 11)
            await #expect(throws: PlanRefused.offerLapsed(firstPayment: Self.monday.adding(days: 10).iso)) {
                _ = try await PaymentPlans.accept(planID: plan.id!, creditorID: plan.creditorID, by: "debtor", userID: nil, on: late, database: store.database)
            }
            #expect(try await PaymentPlans.review(today: late, on: store.database).lapsed == 1)
            #expect(try await PaymentPlanRecord.find(plan.id, on: store.database)?.status == "lapsed")
            #expect(try await ClaimRecord.find(claims[1].id, on: store.database)?.nextActionDate == late.iso)
            // A new plan may now cover the claim.
            _ = try await PaymentPlans.make(
                PlanRequest(claimIDs: [claims[1].id!], instalmentCount: 2, firstInstalmentDate: late.adding(days: 5)),
                creditorID: plan.creditorID, proposedBy: "kari@example", userID: nil, limits: nil, on: late, database: store.database)
        }
    }

    @Test("claims of two customers, or under an open dispute, cannot share a plan", arguments: TestEngine.allCases)
    func refusals(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let claims = try await seeded(store)
            let other = try #require(try await ClaimRecord.query(on: store.database).filter(\.$creditorID == claims[0].creditorID)
                .filter(\.$customerID != claims[0].customerID).filter(\.$openMinor > 0).first())
            let first = try CivilDate(2026, 12, 20)
            await #expect(throws: PlanRefused.severalCustomers) {
                _ = try await PaymentPlans.make(PlanRequest(claimIDs: [claims[0].id!, other.id!], instalmentCount: 2, firstInstalmentDate: first),
                                                creditorID: claims[0].creditorID, proposedBy: "x", userID: nil, limits: nil, on: Self.monday, database: store.database)
            }
            await #expect(throws: PlanRefused.claimNotFound) {
                _ = try await PaymentPlans.make(PlanRequest(claimIDs: [claims[0].id!], instalmentCount: 2, firstInstalmentDate: first),
                                                creditorID: UUID(), proposedBy: "x", userID: nil, limits: nil, on: Self.monday, database: store.database)
            }
            _ = try await Disputes.raise(
                claimID: claims[0].id!, creditorID: claims[0].creditorID, amount: nil, reason: .quality, text: "broken", raisedBy: "debtor",
                userID: nil, on: Self.monday, database: store.database)
            await #expect(throws: PlanRefused.claimDisputed(invoice: claims[0].invoiceNumber)) {
                _ = try await PaymentPlans.make(PlanRequest(claimIDs: [claims[0].id!], instalmentCount: 2, firstInstalmentDate: first),
                                                creditorID: claims[0].creditorID, proposedBy: "x", userID: nil, limits: nil, on: Self.monday, database: store.database)
            }
        }
    }
}
