import BetaltCore
@testable import BetaltStore
import BetaltTestSupport
import FluentKit
import Foundation
import SQLKit
import Testing

@Suite("Schema migrations")
struct MigrationTests {
    @Test("migrating twice changes nothing and leaves every table in place", arguments: TestEngine.allCases)
    func migrateTwice(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            try await store.migrate()
            let sql = store.database as! any SQLDatabase
            for table in ["creditors", "users", "memberships", "customers", "claims", "ledger_entries", "audit_log"] {
                let row = try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()
                #expect(try row?.decode(column: "n", as: Int.self) == 0, "table \(table)")
            }
            let applied = try await sql.raw("SELECT COUNT(*) AS n FROM _fluent_migrations").first()
            #expect(try applied?.decode(column: "n", as: Int.self) == BetaltMigrations.all.count)
        }
    }

    @Test("a ledger entry must name a claim that exists; on PostgreSQL a claim of its own creditor", arguments: TestEngine.allCases)
    func claimReferences(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let ledger = try DemoLedger(today: try CivilDate(2026, 11, 22), customersPerCreditor: 2, invoicesPerCreditor: 3)
            try await DemoSeeder.seed(ledger, demoUserPasswordHash: "not-a-real-hash", on: store.database)
            let claim = try #require(try await ClaimRecord.query(on: store.database).first())
            let other = try #require(try await CreditorRecord.query(on: store.database).filter(\.$id != claim.creditorID).first())
            func entry(creditor: UUID, claim: UUID) -> LedgerEntryRecord {
                LedgerEntryRecord(
                    creditorID: creditor, claimID: claim, sequence: 99, kind: "charge", component: "fee", amountMinor: 100,
                    currency: "NOK", entryDate: "2026-11-22", text: "test")
            }
            await #expect(throws: (any Error).self) {
                try await entry(creditor: claim.creditorID, claim: UUID()).create(on: store.database)
            }
            if engine == .postgres {
                await #expect(throws: (any Error).self) {
                    try await entry(creditor: try other.requireID(), claim: try claim.requireID()).create(on: store.database)
                }
            }
            try await entry(creditor: claim.creditorID, claim: try claim.requireID()).create(on: store.database)
            #expect(try await LedgerEntryRecord.query(on: store.database).filter(\.$sequence == 99).count() == 1)
        }
    }

    @Test("customers with a lower-case country code get it in upper case, and the language it would have given", arguments: TestEngine.allCases)
    func customerCountries(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let ledger = try DemoLedger(today: try CivilDate(2026, 11, 22), customersPerCreditor: 1, invoicesPerCreditor: 1)
            try await DemoSeeder.seed(ledger, demoUserPasswordHash: "not-a-real-hash", on: store.database)
            let creditorID = try #require(ledger.creditors.first?.id)
            for (number, country, language) in [("MIG-se", "se", "en"), ("MIG-no", " no", "en"), ("MIG-de", "de", "en"), ("MIG-kept", "se", "nb"), ("MIG-upper", "SE", "en")] {
                try await CustomerRecord(
                    creditorID: creditorID, customerNumber: number, kind: "consumer", name: number, nationalIdentityNumber: nil,
                    organisationNumber: nil, email: nil, phone: nil, addressLine: "Storgatan 1",
                    postalCode: "111 22", city: "Stockholm", country: country, language: language
                ).create(on: store.database)
            }
            try await NormaliseCustomerCountries().prepare(on: store.database)
            let customers = try await CustomerRecord.query(on: store.database).filter(\.$customerNumber =~ "MIG-").all()
            let found = Dictionary(uniqueKeysWithValues: customers.map { ($0.customerNumber, "\($0.country) \($0.language)") })
            #expect(found == ["MIG-se": "SE sv", "MIG-no": "NO nb", "MIG-de": "DE en", "MIG-kept": "SE nb", "MIG-upper": "SE en"])
        }
    }
}
