import BetaltCore
import BetaltStore
import BetaltTestSupport
import Fluent
import Foundation
import Testing
import VaporTesting

@Suite("Writing off a claim from its page")
struct WriteOffTests {
    @Test("a claim is written off with a reason: every open part as a write-off, the claim closed and left by the run, audited",
          arguments: TestEngine.allCases)
    func writeOff(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            _ = try await DailyRun(date: TestApp.runDate).run(on: test.app.db)
            // A claim the run has charged something on, so more than the principal is open.
            let charged = try #require(try await ClaimRecord.query(on: test.app.db).filter(\.$feeOpenMinor > 0).filter(\.$openMinor > 0)
                .filter(\.$stage != ClaimStage.withAgency.rawValue).sort(\.$invoiceNumber).first())
            let cookie = try await test.logIn()
            let path = "/creditors/\(charged.creditorID)/claims/\(charged.id!)"
            var (status, page) = try await test.get(path, headers: cookie)
            #expect(status == .ok && page.contains("id=\"write-off\"") && page.contains("Skriv av kravet"))
            let csrf = try await test.csrfToken(from: path, headers: cookie)

            // No reason: the form comes back open with the error at its field, and nothing is written.
            (status, page) = try await test.postForm("\(path)/write-off", ["csrf": csrf, "reason": "  "], headers: cookie)
            #expect(status == .unprocessableEntity)
            #expect(fieldError("write-off-reason-error", in: page) == "Skriv hvorfor kravet skrives av.")
            #expect(page.contains("<details class=\"write-off\" open>"))
            #expect(try await ClaimRecord.find(charged.id, on: test.app.db)?.openMinor == charged.openMinor)

            (status, _) = try await test.postForm("\(path)/write-off", ["csrf": csrf, "reason": "konkurs, ingen dividende"], headers: cookie)
            #expect(status == .seeOther)
            let closed = try #require(try await ClaimRecord.find(charged.id, on: test.app.db))
            #expect(closed.openMinor == 0 && closed.stage == ClaimStage.closed.rawValue)
            let entries = try await LedgerEntryRecord.query(on: test.app.db).filter(\.$claimID == charged.id!)
                .filter(\.$kind == LedgerEntryKind.writeOff.rawValue).all()
            #expect(entries.reduce(0) { $0 + $1.amountMinor } == charged.openMinor)
            #expect(Set(entries.map(\.component)).isSuperset(of: ["fee", "principal"]))
            #expect(entries.allSatisfy { $0.text == "konkurs, ingen dividende" })
            let audit = try await AuditRecord.query(on: test.app.db).filter(\.$action == "claim.writtenOff").all()
            #expect(audit.count == 1 && audit[0].detail.hasSuffix(": konkurs, ingen dividende") && audit[0].actor == DemoLedger.demoUserEmail)

            // The page shows the write-off in the ledger and offers no second one; the run leaves the claim.
            (_, page) = try await test.get(path, headers: cookie)
            #expect(page.contains("Avskrevet") && !page.contains("id=\"write-off\""))
            _ = try await DailyRun(date: TestApp.runDate.adding(days: 30)).run(on: test.app.db)
            #expect(try await CollectionActRecord.query(on: test.app.db).filter(\.$claimID == charged.id!)
                .filter(\.$actDate > TestApp.runDate.iso).count() == 0)

            // Written off already, or another creditor's: refused, nothing more is written.
            (status, page) = try await test.postForm("\(path)/write-off", ["csrf": csrf, "reason": "igjen"], headers: cookie)
            #expect(status == .unprocessableEntity && page.contains("Kravet er betalt."))
            let other = try #require(test.ledger.creditors.first { $0.id != charged.creditorID })
            (status, _) = try await test.postForm("/creditors/\(other.id)/claims/\(charged.id!)/write-off", ["csrf": csrf, "reason": "x"], headers: cookie)
            #expect(status == .notFound)
            #expect(try await AuditRecord.query(on: test.app.db).filter(\.$action == "claim.writtenOff").count() == 1)
        }
    }

    @Test("a letter for a claim written off after it was written is taken off the print list, with a line that says why",
          arguments: TestEngine.allCases)
    func letterOfAWrittenOffClaim(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            _ = try await test.debtorWithLetters()
            let letter = try #require(try await NoticeRecord.query(on: test.app.db).filter(\.$status == "toPrint").sort(\.$groupKey).first())
            let cookie = try await test.logIn()
            let path = "/creditors/\(letter.creditorID)/letters"
            var (_, page) = try await test.get(path, headers: cookie)
            #expect(page.contains("value=\"\(letter.id!.uuidString)\"") && !page.contains("id=\"letters-held\""))
            for link in try await NoticeClaimRecord.query(on: test.app.db).filter(\.$noticeID == letter.id!).all() {
                if let claim = try await ClaimRecord.find(link.claimID, on: test.app.db), claim.openMinor > 0 {
                    try await WriteOffs.writeOff(claimID: claim.id!, creditorID: claim.creditorID, reason: "tapt", by: "kari@example",
                                                 userID: nil, on: TestApp.runDate, database: test.app.db)
                }
            }
            (_, page) = try await test.get(path, headers: cookie)
            #expect(!page.contains("value=\"\(letter.id!.uuidString)\""))
            #expect(page.contains("id=\"letters-held\">1 brev skrives ikke ut: kravene er betalt, kreditert eller avskrevet, eller innkrevingen er stanset"))
        }
    }

    @Test("a claim an agency holds is not written off: the case is recalled first", arguments: TestEngine.allCases)
    func withAgency(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let claim = try #require(try await ClaimRecord.query(on: test.app.db).filter(\.$openMinor > 0).sort(\.$invoiceNumber).first())
            let cookie = try await test.logIn()
            let path = "/creditors/\(claim.creditorID)/claims/\(claim.id!)"
            let csrf = try await test.csrfToken(from: path, headers: cookie)
            claim.stage = ClaimStage.withAgency.rawValue
            try await claim.update(on: test.app.db)
            var (status, page) = try await test.get(path, headers: cookie)
            #expect(status == .ok && !page.contains("id=\"write-off\""))
            (status, page) = try await test.postForm("\(path)/write-off", ["csrf": csrf, "reason": "tapt"], headers: cookie)
            #expect(status == .unprocessableEntity)
            #expect(page.contains("Kravet er hos et inkassoselskap: kall saken tilbake før det skrives av."))
            #expect(try await ClaimRecord.find(claim.id, on: test.app.db)?.openMinor == claim.openMinor)
        }
    }
}
