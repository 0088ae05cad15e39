@testable import BetaltServer
import BetaltCore
import BetaltStore
import BetaltTestSupport
import Fluent
import Foundation
import Testing
import VaporTesting

@Suite("The Runs page")
struct RunsPageTests {
    @Test("each day of the run is listed with what it did, and a day's report shows its refusals; another creditor's days stay apart",
          arguments: TestEngine.allCases)
    func runDays(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let report = try await DailyRun(date: TestApp.runDate).run(on: test.app.db)
            let cookie = try await test.logIn()
            let creditor = test.ledger.creditors[0]
            let mine = try #require(report.creditors.first { $0.creditorID == creditor.id })
            let path = "/creditors/\(creditor.id)/runs"
            var (status, page) = try await test.get(path, headers: cookie)
            #expect(status == .ok && page.contains("id=\"run-days\"") && page.contains("aria-current=\"page\">Kjøringer"))
            let date = TestApp.runDate.formatted(.nb)
            #expect(page.contains(">\(date)</a>") && page.contains("Fullført"))
            #expect(page.contains("<td class=\"num\">\(mine.claimsConsidered)</td>"))
            if let reminders = mine.acts["reminder"] { #expect(page.contains("Purring \(reminders)")) }

            (status, page) = try await test.get("\(path)/\(TestApp.runDate.iso)", headers: cookie)
            #expect(status == .ok && page.contains("id=\"run-day\""))
            let refusals = mine.refusals.values.reduce(0, +)
            #expect(refusals == 0 ? page.contains("Ingenting ble avvist.") : page.contains("id=\"run-refusals\""))
            for (key, count) in mine.attention.merging(mine.refusals, uniquingKeysWith: +) {
                let reason = CreditorRunReport.reason(ofKey: key).shownCited(in: .nb)
                let escaped = TestApp.htmlEscaped(reason)
                #expect(page.contains("<td class=\"num\">\(count)</td><td class=\"wrap\">\(escaped)</td>"), "\(reason)")
            }
            (status, _) = try await test.get("\(path)/\(TestApp.runDate.adding(days: 1).iso)", headers: cookie)
            #expect(status == .notFound, "a day the run has not come to")
            (status, _) = try await test.get("\(path)/not-a-date", headers: cookie)
            #expect(status == .notFound)

            // The other creditor's list holds its own day, with its own count.
            let other = test.ledger.creditors[1]
            let theirs = try #require(report.creditors.first { $0.creditorID == other.id })
            (_, page) = try await test.get("/creditors/\(other.id)/runs", headers: cookie)
            #expect(page.contains("<td class=\"num\">\(theirs.claimsConsidered)</td>"))
        }
    }

    @Test("a day's refusals and calls for attention are listed most frequent first; a day whose worker stopped is shown as interrupted",
          arguments: TestEngine.allCases)
    func refusalsAndInterruptedDay(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let creditor = test.ledger.creditors[0]
            var report = CreditorRunReport(creditorID: creditor.id, creditorName: "", outcome: "done")
            report.claimsConsidered = 7
            report.refusals = ["fee refused: the 'no-reminder' step comes before due date + 14 days (inkf. § 1-2 (2))": 2,
                               "a second fee needs a missed deadline of 14 days (inkf. § 1-3)": 5]
            report.attention = ["claim past limitation: flagged, not chased": 1]
            // Reports kept before reasons were keyed by their JSON count finished English texts (above); a keyed
            // reason is shown in the page's language.
            let keyed = Reason("no fee on or before the due date \(try CivilDate(2026, 11, 30))", citation: "IKL § 2")
            report.refusals[CreditorRunReport.key(of: keyed)] = 3
            let done = CreditorRunRecord()
            done.creditorID = creditor.id
            done.runDate = "2026-11-20"
            done.status = "done"
            done.worker = "host:2"
            done.leaseUntil = Date()
            done.report = try StableJSON.string(report)
            try await done.create(on: test.app.db)
            let held = CreditorRunRecord()
            held.creditorID = creditor.id
            held.runDate = TestApp.runDate.iso
            held.status = "running"
            held.worker = "crashed-host:1"
            held.leaseUntil = Date().addingTimeInterval(-60)
            held.report = "{}"
            try await held.create(on: test.app.db)
            let cookie = try await test.logIn()
            var (status, page) = try await test.get("/creditors/\(creditor.id)/runs", headers: cookie)
            #expect(status == .ok && page.contains("Avbrutt – tas opp igjen ved neste kjøring"))
            #expect(page.range(of: "23.11.2026")!.lowerBound < page.range(of: "20.11.2026")!.lowerBound, "newest first")
            (status, page) = try await test.get("/creditors/\(creditor.id)/runs/2026-11-20", headers: cookie)
            #expect(status == .ok)
            let second = try #require(page.range(of: "<td class=\"num\">5</td><td class=\"wrap\">a second fee needs a missed deadline of 14 days (inkf. § 1-3)</td>"))
            let first = try #require(page.range(of: "<td class=\"num\">2</td><td class=\"wrap\">fee refused: the &#39;no-reminder&#39; step"))
            let third = try #require(page.range(of: "<td class=\"num\">3</td><td class=\"wrap\">ingen avgift på eller før forfallsdatoen 30.11.2026 (IKL § 2)</td>"))
            #expect(second.lowerBound < third.lowerBound && third.lowerBound < first.lowerBound, "the most frequent first")
            #expect(page.contains("id=\"run-attention\"") && page.contains("claim past limitation: flagged, not chased"))
        }
    }
}
