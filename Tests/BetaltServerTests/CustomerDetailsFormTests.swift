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

    @Test("a national identity number is shown masked and never put in the page: one typed replaces it, a wrong one is refused without repeating it, the box removes it",
          arguments: TestEngine.allCases)
    func nationalIdentityNumber(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let norway = test.ledger.creditors[0].id
            let cookie = try await test.logIn()
            let customer = try #require(try await CustomerRecord.query(on: test.app.db).filter(\.$creditorID == norway)
                .filter(\.$kind == "consumer").sort(\.$customerNumber).first())
            customer.nationalIdentityNumber = "29100207042"
            try await customer.update(on: test.app.db)
            let path = "/creditors/\(norway)/customers/\(customer.id!)"
            let (_, shown) = try await test.get(path, headers: cookie)
            #expect(shown.contains("Registrert: 291002 *****."), "on file, masked")
            #expect(!shown.contains("07042"), "the number kept is nowhere in the page")
            #expect(shown.contains(#"name="removeNationalIdentityNumber""#))

            let csrf = try await test.csrfToken(from: path, headers: cookie)
            let (refused, page) = try await test.postForm("\(path)/details", ["csrf": csrf, "nationalIdentityNumber": "23072388055"], headers: cookie)
            #expect(refused == .unprocessableEntity)
            #expect(fieldError("details-nationalIdentityNumber-error", in: page)
                == "Ikke et gyldig norsk fødselsnummer eller D-nummer (elleve sifre) for en kunde i Norge. Skriv inn kundens nummer, eller fjern det registrerte.")
            #expect(!page.contains("23072388055"), "a number typed is not shown again")

            let (typed, _) = try await test.postForm("\(path)/details", ["csrf": csrf, "nationalIdentityNumber": "230723 88054"], headers: cookie)
            #expect(typed == .seeOther)
            #expect(try await CustomerRecord.find(customer.id, on: test.app.db)?.nationalIdentityNumber == "23072388054")
            // The form sent as shown, with the field left blank, changes nothing.
            let (unchanged, _) = try await test.postForm("\(path)/details", ["csrf": csrf, "nationalIdentityNumber": " "], headers: cookie)
            #expect(unchanged == .seeOther)
            #expect(try await CustomerRecord.find(customer.id, on: test.app.db)?.nationalIdentityNumber == "23072388054")

            let (removed, _) = try await test.postForm("\(path)/details", ["csrf": csrf, "removeNationalIdentityNumber": "on"], headers: cookie)
            #expect(removed == .seeOther)
            #expect(try await CustomerRecord.find(customer.id, on: test.app.db)?.nationalIdentityNumber == nil)
            let (_, after) = try await test.get(path, headers: cookie)
            #expect(!after.contains(#"name="removeNationalIdentityNumber""#), "nothing on file to remove")
        }
    }
}
