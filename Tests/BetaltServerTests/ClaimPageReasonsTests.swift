@testable import BetaltServer
import BetaltCore
import BetaltStore
import BetaltTestSupport
import Fluent
import Foundation
import Testing
import VaporTesting

@Suite("The planner's reasons on the claim page")
struct ClaimPageReasonsTests {
    @Test("the decision trail and the planned timeline give the reasons in the page's language, dates and amounts written its way",
          arguments: TestEngine.allCases)
    func reasonsInThePagesLanguage(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            _ = try await DailyRun(date: TestApp.runDate).run(on: test.app.db)
            let cookie = try await test.logIn()
            for (creditor, language) in [(test.ledger.creditors[0], Language.nb), (test.ledger.creditors[1], .sv)] {
                _ = try await test.get("/language/\(language.rawValue)?back=/", headers: cookie)
                // A claim the run took a step on, whose reasons carry a date or an amount.
                let acts = try await CollectionActRecord.query(on: test.app.db).filter(\.$creditorID == creditor.id).all()
                let act = try #require(acts.first { $0.reasons.contains("\"arguments\"") })
                #expect(act.reasons.contains("\"k\":\"") && !act.reasons.contains("\"text\""), "the run names its words by key")
                let reasons = try await ReasonTexts.load(for: [act.reasons], on: test.app.db).reasons(act.reasons)
                #expect(!reasons.isEmpty && reasons.allSatisfy { $0.message.template != act.reasons }, "every key read back")
                let (status, page) = try await test.get("/creditors/\(act.creditorID)/claims/\(act.claimID)", headers: cookie)
                #expect(status == .ok)
                let trail = try #require(page.range(of: "id=\"trail\"")).upperBound
                let shown = reasons.map { $0.shown(in: language) }.joined(separator: " · ")
                #expect(page[trail...].contains(TestApp.htmlEscaped(shown)), "\(shown)")
                #expect(shown != reasons.map(\.text).joined(separator: " · "), "the reasons are not in English")
                #expect(!page.contains(TestApp.htmlEscaped(reasons[0].text)), "the English text is not on the page")
                #expect(!page.contains("{1}"), "no template place is left unfilled")

                // The planned timeline: the preview's own reasons, in the same words.
                let planned = try #require(page.range(of: "id=\"planned\"")).upperBound
                let row = try #require(page[planned...].range(of: "<td class=\"wrap\">")).upperBound
                let cell = page[row...].prefix { $0 != "<" }
                #expect(!cell.isEmpty && !cell.contains(" the "), "\(cell)")
            }
        }
    }

    @Test("an act whose notice never went says so among the steps taken, and the ledger shows its fee taken back",
          arguments: TestEngine.allCases)
    func unsentActOnTheClaimPage(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            _ = try await DailyRun(date: TestApp.runDate).run(on: test.app.db)
            let cookie = try await test.logIn()
            _ = try await test.get("/language/nb?back=/", headers: cookie)
            let act = try #require(try await CollectionActRecord.query(on: test.app.db)
                .filter(\.$feeMinor > 0).filter(\.$deliveryStatus == "pending").first())
            let notSent = "Ikke sendt: teller ikke"
            var (_, page) = try await test.get("/creditors/\(act.creditorID)/claims/\(act.claimID)", headers: cookie)
            #expect(!page.contains(notSent))

            try await UnsentActs.undo([act.id!], on: TestApp.runDate, database: test.app.db)
            (_, page) = try await test.get("/creditors/\(act.creditorID)/claims/\(act.claimID)", headers: cookie)
            let steps = try #require(page.range(of: "id=\"acts\"")).upperBound
            let table = try #require(page[steps...].range(of: "</table>")).lowerBound
            #expect(page[steps..<table].contains(notSent))
            let fee = Money(minorUnits: act.feeMinor + act.compensationMinor, currency: try .named(act.currency)).formatted(.nb)
            #expect(page[steps..<table].contains("<del>\(fee)</del><br><small>tatt tilbake</small>"), "the fee is not shown as charged")
            #expect(page.contains("<td>Frafalt</td>"), "the waiver in the ledger")
        }
    }

    @Test("a decision row keeps its reason's values apart and gives back the reason the planner made", arguments: TestEngine.allCases)
    func decisionRowsKeepTheirValues(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            // On a Sunday nothing goes out: every claim due that day waits, and says until when and why.
            let sunday = try CivilDate(2026, 11, 29)
            _ = try await DailyRun(date: TestApp.runDate).run(on: test.app.db)
            let report = try await DailyRun(date: sunday).run(on: test.app.db)
            #expect(report.totalClaims > 0)
            let row = try #require(try await ClaimDecisionRecord.query(on: test.app.db).filter(\.$decidedOn == sunday.iso).first())
            #expect(row.outcome == "wait" && row.reason == "until {1}: {2}")
            let text = row.reasonText
            guard case .date(let until) = text.arguments.first else { Issue.record("no date: \(text.arguments)"); return }
            #expect(until > TestApp.runDate)
            #expect(text.description.hasPrefix("until \(until.iso): "))
            #expect(!text.description.contains("{"))
            guard case .reason(let why) = text.arguments.last else { Issue.record("no nested reason: \(text.arguments)"); return }
            func norwegian(_ text: ReasonText) -> String { text.text(in: .nb) { template in Translations.reasons[template]?[.nb] } }
            #expect(norwegian(text) == "til \(until.formatted(.nb)): \(norwegian(why))")
            #expect(norwegian(why) != why.description && !norwegian(why).contains(until.iso), "translated, with the date as Norwegian writes it")
        }
    }
}
