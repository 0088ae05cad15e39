import BetaltCore
import BetaltStore
import BetaltTestSupport
import Fluent
import Foundation
import Testing
import VaporTesting

@Suite("The handover page")
struct HandoverPageTests {
    @Test("agencies are added with their agreement; folder delivery needs the server's folder; nothing ready, nothing packaged",
          arguments: TestEngine.allCases)
    func agenciesAndEmptyBatches(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let cookie = try await test.logIn()
            let creditor = try #require(try await CreditorRecord.query(on: test.app.db).filter(\.$country == "NO").first())
            let page = "/creditors/\(creditor.id!)/handover"
            let csrf = try await test.csrfToken(from: page, headers: cookie)
            var (status, body) = try await test.postForm("\(page)/agencies", [
                "csrf": csrf, "name": "Nordisk Inkasso AS", "agreementReference": "AVT-1", "delivery": "folder", "folder": "../etc",
            ], headers: cookie)
            #expect(status == .unprocessableEntity && body.contains("id=\"handover-error\""))
            (status, _) = try await test.postForm("\(page)/agencies", [
                "csrf": csrf, "name": "Nordisk Inkasso AS", "agreementReference": "AVT-1", "delivery": "download",
            ], headers: cookie)
            #expect(status == .seeOther)
            let agency = try #require(try await AgencyRecord.query(on: test.app.db).filter(\.$creditorID == creditor.id!).first())
            #expect(agency.delivery == "download" && agency.target == "" && !agency.autoSend)
            (_, body) = try await test.get(page, headers: cookie)
            #expect(body.contains("id=\"agency-list\"") && body.contains("AVT-1"))
            (status, _) = try await test.postForm("\(page)/agencies/\(agency.id!)/batches", ["csrf": csrf], headers: cookie)
            #expect(status == .seeOther)
            #expect(try await HandoverBatchRecord.query(on: test.app.db).count() == 0, "the demo's first day has no claim to hand over")
            let other = try #require(try await CreditorRecord.query(on: test.app.db).filter(\.$country == "SE").first())
            (status, _) = try await test.postForm("/creditors/\(other.id!)/handover/agencies/\(agency.id!)/batches", ["csrf": csrf], headers: cookie)
            #expect(status == .notFound, "an agency of another creditor is not found")
        }
    }
}
