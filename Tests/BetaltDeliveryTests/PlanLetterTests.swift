import BetaltCore
import BetaltDelivery
import BetaltStore
import BetaltTestSupport
import FluentKit
import Foundation
import Testing

@Suite("Payment plan letters")
struct PlanLetterTests {
    static let today = try! CivilDate(2026, 11, 22)
    static let runDate = try! CivilDate(2026, 11, 23)
    static let settings = DeliverySettings(publicBaseURL: "https://betalt.example", mailFrom: "varsel@betalt.example")

    /// The text of every document archived for a notice (PDF through pdftotext, e-mail as it is).
    private func text(of notice: NoticeRecord, _ store: StandaloneDatabase) async throws -> String {
        try await ArchivedDocumentRecord.query(on: store.database).filter(\.$noticeID == notice.id!).all().map { document in
            document.mediaType == "application/pdf" ? try pdfText(Array(document.content)) : String(decoding: document.content, as: UTF8.self)
        }.joined(separator: "\n")
    }

    @Test("the offer, the confirmation and the one reminder go in writing with every payment's own reference", arguments: TestEngine.allCases)
    func lettersOfAPlan(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let ledger = try DemoLedger(today: Self.today, customersPerCreditor: 12, invoicesPerCreditor: 90)
            try await DemoSeeder.seed(ledger, demoUserPasswordHash: "not-a-real-hash", on: store.database)
            _ = try await DailyRun(date: Self.runDate).run(on: store.database)
            let creditor = try #require(try await CreditorRecord.query(on: store.database).filter(\.$country == "NO").first())
            let disputed = Set(try await DisputeRecord.query(on: store.database).all().map(\.claimID))
            let claim = try #require(try await ClaimRecord.query(on: store.database).filter(\.$creditorID == creditor.id!)
                .filter(\.$openMinor > 200_000).sort(\.$invoiceNumber).all().first { !disputed.contains($0.id!) })
            let plan = try await PaymentPlans.make(
                PlanRequest(claimIDs: [claim.id!], downPayment: Money(minorUnits: 50_000, currency: .nok), downPaymentDate: Self.runDate.adding(days: 5),
                            instalmentCount: 3, firstInstalmentDate: try CivilDate(2026, 12, 20)),
                creditorID: creditor.id!, proposedBy: "kari@example", userID: nil, limits: nil, on: Self.runDate, database: store.database)
            let composer = NoticeComposer(settings: Self.settings)
            try await composer.composePlanAgreement(plan, date: Self.runDate, on: store.database)
            try await composer.composePlanAgreement(plan, date: Self.runDate, on: store.database)
            let offer = try #require(try await NoticeRecord.query(on: store.database).filter(\.$groupKey == "plan/\(plan.id!.uuidString)/offer").all().first)
            #expect(try await NoticeRecord.query(on: store.database).filter(\.$groupKey == "plan/\(plan.id!.uuidString)/offer").count() == 1)
            #expect(offer.kind == "paymentPlanAgreement")
            let payments = try await PaymentPlans.paymentsOf(plan.id!, on: store.database)
            let offerText = try await text(of: offer, store)
            for payment in payments { #expect(offerText.contains(payment.paymentReference), "KID \(payment.paymentReference) is in the offer") }
            #expect(offerText.contains("når du har godtatt den"))
            #expect(offerText.contains("Gjenstår i alt"))

            let accepted = try await PaymentPlans.accept(planID: plan.id!, creditorID: creditor.id!, by: "debtor", userID: nil,
                                                         on: Self.runDate, database: store.database)
            try await composer.composePlanAgreement(accepted, date: Self.runDate, on: store.database)
            let confirmation = try #require(try await NoticeRecord.query(on: store.database)
                .filter(\.$groupKey == "plan/\(plan.id!.uuidString)/agreement").first())
            #expect(try await text(of: confirmation, store).contains("skriftlige bekreftelsen"))

            // The down payment is missed: the delivery round writes the one reminder, asking for it with its own KID.
            let missedOn = Self.runDate.adding(days: 6)
            #expect(try await PaymentPlans.review(today: missedOn, on: store.database).reminded == 1)
            let round = try await DeliveryRound(settings: Self.settings).run(date: missedOn, on: store.database)
            #expect(round.composed.composed >= 1)
            let reminder = try #require(try await NoticeRecord.query(on: store.database).filter(\.$groupKey == PaymentPlans.reminderKey(plan)).first())
            #expect(reminder.kind == "paymentPlanReminder")
            let reminderText = try await text(of: reminder, store)
            #expect(reminderText.contains(payments[0].paymentReference))
            #expect(reminderText.contains("500,00"))
            #expect(reminderText.contains("Gjenstår i alt") && !reminderText.contains("Å betale"), "the table's total is what remains, not what is asked now")
            #expect(reminderText.contains(missedOn.adding(days: 14).formatted(.nb)))
            #expect(try await composer.composePlanReminders(date: missedOn, on: store.database) == 0, "written once")
        }
    }
}
