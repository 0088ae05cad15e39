@testable import BetaltStore
import BetaltTestSupport
import Foundation
import SQLKit
import Testing

@Suite("Rows read back as one JSON text")
struct JSONRowsReaderTests {
    @Test("texts with quotes, backslashes, control characters, escapes and non-ASCII letters read exactly")
    func awkwardTexts() throws {
        let rows = try JSONRowsReader(#"""
            [[ "«Kari» said \"pay\" \\ now\n\tand\u0001 æøå \ud83d\ude00", -12, true, null ],
             ["", 9223372036854775807, false, 0]]
            """#).rows
        #expect(rows.count == 2)
        #expect(try rows[0].text(0) == "«Kari» said \"pay\" \\ now\n\tand\u{01} æøå 😀")
        #expect(try rows[0].integer(1) == -12)
        #expect(try rows[0].boolean(2))
        #expect(try rows[0].optionalText(3) == nil)
        #expect(try rows[1].integer(1) == Int64.max)
        #expect(try !rows[1].boolean(2))
        #expect(try !rows[1].boolean(3), "SQLite's booleans are 0 and 1")
        // A value of the wrong kind is named in the error as the JSON has it.
        func reason(_ read: () throws -> Any) -> String? {
            do { _ = try read(); return nil } catch let error as UnreadableRows { return error.reason } catch { return nil }
        }
        #expect(reason { try rows[0].text(1) } == "column 1 is not text: -12")
        #expect(reason { try rows[1].integer(0) } == "column 0 is not an integer: \"\"")
        #expect(reason { try rows[0].boolean(0) }?.hasPrefix("column 0 is not a boolean: \"«Kari» said \"pay\"") == true)
        #expect(reason { try rows[0].integer(4) } == "no column 4 in a row of 4")
    }

    @Test("no rows, and malformed text, are told apart")
    func emptyAndMalformed() throws {
        #expect(try JSONRowsReader("[]").rows.isEmpty)
        #expect(throws: UnreadableRows.self) { try JSONRowsReader("[[1, 2]") }
        #expect(throws: UnreadableRows.self) { try JSONRowsReader("[[1.5]]") }
    }

    @Test("a query's rows come back in order, with UUIDs as UUID.uuidString writes them", arguments: TestEngine.allCases)
    func fromTheDatabase(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let sql = store.database as! any SQLDatabase
            let id = UUID()
            var input = JSONRows()
            input.append(.text(id.uuidString), .text("b \"quoted\"\næ"), .integer(2), .boolean(true))
            input.append(.text(UUID().uuidString), .text("a"), .integer(1), .boolean(false))
            let source = BulkStatement.relation(
                input, [BulkColumn("id", .uuid), BulkColumn("name"), BulkColumn("n", .bigint), BulkColumn("flag", .boolean)], on: sql
            )
            let rows = try await BulkStatement.rows(["v.id", "v.name", "v.n", "v.flag"], orderBy: "v.n DESC", "FROM \(source) AS v", on: sql)
            #expect(rows.count == 2)
            #expect(try rows[0].uuidText(0) == id.uuidString)
            #expect(try rows[0].uuid(0) == id)
            #expect(try rows[0].text(1) == "b \"quoted\"\næ")
            #expect(try rows[1].integer(2) == 1)
            let none = try await BulkStatement.rows(["v.id"], "FROM \(source) AS v WHERE v.n > 5", on: sql)
            #expect(none.isEmpty)
        }
    }
}
