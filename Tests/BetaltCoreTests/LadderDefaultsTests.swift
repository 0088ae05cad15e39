import BetaltCore
import Foundation
import Testing

/// The two built-in ladders, step by step, as issue 3 describes them.
@Suite struct LadderDefaultsTests {
    @Test func norway() {
        let ladder = Ladder.defaultNorway
        #expect(ladder.country == .norway)
        #expect(ladder.steps == [
            LadderStep(id: "nudge", kind: .friendlyReminder, timing: .daysAfterDue(3), channels: [.email, .letter],
                       chargesFee: false, deadlineDays: nil),
            LadderStep(id: "notice", kind: .collectionNotice, timing: .daysAfterDue(14),
                       channels: [.digitalMailbox, .email, .letter], chargesFee: true, deadlineDays: 14),
            LadderStep(id: "handover", kind: .handover, timing: .daysAfterPreviousDeadline(0), channels: [],
                       chargesFee: false, deadlineDays: nil),
        ])
        #expect(ladder.options == LadderOptions())
    }

    @Test func sweden() {
        let ladder = Ladder.defaultSweden
        #expect(ladder.country == .sweden)
        #expect(ladder.steps == [
            LadderStep(id: "reminder", kind: .reminder, timing: .daysAfterDue(7),
                       channels: [.digitalMailbox, .email, .letter], chargesFee: true, deadlineDays: 10),
            LadderStep(id: "notice", kind: .collectionNotice, timing: .daysAfterPreviousDeadline(0),
                       channels: [.digitalMailbox, .email, .letter], chargesFee: true, deadlineDays: 10),
            LadderStep(id: "handover", kind: .handover, timing: .daysAfterPreviousDeadline(0), channels: [],
                       chargesFee: false, deadlineDays: nil),
        ])
    }

    @Test(arguments: Country.allCases) func theDefaultForEachCountry(_ country: Country) {
        #expect(Ladder.defaultLadder(for: country).country == country)
        #expect(LadderValidator.violations(of: .defaultLadder(for: country), rulebook: .for(country), on: day("2026-11-22")).isEmpty)
    }

    @Test(arguments: Country.allCases) func aLadderSurvivesStorageAsJSON(_ country: Country) throws {
        let ladder = Ladder.defaultLadder(for: country)
        let decoded = try JSONDecoder().decode(Ladder.self, from: try JSONEncoder().encode(ladder))
        #expect(decoded == ladder)
    }
}
