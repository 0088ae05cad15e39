/// A step already taken on a claim, as the planner needs to know it.
public struct TakenStep: Sendable, Codable, Hashable {
    public let stepID: String
    public let kind: StepKind
    public let sentOn: CivilDate
    /// The deadline the notice gave (nil for steps that give none).
    public let deadline: CivilDate?
    /// The fee charged with it (nil when none).
    public let fee: Money?
    /// The B2B compensation charged with it (nil when none).
    public let compensation: Money?
    public let channel: Channel?

    public init(
        stepID: String, kind: StepKind, sentOn: CivilDate, deadline: CivilDate?, fee: Money?,
        compensation: Money? = nil, channel: Channel?
    ) {
        self.stepID = stepID
        self.kind = kind
        self.sentOn = sentOn
        self.deadline = deadline
        self.fee = fee
        self.compensation = compensation
        self.channel = channel
    }
}

/// A promise to pay that pauses the ladder until its date.
public struct PromiseFacts: Sendable, Codable, Hashable {
    public let payBy: CivilDate
    /// The whole amount promised, for every claim the promise covers.
    public let amount: Money
    /// The invoices the promise covers when it covers more than the one claim, in order; else empty.
    public let invoiceNumbers: [String]

    public init(payBy: CivilDate, amount: Money, invoiceNumbers: [String] = []) {
        self.payBy = payBy
        self.amount = amount
        self.invoiceNumbers = invoiceNumbers.count > 1 ? invoiceNumbers : []
    }

    /// The invoices as a reason names them, or nil for a promise about the one claim; a reason then says the amount is
    /// for them together, so a claim of 200 kr is not said to have 500 kr promised on it alone.
    var together: String? { invoiceNumbers.isEmpty ? nil : invoiceNumbers.joined(separator: ", ") }
}

/// Everything the planner may know about one claim on one day. Loaded by the store, never by the planner.
public struct ClaimFacts: Sendable, Hashable {
    public let claimID: String
    public let country: Country
    public let customerKind: CustomerKind
    public let issueDate: CivilDate
    /// The contractual due date as written on the invoice; the planner rolls it to a business day.
    public let dueDate: CivilDate
    /// The claim's balance by component now (principal, fees, interest, compensation).
    public let balances: ComponentBalances
    /// Interest already charged to the ledger runs through this day (nil: none charged yet).
    public let interestChargedThrough: CivilDate?
    /// SE: whether a påminnelseavgift was agreed when the debt arose (IKL § 2).
    public let reminderFeeAgreed: Bool
    /// Electronic channels the debtor accepted for notices (inkl. § 3 a); a letter is always possible.
    public let acceptedElectronicChannels: Set<Channel>
    /// Whether the debtor's postal address is known (needed for a letter).
    public let hasPostalAddress: Bool
    /// What keeps the debtor's identity from being complete enough for a handover, each as a reason names it, so a
    /// page shows it in its reader's language (empty: complete).
    public let missingDebtorData: [ReasonText]
    /// The ladder steps already taken, oldest first.
    public let history: [TakenStep]
    /// The part of the claim under an open dispute (zero: none).
    public let disputedAmount: Money
    /// An open promise to pay, if any.
    public let promise: PromiseFacts?
    /// Whether an active payment plan covers the claim and is being kept.
    public let onPaymentPlan: Bool
    /// Whether the claim is already with an agency.
    public let handedOver: Bool
    /// The customer's latest payment that came after its claim's (business-day) due date, on any claim
    /// (nil: none known). Decides whether they are a good payer (`LadderOptions.goodPayerMonths`).
    public let lastLatePayment: CivilDate?

    public init(
        claimID: String, country: Country, customerKind: CustomerKind, issueDate: CivilDate, dueDate: CivilDate,
        balances: ComponentBalances, interestChargedThrough: CivilDate? = nil, reminderFeeAgreed: Bool = false,
        acceptedElectronicChannels: Set<Channel> = [], hasPostalAddress: Bool = true, missingDebtorData: [ReasonText] = [],
        history: [TakenStep] = [], disputedAmount: Money? = nil, promise: PromiseFacts? = nil,
        onPaymentPlan: Bool = false, handedOver: Bool = false, lastLatePayment: CivilDate? = nil
    ) {
        self.claimID = claimID
        self.country = country
        self.customerKind = customerKind
        self.issueDate = issueDate
        self.dueDate = dueDate
        self.balances = balances
        self.interestChargedThrough = interestChargedThrough
        self.reminderFeeAgreed = reminderFeeAgreed
        self.acceptedElectronicChannels = acceptedElectronicChannels
        self.hasPostalAddress = hasPostalAddress
        self.missingDebtorData = missingDebtorData
        self.history = history
        self.disputedAmount = disputedAmount ?? .zero(balances.currency)
        self.promise = promise
        self.onPaymentPlan = onPaymentPlan
        self.handedOver = handedOver
        self.lastLatePayment = lastLatePayment
    }
}
