import BetaltCore
@testable import BetaltServer
import BetaltTestSupport
import Testing
import VaporTesting

@Suite("A rate the rulebook does not have yet")
struct RulebookWarningTests {
    @Test("a half-year without a late-interest rate is named in the page's language; a known one is not")
    func namedOnlyWhenMissing() throws {
        #expect(RulebookWarning.lateInterest(.norway, on: try CivilDate(2026, 6, 22), language: .nb) == nil)
        #expect(RulebookWarning.lateInterest(.sweden, on: try CivilDate(2026, 1, 1), language: .sv) == nil)
        #expect(RulebookWarning.lateInterest(.sweden, on: try CivilDate(2026, 7, 1), language: .sv)
            == "Dröjsmålsräntan för andra halvåret 2026 finns inte i Betalts regelbok ännu. Ränta beräknas inte för perioden förrän satsen har lagts in med källa.")
    }

    @Test("every creditor page says so at its top while the rate is missing", arguments: [TestEngine.sqlite])
    func shownOnCreditorPages(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let cookie = try await test.logIn()
            let creditor = test.ledger.creditors[0]
            for path in ["/creditors/\(creditor.id)", "/creditors/\(creditor.id)/runs"] {
                let (status, page) = try await test.get(path, headers: cookie)
                #expect(status == .ok && page.contains("id=\"rule-warning\""))
                #expect(page.contains("Forsinkelsesrenten for 2. halvår 2026 er ikke lagt inn i Betalts regelbok ennå."), "\(path)")
            }
        }
    }
}
