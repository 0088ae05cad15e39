/// When a ladder step comes due.
public enum StepTiming: Sendable, Codable, Hashable {
    /// Calendar days after the (business-day rolled) due date; negative means before it.
    case daysAfterDue(Int)
    /// Calendar days after the deadline given by the previous notice step has passed (0 = the day after it).
    case daysAfterPreviousDeadline(Int)
}

/// One rung of a follow-up ladder.
public struct LadderStep: Sendable, Codable, Hashable {
    /// A stable key, unique within the ladder ("nudge", "notice"): part of every act's idempotency key.
    public let id: String
    public let kind: StepKind
    public let timing: StepTiming
    /// Channels in order of preference; the first the debtor can lawfully be reached on is used.
    public let channels: [Channel]
    /// Whether the step asks for the statutory fee (refused by the planner where the law does not allow it).
    public let chargesFee: Bool
    /// Days the debtor is given to pay (or object), counted in plain calendar days from sending.
    public let deadlineDays: Int?

    public init(id: String, kind: StepKind, timing: StepTiming, channels: [Channel], chargesFee: Bool, deadlineDays: Int?) {
        self.id = id
        self.kind = kind
        self.timing = timing
        self.channels = channels
        self.chargesFee = chargesFee
        self.deadlineDays = deadlineDays
    }
}

/// Creditor choices that shape a ladder without changing its steps.
public struct LadderOptions: Sendable, Codable, Hashable {
    /// Below this open amount nothing is sent (the claim is only watched).
    public var minimumAmount: Money?
    /// At or above this open amount a call task comes before the collection notice.
    public var callTaskAtOrAbove: Money?
    /// Days before the collection notice that the call task comes.
    public var callTaskDaysBeforeNotice: Int
    /// Send all of a customer's claims at the same step in one notice, where the law allows it.
    public var groupPerCustomer: Bool
    /// Offer to waive the fee and interest if paid within this many days of a notice.
    public var waiverIfPaidWithinDays: Int?
    /// A customer with no late payment in this many months is a good payer: their first fee-bearing
    /// reminder goes without the fee (nil: no such goodwill).
    public var goodPayerMonths: Int?
    /// Tell the debtor, in writing, when their claim has gone to the agency.
    public var handoverNotice: Bool

    public init(
        minimumAmount: Money? = nil, callTaskAtOrAbove: Money? = nil, callTaskDaysBeforeNotice: Int = 3,
        groupPerCustomer: Bool = true, waiverIfPaidWithinDays: Int? = nil, goodPayerMonths: Int? = nil, handoverNotice: Bool = true
    ) {
        self.minimumAmount = minimumAmount
        self.callTaskAtOrAbove = callTaskAtOrAbove
        self.callTaskDaysBeforeNotice = callTaskDaysBeforeNotice
        self.groupPerCustomer = groupPerCustomer
        self.waiverIfPaidWithinDays = waiverIfPaidWithinDays
        self.goodPayerMonths = goodPayerMonths
        self.handoverNotice = handoverNotice
    }

    private enum CodingKeys: String, CodingKey {
        case minimumAmount, callTaskAtOrAbove, callTaskDaysBeforeNotice, groupPerCustomer, waiverIfPaidWithinDays, goodPayerMonths, handoverNotice
    }

    /// Ladders saved before an option existed read with its default.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            minimumAmount: try container.decodeIfPresent(Money.self, forKey: .minimumAmount),
            callTaskAtOrAbove: try container.decodeIfPresent(Money.self, forKey: .callTaskAtOrAbove),
            callTaskDaysBeforeNotice: try container.decodeIfPresent(Int.self, forKey: .callTaskDaysBeforeNotice) ?? 3,
            groupPerCustomer: try container.decodeIfPresent(Bool.self, forKey: .groupPerCustomer) ?? true,
            waiverIfPaidWithinDays: try container.decodeIfPresent(Int.self, forKey: .waiverIfPaidWithinDays),
            goodPayerMonths: try container.decodeIfPresent(Int.self, forKey: .goodPayerMonths),
            handoverNotice: try container.decodeIfPresent(Bool.self, forKey: .handoverNotice) ?? true
        )
    }
}

/// A creditor's follow-up policy for one country: the steps in order and the options.
public struct Ladder: Sendable, Codable, Hashable {
    public let id: String
    public let name: String
    public let country: Country
    public let steps: [LadderStep]
    public let options: LadderOptions

    public init(id: String, name: String, country: Country, steps: [LadderStep], options: LadderOptions = LadderOptions()) {
        self.id = id
        self.name = name
        self.country = country
        self.steps = steps
        self.options = options
    }

    public func step(_ id: String) -> LadderStep? { steps.first { $0.id == id } }
}
