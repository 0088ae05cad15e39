import BetaltCore
@testable import BetaltStore
import BetaltTestSupport
import FluentKit
import Foundation
import SQLKit
import Testing

/// A customer's name, address, e-mail, phone and organisation number corrected by a person.
@Suite("A customer's details", .serialized)
struct CustomerDetailsTests {
    static let today = try! CivilDate(2026, 11, 24)
    private static let ledger = try! DemoLedger(today: today, customersPerCreditor: 12, invoicesPerCreditor: 40)

    private func seeded(_ store: StandaloneDatabase) async throws -> (creditorID: UUID, country: Country) {
        try await DemoSeeder.seed(Self.ledger, demoUserPasswordHash: "x", on: store.database)
        return (Self.ledger.creditors[0].id, Self.ledger.creditors[0].country)
    }

    /// Each claim's revision and next-action date, by invoice number.
    private func claims(of customerID: UUID, _ store: StandaloneDatabase) async throws -> [(revision: Int64, next: String?, open: Bool)] {
        let rows = try await (store.database as! any SQLDatabase).raw("""
            SELECT revision, next_action_date, open_minor, stage FROM claims WHERE customer_id = \(bind: customerID) ORDER BY invoice_number
            """).all()
        return try rows.map { row in
            let stage = try row.decode(column: "stage", as: String.self)
            return (
                try row.decode(column: "revision", as: Int64.self), try row.decode(column: "next_action_date", as: String?.self),
                try row.decode(column: "open_minor", as: Int64.self) > 0 && stage != "closed" && stage != "withAgency"
            )
        }
    }

    /// A customer of the creditor with open claims, who has not (yet) accepted notices by e-mail but has an address for them.
    private func customerWithClaims(_ creditorID: UUID, _ store: StandaloneDatabase) async throws -> CustomerRecord {
        for customer in try await CustomerRecord.query(on: store.database).filter(\.$creditorID == creditorID).sort(\.$customerNumber).all()
        where !customer.acceptsEmailNotices && !(customer.email ?? "").isEmpty {
            if try await claims(of: customer.id!, store).contains(where: \.open) { return customer }
        }
        Issue.record("the demo ledger has no such customer")
        throw CancellationError()
    }

    @Test("a new address is kept, in the timeline (old → new) and the audit log, and the customer's claims are looked at again today",
          arguments: TestEngine.allCases)
    func addressChanged(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let (creditorID, country) = try await seeded(store)
            let customer = try await customerWithClaims(creditorID, store)
            let before = try await claims(of: customer.id!, store)
            #expect(country == .norway)
            let details: [CustomerDetails.Field: String] = [.addressLine: "  Kirkeveien 5 ", .postalCode: "0368", .city: "Oslo"]
            #expect(try await CustomerDetails.record(
                details, customerID: customer.id!, creditorID: creditorID, on: Self.today, by: "kari@example",
                userID: nil, database: store.database
            ))
            let now = try #require(try await CustomerRecord.find(customer.id, on: store.database))
            #expect(now.addressLine == "Kirkeveien 5" && now.postalCode == "0368" && now.city == "Oslo")
            #expect(now.name == customer.name && now.email == customer.email, "the fields not changed stay")

            let note = try #require(try await ConversationNoteRecord.query(on: store.database).filter(\.$customerID == customer.id!)
                .filter(\.$kind == "detailsChanged").first())
            let oldAddress = "\(customer.addressLine), \(customer.postalCode) \(customer.city)"
            #expect(note.text == "address: \(oldAddress) → Kirkeveien 5, 0368 Oslo" && note.author == "kari@example")
            let timeline = try await Timeline.load(customerID: customer.id!, creditorID: creditorID, on: store.database)
            #expect(timeline.contains { $0.kind == .detailsChanged && $0.date == Self.today })
            let audit = try #require(try await AuditRecord.query(on: store.database).filter(\.$action == "customer.detailsChanged").first())
            #expect(audit.detail == "address" && audit.actor == "kari@example")

            let after = try await claims(of: customer.id!, store)
            for (old, new) in zip(before, after) {
                #expect(new.revision == old.revision + (old.open ? 1 : 0), "a batch read before is planned again")
                if old.open { #expect(new.next.map { $0 <= Self.today.iso } == true, "looked at again by today's run at the latest") }
            }

            // Kept again as it is: nothing changes, nothing is counted twice.
            #expect(try await CustomerDetails.record(
                details, customerID: customer.id!, creditorID: creditorID, on: Self.today, by: "kari@example",
                userID: nil, database: store.database
            ))
            #expect(try await claims(of: customer.id!, store).map(\.revision) == after.map(\.revision))
            #expect(try await ConversationNoteRecord.query(on: store.database).filter(\.$kind == "detailsChanged").count() == 1)
        }
    }

    @Test("a blank name, a malformed e-mail, a wrong organisation number and an overlong value are refused, naming the field; nothing is kept",
          arguments: TestEngine.allCases)
    func refusals(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let (creditorID, country) = try await seeded(store)
            let customer = try await customerWithClaims(creditorID, store)
            func refusal(_ changes: [CustomerDetails.Field: String]) async throws -> CustomerDetails.Refusal? {
                do {
                    _ = try await CustomerDetails.record(
                        changes, customerID: customer.id!, creditorID: creditorID, on: Self.today, by: "kari@example",
                        userID: nil, database: store.database
                    )
                    return nil
                } catch let refusal as CustomerDetails.Refusal {
                    return refusal
                }
            }
            #expect(country == .norway)
            #expect(try await refusal([.name: "   "]) == .nameMissing)
            #expect(try await refusal([.name: "Kari\nNordmann"]) == .notOneLine(.name))
            for email in ["kari", "kari@", "@example.no", "kari@example", "kari@@example.no", "kari@example.no, ola@example.no", "kari @example.no"] {
                #expect(try await refusal([.email: email]) == .emailInvalid, "\(email)")
            }
            if case .organisationNumberInvalid(.norway, _, _) = try await refusal([.organisationNumber: "923 609 017"]) {} else {
                Issue.record("a check digit that does not add up is refused")
            }
            #expect(try await refusal([.postalCode: "03680"]) == .postalCodeInvalid(.norway))
            #expect(try await refusal([.city: ""]) == .addressIncomplete(.city), "half an address is none")
            #expect(try await refusal([.city: String(repeating: "å", count: 201)]) == .tooLong(.city))
            let now = try #require(try await CustomerRecord.find(customer.id, on: store.database))
            #expect(now.name == customer.name && now.city == customer.city && now.postalCode == customer.postalCode, "nothing refused is kept")

            #expect(try await refusal([.organisationNumber: "923 609 016"]) == nil, "a valid number, written with its usual spaces")
            #expect(try await CustomerRecord.find(customer.id, on: store.database)?.organisationNumber == "923609016",
                    "kept in the normal form imports find customers by")
            #expect(try await refusal([.email: "kari.nordmann+faktura@example.co.uk"]) == nil)
            #expect(try await AuditRecord.query(on: store.database).filter(\.$action == "customer.detailsChanged").count() == 2)
            #expect(try await refusal([.addressLine: "", .postalCode: "", .city: ""]) == nil, "an address may be taken away whole")

            // A number an import brought in, not valid, does not keep a new address from being kept: only what is given is checked.
            now.organisationNumber = "123456789"
            try await now.update(on: store.database)
            #expect(try await refusal([.addressLine: "Storgata 1", .postalCode: "2317", .city: "Hamar"]) == nil)
            let after = try #require(try await CustomerRecord.find(customer.id, on: store.database))
            #expect(after.city == "Hamar" && after.organisationNumber == "123456789" && after.email == "kari.nordmann+faktura@example.co.uk",
                    "the fields not given stay as they are")
        }
    }

    @Test("a customer who moved abroad gets the new country's code, postal code check and language; a country that is no code is refused",
          arguments: TestEngine.allCases)
    func countryChanged(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let (creditorID, country) = try await seeded(store)
            let customer = try await customerWithClaims(creditorID, store)
            #expect(country == .norway && customer.country == "NO" && customer.language == "nb")
            let before = try await claims(of: customer.id!, store)
            func record(_ changes: [CustomerDetails.Field: String], of id: UUID = customer.id!) async throws -> CustomerDetails.Refusal? {
                do {
                    _ = try await CustomerDetails.record(
                        changes, customerID: id, creditorID: creditorID, on: Self.today, by: "kari@example", userID: nil, database: store.database
                    )
                    return nil
                } catch let refusal as CustomerDetails.Refusal {
                    return refusal
                }
            }
            #expect(try await record([.country: "Sverige"]) == .countryInvalid)
            #expect(try await record([.country: " "]) == .countryInvalid, "a customer is always in a country")
            #expect(try await record([.country: "SE"]) == .postalCodeInvalid(.sweden), "the Norwegian postal code kept is no Swedish one")

            #expect(try await CustomerRecord.find(customer.id, on: store.database)?.country == "NO", "nothing refused is kept")

            // Without a Norwegian organisation number, which no Swedish registry knows (below).
            customer.organisationNumber = nil
            try await customer.update(on: store.database)
            #expect(try await record([.country: " se ", .addressLine: "Storgatan 1", .postalCode: "11122", .city: "Stockholm"]) == nil)
            let now = try #require(try await CustomerRecord.find(customer.id, on: store.database))
            #expect(now.country == "SE" && now.postalCode == "111 22" && now.language == "sv")
            let note = try #require(try await ConversationNoteRecord.query(on: store.database).filter(\.$customerID == customer.id!)
                .filter(\.$kind == "detailsChanged").first())
            #expect(note.text.hasSuffix("→ Storgatan 1, 111 22 Stockholm\ncountry: NO → SE\nlanguage: nb → sv"), "\(note.text)")
            let audit = try #require(try await AuditRecord.query(on: store.database).filter(\.$action == "customer.detailsChanged").first())
            #expect(audit.detail == "address, country, language")
            let after = try await claims(of: customer.id!, store)
            #expect(zip(before, after).allSatisfy { old, new in new.revision == old.revision + (old.open ? 1 : 0) }, "looked at again")

            // A language someone chose stays when the country changes; a country outside Norway and Sweden keeps its postal code as given.
            now.language = "en"
            try await now.update(on: store.database)
            #expect(try await record([.country: "no", .postalCode: "0155", .city: "Oslo"]) == nil)
            #expect(try await CustomerRecord.find(customer.id, on: store.database)?.language == "en", "chosen, not the Swedish one")
            #expect(try await record([.country: "DK", .postalCode: "DK-1000", .city: "København"]) == nil)
            let moved = try #require(try await CustomerRecord.find(customer.id, on: store.database))
            #expect(moved.country == "DK" && moved.postalCode == "DK-1000" && moved.language == "en")

            // A registry number kept is checked by the new country's registry too, so the person sees one that does not fit.
            moved.organisationNumber = "923609016"
            try await moved.update(on: store.database)
            if case .organisationNumberInvalid(.sweden, _, _)? = try await record([.country: "SE", .postalCode: "11122", .city: "Stockholm"]) {} else {
                Issue.record("a Norwegian organisation number is no Swedish one")
            }
            #expect(try await record([.country: "NO", .postalCode: "0368", .city: "Oslo"]) == nil, "a valid Norwegian one")
        }
    }

    @Test("a new e-mail address ends the consent to notices by e-mail given for the old one; the consent history says so",
          arguments: TestEngine.allCases)
    func newAddressEndsConsent(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let (creditorID, _) = try await seeded(store)
            let customer = try await customerWithClaims(creditorID, store)
            #expect(try await NoticeConsent.record(
                customerID: customer.id!, creditorID: creditorID, acceptsEmail: true, basis: "order form", on: Self.today,
                by: "kari@example", userID: nil, database: store.database
            ))
            _ = try await CustomerDetails.record(
                [.phone: "+47 22 33 44 55", .email: (customer.email ?? "").uppercased()], customerID: customer.id!, creditorID: creditorID,
                on: Self.today, by: "kari@example", userID: nil, database: store.database
            )
            #expect(try await CustomerRecord.find(customer.id, on: store.database)?.acceptsEmailNotices == true,
                    "a new phone, or the address in capitals, leaves it")

            _ = try await CustomerDetails.record(
                [.email: "new.address@example.no"], customerID: customer.id!, creditorID: creditorID, on: Self.today, by: "kari@example",
                userID: nil, database: store.database
            )
            let now = try #require(try await CustomerRecord.find(customer.id, on: store.database))
            #expect(now.email == "new.address@example.no" && !now.acceptsEmailNotices)
            #expect(now.emailConsentOn == nil && !now.acceptedChannels.contains("email"))
            let history = try await NoticeConsent.history(of: now, on: store.database)
            #expect(history.map(\.accepted) == [true, false])
            #expect(history.last?.basis.contains("e-mail address changed") == true)
        }
    }

    @Test("a reminder held because the debtor has no postal address goes in the next run once a person completes the address",
          arguments: TestEngine.allCases)
    func completedAddressReleasesTheReminder(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            // The demo's today is a Sunday; notices and handovers go on business days.
            let monday = try CivilDate(2026, 11, 23), tuesday = try CivilDate(2026, 11, 24)
            let ledger = try DemoLedger(today: try CivilDate(2026, 11, 22), customersPerCreditor: 15, invoicesPerCreditor: 120)
            try await DemoSeeder.seed(ledger, demoUserPasswordHash: "x", on: store.database)
            let creditor = ledger.creditors[0]
            let sql = store.database as! any SQLDatabase
            try await sql.raw("UPDATE customers SET address_line = '', postal_code = '', city = '' WHERE creditor_id = \(bind: creditor.id)").run()
            _ = try await DailyRun(date: monday, creditorID: creditor.id).run(on: store.database)

            let held = try #require(try await sql.raw("""
                SELECT d.claim_id, c.customer_id, c.next_action_date FROM claim_decisions d JOIN claims c ON c.id = d.claim_id
                WHERE d.creditor_id = \(bind: creditor.id) AND d.outcome = 'attention' AND d.reason LIKE 'the debtor cannot be reached for the %'
                ORDER BY c.invoice_number
                """).first(), "a claim whose reminder waits for a postal address")
            let claimID = try held.decode(column: "claim_id", as: UUID.self), customerID = try held.decode(column: "customer_id", as: UUID.self)
            #expect(try held.decode(column: "next_action_date", as: String?.self).map { $0 > tuesday.iso } != false,
                    "without a person, not looked at again the next day")

            #expect(try await CustomerDetails.record(
                [.addressLine: "Kirkeveien 5", .postalCode: "0368", .city: "Oslo"], customerID: customerID, creditorID: creditor.id,
                on: tuesday, by: "kari@example", userID: nil, database: store.database
            ))
            _ = try await DailyRun(date: tuesday, creditorID: creditor.id).run(on: store.database)
            let acts = try await CollectionActRecord.query(on: store.database).filter(\.$claimID == claimID).all()
            #expect(acts.map(\.actDate) == [tuesday.iso] && acts.allSatisfy { $0.channel == "letter" }, "the reminder goes, by letter")
        }
    }

    @Test("a Swedish sole trader's personnummer typed as its organisation number is kept as its national identity number, masked in the timeline; a consumer's is refused",
          arguments: TestEngine.allCases)
    func swedishSoleTrader(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            _ = try await seeded(store)
            let sweden = Self.ledger.creditors[1].id
            let customers = try await CustomerRecord.query(on: store.database).filter(\.$creditorID == sweden).sort(\.$customerNumber).all()
            let business = try #require(customers.first { $0.kind == "business" })
            func record(_ number: String, for customer: CustomerRecord) async throws -> Bool {
                try await CustomerDetails.record(
                    [.organisationNumber: number], customerID: customer.id!, creditorID: sweden, on: Self.today, by: "asa@example",
                    userID: nil, database: store.database
                )
            }
            #expect(try await record("640823-3234", for: business))
            let now = try #require(try await CustomerRecord.find(business.id, on: store.database))
            #expect(now.organisationNumber == nil && now.nationalIdentityNumber == "196408233234")
            let note = try #require(try await ConversationNoteRecord.query(on: store.database).filter(\.$customerID == business.id!)
                .filter(\.$kind == "detailsChanged").first())
            #expect(note.text.contains("nationalIdentityNumber: — → 19640823-****"), "\(note.text)")
            #expect(!note.text.contains("08233234") && !note.text.contains("0823-3234"), "the timeline shows the personnummer masked")

            // Another personnummer of the same birth date is a change too, though both show alike.
            #expect(try await record("640823-3242", for: business))
            #expect(try await CustomerRecord.find(business.id, on: store.database)?.nationalIdentityNumber == "196408233242")

            let consumer = try #require(customers.first { $0.kind == "consumer" })
            await #expect(throws: CustomerDetails.Refusal.self) { try await record("640823-3234", for: consumer) }

            // A business known by its organisation number is given no person's number.
            let company = try #require(customers.first { $0.kind == "business" && $0.organisationNumber != nil && $0.id != business.id })
            await #expect(throws: CustomerDetails.Refusal.nationalIdentityNumberOfBusiness) {
                try await CustomerDetails.record(
                    [.nationalIdentityNumber: "640823-3234"], customerID: company.id!, creditorID: sweden, on: Self.today, by: "asa@example",
                    userID: nil, database: store.database
                )
            }
            #expect(try await CustomerRecord.find(company.id, on: store.database)?.nationalIdentityNumber == nil)
        }
    }

    @Test("a consumer's national identity number is typed anew, checked by the country and kept masked in the timeline; a move checks it again; it can be removed",
          arguments: TestEngine.allCases)
    func nationalIdentityNumber(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let (creditorID, _) = try await seeded(store)
            let consumer = try #require(try await CustomerRecord.query(on: store.database).filter(\.$creditorID == creditorID)
                .filter(\.$kind == "consumer").filter(\.$country == "NO").sort(\.$customerNumber).first())
            func record(_ changes: [CustomerDetails.Field: String]) async throws -> CustomerDetails.Refusal? {
                do {
                    _ = try await CustomerDetails.record(
                        changes, customerID: consumer.id!, creditorID: creditorID, on: Self.today, by: "kari@example", userID: nil,
                        database: store.database
                    )
                    return nil
                } catch let refusal as CustomerDetails.Refusal {
                    return refusal
                }
            }
            func kept() async throws -> CustomerRecord { try #require(try await CustomerRecord.find(consumer.id, on: store.database)) }

            #expect(try await record([.nationalIdentityNumber: " 291002 07042 "]) == nil)
            #expect(try await kept().nationalIdentityNumber == "29100207042", "kept in its normal form")
            #expect(try await record([.nationalIdentityNumber: "29100207043"]) == .nationalIdentityNumberInvalid(.norway), "a wrong check digit")
            #expect(try await record([.nationalIdentityNumber: "640823-3234"]) == .nationalIdentityNumberInvalid(.norway),
                    "a Swedish personnummer is no number of a customer in Norway")
            #expect(try await kept().nationalIdentityNumber == "29100207042", "nothing refused is kept")

            // Another consumer of the creditor cannot be given the same person's number.
            let other = try #require(try await CustomerRecord.query(on: store.database).filter(\.$creditorID == creditorID)
                .filter(\.$kind == "consumer").filter(\.$id != consumer.id!).sort(\.$customerNumber).first())
            await #expect(throws: CustomerDetails.Refusal.nationalIdentityNumberTaken(customerNumber: consumer.customerNumber)) {
                try await CustomerDetails.record(
                    [.nationalIdentityNumber: "291002 07042"], customerID: other.id!, creditorID: creditorID, on: Self.today, by: "kari@example",
                    userID: nil, database: store.database
                )
            }

            // Moving to Sweden, the fødselsnummer is no number a Swedish agency knows: the move waits for the new one.
            let address: [CustomerDetails.Field: String] = [.country: "SE", .addressLine: "Storgatan 1", .postalCode: "11122", .city: "Stockholm"]
            #expect(try await record(address) == .nationalIdentityNumberInvalid(.sweden))
            #expect(try await kept().country == "NO")
            #expect(try await record(address.merging([.nationalIdentityNumber: "6408233234"]) { $1 }) == nil)
            let moved = try await kept()
            #expect(moved.country == "SE" && moved.nationalIdentityNumber == "196408233234")

            #expect(try await record([.nationalIdentityNumber: ""]) == nil)
            #expect(try await kept().nationalIdentityNumber == nil, "removed")
            let notes = try await ConversationNoteRecord.query(on: store.database).filter(\.$customerID == consumer.id!)
                .filter(\.$kind == "detailsChanged").sort(\.$createdAt).all().map(\.text).joined(separator: "\n")
            #expect(notes.contains("nationalIdentityNumber: — → 291002 *****"), "\(notes)")
            #expect(notes.contains("nationalIdentityNumber: 291002 ***** → 19640823-****"), "\(notes)")
            #expect(notes.contains("nationalIdentityNumber: 19640823-**** → —"), "\(notes)")
            #expect(!notes.contains("07042") && !notes.contains("3234"), "the timeline never shows a number in clear")
        }
    }

    @Test("another creditor's customer is not found", arguments: TestEngine.allCases)
    func otherCreditor(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let (creditorID, _) = try await seeded(store)
            let other = try #require(try await CustomerRecord.query(on: store.database).filter(\.$creditorID != creditorID).first())
            #expect(try await !CustomerDetails.record(
                [.name: "Taken Over AS"], customerID: other.id!, creditorID: creditorID, on: Self.today, by: "kari@example",
                userID: nil, database: store.database
            ))
            #expect(try await CustomerRecord.find(other.id, on: store.database)?.name == other.name)
        }
    }
}
