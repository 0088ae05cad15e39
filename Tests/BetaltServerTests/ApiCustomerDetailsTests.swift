@testable import BetaltServer
import BetaltCore
import BetaltStore
import BetaltTestSupport
import Fluent
import Foundation
import Testing
import Vapor

@Suite("PATCH /api/v1/customers/{number}")
struct ApiCustomerDetailsTests {
    @Test("only the fields given change, null clears one, bad values are refused by field, and only with its scope",
          arguments: TestEngine.allCases)
    func detailsByApi(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let creditorID = test.ledger.creditors[0].id
            let token = try await test.issueToken(for: creditorID, scopes: [.customersWrite])
            let customer = try #require(try await CustomerRecord.query(on: test.app.db).filter(\.$creditorID == creditorID)
                .sort(\.$customerNumber).first())
            customer.phone = "+47 22 33 44 55"
            try await customer.update(on: test.app.db)
            let path = "/api/v1/customers/\(customer.customerNumber)"

            let moved = try await test.api(.PATCH, path, token: token, body: #"{"address_line": "Kirkeveien 5", "postal_code": "0368", "city": "Oslo", "phone": null}"#)
            #expect(moved.status == .ok)
            let answer = try moved.decode(CustomerDetailsResponse.self)
            #expect(answer.customerNumber == customer.customerNumber && answer.addressLine == "Kirkeveien 5" && answer.city == "Oslo")
            #expect(answer.name == customer.name && answer.email == customer.email && answer.phone == nil)
            let now = try #require(try await CustomerRecord.find(customer.id, on: test.app.db))
            #expect(now.postalCode == "0368" && now.phone == nil && now.name == customer.name)
            let audit = try #require(try await AuditRecord.query(on: test.app.db).filter(\.$action == "customer.detailsChanged").first())
            #expect(audit.actor.hasPrefix("api token ") && audit.detail == "address, phone")

            let refused = try await test.api(.PATCH, path, token: token, body: #"{"organisation_number": "923 609 017", "town": "Oslo"}"#)
            #expect(refused.status == .unprocessableEntity && refused.problem?.errors?.map(\.field) == ["/town"])
            let badNumber = try await test.api(.PATCH, path, token: token, body: #"{"organisation_number": "923 609 017"}"#)
            #expect(badNumber.status == .unprocessableEntity && badNumber.problem?.errors?.map(\.field) == ["/organisation_number"])
            let badEmail = try await test.api(.PATCH, path, token: token, body: #"{"email": "kari at example.no"}"#)
            #expect(badEmail.problem?.errors?.map(\.field) == ["/email"])
            let noName = try await test.api(.PATCH, path, token: token, body: #"{"name": " "}"#)
            #expect(noName.problem?.errors?.map(\.field) == ["/name"])
            let number = try await test.api(.PATCH, path, token: token, body: #"{"postal_code": 368}"#)
            #expect(number.problem?.errors?.map(\.field) == ["/postal_code"])
            let long = try await test.api(.PATCH, path, token: token, body: "{\"postal_code\": \"\(String(repeating: "9", count: 201))\"}")
            #expect(long.problem?.errors?.map(\.field) == ["/postal_code"])
            #expect(try await CustomerRecord.find(customer.id, on: test.app.db)?.organisationNumber == customer.organisationNumber)
            let notACode = try await test.api(.PATCH, path, token: token, body: #"{"country": "Sverige"}"#)
            #expect(notACode.status == .unprocessableEntity && notACode.problem?.errors?.map(\.field) == ["/country"])
            let swedishCode = try await test.api(.PATCH, path, token: token, body: #"{"country": "SE"}"#)
            #expect(swedishCode.problem?.errors?.map(\.field) == ["/postal_code"], "0368 is no Swedish postal code")
            let abroad = try await test.api(
                .PATCH, path, token: token, body: #"{"country": "se", "address_line": "Storgatan 1", "postal_code": "11122", "city": "Stockholm"}"#)
            #expect(abroad.status == .ok)
            let movedAbroad = try abroad.decode(CustomerDetailsResponse.self)
            #expect([movedAbroad.country, movedAbroad.language, movedAbroad.postalCode] == ["SE", "sv", "111 22"])
            #expect(try await test.api(.PATCH, path, token: token, body: #"{"country": "NO", "postal_code": "0368", "city": "Oslo"}"#).status == .ok)

            #expect(try await test.api(.PATCH, "/api/v1/customers/NO-SUCH", token: token, body: #"{"city": "Oslo"}"#).status == .notFound)
            // Another creditor's token reaches only its own customer of that number, if it has one.
            let other = try await test.issueToken(for: test.ledger.creditors[1].id, scopes: [.customersWrite])
            _ = try await test.api(.PATCH, path, token: other, body: #"{"city": "Bergen"}"#)
            #expect(try await CustomerRecord.find(customer.id, on: test.app.db)?.city == "Oslo")
            let readOnly = try await test.issueToken(for: creditorID, scopes: [.claimsRead])
            #expect(try await test.api(.PATCH, path, token: readOnly, body: #"{"city": "Bergen"}"#).status == .forbidden)
        }
    }

    @Test("a Swedish sole trader's personnummer as organisation number is kept as its national identity number, not answered back",
          arguments: TestEngine.allCases)
    func swedishSoleTrader(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let sweden = test.ledger.creditors[1].id
            let token = try await test.issueToken(for: sweden, scopes: [.customersWrite])
            let business = try #require(try await CustomerRecord.query(on: test.app.db).filter(\.$creditorID == sweden)
                .filter(\.$kind == "business").sort(\.$customerNumber).first())
            let answer = try await test.api(.PATCH, "/api/v1/customers/\(business.customerNumber)", token: token, body: #"{"organisation_number": "640823-3234"}"#)
            #expect(answer.status == .ok)
            #expect(try answer.decode(CustomerDetailsResponse.self).organisationNumber == nil)
            let text = String(decoding: answer.body, as: UTF8.self)
            #expect(!text.contains("08233234") && !text.contains("0823-3234"))
            let now = try #require(try await CustomerRecord.find(business.id, on: test.app.db))
            #expect(now.organisationNumber == nil && now.nationalIdentityNumber == "196408233234")

            // A mistyped one is refused for its check digit, without being answered back.
            let mistyped = try await test.api(.PATCH, "/api/v1/customers/\(business.customerNumber)", token: token, body: #"{"organisation_number": "640823-3235"}"#)
            #expect(mistyped.status == .unprocessableEntity && mistyped.problem?.errors?.map(\.field) == ["/organisation_number"])
            let refusal = String(decoding: mistyped.body, as: UTF8.self)
            #expect(refusal.contains("personnummer") && !refusal.contains("0823-3235"), "\(refusal)")
        }
    }

    @Test("a national identity number is checked by the customer's country, answered back masked, and removed by null; a move needs one the new country knows",
          arguments: TestEngine.allCases)
    func nationalIdentityNumber(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let norway = test.ledger.creditors[0].id
            let token = try await test.issueToken(for: norway, scopes: [.customersWrite])
            let consumer = try #require(try await CustomerRecord.query(on: test.app.db).filter(\.$creditorID == norway)
                .filter(\.$kind == "consumer").sort(\.$customerNumber).first())
            let path = "/api/v1/customers/\(consumer.customerNumber)"

            let wrong = try await test.api(.PATCH, path, token: token, body: #"{"national_identity_number": "29100207043"}"#)
            #expect(wrong.status == .unprocessableEntity && wrong.problem?.errors?.map(\.field) == ["/national_identity_number"])
            #expect(!String(decoding: wrong.body, as: UTF8.self).contains("07043"), "not answered back")

            let kept = try await test.api(.PATCH, path, token: token, body: #"{"national_identity_number": "291002 07042"}"#)
            #expect(kept.status == .ok)
            #expect(try kept.decode(CustomerDetailsResponse.self).nationalIdentityNumber == "291002 *****")
            #expect(!String(decoding: kept.body, as: UTF8.self).contains("07042"))
            #expect(try await CustomerRecord.find(consumer.id, on: test.app.db)?.nationalIdentityNumber == "29100207042")
            let second = try #require(try await CustomerRecord.query(on: test.app.db).filter(\.$creditorID == norway)
                .filter(\.$kind == "consumer").filter(\.$id != consumer.id!).sort(\.$customerNumber).first())
            let taken = try await test.api(.PATCH, "/api/v1/customers/\(second.customerNumber)", token: token, body: #"{"national_identity_number": "29100207042"}"#)
            #expect(taken.problem?.errors?.map(\.field) == ["/national_identity_number"])
            #expect(String(decoding: taken.body, as: UTF8.self).contains("customer \(consumer.customerNumber)"))

            let abroad = #""country": "SE", "address_line": "Storgatan 1", "postal_code": "11122", "city": "Stockholm""#
            let held = try await test.api(.PATCH, path, token: token, body: "{\(abroad)}")
            #expect(held.problem?.errors?.map(\.field) == ["/national_identity_number"], "a fødselsnummer is no Swedish number")
            let moved = try await test.api(.PATCH, path, token: token, body: "{\(abroad), \"national_identity_number\": null}")
            #expect(moved.status == .ok)
            let answer = try moved.decode(CustomerDetailsResponse.self)
            #expect(answer.country == "SE" && answer.nationalIdentityNumber == nil)
            #expect(try await CustomerRecord.find(consumer.id, on: test.app.db)?.nationalIdentityNumber == nil)
        }
    }
}
