import BetaltCore
import BetaltServer
import BetaltStore
import BetaltTestSupport
import Foundation
import Testing
import Vapor
import VaporTesting

/// A configured application on a fresh database holding a small demo ledger.
struct TestApp {
    static let today = try! CivilDate(2026, 11, 22)
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    let app: Application
    let ledger: DemoLedger

    static func with(_ engine: TestEngine, _ body: (TestApp) async throws -> Void) async throws {
        try await TestDatabase.withLocation(engine) { location in
            let app = try await Application.make(.testing)
            do {
                try await configure(app, settings: ServerSettings(
                    database: location, homeDirectory: repositoryRoot + "/", fixedToday: today
                ))
                let ledger = try DemoLedger(today: today, customersPerCreditor: 12, invoicesPerCreditor: 80)
                try await DemoSeeder.seed(ledger, demoUserPasswordHash: try Bcrypt.hash(DemoLedger.demoUserPassword, cost: 4), on: app.db)
                try await body(TestApp(app: app, ledger: ledger))
                try await app.asyncShutdown()
            } catch {
                try? await app.asyncShutdown()
                throw error
            }
        }
    }

    /// Logs in through the form and returns the session cookie for later requests.
    /// A text as Leaf writes it into a page.
    static func htmlEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    func logIn(email: String = DemoLedger.demoUserEmail, password: String = DemoLedger.demoUserPassword) async throws -> HTTPHeaders {
        var cookie: HTTPHeaders = [:]
        try await app.testing().test(.POST, "/login", beforeRequest: { req in
            try req.content.encode(["email": email, "password": password], as: .urlEncodedForm)
        }, afterResponse: { res async throws in
            #expect(res.status == .seeOther)
            let value = try #require(res.headers.setCookie?["betalt-session"]?.string)
            cookie.add(name: .cookie, value: "betalt-session=\(value)")
        })
        return cookie
    }

    func get(_ path: String, headers: HTTPHeaders) async throws -> (HTTPStatus, String) {
        var result: (HTTPStatus, String) = (.internalServerError, "")
        try await app.testing().test(.GET, path, headers: headers) { res async in
            result = (res.status, res.body.string)
        }
        return result
    }
}
