import BetaltCore
import BetaltStore
import BetaltTestSupport
import FluentKit
import SQLKit
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
            try await LadderBook.assign("gentle", to: .customer(number: customer.number), creditorID: norway.id, on: today, database: store.database)
            #expect(try await CustomerRecord.find(customer.id, on: store.database)?.ladderKey == "gentle")
            let invoice = norway.invoices[0]
            try await LadderBook.assign("gentle", to: .invoice(number: invoice.number), creditorID: norway.id, on: today, database: store.database)
            #expect(try await ClaimRecord.find(invoice.id, on: store.database)?.ladderKey == "gentle")
            await #expect(throws: UnreadableLadder.self) {
                try await LadderBook.assign("missing", to: .invoice(number: invoice.number), creditorID: norway.id, on: today, database: store.database)
            }
        }
    }

    @Test("a ladder saved or assigned has the run look again at the open claims that follow it, and only those", arguments: TestEngine.allCases)
    func changedLadderLooksAgain(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let ledger = try DemoLedger(today: today, customersPerCreditor: 6, invoicesPerCreditor: 60)
            try await DemoSeeder.seed(ledger, demoUserPasswordHash: "x", on: store.database)
            let norway = ledger.creditors[0]
            let sql = try #require(store.database as? any SQLDatabase)
            // Every claim waits for a day well ahead, as a ladder's later step would have it.
            let later = today.adding(days: 40).iso
            try await sql.raw("UPDATE claims SET next_action_date = \(bind: later)").run()
            func looks() async throws -> [String: (next: String?, revision: Int64, open: Bool)] {
                var rows: [String: (String?, Int64, Bool)] = [:]
                for row in try await sql.raw("""
                    SELECT invoice_number, next_action_date, revision, open_minor, stage FROM claims WHERE creditor_id = \(bind: norway.id)
                    """).all() {
                    let open = try row.decode(column: "open_minor", as: Int64.self) > 0 && !["closed", "withAgency"].contains(try row.decode(column: "stage", as: String.self))
                    rows[try row.decode(column: "invoice_number", as: String.self)] = (
                        try row.decode(column: "next_action_date", as: String?.self), try row.decode(column: "revision", as: Int64.self), open
                    )
                }
                return rows
            }
            let gentle = Ladder(id: "gentle", name: "Gentle", country: .norway, steps: Ladder.defaultNorway.steps,
                                options: LadderOptions(minimumAmount: .major(100, .nok)))
            try await LadderBook.save(gentle, key: "gentle", creditorID: norway.id, on: today, database: store.database)
            #expect(try await looks().values.allSatisfy { $0.next == later && $0.revision == 0 }, "no claim follows the new ladder yet")

            let customer = norway.customers[0]
            let open = try await looks().filter(\.value.open).keys
            // An open invoice of the customer with a ladder of its own: it keeps it when the customer gets another.
            let own = try #require(norway.invoices.first { $0.customerID == customer.id && open.contains($0.number) })
            try await LadderBook.assign("default-NO", to: .invoice(number: own.number), creditorID: norway.id, on: today, database: store.database)
            try await LadderBook.assign("gentle", to: .customer(number: customer.number), creditorID: norway.id, on: today, database: store.database)
            let assigned = try await looks()
            let customers = Dictionary(uniqueKeysWithValues: norway.invoices.map { ($0.number, $0.customerID) })
            for (number, look) in assigned where look.open {
                let follows = customers[number] == customer.id && number != own.number
                #expect(look.next == (follows || number == own.number ? today.iso : later), "\(number)")
                #expect(look.revision == (follows || number == own.number ? 1 : 0), "\(number)")
            }
            #expect(assigned.values.filter { !$0.open }.allSatisfy { $0.next == later && $0.revision == 0 }, "a closed claim is left as it is")
            #expect(assigned.values.contains { $0.open && $0.next == later }, "other customers' claims wait as they did")

            // Saving the default again: the claims that follow it, not the customer's on its own ladder.
            try await sql.raw("UPDATE claims SET next_action_date = \(bind: later), revision = 0").run()
            try await LadderBook.save(Ladder.defaultNorway, key: LadderBook.defaultKey(.norway), creditorID: norway.id, on: today, database: store.database)
            for (number, look) in try await looks() where look.open {
                let onGentle = customers[number] == customer.id && number != own.number
                #expect(look.next == (onGentle ? later : today.iso), "\(number)")
            }
        }
    }
}
