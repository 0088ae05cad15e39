import BetaltCore
import BetaltTestSupport
import FluentKit
import Foundation
@testable import BetaltStore
import SQLKit
import Testing

@Suite("Reasons kept by the keys of their words")
struct ReasonTextsTests {
    static let reasons = [
        Reason("fee \(Money(minorUnits: 3750, currency: .nok)) after \(isoDate("2026-05-01")) for \("step \"a\"")", citation: "inkf. § 1-2"),
        Reason("until \(isoDate("2026-06-01")): \(ReasonText("next step \(StepKind.reminder.name(in: .sweden)) in \(3) days"))"),
        Reason("a/b \"quoted\" æøå § 😀", citation: "IkL 5 §"),
    ]

    @Test("the run's acts name their words by key; the words are kept once and read back as the reasons were", arguments: TestEngine.allCases)
    func keptOnceReadBack(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { store in
            let sql = store.database as! any SQLDatabase
            var named = ReasonTexts.Named()
            let stored = String(decoding: ReasonsJSON.utf8(Self.reasons, naming: &named), as: UTF8.self)
            let texts = named.words
            #expect(!stored.contains("fee {1}") && !stored.contains("inkf.") && stored.contains(#""k":""#))
            #expect(stored.utf8.count < (try StableJSON.string(Self.reasons)).utf8.count)
            #expect(texts.count == 5, "three reasons, one nested and the step name nested in that, each its own words")
            // Kept twice (two batches, two processes): the second finds them there and changes nothing.
            try await ReasonTexts.write(texts, on: sql)
            try await ReasonTexts.write(texts, on: sql)
            let kept = try await sql.raw("SELECT COUNT(*) AS n FROM reason_texts").first()!.decode(column: "n", as: Int.self)
            #expect(kept == 5)

            let read = try await ReasonTexts.load(for: [stored], on: store.database)
            #expect(read.reasons(stored) == Self.reasons)
            // Words kept in the act itself, as before, read alike.
            let spelled = try StableJSON.string(Self.reasons)
            #expect(try await ReasonTexts.load(for: [spelled], on: store.database).reasons(spelled) == Self.reasons)
            // A key whose words are not kept, or text this version cannot read: shown as kept, never dropped.
            let unknown = #"[{"k":"00000000deadbeef"}]"#
            #expect(try await ReasonTexts.load(for: [unknown], on: store.database).reasons(unknown) == [Reason(ReasonText(verbatim: unknown))])
            #expect(read.reasons("not json") == [Reason(ReasonText(verbatim: "not json"))])
        }
    }

    @Test("a key is the same for the same words in every process, and differs with the citation")
    func stableKeys() {
        let words = ReasonTexts.Words(template: "fee {1} after {2}", citation: "inkf. § 1-2")
        #expect(ReasonTexts.key(words) == "ab1f92c54dc193ff", "the first 8 bytes of the SHA-256 of the template, a zero byte and the citation")
        #expect(ReasonTexts.key(words) == ReasonTexts.key(ReasonTexts.Words(template: "fee {1} after {2}", citation: "inkf. § 1-2")))
        #expect(ReasonTexts.key(words) != ReasonTexts.key(ReasonTexts.Words(template: "fee {1} after {2}", citation: nil)))
    }
}

private func isoDate(_ iso: String) -> CivilDate { try! CivilDate(iso: iso) }
