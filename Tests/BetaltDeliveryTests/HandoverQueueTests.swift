import BetaltCore
import BetaltDelivery
import BetaltStore
import BetaltTestSupport
import FluentKit
import Foundation
import Testing

@Suite("Claims waiting for their handover")
struct HandoverQueueTests {
    static let today = try! CivilDate(2026, 11, 22)
    static let settings = DeliverySettings(publicBaseURL: "https://betalt.example", mailFrom: "varsel@betalt.example")

    @Test("every claim the ladder hands over waits with what keeps it back; the missing original and a dispute block it",
          arguments: TestEngine.allCases)
    func readinessOfTheQueue(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let ledger = try DemoLedger(today: Self.today, customersPerCreditor: 8, invoicesPerCreditor: 40)
            try await DemoSeeder.seed(ledger, demoUserPasswordHash: "x", on: store.database)
            // Weekly runs until old claims have had their inkassovarsel and its deadline has passed.
            var day = try CivilDate(2026, 11, 23)
            while day <= (try CivilDate(2027, 1, 4)) {
                _ = try await DailyRun(date: day).run(on: store.database)
                _ = try await NoticeComposer(settings: Self.settings).composePending(date: day, on: store.database)
                day = day.adding(days: 7)
            }
            let creditor = ledger.creditors[0].id
            let end = try CivilDate(2027, 1, 5)
            let waiting = try await HandoverQueue.candidates(creditorID: creditor, today: end, on: store.database)
            #expect(!waiting.isEmpty)
            #expect(waiting.allSatisfy { $0.act.kind == "handover" && $0.claim.creditorID == creditor })
            // Demo invoices came without an original document: none may go yet, and each says so.
            #expect(waiting.allSatisfy { $0.blocks.contains { $0.code == .originalInvoice } })
            #expect(waiting.allSatisfy { !$0.blocks.contains { $0.code == .noticeArchive } }, "every notice was archived")

            let first = try #require(waiting.first { $0.blocks.map(\.code) == [.originalInvoice] })
            let original = InvoiceDocumentRecord()
            original.creditorID = creditor
            original.claimID = first.claim.id!
            original.kind = "invoice"
            original.mediaType = "application/xml"
            original.content = "<Invoice/>"
            original.sha256 = String(repeating: "0", count: 64)
            try await original.create(on: store.database)
            let second = try #require(waiting.first { $0.claim.id != first.claim.id && $0.claim.openMinor > 0 })
            _ = try await Disputes.raise(
                claimID: second.claim.id!, creditorID: creditor, amount: nil, reason: .notDelivered, text: "", raisedBy: "debtor",
                userID: nil, on: end, database: store.database)

            let again = try await HandoverQueue.candidates(creditorID: creditor, today: end, on: store.database)
            #expect(again.first { $0.claim.id == first.claim.id }?.isReady == true)
            #expect(again.first { $0.claim.id == second.claim.id }?.blocks.contains { $0.code == .disputed } == true)
        }
    }
}
