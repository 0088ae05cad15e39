import BetaltCore
import BetaltStore
import BetaltTestSupport
import Fluent
import Foundation
import Testing
import VaporTesting

/// The customer page's details form says what a number must be for that customer: only a Swedish business may be
/// known by a sole trader's personnummer.
@Suite("The customer details form's errors")
struct CustomerDetailsFormTests {
    @Test("a wrong Swedish organisation number is explained by the customer's kind: a sole trader's personnummer only for a business",
          arguments: TestEngine.allCases)
    func swedishOrganisationNumber(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let sweden = test.ledger.creditors[1].id
            let cookie = try await test.logIn()
            var errors: [String: String] = [:]
            for kind in [CustomerKind.consumer, .business] {
                let customer = try #require(try await CustomerRecord.query(on: test.app.db).filter(\.$creditorID == sweden)
                    .filter(\.$kind == kind.rawValue).sort(\.$customerNumber).first())
                let path = "/creditors/\(sweden)/customers/\(customer.id!)"
                let csrf = try await test.csrfToken(from: path, headers: cookie)
                let (status, page) = try await test.postForm("\(path)/details", ["csrf": csrf, "organisationNumber": "123456-7898"], headers: cookie)
                #expect(status == .unprocessableEntity)
                errors[kind.rawValue] = fieldError("details-organisationNumber-error", in: page)
            }
            #expect(errors["consumer"] == "«123456-7898» er ikke et gyldig svensk organisasjonsnummer (ti sifre, det siste et kontrollsiffer).")
            #expect(errors["business"] == "«123456-7898» er ikke et gyldig svensk organisasjonsnummer (ti sifre, det siste et kontrollsiffer)"
                + " eller, for et enkeltpersonforetak, personnummer.")
        }
    }

    @Test("the country is a field of the form: a name rather than a code is refused next to it, a code is kept and shown",
          arguments: TestEngine.allCases)
    func country(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let sweden = test.ledger.creditors[1].id
            let cookie = try await test.logIn()
            let customer = try #require(try await CustomerRecord.query(on: test.app.db).filter(\.$creditorID == sweden)
                .sort(\.$customerNumber).first())
            let path = "/creditors/\(sweden)/customers/\(customer.id!)"
            let csrf = try await test.csrfToken(from: path, headers: cookie)
            let (status, page) = try await test.postForm(
                "\(path)/details", ["csrf": csrf, "country": "Sverige", "originalCountry": customer.country], headers: cookie)
            #expect(status == .unprocessableEntity)
            #expect(fieldError("details-country-error", in: page) == "«Sverige» er ikke en landkode (to bokstaver, som NO eller SE).")
            #expect(page.contains(#"name="country" size="3" maxlength="200" autocomplete="country" value="Sverige""#), "as typed, to correct")

            let (kept, _) = try await test.postForm(
                "\(path)/details", ["csrf": csrf, "country": "dk", "originalCountry": customer.country], headers: cookie)
            #expect(kept == .seeOther)
            #expect(try await CustomerRecord.find(customer.id, on: test.app.db)?.country == "DK")
            let (_, shown) = try await test.get(path, headers: cookie)
            #expect(shown.contains(#"name="originalCountry" value="DK""#))
            let address = CustomerDetails.addressText(customer.addressLine, customer.postalCode, customer.city)
            #expect(shown.contains("<dd id=\"customer-address\">\(address), DK</dd>"), "a country not the creditor's is shown")
            #expect(!page.contains("<dd id=\"customer-address\">\(address), SE</dd>"), "the creditor's own is not")
            #expect(page.contains("<dd id=\"customer-address\">\(address)</dd>"))
        }
    }
}
