@testable import BetaltServer
import BetaltCore
import BetaltStore
import BetaltTestSupport
import Fluent
import Foundation
import Testing
import Vapor

@Suite("PUT /api/v1/customers/{number}/notice-consent")
struct ApiNoticeConsentTests {
    @Test("consent recorded by customer number, withdrawn, refused without a basis or an address, and only with its scope",
          arguments: TestEngine.allCases)
    func consentByApi(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let creditorID = test.ledger.creditors[0].id
            let token = try await test.issueToken(for: creditorID, scopes: [.customersWrite])
            let customer = try #require(try await CustomerRecord.query(on: test.app.db).filter(\.$creditorID == creditorID)
                .filter(\.$acceptedChannels == "").filter(\.$email != nil).sort(\.$customerNumber).first())
            let path = "/api/v1/customers/\(customer.customerNumber)/notice-consent"

            let given = try await test.api(.PUT, path, token: token, body: #"{"accepts_email": true, "basis": "web shop terms, 2026-03-01"}"#)
            #expect(given.status == .ok)
            let answer = try given.decode(NoticeConsentResponse.self)
            #expect(answer.customerNumber == customer.customerNumber && answer.acceptsEmail && answer.basis == "web shop terms, 2026-03-01")
            #expect(answer.consentOn != nil)
            let now = try #require(try await CustomerRecord.find(customer.id, on: test.app.db))
            #expect(now.acceptsEmailNotices && now.emailConsentBasis == "web shop terms, 2026-03-01")
            let audit = try #require(try await AuditRecord.query(on: test.app.db).filter(\.$action == "customer.emailAccepted").first())
            #expect(audit.actor.hasPrefix("api token "))
            // Another creditor's token reaches only its own customer of that number, if it has one.
            let other = try await test.issueToken(for: test.ledger.creditors[1].id, scopes: [.customersWrite])
            _ = try await test.api(.PUT, path, token: other, body: #"{"accepts_email": false}"#)
            #expect(try await CustomerRecord.find(customer.id, on: test.app.db)?.acceptsEmailNotices == true)

            let unnamed = try await test.api(.PUT, path, token: token, body: #"{"accepts_email": true, "basis": " ", "channel": "sms"}"#)
            #expect(unnamed.status == .unprocessableEntity)
            #expect(unnamed.problem?.errors?.map(\.field) == ["/channel"], "an unknown field is named before anything is stored")
            let noBasis = try await test.api(.PUT, path, token: token, body: #"{"accepts_email": "yes"}"#)
            #expect(noBasis.problem?.errors?.map(\.field) == ["/accepts_email"])
            let missing = try await test.api(.PUT, path, token: token, body: #"{"basis": "x"}"#)
            #expect(missing.problem?.errors?.map(\.field) == ["/accepts_email"] && missing.problem?.errors?.first?.message == "is required")

            let withdrawn = try await test.api(.PUT, path, token: token, body: #"{"accepts_email": false}"#)
            #expect(withdrawn.status == .ok)
            #expect(try withdrawn.decode(NoticeConsentResponse.self).acceptsEmail == false)
            #expect(try await CustomerRecord.find(customer.id, on: test.app.db)?.acceptsEmailNotices == false)
            let blank = try await test.api(.PUT, path, token: token, body: #"{"accepts_email": true}"#)
            #expect(blank.status == .unprocessableEntity && blank.problem?.errors?.map(\.field) == ["/basis"])

            now.email = nil
            try await now.update(on: test.app.db)
            let noAddress = try await test.api(.PUT, path, token: token, body: #"{"accepts_email": true, "basis": "phone call"}"#)
            #expect(noAddress.status == .unprocessableEntity && noAddress.problem?.errors?.map(\.field) == ["/accepts_email"])
            #expect(try await CustomerRecord.find(customer.id, on: test.app.db)?.acceptedChannels == "")

            let unknown = try await test.api(.PUT, "/api/v1/customers/NO-SUCH/notice-consent", token: token, body: #"{"accepts_email": false}"#)
            #expect(unknown.status == .notFound)
            // A token without the scope is refused.
            let readOnly = try await test.issueToken(for: creditorID, scopes: [.claimsRead])
            #expect(try await test.api(.PUT, path, token: readOnly, body: #"{"accepts_email": false}"#).status == .forbidden)
        }
    }
}
