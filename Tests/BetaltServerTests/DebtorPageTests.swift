import BetaltCore
import BetaltDelivery
@testable import BetaltServer
import BetaltStore
import BetaltTestSupport
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("The debtor's private page")
struct DebtorPageTests {
    static let runDate = TestApp.runDate

    @Test("the link shows the customer's own open claims, how to pay and the letters, privately", arguments: TestEngine.allCases)
    func showsTheCustomersClaims(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let (token, customer) = try await test.debtorWithLetters()
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
            // A letter withdrawn before it went (its claims changed first) was never the debtor's.
            try await test.app.testing().test(.GET, "/d/\(token)") { res async in #expect(res.body.string.contains(mine.id!.uuidString)) }
            let notice = try #require(try await NoticeRecord.find(mine.noticeID, on: test.app.db))
            notice.status = "withdrawn"
            try await notice.save(on: test.app.db)
            try await test.app.testing().test(.GET, "/d/\(token)") { res async in #expect(!res.body.string.contains(mine.id!.uuidString)) }
            try await test.app.testing().test(.GET, "/d/\(token)/letters/\(mine.id!)") { res async in #expect(res.status == .notFound) }
        }
    }

    @Test("a private link never reaches the log")
    func redactedInLogs() {
        #expect(RequestLogging.redacted("/d/AbC-123_xyz") == "/d/…")
        #expect(RequestLogging.redacted("/d/AbC-123_xyz/letters/42") == "/d/…/letters/42")
        #expect(RequestLogging.redacted("/creditors/1/claims") == "/creditors/1/claims")
    }

    @Test("an unknown, revoked or expired link shows nothing of the customer", arguments: TestEngine.allCases)
    func closedLinks(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let (token, customer) = try await test.debtorWithLetters()
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

    @Test("the page takes five messages a day and ten dispute files from a customer; more come back with the text kept and nothing stored",
          arguments: TestEngine.allCases)
    func dailyLimit(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let (token, customer) = try await test.debtorWithLetters()
            let claim = try #require(try await ClaimRecord.query(on: test.app.db).filter(\.$customerID == customer.id!)
                .filter(\.$openMinor > 0).sort(\.$dueDate).first())
            for number in 1...DebtorSubmissions.perDay {
                #expect(try await test.postForm("/d/\(token)/messages", ["text": "Melding \(number)"], headers: [:]).0 == .seeOther)
            }
            var (status, page) = try await test.postForm("/d/\(token)/messages", ["text": "Enda en melding"], headers: [:])
            #expect(status == .unprocessableEntity)
            // "Vi har fått m…": the same in the customer's Norwegian or Swedish.
            #expect(page.contains("Vi har fått m") && page.contains(">Enda en melding</textarea>"))
            #expect(page.contains("<details class=\"contact\" id=\"contact\" open>"))
            #expect(try await ConversationNoteRecord.query(on: test.app.db).filter(\.$customerID == customer.id!).filter(\.$kind == "message")
                .count() == DebtorSubmissions.perDay)

            // Sending the dispute again adds its new files to the open one, up to the day's limit.
            func png(_ number: Int) -> Data { Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: UInt8(number), count: 64)) }
            let fields = [("invoice", claim.invoiceNumber), ("reason", "quality"), ("text", "Bildene viser skaden")]
            let files = (1...DebtorSubmissions.disputeFilesPerDay).map { ("files[]", "bilde-\($0).png", png($0)) }
            (status, _) = try await test.postMultipart("/d/\(token)/disputes", fields: fields, files: Array(files.prefix(5)), headers: [:])
            #expect(status == .seeOther)
            (status, _) = try await test.postMultipart("/d/\(token)/disputes", fields: fields, files: Array(files.suffix(5)), headers: [:])
            #expect(status == .seeOther)
            (status, page) = try await test.postMultipart("/d/\(token)/disputes", fields: fields,
                                                          files: [("files[]", "en-til.png", png(99))], headers: [:])
            #expect(status == .unprocessableEntity && page.contains("id=\"dispute-files-error-\(claim.invoiceNumber)\">Vi har fått m"))
            #expect(try await DisputeRecord.query(on: test.app.db).filter(\.$customerID == customer.id!).count() == 1)
            #expect(try await DisputeAttachmentRecord.query(on: test.app.db).filter(\.$customerID == customer.id!).count()
                == DebtorSubmissions.disputeFilesPerDay)
        }
    }

    @Test("the debtor disputes a claim on their page: collection of it stops, the creditor sees it and decides, letters go", arguments: TestEngine.allCases)
    func disputeFromThePage(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let (token, customer) = try await test.debtorWithLetters()
            let claim = try #require(try await ClaimRecord.query(on: test.app.db).filter(\.$customerID == customer.id!)
                .filter(\.$openMinor > 0).sort(\.$dueDate).first())
            try await test.app.testing().test(.POST, "/d/\(token)/disputes", beforeRequest: { req in
                try req.content.encode(["invoice": claim.invoiceNumber, "reason": "quality", "text": "Skadet ved levering"], as: .urlEncodedForm)
            }, afterResponse: { res async in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/d/\(token)?received=dispute")
            })
            let dispute = try #require(try await DisputeRecord.query(on: test.app.db).filter(\.$claimID == claim.id!).first())
            #expect(dispute.raisedBy == "debtor" && dispute.status == "open" && dispute.amountMinor == claim.openMinor)
            let acknowledgement = try #require(try await NoticeRecord.query(on: test.app.db)
                .filter(\.$groupKey == "dispute/\(dispute.id!.uuidString)/disputeAcknowledgement").first())
            #expect(acknowledgement.kind == "disputeAcknowledgement")
            try await test.app.testing().test(.GET, "/d/\(token)?received=dispute") { res async in
                #expect(res.body.string.contains("id=\"received\""))
            }
            // A shared reference that would also pay the disputed claim is no longer offered.
            guard case .found(let overview) = try await DebtorOverview.load(
                tokenHash: DebtorLink.hash(token: token), today: { _ in TestApp.today }, on: test.app.db
            ) else {
                Issue.record("the link no longer works")
                return
            }
            #expect(overview.combinedReference.map { !$0.invoiceNumbers.contains(claim.invoiceNumber) } ?? true)
            #expect(overview.claims.first { $0.invoiceNumber == claim.invoiceNumber }?.disputed == true)
            // A claim of another customer cannot be disputed through this link.
            let foreign = try #require(try await ClaimRecord.query(on: test.app.db).filter(\.$customerID != customer.id!).first())
            try await test.app.testing().test(.POST, "/d/\(token)/disputes", beforeRequest: { req in
                try req.content.encode(["invoice": foreign.invoiceNumber, "reason": "other", "text": "x"], as: .urlEncodedForm)
            }, afterResponse: { res async in
                #expect(res.status == .badRequest)
            })

            let cookie = try await test.logIn()
            let queue = "/creditors/\(customer.creditorID)/work-queue"
            let (_, listing) = try await test.get(queue, headers: cookie)
            #expect(listing.contains("id=\"open-disputes\"") && listing.contains(claim.invoiceNumber))
            let csrf = try await test.csrfToken(from: "/creditors/\(customer.creditorID)/claims/\(claim.id!)", headers: cookie)
            let decide = "/creditors/\(customer.creditorID)/disputes/\(dispute.id!)/decide"
            let (refused, _) = try await test.postForm(decide, ["csrf": csrf, "decision": "reject", "explanation": ""], headers: cookie)
            #expect(refused == .unprocessableEntity)
            let (status, _) = try await test.postForm(decide, ["csrf": csrf, "decision": "reject", "explanation": "Signert følgeseddel"], headers: cookie)
            #expect(status == .seeOther)
            #expect(try await DisputeRecord.find(dispute.id, on: test.app.db)?.status == "rejected")
            #expect(try await NoticeRecord.query(on: test.app.db)
                .filter(\.$groupKey == "dispute/\(dispute.id!.uuidString)/disputeDecision").count() == 1)
            let (_, page) = try await test.get("/creditors/\(customer.creditorID)/claims/\(claim.id!)", headers: cookie)
            #expect(page.contains("id=\"dispute-list\"") && page.contains("Avvist"))
        }
    }

    @Test("the debtor promises a date on their page: recorded, confirmed in writing, shown to the creditor", arguments: TestEngine.allCases)
    func promiseFromThePage(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let (token, customer) = try await test.debtorWithLetters()
            let claim = try #require(try await ClaimRecord.query(on: test.app.db).filter(\.$customerID == customer.id!)
                .filter(\.$openMinor > 0).sort(\.$dueDate).first())
            // Deferring everything without a word is refused, with the reason.
            try await test.app.testing().test(.POST, "/d/\(token)/promises", beforeRequest: { req in
                try req.content.encode(["invoice": claim.invoiceNumber, "payBy": "2026-12-10", "amount": "1 23"], as: .urlEncodedForm)
            }, afterResponse: { res async in
                #expect(res.status == .unprocessableEntity)
                let page = res.body.string
                #expect(page.contains("<details class=\"promise\" open>") && page.contains("value=\"1 23\" aria-invalid=\"true\""))
                #expect(page.contains("<p class=\"field-error\" role=\"alert\">”1 23” är inget belopp (skriv till exempel 1 234,50).</p>"))
            })
            try await test.app.testing().test(.POST, "/d/\(token)/promises", beforeRequest: { req in
                try req.content.encode(["invoice": claim.invoiceNumber, "payBy": "2026-12-10"], as: .urlEncodedForm)
            }, afterResponse: { res async in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("<p class=\"field-error\" role=\"alert\">Att skjuta upp hela beloppet kräver en motivering"))
            })
            try await test.app.testing().test(.POST, "/d/\(token)/promises", beforeRequest: { req in
                try req.content.encode(["invoice": claim.invoiceNumber, "payBy": "2026-12-10", "reason": "Lønn kommer 10. desember"], as: .urlEncodedForm)
            }, afterResponse: { res async in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/d/\(token)?received=promise")
            })
            let promise = try #require(try await PromiseRecord.query(on: test.app.db).filter(\.$claimID == claim.id!).first())
            #expect(promise.madeBy == "debtor" && promise.payBy == "2026-12-10" && promise.amountMinor == claim.openMinor)
            #expect(try await NoticeRecord.query(on: test.app.db).filter(\.$groupKey == "promise/\(promise.id!.uuidString)").count() == 1)
            let cookie = try await test.logIn()
            let (_, page) = try await test.get("/creditors/\(customer.creditorID)/claims/\(claim.id!)", headers: cookie)
            #expect(page.contains("id=\"promise-list\"") && page.contains("Lønn kommer 10. desember"))
        }
    }

    @Test("a debtor with several overdue invoices may promise one date for all of them", arguments: TestEngine.allCases)
    func promiseForAllOverdue(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            var found: (ClaimRecord, [ClaimRecord])?
            for claim in try await ClaimRecord.query(on: test.app.db).filter(\.$openMinor > 0).filter(\.$dueDate < TestApp.today.iso)
                .filter(\.$stage !~ ["closed", "withAgency"]).sort(\.$invoiceNumber).all() {
                let others = try await Promises.alsoCoverable(with: claim, today: TestApp.today, on: test.app.db)
                if !others.isEmpty { found = (claim, others); break }
            }
            let (claim, others) = try #require(found)
            let customer = try #require(try await CustomerRecord.find(claim.customerID, on: test.app.db))
            let token = try await test.link(for: customer)
            let (_, page) = try await test.get("/d/\(token)", headers: [:])
            #expect(page.contains("name=\"alsoOverdue\""), "offered with two or more overdue invoices")
            try await test.app.testing().test(.POST, "/d/\(token)/promises", beforeRequest: { req in
                try req.content.encode(
                    ["invoice": claim.invoiceNumber, "payBy": TestApp.today.adding(days: 7).iso, "amount": "100", "alsoOverdue": "on"], as: .urlEncodedForm)
            }, afterResponse: { res async in
                #expect(res.status == .seeOther)
            })
            let rows = try await PromiseRecord.query(on: test.app.db).filter(\.$customerID == customer.id!).filter(\.$status == "open").all()
            #expect(Set(rows.map(\.claimID)) == Set([claim.id!] + others.map { $0.id! }) && rows.allSatisfy { $0.madeBy == "debtor" })
        }
    }

    @Test("a dispute from the page keeps its PDF, JPEG or PNG files byte for byte; anything else is refused and nothing is recorded",
          arguments: TestEngine.allCases)
    func disputeWithFiles(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let (token, customer) = try await test.debtorWithLetters()
            let claim = try #require(try await ClaimRecord.query(on: test.app.db).filter(\.$customerID == customer.id!)
                .filter(\.$openMinor > 0).sort(\.$dueDate).first())
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: UInt8(7), count: 64))
            let fields = [("invoice", claim.invoiceNumber), ("reason", "quality"), ("text", "Bildet viser skaden")]
            var (status, refused) = try await test.postMultipart("/d/\(token)/disputes", fields: fields,
                                                                  files: [("files[]", "run.exe", Data("MZ\u{0}\u{0}".utf8))], headers: [:])
            #expect(status == .unprocessableEntity)
            // The page comes back with the form open, the text kept and the error at the files, in the customer's language.
            #expect(refused.contains("<details class=\"dispute\" open>") && refused.contains(">Bildet viser skaden</textarea>"))
            #expect(refused.contains("<p class=\"field-error\" role=\"alert\">Filen ”run.exe” är inte en PDF, JPEG eller PNG.</p>"))
            #expect(refused.contains("<option value=\"quality\" selected>"))
            #expect(try await DisputeRecord.query(on: test.app.db).filter(\.$claimID == claim.id!).count() == 0)
            (status, _) = try await test.postMultipart("/d/\(token)/disputes", fields: fields,
                                                       files: [("files[]", "skade.png", png), ("files[]", "skade-kopi.png", png)], headers: [:])
            #expect(status == .seeOther)
            let dispute = try #require(try await DisputeRecord.query(on: test.app.db).filter(\.$claimID == claim.id!).first())
            let files = try await DisputeAttachmentRecord.query(on: test.app.db).filter(\.$disputeID == dispute.id!).all()
            #expect(files.count == 1, "the same file twice is kept once")
            #expect(files.first?.content == png && files.first?.mediaType == "image/png" && files.first?.addedBy == "debtor")

            let cookie = try await test.logIn()
            let (_, page) = try await test.get("/creditors/\(customer.creditorID)/claims/\(claim.id!)", headers: cookie)
            #expect(page.contains("/disputes/attachments/\(files[0].id!.uuidString)") && page.contains("skade.png"))
            try await test.app.testing().test(.GET, "/creditors/\(customer.creditorID)/disputes/attachments/\(files[0].id!)", headers: cookie) { res async in
                #expect(res.status == .ok)
                #expect(res.headers.first(name: .contentDisposition)?.hasPrefix("attachment") == true)
                #expect(res.body.readableBytes == png.count)
            }
            try await test.app.testing().test(.GET, "/creditors/\(customer.creditorID)/disputes/attachments/\(UUID())", headers: cookie) { res async in
                #expect(res.status == .notFound)
            }
        }
    }
}
