@testable import BetaltServer
import BetaltCore
import BetaltStore
import BetaltTestSupport
import Fluent
import Foundation
import Testing
import Vapor

@Suite("POST /api/v1/invoices")
struct ApiInvoicesTests {
    @Test("JSON invoices are created, the same again is unchanged, other facts are reported as changed and not applied", arguments: TestEngine.allCases)
    func createRepostChange(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let token = try await test.issueToken(for: test.ledger.creditors[0].id)
            let body = #"{"invoices": [\#(invoiceJSON(number: "API-1")), \#(invoiceJSON(number: "API-2", amount: "\"99.5\""))]}"#
            let created = try await test.api(.POST, "/api/v1/invoices", token: token, body: body)
            #expect(created.status == .created)
            let first = try created.decode(InvoicesResponse.self).invoices
            #expect(first.map(\.outcome) == ["created", "created"])
            let claim = try #require(try await ClaimRecord.find(first[1].claimID, on: test.app.db))
            #expect(claim.invoiceNumber == "API-2" && claim.principalMinor == 9950 && claim.currency == "NOK")

            let again = try await test.api(.POST, "/api/v1/invoices", token: token, body: body)
            #expect(again.status == .ok)
            let second = try again.decode(InvoicesResponse.self).invoices
            #expect(second.map(\.outcome) == ["unchanged", "unchanged"])
            #expect(second.map(\.claimID) == first.map(\.claimID))

            let changed = try await test.api(.POST, "/api/v1/invoices", token: token, body: invoiceJSON(number: "API-1", amount: "\"1300.00\""))
            let result = try #require(try changed.decode(InvoicesResponse.self).invoices.first)
            #expect(result.outcome == "changed")
            #expect(result.differences == ["amount 1250.00 NOK → 1300.00 NOK"])
            #expect(try await ClaimRecord.find(first[0].claimID, on: test.app.db)?.principalMinor == 125_000)
        }
    }

    @Test("a Swedish sole trader's personnummer given as organisation number is kept as its national identity number", arguments: TestEngine.allCases)
    func swedishSoleTrader(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let token = try await test.issueToken(for: test.ledger.creditors[1].id)
            let body = """
                {"number": "API-ST", "issue_date": "2026-10-01", "due_date": "2026-10-15", "amount": "1500.00", "currency": "SEK",
                 "customer": {"name": "Åsas Måleri", "organisation_number": "640823-3234"}}
                """
            let created = try await test.api(.POST, "/api/v1/invoices", token: token, body: body)
            #expect(created.status == .created, "\(String(decoding: created.body, as: UTF8.self))")
            let claim = try #require(try await ClaimRecord.query(on: test.app.db).filter(\.$invoiceNumber == "API-ST").first())
            let customer = try #require(try await CustomerRecord.find(claim.customerID, on: test.app.db))
            #expect(customer.kind == "business" && customer.organisationNumber == nil)
            #expect(customer.nationalIdentityNumber == "196408233234" && customer.customerNumber == "Åsas Måleri")
        }
    }

    @Test("a person whose number a user typed is found by an invoice that writes the number otherwise, under another customer number",
          arguments: TestEngine.allCases)
    func personFoundByNumberAsWritten(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let sweden = test.ledger.creditors[1].id
            let person = try #require(try await CustomerRecord.query(on: test.app.db).filter(\.$creditorID == sweden)
                .filter(\.$kind == "consumer").filter(\.$country == "SE").sort(\.$customerNumber).first())
            #expect(try await CustomerDetails.record(
                [.nationalIdentityNumber: "6408233234"], customerID: person.id!, creditorID: sweden, on: TestApp.today, by: "asa@example",
                userID: nil, database: test.app.db
            ))
            #expect(try await CustomerRecord.find(person.id, on: test.app.db)?.nationalIdentityNumber == "196408233234")
            let token = try await test.issueToken(for: sweden)
            let created = try await test.api(.POST, "/api/v1/invoices", token: token, body: """
                {"number": "API-PN", "issue_date": "2026-10-01", "due_date": "2026-10-15", "amount": "150.00", "currency": "SEK",
                 "customer": {"number": "SHOP-77", "name": "\(person.name)", "national_identity_number": "640823-3234", "country": "SE"}}
                """)
            #expect(created.status == .created, "\(String(decoding: created.body, as: UTF8.self))")
            let claim = try #require(try await ClaimRecord.query(on: test.app.db).filter(\.$invoiceNumber == "API-PN").first())
            #expect(claim.customerID == person.id, "the same person, not a new customer")
            #expect(try await CustomerRecord.query(on: test.app.db).filter(\.$customerNumber == "SHOP-77").count() == 0)
        }
    }

    @Test("a new invoice for a known customer gets the customer's missing details from it, and says which differ", arguments: TestEngine.allCases)
    func customerDifferences(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let token = try await test.issueToken(for: test.ledger.creditors[0].id)
            _ = try await test.api(.POST, "/api/v1/invoices", token: token, body: invoiceJSON(number: "API-D1"))
            // The same half address again is nothing to say.
            let again = try await test.api(.POST, "/api/v1/invoices", token: token, body: invoiceJSON(number: "API-D1b"))
            #expect(again.status == .created && !String(decoding: again.body, as: UTF8.self).contains("customer_differences"))
            let body = """
                {"number": "API-D2", "issue_date": "2026-10-01", "due_date": "2026-10-15", "currency": "NOK", "amount": "10.00",
                 "customer": {"number": "API-C1", "name": "Fjord Bakeri AS", "organisation_number": "974760673", "email": "post@fjordbakeri.no",
                              "address_line": "Strandkaien 1", "postal_code": "5013", "city": "Trondheim", "country": "NO"}}
                """
            let response = try await test.api(.POST, "/api/v1/invoices", token: token, body: body)
            #expect(response.status == .created, "\(String(decoding: response.body, as: UTF8.self))")
            #expect(!String(decoding: response.body, as: UTF8.self).contains("customer_differences"), "half an address is replaced by a whole one")
            let result = try #require(try response.decode(InvoicesResponse.self).invoices.first)
            let claim = try #require(try await ClaimRecord.find(result.claimID, on: test.app.db))
            let customer = try #require(try await CustomerRecord.find(claim.customerID, on: test.app.db))
            #expect([customer.addressLine, customer.postalCode, customer.city, customer.email] == ["Strandkaien 1", "5013", "Trondheim", "post@fjordbakeri.no"])
            let note = try #require(try await ConversationNoteRecord.query(on: test.app.db).filter(\.$customerID == customer.id!)
                .filter(\.$kind == "detailsChanged").first())
            #expect(note.author == "API, invoice API-D2")
            let audit = try #require(try await AuditRecord.query(on: test.app.db).filter(\.$action == "customer.detailsCompleted").first())
            #expect(audit.actor.hasPrefix("api token ") && audit.userID == nil)

            let moved = body.replacingOccurrences(of: "API-D2", with: "API-D3").replacingOccurrences(of: "Strandkaien 1", with: "Bryggen 2")
            let answer = try #require(try await test.api(.POST, "/api/v1/invoices", token: token, body: moved).decode(InvoicesResponse.self).invoices.first)
            #expect(answer.customerDifferences == [
                "customer API-C1: the address on invoice API-D3 (Bryggen 2, 5013 Trondheim) is not the one kept: kept as it was;"
                    + " if the customer has moved, correct it on the customer page",
            ])
            #expect(try await CustomerRecord.find(claim.customerID, on: test.app.db)?.addressLine == "Strandkaien 1")
        }
    }

    @Test("an invoice whose whole address moves a customer abroad has the person's number checked by the new country", arguments: TestEngine.allCases)
    func numberCheckedByTheCountryMovedTo(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let token = try await test.issueToken(for: test.ledger.creditors[0].id)
            func invoice(_ number: String, customer: String) -> String {
                """
                {"number": "\(number)", "issue_date": "2026-10-01", "due_date": "2026-10-15", "amount": "15.00", "currency": "NOK",
                 "customer": {"number": "API-P1", "name": "Åsa Lind", \(customer)}}
                """
            }
            let first = try await test.api(.POST, "/api/v1/invoices", token: token, body: invoice("API-P1a", customer: #""country": "NO", "city": "Oslo""#))
            #expect(first.status == .created, "\(String(decoding: first.body, as: UTF8.self))")
            let second = try await test.api(.POST, "/api/v1/invoices", token: token, body: invoice("API-P1b", customer: """
                "country": "SE", "address_line": "Storgatan 1", "postal_code": "11122", "city": "Stockholm", "national_identity_number": "640823-3234"
                """))
            #expect(second.status == .created, "\(String(decoding: second.body, as: UTF8.self))")
            let customer = try #require(try await CustomerRecord.query(on: test.app.db).filter(\.$customerNumber == "API-P1").first())
            #expect(customer.country == "SE" && customer.nationalIdentityNumber == "196408233234", "a personnummer, for a customer now in Sweden")
        }
    }

    @Test("a lower-case country is read as its code; a personnummer beside another sole trader's personnummer is refused at its field",
          arguments: TestEngine.allCases)
    func countryAndNumbers(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let token = try await test.issueToken(for: test.ledger.creditors[0].id)
            func invoice(_ number: String, customer: String) -> String {
                """
                {"number": "\(number)", "issue_date": "2026-10-01", "due_date": "2026-10-15", "amount": "15.00", "currency": "SEK",
                 "customer": \(customer)}
                """
            }
            let created = try await test.api(.POST, "/api/v1/invoices", token: token, body: invoice("API-SE", customer: """
                {"number": "SE-1", "name": "Åsa Svensson", "country": "se", "city": "Malmö"}
                """))
            #expect(created.status == .created, "\(String(decoding: created.body, as: UTF8.self))")
            let customer = try #require(try await CustomerRecord.query(on: test.app.db).filter(\.$customerNumber == "SE-1").first())
            #expect(customer.country == "SE" && customer.language == "sv")

            let refused = try await test.api(.POST, "/api/v1/invoices", token: token, body: invoice("API-ST2", customer: """
                {"name": "Åsas Måleri", "organisation_number": "640823-3234", "national_identity_number": "811218-9876", "country": "SE"}
                """))
            #expect(refused.status == .unprocessableEntity)
            let text = String(decoding: refused.body, as: UTF8.self)
            #expect(text.contains(#"\/customer\/national_identity_number"#) && !text.contains("9876") && !text.contains("3234"), "\(text)")
            let foreign = try await test.api(.POST, "/api/v1/invoices", token: token, body: invoice("API-X", customer: """
                {"name": "Straße GmbH", "country": "ß"}
                """))
            #expect(foreign.status == .unprocessableEntity)
            #expect(try await ClaimRecord.query(on: test.app.db).filter(\.$invoiceNumber ~~ ["API-ST2", "API-X"]).count() == 0)
        }
    }

    @Test("a number without its scheme is kept as given, unless a Swedish customer's reads as a personnummer")
    func numbersWithoutScheme() {
        let company = CustomerNumbers(text: "556677-8899", country: "SE")
        #expect(company.organisationNumber == "556677-8899" && company.soleTrader == nil, "as given, as customers made before were")
        let soleTrader = CustomerNumbers(text: "640823-3234", country: "se")
        #expect(soleTrader.organisationNumber == nil && soleTrader.soleTrader == "196408233234")
        let mistyped = CustomerNumbers(text: "640823-3235", country: "SE")
        #expect(mistyped.organisationNumber == nil && mistyped.soleTrader == "640823-3235", "kept as personal data, to be corrected")
        let norwegian = CustomerNumbers(text: "640823-3234", country: "NO")
        #expect(norwegian.organisationNumber == "640823-3234", "another country's number is not read as Swedish")
    }

    @Test("a JSON number for an amount and a missing due date are named by pointer, and nothing is stored", arguments: TestEngine.allCases)
    func invalidFieldsByPointer(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let token = try await test.issueToken(for: test.ledger.creditors[0].id)
            let missingDue = invoiceJSON(number: "API-BAD-3").replacingOccurrences(of: #""due_date": "2026-10-15", "#, with: "")
            let body = #"{"invoices": [\#(invoiceJSON(number: "API-BAD-1")), \#(invoiceJSON(number: "API-BAD-2", amount: "1250.5")), \#(missingDue)]}"#
            let answer = try await test.api(.POST, "/api/v1/invoices", token: token, body: body)
            #expect(answer.status == .unprocessableEntity)
            let problem = try #require(answer.problem)
            #expect(problem.error == "invalid")
            #expect(problem.errors?.map(\.field) == ["/invoices/1/amount", "/invoices/2/due_date"])
            #expect(problem.errors?.first?.message.contains("not a JSON number") == true)
            #expect(try await ClaimRecord.query(on: test.app.db).filter(\.$invoiceNumber ~~ ["API-BAD-1", "API-BAD-2", "API-BAD-3"]).count() == 0)
        }
    }

    @Test("a UBL invoice body becomes a claim with its original kept; posting it again is unchanged", arguments: TestEngine.allCases)
    func ublInvoice(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let token = try await test.issueToken(for: test.ledger.creditors[0].id)
            let xml = String(decoding: try ImportTests.fixture("peppol/Norwegian-example-1.xml"), as: UTF8.self)
            let answer = try await test.api(.POST, "/api/v1/invoices", token: token, body: xml, contentType: .xml)
            #expect(answer.status == .created)
            let result = try #require(try answer.decode(InvoicesResponse.self).invoices.first)
            #expect(result.number == "TOSL108" && result.outcome == "created")
            let claim = try #require(try await ClaimRecord.find(result.claimID, on: test.app.db))
            #expect(claim.paymentReference == "0003434323213231")
            let original = try await InvoiceDocumentRecord.query(on: test.app.db).filter(\.$claimID == result.claimID).first()
            #expect(original?.content == xml)

            let again = try await test.api(.POST, "/api/v1/invoices", token: token, body: xml, contentType: .xml)
            #expect(try again.decode(InvoicesResponse.self).invoices.first?.outcome == "unchanged")
        }
    }

    @Test("a UBL credit note credits its invoice once, however often it is posted", arguments: TestEngine.allCases)
    func ublCreditNote(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let token = try await test.issueToken(for: test.ledger.creditors[0].id)
            let invoice = String(decoding: try ImportTests.fixture("peppol/base-example.xml"), as: UTF8.self)
            let note = String(decoding: try ImportTests.fixture("peppol/base-creditnote-correction.xml"), as: UTF8.self)
            let early = try await test.api(.POST, "/api/v1/invoices", token: token, body: note, contentType: .xml)
            #expect(early.status == .unprocessableEntity)
            #expect(early.problem?.errors?.first?.message.contains("does not have") == true)

            _ = try await test.api(.POST, "/api/v1/invoices", token: token, body: invoice, contentType: .xml)
            let credited = try await test.api(.POST, "/api/v1/invoices", token: token, body: note, contentType: .xml)
            let result = try #require(try credited.decode(InvoicesResponse.self).invoices.first)
            #expect(result.outcome == "credited")
            let again = try await test.api(.POST, "/api/v1/invoices", token: token, body: note, contentType: .xml)
            #expect(try again.decode(InvoicesResponse.self).invoices.first?.outcome == "unchanged")
            let entries = try await LedgerEntryRecord.query(on: test.app.db).filter(\.$claimID == result.claimID).filter(\.$kind == "creditNote").all()
            #expect(entries.count == 1)
            #expect(entries.first.map { Money(minorUnits: $0.amountMinor, currency: .nok).decimalString } == result.creditedAmount)
        }
    }
}

@Suite("API error shapes")
struct ApiErrorShapeTests {
    @Test("malformed JSON is a 400 and a body neither JSON nor XML a 415, both in the JSON error shape", arguments: [TestEngine.sqlite])
    func malformedAndUnsupported(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let token = try await test.issueToken(for: test.ledger.creditors[0].id)
            let malformed = try await test.api(.POST, "/api/v1/invoices", token: token, body: #"{"number": "#)
            #expect(malformed.status == .badRequest)
            #expect(malformed.problem?.error == "bad_request")
            let text = try await test.api(.POST, "/api/v1/invoices", token: token, body: "number=1", contentType: .plainText)
            #expect(text.status == .unsupportedMediaType)
            #expect(text.problem?.error == "unsupported_media_type")
        }
    }
}
