import BetaltCore

/// Everything a notice says, as domain values: the templates and the letter layout format it in the
/// debtor's language. Built by the delivery layer from the claims, the acts and the ledger.
public struct NoticeContent: Sendable, Hashable {
    public var kind: DocumentKind
    public var language: Language
    public var country: Country
    /// The day the notice is written and sent.
    public var date: CivilDate
    public var creditor: NoticeCreditor
    public var debtor: NoticeDebtor
    /// The claims the notice concerns (several when a customer's claims go in one notice).
    public var claims: [NoticeClaimLine]
    /// The day by which to pay (or object); nil for documents that set none.
    public var deadline: CivilDate?
    /// KID/OCR covering the whole amount asked for.
    public var paymentReference: String?
    /// What the ladder will really do if the deadline passes.
    public var nextStep: NoticeNextStep
    /// Fee and interest waived if the principal is paid by this date.
    public var waiverIfPaidBy: CivilDate?
    /// The debtor's private page (pay, promise, ask for a plan, object).
    public var debtorPageLink: String?
    public var promise: NoticePromise?
    public var plan: NoticePlan?
    /// A missed plan payment the reminder asks for.
    public var planArrears: NoticePlanArrears?
    public var dispute: NoticeDispute?
    /// The agency a claim is handed to (handover notice).
    public var agencyName: String?
    /// Whether a reminder about these claims went out before this notice (the text may refer to it).
    public var reminded = false

    public init(
        kind: DocumentKind, language: Language, country: Country, date: CivilDate, creditor: NoticeCreditor,
        debtor: NoticeDebtor, claims: [NoticeClaimLine], deadline: CivilDate?, paymentReference: String?,
        nextStep: NoticeNextStep, waiverIfPaidBy: CivilDate? = nil, debtorPageLink: String? = nil,
        promise: NoticePromise? = nil, plan: NoticePlan? = nil, dispute: NoticeDispute? = nil, agencyName: String? = nil
    ) {
        self.kind = kind
        self.language = language
        self.country = country
        self.date = date
        self.creditor = creditor
        self.debtor = debtor
        self.claims = claims
        self.deadline = deadline
        self.paymentReference = paymentReference
        self.nextStep = nextStep
        self.waiverIfPaidBy = waiverIfPaidBy
        self.debtorPageLink = debtorPageLink
        self.promise = promise
        self.plan = plan
        self.dispute = dispute
        self.agencyName = agencyName
    }

    /// The sum of every open amount of every claim, less what is disputed: what the notice asks for.
    public var total: Money { sum(\.total) }
    public var disputed: Money { sum(\.disputed) }
    public var principal: Money { sum(\.principal) }
    public var fees: Money { sum(\.fees) }
    public var compensation: Money { sum(\.compensation) }
    public var interest: Money { sum(\.interest) }
    public var currency: Currency { claims.first?.principal.currency ?? country.currency }

    /// Lines share the notice's currency (one notice never mixes currencies), so minor units add directly.
    private func sum(_ amount: KeyPath<NoticeClaimLine, Money>) -> Money {
        Money(minorUnits: claims.reduce(0) { $0 + $1[keyPath: amount].minorUnits }, currency: currency)
    }
}

/// The creditor as the debtor sees it on a notice.
public struct NoticeCreditor: Sendable, Hashable {
    public var name: String
    public var organisationNumber: String
    public var addressLines: [String]
    public var email: String?
    public var phone: String?
    /// The account to pay to (NO kontonummer, SE bankgiro).
    public var bankAccount: String

    public init(name: String, organisationNumber: String, addressLines: [String], email: String?, phone: String?, bankAccount: String) {
        self.name = name
        self.organisationNumber = organisationNumber
        self.addressLines = addressLines
        self.email = email
        self.phone = phone
        self.bankAccount = bankAccount
    }
}

/// The debtor as addressed on a notice.
public struct NoticeDebtor: Sendable, Hashable {
    public var name: String
    public var customerNumber: String
    public var kind: CustomerKind
    public var addressLines: [String]

    public init(name: String, customerNumber: String, kind: CustomerKind, addressLines: [String]) {
        self.name = name
        self.customerNumber = customerNumber
        self.kind = kind
        self.addressLines = addressLines
    }
}

/// One claim on a notice, its open amounts shown separately as the law asks (inkl. § 9, IkL 5 §).
public struct NoticeClaimLine: Sendable, Hashable {
    public var invoiceNumber: String
    public var issueDate: CivilDate
    public var dueDate: CivilDate
    public var principal: Money
    public var fees: Money
    /// NO standardkompensasjon, SE förseningsersättning.
    public var compensation: Money
    public var interest: Money
    /// Interest runs from this day (the day after the business-day rolled due date).
    public var interestFrom: CivilDate
    /// The statutory rate on the notice's date; nil when the rulebook does not know it yet.
    public var interestRate: InterestRate?
    /// The open fees one by one, each with the step that charged it (IkL 5 §: costs shown separately);
    /// empty when only the total is known.
    public var feeItems: [NoticeFee] = []
    /// What open disputes cover of the claim: shown apart and left out of what the notice asks for, as nothing is
    /// collected on a disputed amount (inkl. § 8, IkL 4 §: god inkassoskikk / god inkassosed).
    public var disputed: Money

    public init(
        invoiceNumber: String, issueDate: CivilDate, dueDate: CivilDate, principal: Money, fees: Money,
        compensation: Money, interest: Money, interestFrom: CivilDate, interestRate: InterestRate?
    ) {
        self.invoiceNumber = invoiceNumber
        self.issueDate = issueDate
        self.dueDate = dueDate
        self.principal = principal
        self.fees = fees
        self.compensation = compensation
        self.interest = interest
        self.interestFrom = interestFrom
        self.interestRate = interestRate
        self.disputed = .zero(principal.currency)
    }

    public var total: Money {
        Money(
            minorUnits: principal.minorUnits + fees.minorUnits + compensation.minorUnits + interest.minorUnits - disputed.minorUnits,
            currency: principal.currency
        )
    }
}

/// One fee still open on a claim, and the step that charged it.
public struct NoticeFee: Sendable, Hashable {
    public var step: StepKind
    public var amount: Money

    public init(step: StepKind, amount: Money) {
        self.step = step
        self.amount = amount
    }

    /// The fees still open, oldest first: charged fees less what payments took, which takes the oldest first.
    public static func open(charged: [NoticeFee], openTotal: Money) -> [NoticeFee] {
        var paid = charged.reduce(0) { $0 + $1.amount.minorUnits } - openTotal.minorUnits
        var items: [NoticeFee] = []
        for fee in charged {
            let taken = min(max(paid, 0), fee.amount.minorUnits)
            paid -= taken
            let left = fee.amount.minorUnits - taken
            if left > 0 { items.append(NoticeFee(step: fee.step, amount: Money(minorUnits: left, currency: fee.amount.currency))) }
        }
        return items
    }
}

/// What comes after this notice if the deadline passes unpaid: only what the ladder will really do.
public enum NoticeNextStep: Sendable, Hashable {
    case reminder
    case collectionNotice
    case handover
    case callTask
    case nothing
}

/// A promise to pay, confirmed in writing.
public struct NoticePromise: Sendable, Hashable {
    public var date: CivilDate
    public var amount: Money

    public init(date: CivilDate, amount: Money) {
        self.date = date
        self.amount = amount
    }
}

/// A payment plan's terms.
public struct NoticePlan: Sendable, Hashable {
    public var downPayment: Money?
    public var downPaymentDate: CivilDate?
    public var downPaymentReference: String?
    public var instalments: [NoticeInstalment]
    /// SE: the statutory plan fee where allowed (IKL § 3 (2)).
    public var fee: Money?
    /// The day the debtor accepted the plan; nil while it waits for their acceptance.
    public var acceptedOn: CivilDate?

    public init(
        downPayment: Money?, downPaymentDate: CivilDate?, downPaymentReference: String? = nil, instalments: [NoticeInstalment],
        fee: Money?, acceptedOn: CivilDate? = nil
    ) {
        self.downPayment = downPayment
        self.downPaymentDate = downPaymentDate
        self.downPaymentReference = downPaymentReference
        self.instalments = instalments
        self.fee = fee
        self.acceptedOn = acceptedOn
    }
}

/// The plan payment a reminder is about and what is in arrears.
public struct NoticePlanArrears: Sendable, Hashable {
    /// 0 for the down payment, else the instalment's number.
    public var number: Int
    public var date: CivilDate
    public var amount: Money
    /// What is owed under the plan by now; the slip asks for it with the missed payment's reference.
    public var arrears: Money
    public var reference: String

    public init(number: Int, date: CivilDate, amount: Money, arrears: Money, reference: String) {
        self.number = number
        self.date = date
        self.amount = amount
        self.arrears = arrears
        self.reference = reference
    }
}

/// One instalment of a plan, with its own KID/OCR.
public struct NoticeInstalment: Sendable, Hashable {
    public var date: CivilDate
    public var amount: Money
    public var reference: String

    public init(date: CivilDate, amount: Money, reference: String) {
        self.date = date
        self.amount = amount
        self.reference = reference
    }
}

/// A dispute as acknowledged or decided.
public struct NoticeDispute: Sendable, Hashable {
    public var raisedOn: CivilDate
    public var amount: Money
    public var reason: String
    /// Nil while open (acknowledgement); true accepted, false rejected (decision).
    public var accepted: Bool?
    public var explanation: String?

    public init(raisedOn: CivilDate, amount: Money, reason: String, accepted: Bool?, explanation: String?) {
        self.raisedOn = raisedOn
        self.amount = amount
        self.reason = reason
        self.accepted = accepted
        self.explanation = explanation
    }
}
