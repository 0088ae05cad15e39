import BetaltCore
import Foundation
@testable import BetaltStore
import Testing

@Suite("An act's reasons as JSON")
struct ReasonsJSONTests {
    @Test("the hand-written text is byte for byte StableJSON's, escapes and all", arguments: [
        [Reason("fee 35.00 NOK after 2026-05-01", citation: "inkl. § 9 (2)"), Reason("no citation")],
        [Reason("a/b \"quoted\" \\ back\nline\r\t\u{08}\u{0C}\u{01}\u{1F}\u{7F} æøå § \u{2028} 😀", citation: "IkL 5 §")],
        [],
        [
            Reason("fee \(Money(minorUnits: 3750, currency: .nok)) after \(isoDate("2026-05-01")) for \("step \"a\"")", citation: "inkf. § 1-2"),
            Reason("until \(isoDate("2026-06-01")): \(ReasonText("next step \(StepKind.reminder.name(in: .sweden)) in \(3) days"))"),
        ],
    ])
    func sameAsEncoder(reasons: [Reason]) throws {
        #expect(String(decoding: ReasonsJSON.utf8(reasons), as: UTF8.self) == (try StableJSON.string(reasons)))
    }

    @Test("a reason's arguments alone are StableJSON's too, and read back as they were")
    func arguments() throws {
        let reason = Reason("\(Money(minorUnits: -12, currency: .sek)) on \(isoDate("2026-11-24")) (\(StepKind.callTask.name(in: .norway)))")
        let json = String(decoding: ReasonsJSON.utf8(reason.message.arguments), as: UTF8.self)
        #expect(json == (try StableJSON.string(reason.message.arguments)))
        #expect(json == #"["m:-12 SEK","d:2026-11-24",{"text":"call task"}]"#)
        #expect(try JSONDecoder().decode([ReasonArgument].self, from: Data(json.utf8)) == reason.message.arguments)
    }
}

private func isoDate(_ iso: String) -> CivilDate { try! CivilDate(iso: iso) }
