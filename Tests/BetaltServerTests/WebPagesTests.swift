import BetaltCore
import BetaltServer
import BetaltStore
import BetaltTestSupport
import Fluent
import Testing
import Vapor
import VaporTesting

@Suite("The creditor web app")
struct WebPagesTests {
    @Test("a visitor who is not logged in is sent to the login form", arguments: TestEngine.allCases)
    func requiresLogin(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let creditor = test.ledger.creditors[0]
            try await test.app.testing().test(.GET, "/creditors/\(creditor.id)/claims") { res async in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/login")
            }
        }
    }

    @Test("a wrong password is refused with the error shown and logged", arguments: TestEngine.allCases)
    func wrongPassword(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            try await test.app.testing().test(.POST, "/login", beforeRequest: { req in
                try req.content.encode(["email": DemoLedger.demoUserEmail, "password": "wrong"], as: .urlEncodedForm)
            }, afterResponse: { res async in
                #expect(res.status == .unauthorized)
                #expect(res.body.string.contains("passordet stemmer ikke"))
                #expect(res.headers.setCookie?["betalt-session"] == nil)
            })
            let failures = try await AuditRecord.query(on: test.app.db).filter(\.$action == "login.failed").count()
            #expect(failures == 1)
        }
    }

    @Test("five wrong passwords within a quarter of an hour stop that address's logins until the oldest is a quarter old",
          arguments: TestEngine.allCases)
    func throttledAfterFailures(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            func post(_ email: String, _ password: String) async throws -> (HTTPStatus, String, HTTPHeaders) {
                var result: (HTTPStatus, String, HTTPHeaders) = (.internalServerError, "", [:])
                try await test.app.testing().test(.POST, "/login", beforeRequest: { req in
                    try req.content.encode(["email": email, "password": password], as: .urlEncodedForm)
                }, afterResponse: { res async in result = (res.status, res.body.string, res.headers) })
                return result
            }
            let email = DemoLedger.demoUserEmail
            for _ in 1...LoginThrottle.allowedFailures {
                #expect(try await post(email, "guess").0 == .unauthorized)
            }
            // Even the right password waits now; another address is not held back.
            let (status, body, headers) = try await post(email, DemoLedger.demoUserPassword)
            #expect(status == .tooManyRequests)
            // The wait counts from the oldest of the five failures, however long the attempts themselves took.
            let wait = try #require(headers.first(name: .retryAfter).flatMap(Int.init))
            #expect((1...Int(LoginThrottle.window)).contains(wait))
            let minutes = try #require(body.firstMatch(of: /For mange mislykkede forsøk med denne e-postadressen\. Prøv igjen om (\d+) minutter\./))
            #expect(Int(minutes.1) == (wait + 59) / 60)
            #expect(headers.setCookie?["betalt-session"] == nil)
            #expect(try await post("someone@else.example", "guess").0 == .unauthorized)
            #expect(try await AuditRecord.query(on: test.app.db).filter(\.$action == "login.failed").filter(\.$actor == email).count() == 5,
                    "a refused attempt is no failure and does not lengthen the wait")
            #expect(try await AuditRecord.query(on: test.app.db).filter(\.$action == "login.throttled").count() == 1)

            // A quarter of an hour later the address may log in again.
            for failure in try await AuditRecord.query(on: test.app.db).filter(\.$action == "login.failed").all() {
                failure.at = failure.at!.addingTimeInterval(-LoginThrottle.window - 1)
                try await failure.update(on: test.app.db)
            }
            _ = try await test.logIn()
        }
    }

    @Test("an empty field is named next to the field", arguments: [TestEngine.sqlite])
    func emptyField(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            try await test.app.testing().test(.POST, "/login", beforeRequest: { req in
                try req.content.encode(["email": "", "password": "x"], as: .urlEncodedForm)
            }, afterResponse: { res async in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("id=\"email-error\""))
                #expect(!res.body.string.contains("id=\"password-error\""))
            })
        }
    }

    @Test("the overview shows the aging summary with the open total", arguments: TestEngine.allCases)
    func overview(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let cookie = try await test.logIn()
            let creditor = test.ledger.creditors[0]
            let (status, body) = try await test.get("/creditors/\(creditor.id)", headers: cookie)
            #expect(status == .ok)
            let summary = try await AgingSummary.load(creditorID: creditor.id, today: TestApp.today, on: test.app.db)
            #expect(body.contains("Aldersfordeling av åpne krav"))
            #expect(body.contains(summary.total(.nok).formatted(.nb)))
            for bucket in AgingBucket.allCases { #expect(body.contains("data-bucket=\"\(bucket.rawValue)\"")) }
            #expect(body.contains("<svg class=\"chart\""))
        }
    }

    @Test("the claim list shows open claims with amounts, days overdue and statuses; a claim shows its ledger", arguments: TestEngine.allCases)
    func claimListAndClaim(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let cookie = try await test.logIn()
            let creditor = test.ledger.creditors[1]
            let (status, body) = try await test.get("/creditors/\(creditor.id)/claims?filter=overdue&sort=amount&order=desc", headers: cookie)
            #expect(status == .ok)
            #expect(body.contains("Forfalt"))
            var query = ClaimListQuery(creditorID: creditor.id, today: TestApp.today)
            query.filter = .overdue
            query.sort = .amount
            query.descending = true
            let top = try #require(try await query.run(on: test.app.db).rows.first)
            #expect(body.contains(top.invoiceNumber))
            #expect(body.contains(top.open.formatted(.nb)))

            let (claimStatus, claimBody) = try await test.get("/creditors/\(creditor.id)/claims/\(top.id)", headers: cookie)
            #expect(claimStatus == .ok)
            #expect(claimBody.contains(top.invoiceNumber))
            #expect(claimBody.contains("Reskontro"))
            #expect(claimBody.contains("id=\"open-amount\">\(top.open.formatted(.nb))<"))
        }
    }

    @Test("the language can be switched to Swedish and English", arguments: [TestEngine.sqlite])
    func language(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let cookie = try await test.logIn()
            let creditor = test.ledger.creditors[1]
            try await test.app.testing().test(.GET, "/language/sv?back=/creditors/\(creditor.id)", headers: cookie) { res async in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/creditors/\(creditor.id)")
            }
            var (_, body) = try await test.get("/creditors/\(creditor.id)", headers: cookie)
            #expect(body.contains("Åldersfördelning av öppna fordringar"))
            #expect(body.contains("<html lang=\"sv\">"))
            try await test.app.testing().test(.GET, "/language/en?back=https://evil.example/", headers: cookie) { res async in
                #expect(res.headers.first(name: .location) == "/")
            }
            (_, body) = try await test.get("/creditors/\(creditor.id)", headers: cookie)
            #expect(body.contains("Aging of open claims"))
        }
    }

    @Test("a user of one creditor reaches nothing of another", arguments: TestEngine.allCases)
    func tenantIsolation(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let norway = test.ledger.creditors[0], sweden = test.ledger.creditors[1]
            let outsider = UserRecord(
                email: "kari@betalt.example", name: "Kari", passwordHash: try Bcrypt.hash("kari-secret", cost: 4), language: "nb"
            )
            try await outsider.create(on: test.app.db)
            try await MembershipRecord(creditorID: norway.id, userID: try outsider.requireID(), role: "owner").create(on: test.app.db)
            let cookie = try await test.logIn(email: "kari@betalt.example", password: "kari-secret")

            #expect(try await test.get("/creditors/\(norway.id)", headers: cookie).0 == .ok)
            #expect(try await test.get("/creditors/\(sweden.id)", headers: cookie).0 == .notFound)
            #expect(try await test.get("/creditors/\(sweden.id)/claims", headers: cookie).0 == .notFound)
            #expect(try await test.get("/creditors/\(sweden.id)/claims/\(sweden.invoices[0].id)", headers: cookie).0 == .notFound)
            #expect(try await test.get("/creditors/\(norway.id)/claims/\(sweden.invoices[0].id)", headers: cookie).0 == .notFound)
            let (_, page) = try await test.get("/creditors/\(norway.id)", headers: cookie)
            #expect(!page.contains(sweden.name))
        }
    }
}
