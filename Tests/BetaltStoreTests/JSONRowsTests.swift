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
        rows.append(.text(""), .integer(Int64.max), .boolean(false), .optional(nil as String?))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(rows.text.utf8)) as? [[Any]])
        #expect(rows.count == 2)
        #expect(parsed[0][0] as? String == awkward)
        #expect((parsed[0][1] as? NSNumber)?.int64Value == -12)
        #expect(parsed[0][2] as? Bool == true)
        #expect(parsed[0][3] is NSNull)
        #expect((parsed[1][1] as? NSNumber)?.int64Value == Int64.max)
    }

    @Test("ids are written as uuidString writes them and numbers whole, the smallest and largest too")
    func idsAndNumbers() throws {
        var rows = JSONRows()
        let ids = (0..<50).map { _ in UUID() }
        let numbers: [Int64] = [0, 7, -7, 10, -1_000_000_007, 123_456_789_012_345, Int64.min, Int64.max]
        for (index, id) in ids.enumerated() {
            rows.append(.uuid(id), .integer(numbers[index % numbers.count]), .optional(index.isMultiple(of: 2) ? id : nil))
        }
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(rows.text.utf8)) as? [[Any]])
        for (index, id) in ids.enumerated() {
            #expect(parsed[index][0] as? String == id.uuidString)
            #expect((parsed[index][1] as? NSNumber)?.int64Value == numbers[index % numbers.count])
            #expect(index.isMultiple(of: 2) ? parsed[index][2] as? String == id.uuidString : parsed[index][2] is NSNull)
        }
    }

    @Test("every ASCII character, and letters beyond, are escaped exactly as JSONEncoder escapes them; bytes too")
    func escapesLikeJSONEncoder() throws {
        let texts = (0..<128).map { String(UnicodeScalar(UInt8($0))) } + ["a/b\\c\"d", "æøå 😀 «»", (0..<128).map { String(UnicodeScalar(UInt8($0))) }.joined()]
        for text in texts {
            var bytes: [UInt8] = []
            JSONString.append(text, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == String(decoding: try JSONEncoder().encode(text), as: UTF8.self), "\(Array(text.utf8))")
            var fromBytes: [UInt8] = []
            Array(text.utf8).withUnsafeBufferPointer { JSONString.append(utf8: $0, to: &fromBytes) }
            #expect(fromBytes == bytes)
        }
        var rows = JSONRows()
        rows.append(.utf8(Array("[{\"text\":\"a/b\"}]".utf8)), .text("x"))
        #expect(rows.text == #"[["[{\"text\":\"a\/b\"}]","x"]]"#)
    }

    @Test("rows finished ahead of their statement give the same text and count")
    func finished() {
        var rows = JSONRows()
        rows.append(.text("a"), .integer(1))
        rows.append(.null, .boolean(false))
        let before = rows.text
        rows.finish()
        rows.finish()
        #expect(rows.text == before)
        #expect(rows.text == #"[["a",1],[null,false]]"#)
        #expect(rows.count == 2)
        var empty = JSONRows()
        empty.finish()
        #expect(empty.text == "[]")
    }

    @Test("an empty batch is an empty array")
    func empty() {
        #expect(JSONRows().text == "[]")
    }
}
