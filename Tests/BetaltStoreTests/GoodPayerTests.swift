import BetaltCore
@testable import BetaltStore
import BetaltTestSupport
import FluentKit
import Foundation
import SQLKit
import Testing

@Suite("Good payers")
struct GoodPayerTests {
    static let today = try! CivilDate(2026, 11, 22)
    static let monday = try! CivilDate(2026, 11, 23)

    @Test("the run knows a customer's latest late payment only where the ladder rewards good payers", arguments: TestEngine.allCases)
    func latestLatePayment(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let ledger = try DemoLedger(today: Self.today, customersPerCreditor: 10, invoicesPerCreditor: 60)
            try await DemoSeeder.seed(ledger, demoUserPasswordHash: "x", on: store.database)
            let creditor = ledger.creditors[0]
            let claims = try await ClaimRecord.query(on: store.database).filter(\.$creditorID == creditor.id)
                .filter(\.$openMinor > 10_000).filter(\.$dueDate < "2026-11-01").sort(\.$invoiceNumber).all()
            let late = try #require(claims.first)
            let sameCustomer = try #require(claims.first { $0.customerID == late.customerID && $0.id != late.id } ?? claims.first)
            // A payment on a Friday for an invoice due weeks before: late.
            try await LedgerWriter.append(
                [LedgerEntry(kind: .payment, component: .principal, amount: Money(minorUnits: 5_000, currency: .nok),
                             date: try CivilDate(2026, 11, 20), text: "late")],
                toClaim: late.id!, creditorID: creditor.id, on: store.database)
            let sql = store.database as! any SQLDatabase
            let plain = try await DueClaims.load(
                [sameCustomer.id!], creditorID: creditor.id, country: .norway,
                ladders: try await LadderBook.load(creditorID: creditor.id, on: store.database), on: Self.monday, sql: sql)
            #expect(plain.first?.facts.lastLatePayment == nil, "without the option nothing is looked up")

            try await LadderBook.save(
                Ladder(id: "default-NO", name: "Goodwill", country: .norway, steps: Ladder.defaultNorway.steps,
                       options: LadderOptions(goodPayerMonths: 12)),
                key: LadderBook.defaultKey(.norway), creditorID: creditor.id, on: Self.monday, database: store.database)
            let ladders = try await LadderBook.load(creditorID: creditor.id, on: store.database)
            let due = try await DueClaims.load([sameCustomer.id!], creditorID: creditor.id, country: .norway, ladders: ladders, on: Self.monday, sql: sql)
            #expect(due.first?.facts.lastLatePayment == (try CivilDate(2026, 11, 20)))
            // A year later the same payment is out of the window.
            let later = try await DueClaims.load(
                [sameCustomer.id!], creditorID: creditor.id, country: .norway, ladders: ladders, on: try CivilDate(2027, 12, 1), sql: sql)
            #expect(later.first?.facts.lastLatePayment == nil)
        }
    }
}
