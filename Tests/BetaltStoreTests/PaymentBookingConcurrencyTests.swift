import BetaltCore
import BetaltStore
import BetaltTestSupport
import FluentKit
import Foundation
import SQLKit
import Testing

@Suite("Payments booked at the same moment")
struct PaymentBookingConcurrencyTests {
    static let today = try! CivilDate(2026, 11, 22)

    /// A payment no claim matches, as the bank sent it: it can only go to the unmatched queue, once.
    private func payment(_ bankReference: String, amount: Int64) -> NewPayment {
        NewPayment(
            amount: Money(minorUnits: amount, currency: .nok), paidOn: Self.today, bookingDate: Self.today, references: [],
            referredDocuments: [], mentionedNumbers: [], freeText: "ukjent innbetaling", payerName: "Ola Nordmann",
            bankReference: bankReference, isReversal: false, source: "test"
        )
    }

    @Test("two bookings of the same bank transactions at once, on two connections, book each transaction once", arguments: TestEngine.allCases)
    func repeatsAtOnce(engine: TestEngine) async throws {
        try await TestDatabase.withTwoConnections(engine) { first, second in
            let ledger = try DemoLedger(today: Self.today, customersPerCreditor: 5, invoicesPerCreditor: 20)
            try await DemoSeeder.seed(ledger, demoUserPasswordHash: "x", on: first.database)
            let creditorID = try #require(try await CreditorRecord.query(on: first.database).first()?.id)
            // A file's worth of transactions, so that both bookings are at work at the same time.
            let payments = (1...2_000).map { payment("BANKREF-\($0)", amount: 10_000 + Int64($0)) }
            async let a = first.database.transaction { tx in
                try await PaymentBooking.book(payments, fileID: nil, creditorID: creditorID, on: tx)
            }
            async let b = second.database.transaction { tx in
                try await PaymentBooking.book(payments, fileID: nil, creditorID: creditorID, on: tx)
            }
            let (one, other) = try await (a, b)
            let rows = try await (first.database as! any SQLDatabase).raw("""
                SELECT COUNT(*) AS n FROM payments WHERE creditor_id = \(bind: creditorID) AND bank_reference LIKE 'BANKREF-%'
                """).first()?.decode(column: "n", as: Int.self)
            #expect(rows == payments.count, "each transaction booked once")
            let repeats = (one + other).filter { $0.repeatOf != nil }.count
            #expect(repeats == payments.count, "the booking that came second found every transaction booked")
        }
    }
}
