@testable import BetaltCore
import Foundation
import Testing

/// A reason's words as a template with values: the English text is what it always was, the values are kept
/// apart, and a translated template is filled with them written the reader's way.
@Suite struct ReasonTextTests {
    let fee = Money(minorUnits: 3750, currency: .nok)
    let due = day("2026-01-19")

    @Test func theInterpolationsBecomeNumberedPlacesAndTheEnglishIsUnchanged() {
        let text: ReasonText = "purregebyr \(fee): sent \(14) days after the due date \(due)"
        #expect(text.template == "purregebyr {1}: sent {2} days after the due date {3}")
        #expect(text.arguments == [.money(fee), .text("14"), .date(due)])
        #expect(text.description == "purregebyr 37.50 NOK: sent 14 days after the due date 2026-01-19")
    }

    @Test func aTranslationIsFilledWithDatesAndAmountsAsTheLanguageWritesThem() {
        let text: ReasonText = "purregebyr \(fee) after \(due)"
        let norwegian = text.text(in: .nb) { $0 == "purregebyr {1} after {2}" ? "purregebyr {1} etter {2}" : nil }
        #expect(norwegian == "purregebyr 37,50\u{00A0}kr etter 19.01.2026")
        // Places may change order, and a template without a translation stays English with local values.
        #expect(text.text(in: .sv) { _ in "efter {2}: {1}" } == "efter 2026-01-19: 37,50\u{00A0}NOK")
        #expect(text.text(in: .nb) { _ in nil } == "purregebyr 37,50\u{00A0}kr after 19.01.2026")
    }

    @Test func aNestedReasonIsTranslatedOnItsOwn() {
        let name = StepKind.friendlyReminder.name(in: .norway)
        let text: ReasonText = "next step (\(name)) on \(due)"
        #expect(text.description == "next step (friendly reminder) on 2026-01-19")
        let words = ["next step ({1}) on {2}": "neste steg ({1}) den {2}", "friendly reminder": "vennlig påminnelse"]
        #expect(text.text(in: .nb) { words[$0] } == "neste steg (vennlig påminnelse) den 19.01.2026")
    }

    @Test func joinedReasonsNumberTheSecondsPlacesOnFromTheFirsts() {
        let joined = ReasonText("deadline \(due): \(14) days") + ReasonText("; nothing before \(day("2026-01-20"))")
        #expect(joined.template == "deadline {1}: {2} days; nothing before {3}")
        #expect(joined.description == "deadline 2026-01-19: 14 days; nothing before 2026-01-20")
    }

    @Test func aRulebookErrorAndAHalfYearAreReasonsOfTheirOwn() {
        let error = RuleLookupError.afterLastPeriod(parameter: "NO forsinkelsesrente", date: day("2026-07-01"), lastKnown: day("2026-06-30"))
        let text: ReasonText = "the rate for \(HalfYear(containing: day("2026-07-01"))) (\(error))"
        #expect(text.description == "the rate for 2026 H2 (no known NO forsinkelsesrente on 2026-07-01: the last known period ended"
            + " 2026-06-30; add the new value to the rulebook)")
        #expect(text.arguments == [.reason(HalfYear(containing: day("2026-07-01")).name), .reason(error.reason)])
        let anyError: any Error = error
        let viaAnyError: ReasonText = "\(anyError)"
        #expect(viaAnyError.arguments == [.reason(error.reason)])
        let words = ["{1} H2": "2. halvår {1}"]
        #expect(ReasonText("\(HalfYear(containing: day("2026-07-01")))").text(in: .nb) { words[$0] } == "2. halvår 2026")
    }

    @Test func textMadeElsewhereIsShownAsItIsEvenWithBraces() {
        let note = ReasonText(verbatim: "customer said {1} and {x}")
        #expect(note.description == "customer said {1} and {x}")
        let text: ReasonText = "a {2} stray and \(fee) {9}"
        #expect(text.description == "a {2} stray and 37.50 NOK {9}")
    }

    @Test func aReasonIsKeptAsTextArgumentsAndCitationAndReadBack() throws {
        let reason = Reason("handover on \(due), once the \(StepKind.collectionNotice.name(in: .norway)) deadline has passed",
                            citation: "inkl. § 9")
        let json = String(decoding: try Self.encoder.encode(reason), as: UTF8.self)
        #expect(json == #"{"arguments":["d:2026-01-19",{"text":"inkassovarsel"}],"citation":"inkl. § 9","text":"handover on {1}, once the {2} deadline has passed"}"#)
        #expect(try JSONDecoder().decode(Reason.self, from: Data(json.utf8)) == reason)
    }

    @Test func aReasonKeptBeforeTemplatesReadsAsItsText() throws {
        let old = try JSONDecoder().decode(Reason.self, from: Data(#"{"citation":"inkl. § 9","text":"until 2026-01-19: wait"}"#.utf8))
        #expect(old.description == "until 2026-01-19: wait (inkl. § 9)")
        #expect(old.message.arguments.isEmpty)
    }

    @Test(arguments: [#"["x:1"]"#, #"["d:2026-02-30"]"#, #"["m:12"]"#, #"["m:12 XXX"]"#, #"["no tag"]"#])
    func aDamagedArgumentIsAnErrorNotAGuess(json: String) {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([ReasonArgument].self, from: Data(json.utf8)) }
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}
