import BetaltCore
import BetaltServer
import BetaltStore
import BetaltTestSupport
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("The work queue of unmatched payments")
struct WorkQueueTests {
    /// A claim WQ-77 of 1 000,00 kr for the Norwegian creditor, and a payment of 1 500,00 kr naming it only in its text.
    static func setUp(_ test: TestApp) async throws -> (claim: ClaimRecord, payment: PaymentRecord) {
        let norway = test.ledger.creditors[0].id
        try await importInvoice("WQ-77", issued: "2026-10-01", due: "2026-10-15", amount: "1000,00", test)
        let claim = try #require(try await ClaimRecord.query(on: test.app.db).filter(\.$invoiceNumber == "WQ-77").first())
        let payment = try await insertPayment(creditorID: norway, amountMinor: 150_000, currency: "NOK", text: "betaling faktura WQ-77", on: test.app.db)
        return (claim, payment)
    }

    /// An invoice of Per Hansen (customer C-77) for the Norwegian creditor, imported as a one-line CSV.
    static func importInvoice(_ number: String, issued: String, due: String, amount: String, _ test: TestApp) async throws {
        let csv = Data("""
            invoice_number;issue_date;due_date;currency;amount;customer_number;customer_name
            \(number);\(issued);\(due);NOK;\(amount);C-77;Per Hansen

            """.utf8)
        _ = try await InvoiceImport.run(fileName: "\(number).csv", data: csv, creditorID: test.ledger.creditors[0].id, today: TestApp.today, by: "test", userID: nil, on: test.app.db)
    }

    static func insertPayment(creditorID: UUID, amountMinor: Int64, currency: String, text: String, on database: any Database) async throws -> PaymentRecord {
        let payment = PaymentRecord()
        payment.id = TimeOrderedID.next()
        payment.creditorID = creditorID
        payment.amountMinor = amountMinor
        payment.currency = currency
        payment.bookingDate = "2026-11-02"
        payment.references = ""
        payment.referredDocuments = ""
        payment.freeText = text
        payment.payerName = "Per Hansen"
        payment.isReversal = false
        payment.status = "unmatched"
        payment.matchedClaims = "[]"
        payment.overpaymentMinor = 0
        payment.note = "no reference; invoice number named but the amount differs"
        payment.source = "test"
        try await payment.create(on: database)
        return payment
    }

    @Test("the queue lists unmatched payments with amount, age, reason and suggested claims", arguments: TestEngine.allCases)
    func listing(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let (_, payment) = try await Self.setUp(test)
            let norway = test.ledger.creditors[0].id
            let giro = try ImportTests.fixture("nets-ocr-giro/ocr_giro_transactions.txt")
            _ = try await PaymentImport.run(fileName: "ocr.txt", data: giro, creditorID: norway, today: TestApp.today, on: test.app.db)
            let cookie = try await test.logIn()
            let (status, body) = try await test.get("/creditors/\(norway)/work-queue", headers: cookie)
            #expect(status == .ok)
            let unmatched = try await PaymentRecord.query(on: test.app.db).filter(\.$creditorID == norway).filter(\.$status == "unmatched").count()
            #expect(unmatched == 21)
            #expect(body.contains("<p class=\"count\">\(unmatched) · Side 1 av 2</p>"))
            #expect(body.components(separatedBy: "<tbody class=\"queued\"").count - 1 == 20)
            #expect(body.contains("rel=\"next\" href=\"/creditors/\(norway)/work-queue?page=2\""))
            let row = try #require(body.firstRange(of: "id=\"payment-\(payment.id!)\"").map { String(body[$0.lowerBound...].prefix(3000)) })
            #expect(row.contains("<td class=\"num\">\(Money(minorUnits: 150_000, currency: .nok).formatted(.nb))</td>"))
            #expect(row.contains("<td class=\"num\">20</td>"))
            #expect(row.contains("Ikke koblet"))
            #expect(row.contains("the amount differs"))
            #expect(row.contains("value=\"WQ-77\""))
            #expect(row.contains("(Fakturanr. nevnt)"))
            let (_, second) = try await test.get("/creditors/\(norway)/work-queue?page=2", headers: cookie)
            #expect(second.components(separatedBy: "<tbody class=\"queued\"").count - 1 == 1)
        }
    }

    @Test("assigning a payment pays the claim, keeps the rest as credit, marks it matched by hand and is audited", arguments: TestEngine.allCases)
    func assign(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let (claim, payment) = try await Self.setUp(test)
            let norway = test.ledger.creditors[0].id
            let cookie = try await test.logIn()
            let queue = "/creditors/\(norway)/work-queue"
            let csrf = try await test.csrfToken(from: queue, headers: cookie)
            let form = ["csrf": csrf, "payment": payment.id!.uuidString, "candidate": "WQ-77", "invoice": ""]
            let (status, body) = try await test.postForm(queue + "/assign", form, headers: cookie)
            #expect(status == .ok)
            #expect(body.contains("Innbetalingen er koblet til faktura WQ-77"))
            #expect(!body.contains("id=\"payment-\(payment.id!)\""))

            let paid = try #require(try await ClaimRecord.find(claim.id, on: test.app.db))
            #expect(paid.openMinor == 0)
            #expect(paid.stage == "closed")
            let entries = try await LedgerEntryRecord.query(on: test.app.db).filter(\.$claimID == claim.id!).filter(\.$kind == "payment").all()
            #expect(entries.map(\.amountMinor).reduce(0, +) == 100_000)
            let matched = try #require(try await PaymentRecord.find(payment.id, on: test.app.db))
            #expect(matched.status == "matched")
            #expect(matched.matchMethod == "manual")
            #expect(matched.overpaymentMinor == 50_000)
            #expect(matched.matchedClaims.contains(claim.id!.uuidString))
            let audit = try await AuditRecord.query(on: test.app.db).filter(\.$action == "payment.assigned").all()
            #expect(audit.count == 1)
            #expect(audit.first?.actor == DemoLedger.demoUserEmail)
            #expect(audit.first?.creditorID == norway)
            #expect(audit.first?.detail.contains("WQ-77") == true)

            let (againStatus, again) = try await test.postForm(queue + "/assign", form, headers: cookie)
            #expect(againStatus == .unprocessableEntity)
            #expect(again.contains("Innbetalingen er allerede koblet."))
            #expect(try await LedgerEntryRecord.query(on: test.app.db).filter(\.$claimID == claim.id!).filter(\.$kind == "payment").count() == entries.count)
        }
    }

    @Test("one payment is split over several invoices typed in, oldest due first", arguments: TestEngine.allCases)
    func assignToSeveral(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let (claim, payment) = try await Self.setUp(test)
            let norway = test.ledger.creditors[0].id
            try await Self.importInvoice("WQ-78", issued: "2026-09-01", due: "2026-09-15", amount: "300,00", test)
            let older = try #require(try await ClaimRecord.query(on: test.app.db).filter(\.$invoiceNumber == "WQ-78").first())
            let cookie = try await test.logIn()
            let queue = "/creditors/\(norway)/work-queue"
            let csrf = try await test.csrfToken(from: queue, headers: cookie)
            let form = ["csrf": csrf, "payment": payment.id!.uuidString, "invoice": "WQ-77, WQ-78"]
            let (status, body) = try await test.postForm(queue + "/assign", form, headers: cookie)
            #expect(status == .ok)
            #expect(body.contains("WQ-78, WQ-77"))
            // 1 500,00 kr: 300,00 to the older WQ-78, 1 000,00 to WQ-77, 200,00 kept as credit.
            #expect(try await ClaimRecord.find(older.id, on: test.app.db)?.openMinor == 0)
            #expect(try await ClaimRecord.find(claim.id, on: test.app.db)?.openMinor == 0)
            let matched = try #require(try await PaymentRecord.find(payment.id, on: test.app.db))
            #expect(matched.overpaymentMinor == 20_000)
            #expect(matched.matchedClaims.contains(older.id!.uuidString) && matched.matchedClaims.contains(claim.id!.uuidString))
        }
    }

    @Test("an overpayment becomes the customer's credit, used on another claim or recorded as paid back", arguments: TestEngine.allCases)
    func customerCredit(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let (claim, payment) = try await Self.setUp(test)
            let norway = test.ledger.creditors[0].id
            let cookie = try await test.logIn()
            let queue = "/creditors/\(norway)/work-queue"
            let csrf = try await test.csrfToken(from: queue, headers: cookie)
            _ = try await test.postForm(queue + "/assign", ["csrf": csrf, "payment": payment.id!.uuidString, "invoice": "WQ-77"], headers: cookie)
            #expect(try await CustomerCredit.balances(customerID: claim.customerID, creditorID: norway, on: test.app.db) == [.major(500, .nok)])

            try await Self.importInvoice("WQ-79", issued: "2026-11-01", due: "2026-11-15", amount: "300,00", test)
            let next = try #require(try await ClaimRecord.query(on: test.app.db).filter(\.$invoiceNumber == "WQ-79").first())
            let page = "/creditors/\(norway)/claims/\(next.id!)"
            let (_, body) = try await test.get(page, headers: cookie)
            #expect(body.contains("id=\"customer-credit\""))
            #expect(body.contains("500,00"))
            let (applied, _) = try await test.postForm(page + "/apply-credit", ["csrf": csrf], headers: cookie)
            #expect(applied == .seeOther)
            #expect(try await ClaimRecord.find(next.id, on: test.app.db)?.openMinor == 0)
            #expect(try await CustomerCredit.balances(customerID: claim.customerID, creditorID: norway, on: test.app.db) == [.major(200, .nok)])

            let (_, listing) = try await test.get(queue, headers: cookie)
            #expect(listing.contains("id=\"credits\"") && listing.contains("200,00"))
            let refund = "/creditors/\(norway)/customers/\(claim.customerID)/refund-credit"
            let (refunded, _) = try await test.postForm(refund, ["csrf": csrf, "currency": "NOK"], headers: cookie)
            #expect(refunded == .seeOther)
            #expect(try await CustomerCredit.balances(customerID: claim.customerID, creditorID: norway, on: test.app.db).isEmpty)
            let actions = try await AuditRecord.query(on: test.app.db).all().map(\.action)
            #expect(actions.contains("credit.applied") && actions.contains("credit.refunded"))
            // Without a token nothing moves.
            let (forged, _) = try await test.postForm(refund, ["csrf": "forged", "currency": "NOK"], headers: cookie)
            #expect(forged != .seeOther)
        }
    }

    @Test("a broken promise puts a call in the queue; the caller records how it went and it leaves the queue", arguments: TestEngine.allCases)
    func callTasks(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let (claim, _) = try await Self.setUp(test)
            let norway = test.ledger.creditors[0].id
            _ = try await Promises.make(
                claimIDs: [claim.id!], creditorID: norway, payBy: TestApp.today.adding(days: 3), amount: .major(400, .nok), reason: "",
                madeBy: "kari@example", userID: nil, on: TestApp.today, database: test.app.db
            )
            #expect(try await Promises.review(creditorID: norway, today: TestApp.today.adding(days: 4), on: test.app.db).broken == 1)
            let cookie = try await test.logIn()
            let queue = "/creditors/\(norway)/work-queue"
            let (_, body) = try await test.get(queue, headers: cookie)
            #expect(body.contains("id=\"call-tasks\"") && body.contains("WQ-77"))
            let action = try #require(body.firstMatch(of: /action="([^"]*\/calls\/[^"]+)"/)).1
            let csrf = try await test.csrfToken(from: queue, headers: cookie)
            let (status, _) = try await test.postForm(String(action), ["csrf": csrf, "outcome": "notReached", "note": "Voicemail"], headers: cookie)
            #expect(status == .seeOther)
            let (_, after) = try await test.get(queue, headers: cookie)
            #expect(!after.contains("id=\"call-tasks\""))
            #expect(try await AuditRecord.query(on: test.app.db).filter(\.$action == "call.notReached").first()?.detail == "Voicemail")
        }
    }

    @Test("a wrong currency, an unknown or foreign invoice, a foreign payment or a missing token change nothing", arguments: TestEngine.allCases)
    func refusals(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let (claim, payment) = try await Self.setUp(test)
            let norway = test.ledger.creditors[0].id, sweden = test.ledger.creditors[1]
            let kronor = try await Self.insertPayment(creditorID: norway, amountMinor: 100_000, currency: "SEK", text: "WQ-77", on: test.app.db)
            let swedish = try await Self.insertPayment(creditorID: sweden.id, amountMinor: 100_000, currency: "NOK", text: "WQ-77", on: test.app.db)
            let cookie = try await test.logIn()
            let queue = "/creditors/\(norway)/work-queue"
            let csrf = try await test.csrfToken(from: queue, headers: cookie)
            func assign(_ paymentID: UUID, _ invoice: String, token: String? = nil) async throws -> (HTTPStatus, String) {
                try await test.postForm(queue + "/assign", ["csrf": token ?? csrf, "payment": paymentID.uuidString, "invoice": invoice], headers: cookie)
            }
            var (status, body) = try await assign(kronor.id!, "WQ-77")
            #expect(status == .unprocessableEntity)
            #expect(body.contains("id=\"error-\(kronor.id!)\" role=\"alert\">Innbetalingen og kravet har ulik valuta."))
            (status, body) = try await assign(payment.id!, sweden.invoices[0].number)
            #expect(status == .unprocessableEntity)
            #expect(body.contains("Fant ingen faktura med dette nummeret."))
            (status, body) = try await assign(swedish.id!, "WQ-77")
            #expect(status == .unprocessableEntity)
            #expect(body.contains("id=\"queue-error\" role=\"alert\">Fant ikke innbetalingen."))
            (status, body) = try await test.postForm(queue + "/assign", ["payment": payment.id!.uuidString, "invoice": "WQ-77"], headers: cookie)
            #expect(status == .forbidden)
            (status, body) = try await assign(payment.id!, "WQ-77", token: "forged")
            #expect(status == .forbidden)

            #expect(try await PaymentRecord.query(on: test.app.db).filter(\.$status == "matched").count() == 0)
            #expect(try await ClaimRecord.find(claim.id, on: test.app.db)?.openMinor == 100_000)
            #expect(try await AuditRecord.query(on: test.app.db).filter(\.$action == "payment.assigned").count() == 0)
        }
    }

    @Test("a user of another creditor gets 404 for both pages and cannot assign or upload", arguments: TestEngine.allCases)
    func tenantIsolation(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let (claim, payment) = try await Self.setUp(test)
            let norway = test.ledger.creditors[0].id, sweden = test.ledger.creditors[1].id
            let outsider = UserRecord(email: "sven@betalt.example", name: "Sven", passwordHash: try Bcrypt.hash("sven-secret", cost: 4), language: "sv")
            try await outsider.create(on: test.app.db)
            try await MembershipRecord(creditorID: sweden, userID: try outsider.requireID(), role: "owner").create(on: test.app.db)
            let cookie = try await test.logIn(email: "sven@betalt.example", password: "sven-secret")
            #expect(try await test.get("/creditors/\(sweden)/work-queue", headers: cookie).0 == .ok)
            #expect(try await test.get("/creditors/\(norway)/work-queue", headers: cookie).0 == .notFound)
            #expect(try await test.get("/creditors/\(norway)/imports", headers: cookie).0 == .notFound)
            let csrf = try await test.csrfToken(from: "/creditors/\(sweden)/imports", headers: cookie)
            let (assign, _) = try await test.postForm(
                "/creditors/\(norway)/work-queue/assign", ["csrf": csrf, "payment": payment.id!.uuidString, "invoice": "WQ-77"], headers: cookie
            )
            #expect(assign == .notFound)
            let (own, ownBody) = try await test.postForm(
                "/creditors/\(sweden)/work-queue/assign", ["csrf": csrf, "payment": payment.id!.uuidString, "invoice": "WQ-77"], headers: cookie
            )
            #expect(own == .unprocessableEntity)
            #expect(ownBody.contains("Inbetalningen finns inte."))
            let (upload, _) = try await test.upload(
                "/creditors/\(norway)/imports/invoices", fileName: "x.csv", data: ImportsPageTests.invoicesCSV, csrf: csrf, headers: cookie
            )
            #expect(upload == .notFound)
            #expect(try await PaymentRecord.find(payment.id, on: test.app.db)?.status == "unmatched")
            #expect(try await ClaimRecord.find(claim.id, on: test.app.db)?.openMinor == 100_000)
            #expect(try await ImportedFileRecord.query(on: test.app.db).filter(\.$creditorID == norway).count() == 1)
        }
    }
}
