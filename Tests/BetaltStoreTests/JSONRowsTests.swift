@testable import BetaltStore
import Foundation
import Testing

@Suite("Bulk rows as JSON")
struct JSONRowsTests {
    @Test("texts with quotes, backslashes, control characters and non-ASCII letters read back exactly")
    func roundTrip() throws {
        var rows = JSONRows()
        let awkward = "«Kari» said \"pay\" \\ now\n\tand\u{01} æøå 😀"
        rows.append(.text(awkward), .integer(-12), .boolean(true), .null)
        rows.append(.text(""), .integer(Int64.max), .boolean(false), .optional(nil))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(rows.text.utf8)) as? [[Any]])
        #expect(rows.count == 2)
        #expect(parsed[0][0] as? String == awkward)
        #expect((parsed[0][1] as? NSNumber)?.int64Value == -12)
        #expect(parsed[0][2] as? Bool == true)
        #expect(parsed[0][3] is NSNull)
        #expect((parsed[1][1] as? NSNumber)?.int64Value == Int64.max)
    }

    @Test("an empty batch is an empty array")
    func empty() {
        #expect(JSONRows().text == "[]")
    }
}
