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

            let claim = try await test.api(.GET, "/api/v1/claims/\(claimID)", token: token)
            #expect(claim.status == .ok)
            let detail = try claim.decode(ClaimResponse.self)
            #expect(detail.stage == "closed")
            #expect(detail.balances.total == "0.00")
            #expect(detail.entries.map(\.kind) == ["principal", "payment"])
            #expect(detail.entries.last?.date == "2026-11-20")
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
