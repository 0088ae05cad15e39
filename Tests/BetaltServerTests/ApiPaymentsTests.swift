@testable import BetaltServer
import BetaltStore
import BetaltTestSupport
import Fluent
import Foundation
import Testing
import Vapor

@Suite("POST /api/v1/payments and GET /api/v1/claims/{id}")
struct ApiPaymentsTests {
    @Test("a payment naming the claim's reference pays it in full and closes it; the claim shows the payment", arguments: TestEngine.allCases)
    func matchedByReference(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let token = try await test.issueToken(for: test.ledger.creditors[0].id)
            let posted = try await test.api(.POST, "/api/v1/invoices", token: token, body: invoiceJSON(number: "API-P1", reference: "7000000014"))
            let claimID = try #require(try posted.decode(InvoicesResponse.self).invoices.first?.claimID)

            let payment = #"{"amount": "1300.00", "currency": "NOK", "date": "2026-11-20", "references": ["7000000014"], "payer_name": "Fjord Bakeri AS"}"#
            let answer = try await test.api(.POST, "/api/v1/payments", token: token, body: payment)
            #expect(answer.status == .created)
            let result = try #require(try answer.decode(PaymentsResponse.self).payments.first)
            #expect(result.status == "matched" && result.method == "reference")
            #expect(result.claims.map(\.claimID) == [claimID.uuidString.lowercased()])
            #expect(result.claims.first?.amount == "1250.00")
            #expect(result.overpayment == "50.00")
            let customer = try #require(try await ClaimRecord.find(claimID, on: test.app.db)).customerID
            #expect(try await CustomerCredit.balances(customerID: customer, creditorID: test.ledger.creditors[0].id, on: test.app.db) == [.major(50, .nok)])

            let claim = try await test.api(.GET, "/api/v1/claims/\(claimID)", token: token)
            #expect(claim.status == .ok)
            let detail = try claim.decode(ClaimResponse.self)
            #expect(detail.stage == "closed")
            #expect(detail.balances.total == "0.00")
            #expect(detail.entries.map(\.kind) == ["principal", "payment"])
            #expect(detail.entries.last?.date == "2026-11-20")
        }
    }

    @Test("posting the same payment again books nothing and names the first; without a bank reference it is a new payment", arguments: TestEngine.allCases)
    func repeatedPost(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let token = try await test.issueToken(for: test.ledger.creditors[0].id)
            let posted = try await test.api(.POST, "/api/v1/invoices", token: token, body: invoiceJSON(number: "API-P2", reference: "7000000014"))
            let claimID = try #require(try posted.decode(InvoicesResponse.self).invoices.first?.claimID)
            let payment = #"{"amount": "500.00", "currency": "NOK", "date": "2026-11-20", "references": ["7000000014"], "bank_reference": "ERP-4711"}"#
            let first = try #require(try await test.api(.POST, "/api/v1/payments", token: token, body: payment).decode(PaymentsResponse.self).payments.first)
            #expect(first.status == "matched")
            // A retry after a timeout, and the same payment twice in one batch: nothing is booked twice.
            let again = try await test.api(.POST, "/api/v1/payments", token: token, body: #"{"payments": [\#(payment), \#(payment)]}"#)
            let results = try again.decode(PaymentsResponse.self).payments
            #expect(results.map(\.status) == ["duplicate", "duplicate"])
            #expect(results.map(\.paymentID) == [first.paymentID, first.paymentID])
            #expect(try await PaymentRecord.query(on: test.app.db).count() == 1)
            let claim = try await test.api(.GET, "/api/v1/claims/\(claimID)", token: token).decode(ClaimResponse.self)
            #expect(claim.balances.total == "750.00")
            // Another amount under the same bank reference is another payment.
            let other = #"{"amount": "100.00", "currency": "NOK", "date": "2026-11-20", "references": ["7000000014"], "bank_reference": "ERP-4711"}"#
            #expect(try await test.api(.POST, "/api/v1/payments", token: token, body: other).decode(PaymentsResponse.self).payments.first?.status == "matched")
            // Without a bank reference two equal payments cannot be told apart from two real ones: both count.
            let plain = #"{"payments": [{"amount": "10.00", "currency": "NOK", "date": "2026-11-20", "references": ["7000000014"]}, {"amount": "10.00", "currency": "NOK", "date": "2026-11-20", "references": ["7000000014"]}]}"#
            let plainResults = try await test.api(.POST, "/api/v1/payments", token: token, body: plain).decode(PaymentsResponse.self).payments
            #expect(plainResults.map(\.status) == ["matched", "matched"])
            #expect(try await PaymentRecord.query(on: test.app.db).count() == 4)
        }
    }

    @Test("a payment without reference or number is matched by its payer and the exact open amount, never guessed", arguments: TestEngine.allCases)
    func matchedByPayer(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let token = try await test.issueToken(for: test.ledger.creditors[0].id)
            for (number, amount) in [("API-Q1", "\"1250.00\""), ("API-Q2", "\"800.00\"")] {
                _ = try await test.api(.POST, "/api/v1/invoices", token: token, body: invoiceJSON(number: number, amount: amount))
            }
            // The bank writes the name in capitals and without punctuation; the amount is one invoice's.
            let exact = #"{"amount": "800.00", "currency": "NOK", "date": "2026-11-20", "payer_name": "FJORD-BAKERI  AS"}"#
            let matched = try #require(try await test.api(.POST, "/api/v1/payments", token: token, body: exact).decode(PaymentsResponse.self).payments.first)
            #expect(matched.status == "matched" && matched.method == "amountAndPayer")
            let paid = try #require(try await ClaimRecord.query(on: test.app.db).filter(\.$invoiceNumber == "API-Q2").first())
            #expect(paid.openMinor == 0)
            // An amount that fits no single claim and not their total is left for a person, with their claims suggested.
            let partial = #"{"amount": "600.00", "currency": "NOK", "date": "2026-11-21", "payer_name": "Fjord Bakeri AS"}"#
            let left = try #require(try await test.api(.POST, "/api/v1/payments", token: token, body: partial).decode(PaymentsResponse.self).payments.first)
            #expect(left.status == "unmatched")
            #expect(left.suggestions == ["API-Q1"])
            // A payer who is nobody's name matches nothing.
            let stranger = #"{"amount": "1250.00", "currency": "NOK", "date": "2026-11-21", "payer_name": "Somebody Else"}"#
            #expect(try await test.api(.POST, "/api/v1/payments", token: token, body: stranger).decode(PaymentsResponse.self).payments.first?.status == "unmatched")
        }
    }

    @Test("a payment naming nothing known is kept unmatched for a person, with the reason", arguments: TestEngine.allCases)
    func unmatched(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let token = try await test.issueToken(for: test.ledger.creditors[0].id)
            let payment = #"{"payments": [{"amount": "412.00", "currency": "NOK", "date": "2026-11-20", "references": ["99999999999"], "text": "thanks"}]}"#
            let answer = try await test.api(.POST, "/api/v1/payments", token: token, body: payment)
            let result = try #require(try answer.decode(PaymentsResponse.self).payments.first)
            #expect(result.status == "unmatched")
            #expect(result.claims.isEmpty)
            #expect(result.note.contains("no reference"))
            let stored = try #require(try await PaymentRecord.find(result.paymentID, on: test.app.db))
            #expect(stored.status == "unmatched" && stored.amountMinor == 41_200 && stored.importedFileID == nil)
        }
    }

    @Test("a payment amount sent as a JSON number is refused by pointer", arguments: [TestEngine.sqlite])
    func paymentFloatRefused(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let token = try await test.issueToken(for: test.ledger.creditors[0].id)
            let answer = try await test.api(.POST, "/api/v1/payments", token: token, body: #"{"payments": [{"amount": 10.1, "currency": "NOK", "date": "2026-11-20"}]}"#)
            #expect(answer.status == .unprocessableEntity)
            #expect(answer.problem?.errors?.map(\.field) == ["/payments/0/amount"])
            #expect(try await PaymentRecord.query(on: test.app.db).count() == 0)
        }
    }

    @Test("another creditor's token cannot read a claim: 404, while its own creditor's token can", arguments: TestEngine.allCases)
    func otherCreditorsClaim(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let claimID = try #require(test.ledger.creditors[0].invoices.first?.id)
            let own = try await test.issueToken(for: test.ledger.creditors[0].id, scopes: [.claimsRead])
            let other = try await test.issueToken(for: test.ledger.creditors[1].id, scopes: [.claimsRead])
            #expect(try await test.api(.GET, "/api/v1/claims/\(claimID)", token: own).status == .ok)
            let refused = try await test.api(.GET, "/api/v1/claims/\(claimID)", token: other)
            #expect(refused.status == .notFound)
            #expect(refused.problem?.error == "not_found")
            #expect(!String(decoding: refused.body, as: UTF8.self).contains(test.ledger.creditors[0].invoices[0].number))
        }
    }
}
