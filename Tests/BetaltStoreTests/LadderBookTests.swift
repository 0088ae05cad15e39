import BetaltCore
import BetaltStore
import BetaltTestSupport
import FluentKit
import Testing

@Suite("A creditor's ladders")
struct LadderBookTests {
    let today = try! CivilDate(2026, 11, 23)

    @Test("an unlawful ladder is refused when saved, with its reasons, and nothing is stored", arguments: TestEngine.allCases)
    func refusesUnlawful(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let ledger = try DemoLedger(today: today, customersPerCreditor: 3, invoicesPerCreditor: 5)
            try await DemoSeeder.seed(ledger, demoUserPasswordHash: "x", on: store.database)
            let norway = ledger.creditors[0]
            let early = Ladder(id: "early", name: "Too early", country: .norway, steps: [
                LadderStep(id: "notice", kind: .collectionNotice, timing: .daysAfterDue(5), channels: [.letter], chargesFee: true, deadlineDays: 7),
                LadderStep(id: "handover", kind: .handover, timing: .daysAfterPreviousDeadline(0), channels: [], chargesFee: false, deadlineDays: nil),
            ])
            let error = await #expect(throws: IllegalLadder.self) {
                try await LadderBook.save(early, key: "early", creditorID: norway.id, on: today, database: store.database)
            }
            #expect(error?.violations.contains { $0.contains("inkf. § 1-2") } == true, "\(error?.violations ?? [])")
            #expect(error?.violations.contains { $0.contains("inkl. § 9") } == true, "\(error?.violations ?? [])")
            #expect(try await LadderRecord.query(on: store.database).count() == 0)
        }
    }

    @Test("a lawful ladder is saved, read back and can be assigned to a customer and an invoice", arguments: TestEngine.allCases)
    func savesAndAssigns(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let ledger = try DemoLedger(today: today, customersPerCreditor: 3, invoicesPerCreditor: 5)
            try await DemoSeeder.seed(ledger, demoUserPasswordHash: "x", on: store.database)
            let norway = ledger.creditors[0]
            let gentle = Ladder(id: "gentle", name: "Gentle", country: .norway, steps: Ladder.defaultNorway.steps,
                                options: LadderOptions(minimumAmount: .major(100, .nok)))
            try await LadderBook.save(gentle, key: "gentle", creditorID: norway.id, on: today, database: store.database)
            let book = try await LadderBook.load(creditorID: norway.id, on: store.database)
            #expect(book.ladders["gentle"] == gentle)
            #expect(try book.ladder(claimKey: nil, customerKey: "gentle", country: .norway) == gentle)
            #expect(try book.ladder(claimKey: nil, customerKey: nil, country: .norway) == Ladder.defaultNorway)
            #expect(throws: UnreadableLadder.self) { try book.ladder(claimKey: "gentle", customerKey: nil, country: .sweden) }

            let customer = norway.customers[0]
            try await LadderBook.assign("gentle", to: .customer(number: customer.number), creditorID: norway.id, on: store.database)
            #expect(try await CustomerRecord.find(customer.id, on: store.database)?.ladderKey == "gentle")
            let invoice = norway.invoices[0]
            try await LadderBook.assign("gentle", to: .invoice(number: invoice.number), creditorID: norway.id, on: store.database)
            #expect(try await ClaimRecord.find(invoice.id, on: store.database)?.ladderKey == "gentle")
            await #expect(throws: UnreadableLadder.self) {
                try await LadderBook.assign("missing", to: .invoice(number: invoice.number), creditorID: norway.id, on: store.database)
            }
        }
    }
}
