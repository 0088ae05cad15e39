/// A step to take today, with everything the act needs and the rules it rests on.
public struct PlannedAct: Sendable, Hashable {
    public let step: LadderStep
    public let date: CivilDate
    public let channel: Channel?
    /// The statutory fee charged with this step (nil: none).
    public let fee: Money?
    /// B2B compensation charged with this step instead of fees (NO standardkompensasjon, SE förseningsersättning).
    public let compensation: Money?
    /// Late interest accrued and not yet charged, through `date` (nil: none, or the rate is unknown).
    public let interest: InterestCalculation?
    /// The deadline the notice gives (a plain calendar date, never rolled).
    public let deadline: CivilDate?
    /// Offer: fee and interest waived if paid by this date (nil: no offer).
    public let waiverIfPaidBy: CivilDate?
    /// What the notice asks for in total: the balance plus what this act charges.
    public let amountDue: Money
    /// Why, in plain words, each with the rule it applied (e.g. "fee allowed: 14 days after due — inkf. § 1-2 (2)").
    public let reasons: [Reason]
    /// The step asked for a fee and none is charged: why (also among `reasons`). Nil when the fee is charged
    /// or none was asked for. Lets the run report count refused fees.
    public let feeRefused: Reason?

    public init(
        step: LadderStep, date: CivilDate, channel: Channel?, fee: Money?, compensation: Money?,
        interest: InterestCalculation?, deadline: CivilDate?, waiverIfPaidBy: CivilDate?, amountDue: Money, reasons: [Reason],
        feeRefused: Reason? = nil
    ) {
        self.step = step
        self.date = date
        self.channel = channel
        self.fee = fee
        self.compensation = compensation
        self.interest = interest
        self.deadline = deadline
        self.waiverIfPaidBy = waiverIfPaidBy
        self.amountDue = amountDue
        self.reasons = reasons
        self.feeRefused = feeRefused
    }
}

/// A plain-language reason and the rule it cites (nil for a creditor's own choice, e.g. a ladder option).
public struct Reason: Sendable, Hashable, Codable, CustomStringConvertible {
    public let message: ReasonText
    public let citation: String?

    public init(_ message: ReasonText, citation: String? = nil) {
        self.message = message
        self.citation = citation
    }

    public init(_ message: ReasonText, _ citation: RuleCitation) {
        self.init(message, citation: citation.description)
    }

    /// The reason in English, without its citation.
    public var text: String { message.description }

    public var description: String { citation.map { "\(text) (\($0))" } ?? text }

    /// Kept as {"citation": …, "text": template, "arguments": [...]}: the message's keys beside the citation.
    enum CodingKeys: String, CodingKey { case citation }

    public init(from decoder: any Decoder) throws {
        message = try ReasonText(from: decoder)
        citation = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(String.self, forKey: .citation)
    }

    public func encode(to encoder: any Encoder) throws {
        try message.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(citation, forKey: .citation)
    }
}

/// What the planner decides for a claim on a day.
public enum Decision: Sendable, Hashable {
    /// Take this step now.
    case act(PlannedAct)
    /// Nothing today; look again on `until` (the reason says what is awaited).
    case wait(until: CivilDate, Reason)
    /// The ladder asks for something the law (or the claim's state) does not allow: not done, and why.
    case refuse(stepID: String, Reason)
    /// Collection is over or paused for good reason (paid, handed over, disputed in full, time-barred).
    case stop(Reason)
    /// A person must look at the claim (e.g. past limitation, debtor data missing for handover).
    case attention(Reason)
}

/// The planner's answer for one claim on one day, and when it next needs to be asked.
public struct Plan: Sendable, Hashable {
    public let claimID: String
    public let date: CivilDate
    public let decisions: [Decision]
    /// The first day something may change without new facts (nil: never, e.g. closed or handed over).
    public let nextActionDate: CivilDate?

    public init(claimID: String, date: CivilDate, decisions: [Decision], nextActionDate: CivilDate?) {
        self.claimID = claimID
        self.date = date
        self.decisions = decisions
        self.nextActionDate = nextActionDate
    }

    public var acts: [PlannedAct] {
        decisions.compactMap { if case .act(let act) = $0 { act } else { nil } }
    }
}
