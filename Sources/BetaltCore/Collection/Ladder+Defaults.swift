extension Ladder {
    /// Norway's default (issue 3; NORDIC-RULES §§ 1–2): a fee-free e-mail nudge 3 days after the due date;
    /// the inkassovarsel as the first and only formal reminder 14 days after it, with the purregebyr (the
    /// earliest day a fee is allowed, inkf. § 1-2 (2)) and the statutory minimum of 14 days (inkl. § 9 (2));
    /// the handover the first business day after that deadline (inkl. § 9 (1)), within the 6 months the
    /// planner checks. No chain of purringer: one notice, one fee, and the step it announces really happens.
    public static let defaultNorway = Ladder(
        id: "default-NO", name: "Standard (Norge)", country: .norway,
        steps: [
            LadderStep(id: "nudge", kind: .friendlyReminder, timing: .daysAfterDue(3),
                       channels: [.email, .letter], chargesFee: false, deadlineDays: nil),
            LadderStep(id: "notice", kind: .collectionNotice, timing: .daysAfterDue(14),
                       channels: formalChannels, chargesFee: true, deadlineDays: 14),
            LadderStep(id: "handover", kind: .handover, timing: .daysAfterPreviousDeadline(0),
                       channels: [], chargesFee: false, deadlineDays: nil),
        ])

    /// Sweden's default (issue 3; NORDIC-RULES §§ 9, 11): a påminnelse 7 days after the due date, with the
    /// påminnelseavgift where the invoice terms agreed it (IKL § 2; the planner checks) and 10 days to pay;
    /// the inkassokrav the day after that deadline with the inkassoavgift (IKL § 3 (1)) and 10 days to pay
    /// or object; the handover after its deadline.
    ///
    /// Why 10 days twice: a påminnelse is not a collection step (IkL 1 §) and has no statutory minimum, but
    /// it should leave time for a letter to arrive and a payment to clear before an inkassokrav follows; for
    /// the inkassokrav, god inkassosed asks for at least 8 days from sending and more when the post is slow
    /// (IMY, § 11.5), and letters now arrive every other weekday, so 10 leaves the debtor about 8 in hand.
    public static let defaultSweden = Ladder(
        id: "default-SE", name: "Standard (Sverige)", country: .sweden,
        steps: [
            LadderStep(id: "reminder", kind: .reminder, timing: .daysAfterDue(7),
                       channels: formalChannels, chargesFee: true, deadlineDays: 10),
            LadderStep(id: "notice", kind: .collectionNotice, timing: .daysAfterPreviousDeadline(0),
                       channels: formalChannels, chargesFee: true, deadlineDays: 10),
            LadderStep(id: "handover", kind: .handover, timing: .daysAfterPreviousDeadline(0),
                       channels: [], chargesFee: false, deadlineDays: nil),
        ])

    /// The built-in ladder for `country`.
    public static func defaultLadder(for country: Country) -> Ladder {
        switch country {
        case .norway: defaultNorway
        case .sweden: defaultSweden
        }
    }

    /// Formal notices: a digital mailbox or e-mail the debtor accepted, else a letter.
    private static let formalChannels: [Channel] = [.digitalMailbox, .email, .letter]
}
