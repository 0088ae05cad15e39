import BetaltCore
import BetaltStore
import BetaltTestSupport
import FluentKit
import Foundation
import Testing

@Suite("Claim lists, aging and the ledger writer")
struct ClaimQueriesTests {
    let today = try! CivilDate(2026, 11, 22)

    private func seeded(_ store: StandaloneDatabase) async throws -> DemoLedger {
        let ledger = try DemoLedger(today: today, customersPerCreditor: 15, invoicesPerCreditor: 120)
        try await DemoSeeder.seed(ledger, demoUserPasswordHash: "not-a-real-hash", on: store.database)
        return ledger
    }

    @Test("aging in the database agrees with the domain's buckets, claim by claim", arguments: TestEngine.allCases)
    func agingAgrees(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let ledger = try await seeded(store)
            for creditor in ledger.creditors {
                let summary = try await AgingSummary.load(creditorID: creditor.id, today: today, on: store.database)
                var expected: [AgingBucket: (Int, Int64)] = [:]
                for invoice in creditor.invoices {
                    let balance = try ClaimLedger(currency: creditor.country.currency, entries: invoice.entries)
                    guard !balance.isSettled else { continue }
                    let bucket = AgingBucket.of(dueDate: invoice.dueDate, today: today)
                    let previous = expected[bucket] ?? (0, 0)
                    expected[bucket] = (previous.0 + 1, previous.1 + balance.balance.minorUnits)
                }
                let lines = try #require(summary.linesByCurrency[creditor.country.currency])
                #expect(lines.map(\.bucket) == AgingBucket.allCases)
                for line in lines {
                    #expect(line.count == expected[line.bucket]?.0 ?? 0, "\(creditor.name) \(line.bucket)")
                    #expect(line.open.minorUnits == expected[line.bucket]?.1 ?? 0, "\(creditor.name) \(line.bucket)")
                }
                #expect(summary.total(creditor.country.currency).isPositive)
            }
        }
    }

    @Test("lists filter, search, sort and paginate in the database", arguments: TestEngine.allCases)
    func listing(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let ledger = try await seeded(store)
            let creditor = ledger.creditors[0]
            var query = ClaimListQuery(creditorID: creditor.id, today: today)
            query.filter = .all
            query.pageSize = 25
            let first = try await query.run(on: store.database)
            #expect(first.totalCount == 120)
            #expect(first.rows.count == 25)
            #expect(first.pageCount == 5)
            #expect(first.rows.map(\.dueDate) == first.rows.map(\.dueDate).sorted())
            query.page = 5
            let last = try await query.run(on: store.database)
            #expect(last.rows.count == 20)
            #expect(Set(first.rows.map(\.id)).isDisjoint(with: last.rows.map(\.id)))

            query = ClaimListQuery(creditorID: creditor.id, today: today)
            query.filter = .overdue
            query.sort = .amount
            query.descending = true
            query.pageSize = 500
            let overdue = try await query.run(on: store.database)
            #expect(!overdue.rows.isEmpty)
            #expect(overdue.rows.allSatisfy { $0.dueDate < today && $0.stage != .closed })
            #expect(overdue.rows.map(\.open.minorUnits) == overdue.rows.map(\.open.minorUnits).sorted(by: >))

            let someone = overdue.rows[0]
            query.search = String(someone.invoiceNumber.lowercased())
            let found = try await query.run(on: store.database)
            #expect(found.rows.map(\.id) == [someone.id])

            query.search = ""
            query.filter = .closed
            let closed = try await query.run(on: store.database)
            #expect(closed.rows.allSatisfy { $0.stage == .closed && $0.open.isZero })
        }
    }

    @Test("the ledger writer appends, keeps the open amount and closes a paid claim", arguments: TestEngine.allCases)
    func ledgerWriter(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let ledger = try await seeded(store)
            let creditor = ledger.creditors[0]
            var query = ClaimListQuery(creditorID: creditor.id, today: today)
            query.filter = .overdue
            let claim = try #require(try await query.run(on: store.database).rows.first)

            let half = Money(minorUnits: claim.open.minorUnits / 2, currency: claim.open.currency)
            let payment = LedgerEntry(kind: .payment, component: .principal, amount: half, date: today, text: "test payment")
            let afterPart = try await LedgerWriter.append([payment], toClaim: claim.id, creditorID: creditor.id, on: store.database)
            #expect(afterPart.balance.minorUnits == claim.open.minorUnits - half.minorUnits)

            let tooMuch = LedgerEntry(kind: .payment, component: .principal, amount: claim.open, date: today, text: "too much")
            await #expect(throws: (any Error).self) {
                try await LedgerWriter.append([tooMuch], toClaim: claim.id, creditorID: creditor.id, on: store.database)
            }
            let unchanged = try #require(try await ClaimDetail.load(claimID: claim.id, creditorID: creditor.id, on: store.database))
            #expect(unchanged.claim.openMinor == afterPart.balance.minorUnits)
            #expect(unchanged.entries.count == afterPart.entries.count)

            let rest = LedgerEntry(kind: .payment, component: .principal, amount: afterPart.balance, date: today, text: "rest")
            let settled = try await LedgerWriter.append([rest], toClaim: claim.id, creditorID: creditor.id, on: store.database)
            #expect(settled.isSettled)
            let closed = try #require(try await ClaimDetail.load(claimID: claim.id, creditorID: creditor.id, on: store.database))
            #expect(closed.stage == .closed)
            #expect(closed.claim.openMinor == 0)
            #expect(closed.entries.last?.text == "rest")
        }
    }

    @Test("one creditor's queries never reach another creditor's claims", arguments: TestEngine.allCases)
    func tenantScoping(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let ledger = try await seeded(store)
            let norway = ledger.creditors[0], sweden = ledger.creditors[1]
            let swedishClaim = sweden.invoices[0].id
            #expect(try await ClaimDetail.load(claimID: swedishClaim, creditorID: norway.id, on: store.database) == nil)
            #expect(try await ClaimDetail.load(claimID: swedishClaim, creditorID: sweden.id, on: store.database) != nil)
            let payment = LedgerEntry(kind: .payment, component: .principal, amount: .major(1, .sek), date: today, text: "x")
            await #expect(throws: ClaimNotFound.self) {
                try await LedgerWriter.append([payment], toClaim: swedishClaim, creditorID: norway.id, on: store.database)
            }
            var query = ClaimListQuery(creditorID: norway.id, today: today)
            query.filter = .all
            query.pageSize = 1000
            let rows = try await query.run(on: store.database).rows
            #expect(Set(rows.map(\.id)) == Set(norway.invoices.map(\.id)))

            let user = try #require(try await UserRecord.query(on: store.database).first())
            let outsider = UserRecord(email: "outsider@betalt.example", name: "Outsider", passwordHash: "x", language: "en")
            try await outsider.create(on: store.database)
            try await MembershipRecord(creditorID: sweden.id, userID: try outsider.requireID(), role: "owner").create(on: store.database)
            #expect(try await CreditorAccess.creditors(for: try outsider.requireID(), on: store.database).map(\.id) == [sweden.id])
            #expect(try await CreditorAccess.creditor(norway.id, for: try outsider.requireID(), on: store.database) == nil)
            #expect(try await CreditorAccess.creditors(for: try user.requireID(), on: store.database).count == 2)
        }
    }
}
