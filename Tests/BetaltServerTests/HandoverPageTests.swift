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

            (status, _) = try await test.postForm("\(page)/agencies", [
                "csrf": csrf, "name": "Web Inkasso AS", "agreementReference": "AVT-W", "delivery": "https", "endpoint": "http://agency.example/cases",
            ], headers: cookie)
            #expect(status == .unprocessableEntity, "case files go over HTTPS only")
            (status, _) = try await test.postForm("\(page)/agencies", [
                "csrf": csrf, "name": "Web Inkasso AS", "agreementReference": "AVT-W", "delivery": "https",
                "endpoint": "https://agency.example/cases", "token": "t0k-secret",
            ], headers: cookie)
            #expect(status == .seeOther)
            let web = try #require(try await AgencyRecord.query(on: test.app.db).filter(\.$agreementReference == "AVT-W").first())
            #expect(web.delivery == "https" && web.target == "https://agency.example/cases" && web.endpointToken == "t0k-secret")
            (_, body) = try await test.get(page, headers: cookie)
            #expect(body.contains("https://agency.example/cases") && !body.contains("t0k-secret"), "the token is never shown back")
        }
    }
}

@Suite("The original invoice on the claim page")
struct OriginalInvoicePageTests {
    @Test("a claim that came without an original takes its PDF once, which is then downloaded as archived; other files are refused",
          arguments: TestEngine.allCases)
    func attachAndDownload(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let cookie = try await test.logIn()
            let creditor = try #require(try await CreditorRecord.query(on: test.app.db).filter(\.$country == "NO").first())
            let claim = try #require(try await ClaimRecord.query(on: test.app.db).filter(\.$creditorID == creditor.id!).first())
            let page = "/creditors/\(creditor.id!)/claims/\(claim.id!)"
            var (_, body) = try await test.get(page, headers: cookie)
            #expect(body.contains("class=\"attach-original\"") && !body.contains("id=\"original-link\""))
            let csrf = try await test.csrfToken(from: page, headers: cookie)
            var status: HTTPStatus
            (status, _) = try await test.upload("\(page)/original", fileName: "faktura.exe", data: Data("MZ\u{90}".utf8), csrf: csrf, headers: cookie)
            #expect(status == .unprocessableEntity)
            let pdf = Data("%PDF-1.7\nfaktura \(claim.invoiceNumber)\n%%EOF".utf8)
            (status, _) = try await test.upload("\(page)/original", fileName: "faktura.pdf", data: pdf, csrf: csrf, headers: cookie)
            #expect(status == .seeOther)
            (status, _) = try await test.upload("\(page)/original", fileName: "faktura.pdf", data: pdf, csrf: csrf, headers: cookie)
            #expect(status == .conflict, "the original is attached once")
            (_, body) = try await test.get(page, headers: cookie)
            #expect(body.contains("id=\"original-link\""))
            (status, body) = try await test.get("\(page)/original", headers: cookie)
            #expect(status == .ok && body == String(decoding: pdf, as: UTF8.self))
            let other = try #require(try await CreditorRecord.query(on: test.app.db).filter(\.$country == "SE").first())
            (status, _) = try await test.get("/creditors/\(other.id!)/claims/\(claim.id!)/original", headers: cookie)
            #expect(status == .notFound, "another creditor's claim is not found")
        }
    }
}
