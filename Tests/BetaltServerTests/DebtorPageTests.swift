import BetaltCore
import BetaltDelivery
import BetaltServer
import BetaltStore
import BetaltTestSupport
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("The debtor's private page")
struct DebtorPageTests {
    static let runDate = try! CivilDate(2026, 11, 23)
    static let settings = DeliverySettings(publicBaseURL: "https://betalt.example", mailFrom: "varsel@betalt.example")

    /// Runs the Monday and writes its notices, so customers have letters; returns a link for a customer
    /// who has open claims and a letter, and that customer.
    private func prepared(_ test: TestApp) async throws -> (token: String, customer: CustomerRecord) {
        _ = try await DailyRun(date: Self.runDate).run(on: test.app.db)
        _ = try await NoticeComposer(settings: Self.settings).composePending(date: Self.runDate, on: test.app.db)
        let notice = try #require(try await NoticeRecord.query(on: test.app.db).filter(\.$channel == "letter").sort(\.$groupKey).first())
        let customer = try #require(try await CustomerRecord.find(notice.customerID, on: test.app.db))
        let link = DebtorLink.issue(customerID: customer.id!, creditorID: customer.creditorID, date: Self.runDate, settings: Self.settings)
        try await link.record.create(on: test.app.db)
        return (String(link.url.split(separator: "/").last!), customer)
    }

    @Test("the link shows the customer's own open claims, how to pay and the letters, privately", arguments: TestEngine.allCases)
    func showsTheCustomersClaims(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let (token, customer) = try await prepared(test)
            let own = try await ClaimRecord.query(on: test.app.db).filter(\.$customerID == customer.id!).filter(\.$openMinor > 0).all()
            let others = try await ClaimRecord.query(on: test.app.db).filter(\.$customerID != customer.id!).all()
            #expect(!own.isEmpty)
            try await test.app.testing().test(.GET, "/d/\(token)") { res async throws in
                #expect(res.status == .ok)
                #expect(res.headers.first(name: .cacheControl) == "no-store")
                #expect(res.headers.first(name: "Referrer-Policy") == "no-referrer")
                let body = res.body.string
                #expect(body.contains(customer.name))
                for claim in own { #expect(body.contains(claim.invoiceNumber)) }
                for claim in others { #expect(!body.contains("\(claim.invoiceNumber)</strong>")) }
                #expect(body.contains("id=\"letters\""))
            }
            // The letter opens; another customer's letter does not, even with a valid link.
            let letters = try await ArchivedDocumentRecord.query(on: test.app.db).filter(\.$role == "letter").all()
            let mine = try #require(letters.first { $0.customerID == customer.id })
            let theirs = try #require(letters.first { $0.customerID != customer.id })
            try await test.app.testing().test(.GET, "/d/\(token)/letters/\(mine.id!)") { res async in
                #expect(res.status == .ok)
                #expect(res.headers.contentType?.description == "application/pdf")
                #expect(res.body.readableBytes == mine.content.count)
            }
            try await test.app.testing().test(.GET, "/d/\(token)/letters/\(theirs.id!)") { res async in
                #expect(res.status == .notFound)
            }
        }
    }

    @Test("an unknown, revoked or expired link shows nothing of the customer", arguments: TestEngine.allCases)
    func closedLinks(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let (token, customer) = try await prepared(test)
            try await test.app.testing().test(.GET, "/d/\(String(repeating: "A", count: 43))") { res async in
                #expect(res.status == .notFound)
            }
            try await test.app.testing().test(.GET, "/d/short") { res async in
                #expect(res.status == .notFound)
            }
            let link = try #require(try await DebtorLinkRecord.query(on: test.app.db).filter(\.$tokenHash == DebtorLink.hash(token: token)).first())
            link.expiresOn = "2026-11-21"
            try await link.save(on: test.app.db)
            try await test.app.testing().test(.GET, "/d/\(token)") { res async in
                #expect(res.status == .gone)
                #expect(!res.body.string.contains(customer.name))
            }
            link.expiresOn = "2027-05-01"
            link.revokedAt = Date()
            try await link.save(on: test.app.db)
            try await test.app.testing().test(.GET, "/d/\(token)") { res async in
                #expect(res.status == .notFound)
            }
        }
    }
}
