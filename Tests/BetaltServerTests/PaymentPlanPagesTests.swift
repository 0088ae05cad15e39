import BetaltCore
import BetaltStore
import BetaltTestSupport
import Fluent
import Foundation
import Testing
import VaporTesting

@Suite("Payment plans on the creditor's and the debtor's pages")
struct PaymentPlanPagesTests {
    /// The Norwegian customer owing the most, with open undisputed claims.
    private func largestDebtor(_ test: TestApp) async throws -> (customer: CustomerRecord, claims: [ClaimRecord]) {
        _ = try await DailyRun(date: TestApp.runDate).run(on: test.app.db)
        let creditor = try #require(try await CreditorRecord.query(on: test.app.db).filter(\.$country == "NO").first())
        let open = try await ClaimRecord.query(on: test.app.db).filter(\.$creditorID == creditor.id!).filter(\.$openMinor > 0).all()
        let disputed = Set(try await DisputeRecord.query(on: test.app.db).filter(\.$status == "open").all().map(\.customerID))
        let byCustomer = Dictionary(grouping: open, by: \.customerID).filter { !disputed.contains($0.key) }
        let (id, claims) = try #require(byCustomer.max { $0.value.reduce(0) { $0 + $1.openMinor } < $1.value.reduce(0) { $0 + $1.openMinor } })
        return (try #require(try await CustomerRecord.find(id, on: test.app.db)), claims.sorted { $0.dueDate < $1.dueDate })
    }

    @Test("the debtor sees the plan a choice makes, is told why one is outside the limits, and accepting puts it in force", arguments: TestEngine.allCases)
    func debtorMakesAPlan(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let (customer, claims) = try await largestDebtor(test)
            let token = try await test.link(for: customer)
            var (status, page) = try await test.get("/d/\(token)", headers: [:])
            #expect(status == .ok && page.contains("id=\"plan-request\"") && !page.contains("id=\"plan-preview\""))
            (_, page) = try await test.get("/d/\(token)?instalments=30&first=2026-12-10", headers: [:])
            #expect(page.contains("id=\"plan-error\"") && !page.contains("id=\"plan-preview\""))
            // The limits in the debtor's language (the demo's Norwegian creditor allows six months).
            #expect(page.contains("Planen kan vare i høyst 6 måneder."), "the limit is told in Norwegian")
            (_, page) = try await test.get("/d/\(token)?instalments=2&first=2026-12-10", headers: [:])
            #expect(page.contains("id=\"plan-preview\"") && page.contains("10.12.2026") && page.contains("10.01.2027"))

            try await test.app.testing().test(.POST, "/d/\(token)/plans", beforeRequest: { req in
                try req.content.encode(["instalments": "2", "first": "2026-12-10"], as: .urlEncodedForm)
            }, afterResponse: { res async in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/d/\(token)?received=plan")
            })
            let plan = try #require(try await PaymentPlanRecord.query(on: test.app.db).filter(\.$customerID == customer.id!).first())
            #expect(plan.status == "active" && plan.proposedBy == "debtor" && plan.acceptedBy == "debtor")
            #expect(Set(try await PaymentPlans.claimIDsOf(plan.id!, on: test.app.db)) == Set(claims.map { $0.id! }))
            #expect(try await NoticeRecord.query(on: test.app.db).filter(\.$groupKey == "plan/\(plan.id!.uuidString)/agreement").count() == 1)
            (_, page) = try await test.get("/d/\(token)?received=plan", headers: [:])
            #expect(page.contains("id=\"plan-received\"") && page.contains("id=\"plan-\(plan.id!.uuidString)\""))
            #expect(!page.contains("id=\"plan-request\""), "every claim is on the plan now")

            let cookie = try await test.logIn()
            (_, page) = try await test.get("/creditors/\(customer.creditorID)/claims/\(claims[0].id!)", headers: cookie)
            #expect(page.contains("id=\"plan-\(plan.id!.uuidString)\"") && page.contains("Aktiv"))
        }
    }

    @Test("the creditor offers a plan in writing; only the customer's own link accepts it", arguments: TestEngine.allCases)
    func creditorOffersAPlan(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let (customer, claims) = try await largestDebtor(test)
            let cookie = try await test.logIn()
            let claimPath = "/creditors/\(customer.creditorID)/claims/\(claims[0].id!)"
            let csrf = try await test.csrfToken(from: claimPath, headers: cookie)
            var (status, _) = try await test.postForm("\(claimPath)/plans", [
                "csrf": csrf, "instalments": "0", "firstDate": "2026-12-22",
            ], headers: cookie)
            #expect(status == .unprocessableEntity)
            (status, _) = try await test.postForm("\(claimPath)/plans", [
                "csrf": csrf, "downPayment": "100", "downPaymentDate": "2026-11-30", "instalments": "3", "firstDate": "2026-12-22",
                "note": "agreed on the phone",
            ], headers: cookie)
            #expect(status == .seeOther)
            let plan = try #require(try await PaymentPlanRecord.query(on: test.app.db).filter(\.$customerID == customer.id!).first())
            #expect(plan.status == "offered" && plan.note == "agreed on the phone")
            #expect(try await NoticeRecord.query(on: test.app.db).filter(\.$groupKey == "plan/\(plan.id!.uuidString)/offer").count() == 1)
            var (_, page) = try await test.get(claimPath, headers: cookie)
            #expect(page.contains("Tilbudt") && page.contains("/plans/\(plan.id!.uuidString)/accept"))
            (_, page) = try await test.get("/creditors/\(customer.creditorID)/work-queue", headers: cookie)
            #expect(page.contains("id=\"queue-plans\"") && page.contains(customer.name))

            // Another customer's link reaches nothing of this plan.
            let other = try #require(try await CustomerRecord.query(on: test.app.db).filter(\.$creditorID == customer.creditorID)
                .filter(\.$id != customer.id!).first())
            let stranger = try await test.link(for: other)
            try await test.app.testing().test(.POST, "/d/\(stranger)/plans/\(plan.id!)/accept") { res async in
                #expect(res.status == .notFound)
            }
            (_, page) = try await test.get("/d/\(stranger)", headers: [:])
            #expect(!page.contains(plan.id!.uuidString))

            let token = try await test.link(for: customer)
            (_, page) = try await test.get("/d/\(token)", headers: [:])
            #expect(page.contains("/d/\(token)/plans/\(plan.id!.uuidString)/accept"))
            try await test.app.testing().test(.POST, "/d/\(token)/plans/\(plan.id!)/accept") { res async in
                #expect(res.status == .seeOther)
            }
            let accepted = try #require(try await PaymentPlanRecord.find(plan.id, on: test.app.db))
            #expect(accepted.status == "active" && accepted.acceptedBy == "debtor" && accepted.acceptedOn == TestApp.today.iso)
            #expect(try await NoticeRecord.query(on: test.app.db).filter(\.$groupKey == "plan/\(plan.id!.uuidString)/agreement").count() == 1)

            // Accepting again, from a page opened before, is refused on the page, in the plan's section and the
            // debtor's language; the creditor's stale button is refused the same way on the claim page.
            try await test.app.testing().test(.POST, "/d/\(token)/plans/\(plan.id!)/accept") { res async in
                #expect(res.status == .unprocessableEntity)
                #expect(fieldError("plan-\(plan.id!.uuidString)-error", in: res.body.string) == "Planen venter ikke på godkjenning.")
                #expect(!res.body.string.contains("/d/\(token)/plans/\(plan.id!.uuidString)/accept"))
            }
            (status, page) = try await test.postForm("/creditors/\(customer.creditorID)/plans/\(plan.id!)/accept", ["csrf": csrf], headers: cookie)
            #expect(status == .unprocessableEntity)
            #expect(fieldError("plan-\(plan.id!.uuidString)-error", in: page) == "Planen venter ikke på godkjenning.")
            #expect(try await NoticeRecord.query(on: test.app.db).filter(\.$groupKey == "plan/\(plan.id!.uuidString)/agreement").count() == 1)
        }
    }

    @Test("the creditor withdraws an offer and the ladder takes the claim back", arguments: TestEngine.allCases)
    func creditorWithdraws(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let (customer, claims) = try await largestDebtor(test)
            let cookie = try await test.logIn()
            let claimPath = "/creditors/\(customer.creditorID)/claims/\(claims[0].id!)"
            let csrf = try await test.csrfToken(from: claimPath, headers: cookie)
            _ = try await test.postForm("\(claimPath)/plans", ["csrf": csrf, "instalments": "2", "firstDate": "2026-12-22"], headers: cookie)
            let plan = try #require(try await PaymentPlanRecord.query(on: test.app.db).filter(\.$customerID == customer.id!).first())
            let withdraw = "/creditors/\(customer.creditorID)/plans/\(plan.id!)/withdraw"
            var (status, page) = try await test.postForm(withdraw, ["csrf": csrf], headers: cookie)
            #expect(status == .seeOther)
            #expect(try await PaymentPlanRecord.find(plan.id, on: test.app.db)?.status == "withdrawn")
            #expect(try await ClaimRecord.find(claims[0].id, on: test.app.db)?.nextActionDate == TestApp.today.iso)
            // Withdrawing twice (a second tab) says why on the claim page, in English once the user chose it.
            _ = try await test.get("/language/en?back=/", headers: cookie)
            var fromClaimPage = cookie
            fromClaimPage.add(name: .referer, value: "http://localhost\(claimPath)")
            (status, page) = try await test.postForm(withdraw, ["csrf": csrf], headers: fromClaimPage)
            #expect(status == .unprocessableEntity)
            // The language links lead back to the claim page, not to the form's address.
            #expect(page.contains("href=\"/language/nb?back=\(claimPath)\""))
            #expect(fieldError("plan-\(plan.id!.uuidString)-error", in: page) == "The plan is not waiting for acceptance.")
            #expect(page.contains("id=\"plan-\(plan.id!.uuidString)\"") && !page.contains("/plans/\(plan.id!.uuidString)/withdraw"))
        }
    }

    @Test("the creditor sets the plan limits; a wrong value is shown next to its field; 0 months sends the debtor to contact", arguments: TestEngine.allCases)
    func planLimitsInSettings(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let (customer, _) = try await largestDebtor(test)
            let cookie = try await test.logIn()
            let path = "/creditors/\(customer.creditorID)/settings"
            let csrf = try await test.csrfToken(from: path, headers: cookie)
            var (status, page) = try await test.postForm(path, ["csrf": csrf, "planMaxMonths": "40", "planMinInstalment": "abc"], headers: cookie)
            #expect(status == .unprocessableEntity)
            #expect(page.contains("id=\"plan-months-error\"") && page.contains("id=\"plan-minimum-error\"") && page.contains("value=\"abc\""))
            (status, _) = try await test.postForm(path, ["csrf": csrf, "planMaxMonths": "0", "planMinInstalment": "750,50"], headers: cookie)
            #expect(status == .seeOther)
            let creditor = try #require(try await CreditorRecord.find(customer.creditorID, on: test.app.db))
            #expect(creditor.planMaxMonths == 0 && creditor.planMinInstalmentMinor == 75_050 && !creditor.planFee)
            #expect(try await AuditRecord.query(on: test.app.db).filter(\.$action == "settings.plans").count() == 1)
            (_, page) = try await test.get("/d/\(try await test.link(for: customer))", headers: [:])
            #expect(page.contains("ta kontakt med oss") && !page.contains("name=\"instalments\""))
        }
    }
}
