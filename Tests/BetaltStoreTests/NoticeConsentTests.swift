import BetaltCore
@testable import BetaltStore
import BetaltTestSupport
import FluentKit
import Foundation
import SQLKit
import Testing

/// A customer's consent to notices by e-mail, recorded with its day and basis, and taken back.
@Suite("Consent to notices by e-mail", .serialized)
struct NoticeConsentTests {
    static let today = try! CivilDate(2026, 11, 24)
    private static let ledger = try! DemoLedger(today: today, customersPerCreditor: 12, invoicesPerCreditor: 40)

    private func seeded(_ store: StandaloneDatabase) async throws -> UUID {
        try await DemoSeeder.seed(Self.ledger, demoUserPasswordHash: "x", on: store.database)
        return Self.ledger.creditors[0].id
    }

    private func revisions(of customerID: UUID, _ store: StandaloneDatabase) async throws -> [Int64] {
        let rows = try await (store.database as! any SQLDatabase).raw("""
            SELECT revision FROM claims WHERE customer_id = \(bind: customerID) ORDER BY invoice_number
            """).all()
        return try rows.map { try $0.decode(column: "revision", as: Int64.self) }
    }

    private func notes(of customerID: UUID, _ store: StandaloneDatabase) async throws -> [ConversationNoteRecord] {
        try await ConversationNoteRecord.query(on: store.database).filter(\.$customerID == customerID)
            .filter(\.$kind ~~ ["emailAccepted", "emailWithdrawn"]).sort(\.$createdAt).all()
    }

    @Test("consent is kept with its day and basis, in the timeline and audit log, and counts as a change of the customer's claims",
          arguments: TestEngine.allCases)
    func consentRecorded(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let creditorID = try await seeded(store)
            let customer = try #require(try await CustomerRecord.query(on: store.database).filter(\.$creditorID == creditorID)
                .filter(\.$acceptedChannels == "").filter(\.$email != nil).sort(\.$customerNumber).first())
            #expect(!customer.acceptsEmailNotices)
            let before = try await revisions(of: customer.id!, store)
            try #require(!before.isEmpty, "a customer with claims")

            #expect(try await NoticeConsent.record(
                customerID: customer.id!, creditorID: creditorID, acceptsEmail: true, basis: "  order form of 2026-03-01 ", on: Self.today,
                by: "kari@example", userID: nil, database: store.database
            ))
            let now = try #require(try await CustomerRecord.find(customer.id, on: store.database))
            #expect(now.acceptsEmailNotices && now.acceptedChannels == "email")
            #expect(now.emailConsentOn == Self.today.iso && now.emailConsentBasis == "order form of 2026-03-01")
            #expect(try await revisions(of: customer.id!, store) == before.map { $0 + 1 })
            let note = try #require(try await notes(of: customer.id!, store).last)
            #expect(note.kind == "emailAccepted" && note.text == "order form of 2026-03-01" && note.author == "kari@example")
            let timeline = try await Timeline.load(customerID: customer.id!, creditorID: creditorID, on: store.database)
            #expect(timeline.contains { $0.kind == .emailAccepted && $0.date == Self.today })
            #expect(try await AuditRecord.query(on: store.database).filter(\.$action == "customer.emailAccepted").count() == 1)

            // Recorded again as it is: nothing changes, nothing is counted twice.
            #expect(try await NoticeConsent.record(
                customerID: customer.id!, creditorID: creditorID, acceptsEmail: true, basis: "order form of 2026-03-01", on: Self.today,
                by: "kari@example", userID: nil, database: store.database
            ))
            #expect(try await revisions(of: customer.id!, store) == before.map { $0 + 1 })
            #expect(try await notes(of: customer.id!, store).count == 1)

            // Another creditor's customer is not found.
            #expect(try await NoticeConsent.record(
                customerID: customer.id!, creditorID: Self.ledger.creditors[1].id, acceptsEmail: false, basis: "", on: Self.today,
                by: "kari@example", userID: nil, database: store.database
            ) == false)
            #expect(try await CustomerRecord.find(customer.id, on: store.database)?.acceptsEmailNotices == true)
        }
    }

    @Test("consent without an e-mail address or without its basis is refused and changes nothing", arguments: TestEngine.allCases)
    func consentRefused(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let creditorID = try await seeded(store)
            let customer = try #require(try await CustomerRecord.query(on: store.database).filter(\.$creditorID == creditorID)
                .filter(\.$acceptedChannels == "").sort(\.$customerNumber).first())
            let before = try await revisions(of: customer.id!, store)
            await #expect(throws: NoticeConsent.Refusal.basisMissing) {
                _ = try await NoticeConsent.record(
                    customerID: customer.id!, creditorID: creditorID, acceptsEmail: true, basis: " \n ", on: Self.today, by: "kari@example",
                    userID: nil, database: store.database
                )
            }
            customer.email = nil
            try await customer.update(on: store.database)
            await #expect(throws: NoticeConsent.Refusal.noEmailAddress) {
                _ = try await NoticeConsent.record(
                    customerID: customer.id!, creditorID: creditorID, acceptsEmail: true, basis: "order form", on: Self.today, by: "kari@example",
                    userID: nil, database: store.database
                )
            }
            let now = try #require(try await CustomerRecord.find(customer.id, on: store.database))
            #expect(now.acceptedChannels == "" && now.emailConsentOn == nil && now.emailConsentBasis == nil)
            #expect(try await revisions(of: customer.id!, store) == before)
            #expect(try await notes(of: customer.id!, store).isEmpty)
        }
    }

    @Test("consent withdrawn leaves the other channels, clears its day and basis, and is in the timeline", arguments: TestEngine.allCases)
    func consentWithdrawn(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let creditorID = try await seeded(store)
            let customer = try #require(try await CustomerRecord.query(on: store.database).filter(\.$creditorID == creditorID)
                .filter(\.$acceptedChannels == "email").filter(\.$email != nil).sort(\.$customerNumber).first())
            #expect(customer.acceptsEmailNotices && customer.emailConsentBasis != nil, "the demo records its consents as a creditor would")
            customer.acceptedChannels = "digitalMailbox,email"
            try await customer.update(on: store.database)
            let before = try await revisions(of: customer.id!, store)

            #expect(try await NoticeConsent.record(
                customerID: customer.id!, creditorID: creditorID, acceptsEmail: false, basis: "", on: Self.today, by: "kari@example",
                userID: nil, database: store.database
            ))
            let now = try #require(try await CustomerRecord.find(customer.id, on: store.database))
            #expect(!now.acceptsEmailNotices && now.acceptedChannels == "digitalMailbox")
            #expect(now.emailConsentOn == nil && now.emailConsentBasis == nil)
            #expect(try await revisions(of: customer.id!, store) == before.map { $0 + 1 })
            let note = try #require(try await notes(of: customer.id!, store).last)
            #expect(note.kind == "emailWithdrawn" && note.text.isEmpty)
            #expect(try await AuditRecord.query(on: store.database).filter(\.$action == "customer.emailWithdrawn").count() == 1)
        }
    }

    @Test("the history of a customer's consent is kept oldest first, for the agency", arguments: TestEngine.allCases)
    func consentHistory(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let creditorID = try await seeded(store)
            let customer = try #require(try await CustomerRecord.query(on: store.database).filter(\.$creditorID == creditorID)
                .filter(\.$acceptedChannels == "").filter(\.$email != nil).sort(\.$customerNumber).first())
            #expect(try await NoticeConsent.history(of: customer, on: store.database).isEmpty)
            for (day, accepts, basis) in [(0, true, "order form"), (3, false, "asked for letters"), (9, true, "e-mail of 2026-12-03")] {
                #expect(try await NoticeConsent.record(
                    customerID: customer.id!, creditorID: creditorID, acceptsEmail: accepts, basis: basis, on: Self.today.adding(days: day),
                    by: "kari@example", userID: nil, database: store.database
                ))
            }
            let now = try #require(try await CustomerRecord.find(customer.id, on: store.database))
            #expect(try await NoticeConsent.history(of: now, on: store.database) == [
                .init(on: Self.today, accepted: true, basis: "order form"),
                .init(on: Self.today.adding(days: 3), accepted: false, basis: "asked for letters"),
                .init(on: Self.today.adding(days: 9), accepted: true, basis: "e-mail of 2026-12-03"),
            ])
            // The demo's consents are kept on the customer alone: that is their history.
            let demo = try #require(try await CustomerRecord.query(on: store.database).filter(\.$creditorID == creditorID)
                .filter(\.$acceptedChannels == "email").filter(\.$email != nil).sort(\.$customerNumber).first())
            #expect(try await NoticeConsent.history(of: demo, on: store.database).map(\.accepted) == [true])
        }
    }

    @Test("e-mail in a customer's channels counts only with its consent recorded and an address: the run plans a letter otherwise",
          arguments: TestEngine.allCases)
    func emailWithoutRecordedConsent(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let creditorID = try await seeded(store)
            let sql = try #require(store.database as? any SQLDatabase)
            let customers = try await CustomerRecord.query(on: store.database).filter(\.$creditorID == creditorID)
                .filter(\.$acceptedChannels == "email").filter(\.$email != nil).sort(\.$customerNumber).all()
            try #require(customers.count >= 2)
            let (undated, blank) = (customers[0], customers[1])
            // Set by hand, as before consent could be recorded: no day, so no consent.
            try await sql.raw("UPDATE customers SET email_consent_on = NULL WHERE id = \(bind: undated.id!)").run()
            try await sql.raw("UPDATE customers SET email = ' ' WHERE id = \(bind: blank.id!)").run()
            for customer in [undated, blank] {
                #expect(try await CustomerRecord.find(customer.id, on: store.database)?.acceptsEmailNotices == false)
            }
            _ = try await DailyRun(date: Self.today.adding(days: 1)).run(on: store.database)
            let acts = try await CollectionActRecord.query(on: store.database).filter(\.$creditorID == creditorID)
                .filter(\.$channel != nil).all()
            let mine = acts.filter { $0.customerID == undated.id || $0.customerID == blank.id }
            try #require(!mine.isEmpty, "the run sent these customers something")
            #expect(mine.allSatisfy { $0.channel == "letter" }, "\(mine.map(\.channel))")
            #expect(acts.contains { $0.channel == "email" }, "customers with recorded consent still get e-mail")
        }
    }
}
