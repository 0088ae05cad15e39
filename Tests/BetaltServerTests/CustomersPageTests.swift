import BetaltCore
import BetaltStore
import BetaltTestSupport
import Fluent
import Foundation
import Testing
import VaporTesting

@Suite("The customer list")
struct CustomersPageTests {
    @Test("the creditor's customers are searched, sorted by what they owe and paginated on the server; another creditor's stay apart",
          arguments: TestEngine.allCases)
    func customerList(engine: TestEngine) async throws {
        try await TestApp.with(engine) { test in
            let cookie = try await test.logIn()
            let creditor = test.ledger.creditors[0]
            let path = "/creditors/\(creditor.id)/customers"
            let customers = try await CustomerRecord.query(on: test.app.db).filter(\.$creditorID == creditor.id).all()
            var (status, page) = try await test.get(path, headers: cookie)
            #expect(status == .ok && page.contains("id=\"customer-list\"") && page.contains("aria-current=\"page\">Kunder"))
            #expect(page.contains("\(customers.count) · Side 1 av \((customers.count + 49) / 50)"))
            let firstByName = try #require(customers.map(\.name).min())
            #expect(page.contains(">\(firstByName)</a>"))

            // The one who owes the most comes first when sorted by the open amount, with the sum of their open claims.
            let open = try await ClaimRecord.query(on: test.app.db).filter(\.$creditorID == creditor.id).filter(\.$stage != "closed").all()
            let owed = Dictionary(grouping: open, by: \.customerID).mapValues { $0.reduce(0) { $0 + $1.openMinor } }
            let (topID, topMinor) = try #require(owed.max { $0.value < $1.value })
            let top = try #require(customers.first { $0.id == topID })
            (_, page) = try await test.get("\(path)?sort=open&order=desc", headers: cookie)
            let firstRow = try #require(page.firstMatch(of: /<tbody>\s*<tr><td><a href="[^"]+">([^<]+)<\/a>.*?<td class="num">([^<]*)<\/td><td>/.dotMatchesNewlines()))
            #expect(String(firstRow.1) == top.name)
            #expect(String(firstRow.2) == Money(minorUnits: topMinor, currency: .nok).formatted(.nb))

            // Sorted by the oldest open due date, the longest-waiting comes first either way round of the others.
            let oldest = try #require(open.min { $0.dueDate < $1.dueDate })
            (status, page) = try await test.get("\(path)?sort=oldestDue&order=asc", headers: cookie)
            let earliest = try #require(page.firstMatch(of: /<tbody>\s*<tr><td><a href="[^"]+">([^<]+)<\/a>.*?<\/td><td>([^<]*)<\/td><\/tr>/.dotMatchesNewlines()))
            let earliestDue = try CivilDate(iso: oldest.dueDate).formatted(.nb)
            #expect(status == .ok && String(earliest.2) == earliestDue)
            (status, _) = try await test.get("\(path)?sort=oldestDue&order=desc", headers: cookie)
            #expect(status == .ok)

            // A search by customer number finds that customer alone.
            (_, page) = try await test.get("\(path)?q=\(top.customerNumber)", headers: cookie)
            #expect(page.contains("1 · Side 1 av 1") && page.contains(">\(top.name)</a>"))
            (_, page) = try await test.get("\(path)?q=ingen-slik-kunde", headers: cookie)
            #expect(page.contains("Ingen kunder passer."))

            if customers.count > 50 {
                (_, page) = try await test.get("\(path)?page=2", headers: cookie)
                #expect(page.contains("Side 2 av") && page.contains("rel=\"prev\""))
            }
            let stranger = try #require(try await CustomerRecord.query(on: test.app.db).filter(\.$creditorID != creditor.id).first())
            (_, page) = try await test.get("\(path)?q=\(stranger.customerNumber)", headers: cookie)
            #expect(!page.contains(stranger.id!.uuidString))
        }
    }
}
