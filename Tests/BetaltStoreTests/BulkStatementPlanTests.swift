@testable import BetaltStore
import BetaltTestSupport
import Foundation
import SQLKit
import Testing

@Suite("Bulk statements as PostgreSQL plans them")
struct BulkStatementPlanTests {
    @Test("PostgreSQL is told how many rows a batch holds, where it would guess 100 for any set-returning function",
          arguments: [TestEngine.postgres])
    func rowCountKnownToThePlanner(engine: TestEngine) async throws {
        // SQLite plans these statements by the order they are written in: PostgreSQL only.
        try await TestDatabase.with(engine) { store in
            let sql = store.database as! any SQLDatabase
            var rows = JSONRows()
            for number in 0..<1234 { rows.append(.uuid(UUID()), .integer(Int64(number))) }
            rows.finish()
            let relation = BulkStatement.relation(rows, [BulkColumn("id", .uuid), BulkColumn("n", .bigint)], on: sql)
            let explained = try #require(try await sql.raw("EXPLAIN (FORMAT JSON) SELECT v.id FROM \(relation) AS v").first())
            let plan = try JSONSerialization.jsonObject(with: Data(try explained.decode(column: "QUERY PLAN", as: String.self).utf8))
            let estimate = ((plan as? [[String: Any]])?.first?["Plan"] as? [String: Any])?["Plan Rows"] as? Int
            #expect(estimate == 1234)
            let read = try #require(try await sql.raw("SELECT COUNT(*) AS c, MIN(v.n) AS lo, MAX(v.n) AS hi FROM \(relation) AS v").first())
            #expect(try read.decode(column: "c", as: Int.self) == 1234)
            #expect(try read.decode(column: "lo", as: Int.self) == 0 && read.decode(column: "hi", as: Int.self) == 1233)
        }
    }
}
