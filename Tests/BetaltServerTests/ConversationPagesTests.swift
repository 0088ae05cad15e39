import BetaltCore
import BetaltStore
import BetaltTestSupport
import Fluent
import Foundation
import Testing
import VaporTesting

@Suite("The customer page, calls and the conversation timeline")
struct ConversationPagesTests {
    /// A debtor with letters, the oldest open claim, a signed-in creditor user, the customer's page and its CSRF token.
    private func customerPage(_ test: TestApp) async throws -> (
        token: String, customer: CustomerRecord, claim: ClaimRecord, cookie: HTTPHeaders, page: String, csrf: String
    ) {
        let (token, customer) = try await test.debtorWithLetters()
        let claim = try #require(try await ClaimRecord.query(on: test.app.db).filter(\.$customerID == customer.id!)
            .filter(\.$openMinor > 0).sort(\.$dueDate).first())
        let cookie = try await test.logIn()
        let page = "/creditors/\(customer.creditorID)/customers/\(customer.id!)"
        return (token, customer, claim, cookie, page, try await test.csrfToken(from: page, headers: cookie))
    }

    @Test("a call with an agreement becomes a promise confirmed in writing, a follow-up call and a timeline entry", arguments: TestEngine.allCases)
    func callWithPromise(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let (token, customer, claim, cookie, page, csrf) = try await customerPage(test)
            var (status, _) = try await test.postForm("\(page)/calls", ["csrf": csrf, "claim": claim.id!.uuidString, "date": "2026-11-24", "reason": "check the delivery"], headers: cookie)
            #expect(status == .seeOther)
            let task = try #require(try await CollectionActRecord.query(on: test.app.db).filter(\.$stepID == "by-hand").first())
            #expect(task.actDate == "2026-11-24" && task.deliveryStatus == "task")
            var body: String
            (_, body) = try await test.get(page, headers: cookie)
            #expect(!body.contains("aria-invalid"), "a form not refused shows no error")
            #expect(body.contains("check the delivery") && body.contains("/work-queue/calls/\(task.id!.uuidString)"))

            // A promise that breaks the rules keeps the call open; the customer page comes back with the call's
            // form as typed and the error at its field.
            (status, body) = try await test.postForm("/creditors/\(customer.creditorID)/work-queue/calls/\(task.id!)", [
                "csrf": csrf, "outcome": "reached", "agreement": "promise", "payBy": "2026-11-20", "promiseAmount": "300",
                "promiseAlsoOverdue": "on", "note": "Pays on Friday", "back": "\(page)#calls",
            ], headers: cookie)
            #expect(status == .unprocessableEntity)
            #expect(try await CollectionActRecord.find(task.id, on: test.app.db)?.deliveryStatus == "task")
            let form = "call-\(task.id!.uuidString)"
            #expect(fieldError("\(form)-payBy-error", in: body) == "Datoen må være etter i dag.")
            #expect(body.contains("name=\"payBy\" min=\"2026-11-22\" value=\"2026-11-20\" aria-invalid=\"true\""))
            #expect(body.contains("value=\"promise\" checked>") && body.contains("value=\"300\"") && body.contains(">Pays on Friday</textarea>"))
            #expect(body.contains("name=\"promiseAlsoOverdue\" checked>"), "the choice to cover the other overdue invoices comes back too")
            let plansBefore = try await PaymentPlanRecord.query(on: test.app.db).count()
            (status, body) = try await test.postForm("/creditors/\(customer.creditorID)/work-queue/calls/\(task.id!)", [
                "csrf": csrf, "outcome": "reached", "agreement": "plan", "downPayment": "tre hundre", "instalments": "3",
            ], headers: cookie)
            #expect(status == .unprocessableEntity)
            #expect(fieldError("\(form)-downPayment-error", in: body) == "«tre hundre» er ikke et beløp (skriv for eksempel 1 234,50).")
            #expect(body.contains("value=\"plan\" checked>"))
            #expect(try await PaymentPlanRecord.query(on: test.app.db).count() == plansBefore)
            (status, body) = try await test.postForm("/creditors/\(customer.creditorID)/work-queue/calls/\(task.id!)", [
                "csrf": csrf, "outcome": "reached", "agreement": "plan", "instalments": "to", "firstDate": "2026-12-15",
            ], headers: cookie)
            #expect(status == .unprocessableEntity)
            #expect(fieldError("\(form)-instalments-error", in: body) == "«to» er ikke et helt tall.")
            #expect(body.contains("name=\"instalments\" min=\"1\" max=\"36\" value=\"to\" aria-invalid=\"true\""))
            #expect(try await PaymentPlanRecord.query(on: test.app.db).count() == plansBefore)
            (status, _) = try await test.postForm("/creditors/\(customer.creditorID)/work-queue/calls/\(task.id!)", [
                "csrf": csrf, "outcome": "reached", "note": "Pays 300 on Friday", "agreement": "promise", "payBy": "2026-11-27",
                "promiseAmount": "300", "followUpOn": "2026-11-30", "back": "\(page)#calls",
            ], headers: cookie)
            #expect(status == .seeOther)
            let promise = try #require(try await PromiseRecord.query(on: test.app.db).filter(\.$claimID == claim.id!).first())
            #expect(promise.amountMinor == 30_000 && promise.payBy == "2026-11-27")
            #expect(try await NoticeRecord.query(on: test.app.db).filter(\.$groupKey == "promise/\(promise.id!.uuidString)").count() == 1)
            #expect(try await CollectionActRecord.query(on: test.app.db).filter(\.$stepID == "follow-up").filter(\.$actDate == "2026-11-30").count() == 1)

            // A note, and a message from the debtor's page.
            (status, _) = try await test.postForm("\(page)/notes", ["csrf": csrf, "text": "Prefers e-mail", "claim": ""], headers: cookie)
            #expect(status == .seeOther)
            try await test.app.testing().test(.POST, "/d/\(token)/messages", beforeRequest: { req in
                try req.content.encode(["text": "Kan jeg betale i to omganger?"], as: .urlEncodedForm)
            }, afterResponse: { res async in
                #expect(res.headers.first(name: .location) == "/d/\(token)?received=message")
            })

            (_, body) = try await test.get(page, headers: cookie)
            #expect(body.contains("id=\"timeline-list\""))
            for expected in ["Pays 300 on Friday", "Prefers e-mail", "Kan jeg betale i to omganger?", "Betalingsløfte", "Samtale", "Brev"] {
                #expect(body.contains(expected), "the timeline shows \(expected)")
            }
            (_, body) = try await test.get("/creditors/\(customer.creditorID)/claims/\(claim.id!)", headers: cookie)
            #expect(body.contains("id=\"timeline-list\"") && body.contains("Pays 300 on Friday") && body.contains("id=\"customer-link\""))

            (_, body) = try await test.get("/creditors/\(customer.creditorID)/work-queue", headers: cookie)
            #expect(body.contains("id=\"queue-messages\"") && body.contains("Kan jeg betale i to omganger?"))
            let message = try #require(try await ConversationNoteRecord.query(on: test.app.db).filter(\.$kind == "message").first())
            (status, _) = try await test.postForm("/creditors/\(customer.creditorID)/work-queue/messages/\(message.id!)/handled", ["csrf": csrf], headers: cookie)
            #expect(status == .seeOther)
            (_, body) = try await test.get("/creditors/\(customer.creditorID)/work-queue", headers: cookie)
            #expect(!body.contains("id=\"queue-messages\""))
        }
    }

    @Test("a call planned for a past day, or an empty note, comes back on the customer page with what was typed and the error at its field",
          arguments: TestEngine.allCases)
    func refusedCallAndNote(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let (_, customer, claim, cookie, page, csrf) = try await customerPage(test)
            let tasksBefore = try await CollectionActRecord.query(on: test.app.db).filter(\.$stepID == "by-hand").count()

            var (status, body) = try await test.postForm("\(page)/calls", [
                "csrf": csrf, "claim": claim.id!.uuidString, "date": "2026-11-01", "reason": "ask about the delivery",
            ], headers: cookie)
            #expect(status == .unprocessableEntity)
            #expect(body.contains("<details class=\"schedule-call\" open>"))
            #expect(fieldError("schedule-date-error", in: body) == "Samtalen må planlegges i dag eller senere.")
            #expect(body.contains("value=\"2026-11-01\" required aria-invalid=\"true\"") && body.contains("value=\"ask about the delivery\""))
            #expect(body.contains("<option value=\"\(claim.id!.uuidString)\" selected>"))
            (status, body) = try await test.postForm("\(page)/calls", ["csrf": csrf, "claim": claim.id!.uuidString, "date": "24.11.2026"], headers: cookie)
            #expect(status == .unprocessableEntity)
            #expect(fieldError("schedule-date-error", in: body) == "«24.11.2026» er ikke en dato (ÅÅÅÅ-MM-DD).")
            #expect(try await CollectionActRecord.query(on: test.app.db).filter(\.$stepID == "by-hand").count() == tasksBefore)

            _ = try await test.get("/language/sv?back=/", headers: cookie)
            (status, body) = try await test.postForm("\(page)/notes", ["csrf": csrf, "text": "   ", "claim": claim.id!.uuidString], headers: cookie)
            #expect(status == .unprocessableEntity)
            #expect(fieldError("note-text-error", in: body) == "Skriv anteckningen först.")
            #expect(body.contains("<option value=\"\(claim.id!.uuidString)\" selected>"))
            #expect(fieldError("schedule-date-error", in: body) == nil, "only the refused form shows an error")
            #expect(try await ConversationNoteRecord.query(on: test.app.db).filter(\.$customerID == customer.id!).count() == 0)
        }
    }

    @Test("a call can end in a plan offer over the customer's open claims, sent in writing", arguments: TestEngine.allCases)
    func callWithPlan(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let (_, customer, claim, cookie, page, csrf) = try await customerPage(test)
            _ = try await test.postForm("\(page)/calls", ["csrf": csrf, "claim": claim.id!.uuidString, "date": "2026-11-22"], headers: cookie)
            let task = try #require(try await CollectionActRecord.query(on: test.app.db).filter(\.$stepID == "by-hand").first())
            let (status, _) = try await test.postForm("/creditors/\(customer.creditorID)/work-queue/calls/\(task.id!)", [
                "csrf": csrf, "outcome": "reached", "agreement": "plan", "instalments": "2", "firstDate": "2026-12-15",
            ], headers: cookie)
            #expect(status == .seeOther)
            let plan = try #require(try await PaymentPlanRecord.query(on: test.app.db).filter(\.$customerID == customer.id!).first())
            #expect(plan.status == "offered")
            let eligible = try await PaymentPlans.claimIDsOf(plan.id!, on: test.app.db)
            #expect(eligible.contains(claim.id!))
            #expect(try await NoticeRecord.query(on: test.app.db).filter(\.$groupKey == "plan/\(plan.id!.uuidString)/offer").count() == 1)
        }
    }

    @Test("a customer of another creditor is not found", arguments: TestEngine.allCases)
    func otherCreditorsCustomer(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let cookie = try await test.logIn()
            let creditors = try await CreditorRecord.query(on: test.app.db).all()
            let customer = try #require(try await CustomerRecord.query(on: test.app.db).filter(\.$creditorID == creditors[1].id!).first())
            let (status, _) = try await test.get("/creditors/\(creditors[0].id!)/customers/\(customer.id!)", headers: cookie)
            #expect(status == .notFound)
        }
    }
}
