import BetaltCore
import Testing

/// A notice goes electronically only on a channel the debtor accepted (NO inkl. § 3 a; SE IkL 5 §, IMY),
/// else by letter, else a person must find a way.
@Suite struct PlannerChannelTests {
    static let rows: [Scenario] = [
        Scenario(name: "the nudge by e-mail the debtor accepted", facts: claim(accepted: [.email]), today: "2026-01-19",
                 expected: .act("nudge"), channel: .email, next: .on("2026-01-29")),
        Scenario(name: "the nudge by letter when no e-mail was accepted", today: "2026-01-19", expected: .act("nudge"),
                 channel: .letter, cites: "inkl. § 3 a", says: "email not used"),
        Scenario(name: "the inkassovarsel is not e-mailed without acceptance: it goes by letter",
                 facts: claim(history: [nudgeTaken]), today: "2026-01-29", expected: .act("notice"), fee: 3750,
                 deadline: "2026-02-12", channel: .letter, cites: "inkl. § 3 a",
                 says: "digitalMailbox and email not used: the debtor has not accepted them"),
        Scenario(name: "the inkassovarsel to the digital mailbox the debtor set up",
                 facts: claim(accepted: [.digitalMailbox, .email], history: [nudgeTaken]), today: "2026-01-29",
                 expected: .act("notice"), fee: 3750, deadline: "2026-02-12", channel: .digitalMailbox),
        Scenario(name: "the inkassovarsel by accepted e-mail without a postal address",
                 facts: claim(accepted: [.email], address: false, history: [nudgeTaken]), today: "2026-01-29",
                 expected: .act("notice"), fee: 3750, deadline: "2026-02-12", channel: .email),
        Scenario(name: "no address and no accepted channel: a person must look",
                 facts: claim(address: false, history: [nudgeTaken]), today: "2026-01-29", expected: .attention,
                 cites: "inkl. § 3 a", says: "no postal address", next: .never),
        Scenario(name: "a ladder naming only e-mail falls back to a letter",
                 facts: claim(history: [nudgeTaken]),
                 ladder: ladder(.norway, [
                     step("nudge", .friendlyReminder, .daysAfterDue(3)),
                     step("notice", .collectionNotice, .daysAfterDue(14), fee: true, deadline: 14, channels: [.email]),
                     step("handover", .handover, .daysAfterPreviousDeadline(0)),
                 ]),
                 today: "2026-01-29", expected: .act("notice"), fee: 3750, deadline: "2026-02-12", channel: .letter,
                 says: "email not used: the debtor has not accepted it for notices; sent by letter"),
        Scenario(name: "SE: the inkassokrav by letter without an accepted digital channel",
                 facts: claim(.sweden, history: [taken("reminder", .reminder, on: "2026-01-22", deadline: "2026-02-01", .sweden)]),
                 ladder: .defaultSweden, today: "2026-02-03", expected: .act("notice"), fee: 18_000, deadline: "2026-02-13",
                 channel: .letter, cites: "IkL 5 §", says: "not used"),
        Scenario(name: "SE: no address and no accepted channel: a person must look", facts: claim(.sweden, address: false),
                 ladder: .defaultSweden, today: "2026-01-22", expected: .attention, cites: "IkL 5 §"),
    ]

    @Test(arguments: rows) func scenario(_ row: Scenario) { check(row) }
}
