import BetaltCore
@testable import BetaltStore
import Testing

@Suite("An act's reasons as JSON")
struct ReasonsJSONTests {
    @Test("the hand-written text is byte for byte StableJSON's, escapes and all", arguments: [
        [Reason("fee 35.00 NOK after 2026-05-01", citation: "inkl. § 9 (2)"), Reason("no citation")],
        [Reason("a/b \"quoted\" \\ back\nline\r\t\u{08}\u{0C}\u{01}\u{1F}\u{7F} æøå § \u{2028} 😀", citation: "IkL 5 §")],
        [],
    ])
    func sameAsEncoder(reasons: [Reason]) throws {
        #expect(String(decoding: ReasonsJSON.utf8(reasons), as: UTF8.self) == (try StableJSON.string(reasons)))
    }
}
