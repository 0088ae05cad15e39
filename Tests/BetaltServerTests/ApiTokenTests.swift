@testable import BetaltServer
import BetaltStore
import BetaltTestSupport
import Fluent
import Foundation
import Testing
import Vapor

@Suite("API tokens")
struct ApiTokenTests {
    @Test("a token verifies with its scopes, not with a changed secret, and not once revoked; only its hash is stored", arguments: TestEngine.allCases)
    func createVerifyRevoke(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let creditor = test.ledger.creditors[0].id
            let (record, token) = try await ApiTokenIssuer.issue(creditorID: creditor, name: "ERP", scopes: [.invoicesWrite, .claimsRead], on: test.app.db)
            let stored = try #require(try await ApiTokenRecord.find(record.id, on: test.app.db))
            #expect(!token.contains(stored.tokenHash))
            #expect(stored.tokenHash.count == 64)

            let verified = try #require(try await ApiTokenIssuer.verify(token, on: test.app.db))
            #expect(verified.creditorID == creditor)
            #expect(verified.scopeSet == ["invoices:write", "claims:read"])

            let last = token.last == "0" ? "1" : "0"
            #expect(try await ApiTokenIssuer.verify(String(token.dropLast()) + last, on: test.app.db) == nil)
            #expect(try await ApiTokenIssuer.verify("betalt_nonsense", on: test.app.db) == nil)

            #expect(try await ApiTokens.revoke(id: record.requireID(), on: test.app.db))
            #expect(try await ApiTokenIssuer.verify(token, on: test.app.db) == nil)
            #expect(try await ApiTokens.revoke(id: record.requireID(), on: test.app.db) == false)
        }
    }

    @Test("hashes compare equal only when every byte is")
    func constantTimeComparison() {
        #expect(ApiTokens.hashesMatch("ab12", "ab12"))
        #expect(!ApiTokens.hashesMatch("ab12", "ab13"))
        #expect(!ApiTokens.hashesMatch("ab12", "ab1"))
    }

    @Test("a missing, wrong or revoked token is a 401 with a JSON error", arguments: TestEngine.allCases)
    func unauthorized(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let creditor = test.ledger.creditors[0].id
            let (record, token) = try await ApiTokenIssuer.issue(creditorID: creditor, name: "ERP", scopes: [.invoicesWrite], on: test.app.db)
            _ = try await ApiTokens.revoke(id: record.requireID(), on: test.app.db)
            for candidate in [nil, "betalt_0123", token] {
                let answer = try await test.api(.POST, "/api/v1/invoices", token: candidate, body: invoiceJSON(number: "API-401"))
                #expect(answer.status == .unauthorized)
                #expect(answer.problem?.error == "unauthorized")
                #expect(answer.headers.first(name: .wwwAuthenticate) == "Bearer")
            }
            #expect(try await ClaimRecord.query(on: test.app.db).filter(\.$invoiceNumber == "API-401").count() == 0)
        }
    }

    @Test("a token without the endpoint's scope is a 403 and changes nothing", arguments: TestEngine.allCases)
    func forbidden(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let token = try await test.issueToken(for: test.ledger.creditors[0].id, scopes: [.claimsRead])
            let invoices = try await test.api(.POST, "/api/v1/invoices", token: token, body: invoiceJSON(number: "API-403"))
            #expect(invoices.status == .forbidden)
            #expect(invoices.problem?.message.contains("invoices:write") == true)
            let payments = try await test.api(.POST, "/api/v1/payments", token: token, body: #"{"amount": "1.00", "currency": "NOK", "date": "2026-11-20"}"#)
            #expect(payments.status == .forbidden)
            #expect(try await ClaimRecord.query(on: test.app.db).filter(\.$invoiceNumber == "API-403").count() == 0)
            #expect(try await PaymentRecord.query(on: test.app.db).count() == 0)
        }
    }
}
