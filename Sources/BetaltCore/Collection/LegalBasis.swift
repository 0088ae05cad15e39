/// The rules the planner and the ladder validator cite that are not dated amounts in the rulebook: the
/// standards of conduct and form behind a decision. Tags as in NORDIC-RULES.md.
enum LegalBasis {
    /// Good collection practice: no pressure on what is disputed or deferred by agreement.
    static func goodPractice(_ country: Country) -> LegalRule {
        switch country {
        case .norway: goodPracticeNorway
        case .sweden: goodPracticeSweden
        }
    }

    /// A disputed amount is not collected; undisputed parts may be.
    static func dispute(_ country: Country) -> LegalRule {
        switch country {
        case .norway: disputeNorway
        case .sweden: disputeSweden
        }
    }

    /// A notice may go electronically only on a channel the debtor accepted.
    static func electronicNotice(_ country: Country) -> LegalRule {
        switch country {
        case .norway: electronicNorway
        case .sweden: electronicSweden
        }
    }

    /// Formal reminders and collection notices come after the due date.
    static func afterDueDate(_ kind: StepKind, _ country: Country) -> LegalRule {
        switch (kind, country) {
        case (.collectionNotice, .norway): noticeNorway
        case (_, .norway): purringNorway
        case (_, .sweden): afterDueSweden
        }
    }

    /// What the collection notice must say, and that its deadline must pass before a handover.
    static func collectionNotice(_ country: Country) -> LegalRule {
        switch country {
        case .norway: noticeNorway
        case .sweden: noticeSweden
        }
    }

    /// The B2B compensation replaces the statutory fees.
    static func compensationInsteadOfFees(_ country: Country) -> LegalRule {
        switch country {
        case .norway: compensationNettingNorway
        case .sweden: compensationInsteadSweden
        }
    }

    /// The rule that moves a due date off a weekend or holiday.
    static func dueDateRoll(_ country: Country) -> LegalRule {
        switch country {
        case .norway: dueDateRollNorway
        case .sweden: dueDateRollSweden
        }
    }

    static let goodPracticeNorway = LegalRule("inkl. § 8", .confirmed, note: "god inkassoskikk")
    static let goodPracticeSweden = LegalRule("IkL 4 §", .secondary, note: "god inkassosed (§ 11.2)")

    static let disputeNorway = LegalRule(
        "inkl. § 8; inkl. § 17 (2)", .confirmed,
        note: "collecting a disputed claim out of court can breach god inkassoskikk (NORDIC-RULES §§ 6.1–6.3)")
    static let disputeSweden = LegalRule(
        "IkL 4 §", .secondary,
        note: "god inkassosed: collection stops on a sakligt grundad invändning; undisputed parts may be pursued (§ 11.8)")

    static let electronicNorway = LegalRule(
        "inkl. § 3 a", .confirmed, .secondary,
        note: "Prop. 6 L (2016–2017): electronically only 'på betryggende måte', on a channel the debtor accepted (§ 1.7)")
    static let electronicSweden = LegalRule(
        "IkL 5 §", .confirmed,
        note: "written form; IMY 'Digitala inkassokrav': digital only with security and proof of delivery (§ 11.6)")

    static let noticeNorway = LegalRule(
        "inkl. § 9 (1)", .confirmed,
        note: "written notice after the due date that the claim goes to inkasso; its deadline must pass first (§ 1.1)")
    static let noticeSweden = LegalRule(
        "IkL 5 §", .confirmed,
        note: "inkassokrav in writing: creditor, basis, principal, interest and costs separately, time to pay or object (§ 11.3)")
    static let purringNorway = LegalRule(
        "inkf. § 1-2", .confirmed, .secondary,
        note: "a purring reminds of an overdue claim: any time after the due date, with a fee only from 14 days (§§ 2.2, 2.7)")
    static let afterDueSweden = LegalRule(
        "IKL § 2", .secondary, note: "the Act covers only steps taken after the due date (IMY, § 9.5)")

    static let noFeeAfterNoticeSweden = LegalRule(
        "IkL 4 §", .secondary, .uncertain,
        note: "god inkassosed: no cost beyond what is necessary; no påminnelseavgift after an inkassokrav is a judgment")
    static let reminderFeeAgreementSweden = LegalRule(
        "IKL § 2", .confirmed, note: "påminnelseavgift only if agreed at the latest when the debt arose (§ 9.1)")
    static let oneCollectionFeeSweden = LegalRule(
        "IKL §§ 3 (1), 4", .confirmed, .uncertain,
        note: "max 180 kr for an inkassokrav meeting IkL 5 §; one per claim is a judgment (§ 9.2)")

    static let compensationNettingNorway = LegalRule(
        "frl. § 3a; inkl. § 17", .secondary, .uncertain,
        note: "standardkompensasjon is deducted from collection costs;"
            + " that this covers the purregebyr is an interpretation (§§ 4.3, 17.7)")
    static let compensationInsteadSweden = LegalRule(
        "IKL § 4 a", .confirmed, .uncertain,
        note: "IMY: förseningsersättning 'i stället för' påminnelse- and inkassoavgift;"
            + " statutory netting wording not seen (§§ 9.6, 17.11)")

    static let dueDateRollNorway = LegalRule(
        "gjeldsbrevloven § 5", .confirmed, .uncertain,
        note: "a due date on a Saturday, Sunday, holiday, 1 or 17 May moves to the next working day; for invoices by analogy (§ 8.1)")
    static let dueDateRollSweden = LegalRule(
        "lag (1930:173) 2 §", .confirmed, .uncertain,
        note: "statutory last days move to the next weekday; for contractual due dates bank practice (§ 14.6)")
}

/// A rule the planner cites, with its citation text worked out once rather than for every claim.
struct LegalRule: Sendable {
    let citation: RuleCitation
    let text: String

    init(_ text: String, _ tags: SourceTag..., note: String) {
        self.citation = RuleCitation(text, tags: tags, note: note)
        self.text = citation.description
    }
}

extension Reason {
    init(_ text: ReasonText, _ rule: LegalRule) {
        self.init(text, citation: rule.text)
    }
}
