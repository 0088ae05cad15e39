/// An open claim a payment might be for, as the store found it.
public struct MatchCandidate: Sendable, Hashable {
    public let claimID: String
    public let invoiceNumber: String
    public let paymentReference: String?
    public let dueDate: CivilDate
    public let balances: ComponentBalances
    /// The last day of a notice's offer to waive the fee and interest if the rest is paid (`WaiverOffer`); nil if none.
    public let waiverOfferUntil: CivilDate?
    /// What open disputes cover: a notice leaves it out of what it asks for, so the waiver offer does not ask for it.
    public let disputed: Money

    public init(
        claimID: String, invoiceNumber: String, paymentReference: String?, dueDate: CivilDate, balances: ComponentBalances,
        waiverOfferUntil: CivilDate? = nil, disputed: Money? = nil
    ) {
        self.claimID = claimID
        self.invoiceNumber = invoiceNumber
        self.paymentReference = paymentReference
        self.dueDate = dueDate
        self.balances = balances
        self.waiverOfferUntil = waiverOfferUntil
        self.disputed = disputed ?? Money(minorUnits: 0, currency: balances.currency)
    }

    /// The same claim with other balances (after a payment took from them).
    public func with(balances: ComponentBalances) -> MatchCandidate {
        MatchCandidate(
            claimID: claimID, invoiceNumber: invoiceNumber, paymentReference: paymentReference, dueDate: dueDate, balances: balances,
            waiverOfferUntil: waiverOfferUntil, disputed: disputed
        )
    }

    /// Whether a payment made on `date` is in time for the notice's waiver offer.
    public func offerStands(on date: CivilDate?) -> Bool {
        guard let date, let until = waiverOfferUntil else { return false }
        return date <= until
    }

    /// The principal the waiver offer asks for: what is open of it, less what is disputed (as the notice named it).
    public var principalAsked: Money {
        Money(minorUnits: max(balances.principal.minorUnits - disputed.minorUnits, 0), currency: balances.currency)
    }

    /// What paying the claim on `date` takes: the undisputed principal alone while the waiver offer stands, else all
    /// that is open.
    public func amountAsked(on date: CivilDate?) -> Money {
        offerStands(on: date) ? principalAsked : balances.total
    }
}

/// How a payment was tied to its claims, recorded so the automation can be audited.
public enum MatchMethod: String, Sendable, Codable, CaseIterable {
    /// The KID/OCR reference named the claim.
    case reference
    /// The payer named the invoice number and paid its open amount.
    case numberAndAmount
    /// Neither reference nor number, but the payer is the customer (by name or organisation number) and paid
    /// exactly the open amount of one claim, or of all their open claims.
    case amountAndPayer
    /// A person assigned it.
    case manual
}

/// What happens to an incoming payment.
public enum PaymentMatch: Sendable, Hashable {
    /// Paid to these claims, oldest due first, costs → interest → principal within each; any rest is the
    /// customer's credit (`allocation.overpayment`), never dropped.
    case matched(MatchMethod, AllocationAcrossClaims)
    /// Left for a person, with the reason and the invoice numbers that came close.
    case unmatched(Reason, suggestions: [String])
}

/// Ties a payment to claims with certainty or not at all (DESIGN.md §7): the reference first, then an
/// invoice number with the exact open amount, then the payer's identity with the exact open amount of one
/// claim (or of all the payer's claims); anything less certain goes to a person.
public enum PaymentMatcher {
    /// `byPayer`: the open claims of the one customer the payer is (empty when the payer is unknown or
    /// could be several customers).
    /// `paidOn`: the day the debtor paid, which decides whether a notice's waiver offer was kept (`WaiverOffer`).
    public static func match(
        amount: Money, paidOn: CivilDate? = nil, isReversal: Bool, byReference: [MatchCandidate], byNumber: [MatchCandidate],
        byPayer: [MatchCandidate] = []
    ) throws -> PaymentMatch {
        if isReversal {
            return .unmatched(Reason("a reversal or return takes money back: a person decides which claim it reopens"), suggestions: [])
        }
        guard amount.isPositive else {
            return .unmatched(Reason("the amount \(amount) is not a payment"), suggestions: [])
        }
        let openByReference = byReference.filter { !$0.balances.isSettled }
        if !openByReference.isEmpty {
            return .matched(.reference, try allocate(amount, to: openByReference, paidOn: paidOn))
        }
        if !byReference.isEmpty {
            return .unmatched(
                Reason("the reference names \(byReference.map(\.invoiceNumber).joined(separator: ", ")), already paid: a double payment to refund or keep as credit"),
                suggestions: byReference.map(\.invoiceNumber)
            )
        }
        let openByNumber = byNumber.filter { !$0.balances.isSettled }
        let total = openByNumber.reduce(Int64(0)) { $0 + $1.balances.total.minorUnits }
        // While a waiver offer stands, the principal alone is what the notice asked for.
        let asked = openByNumber.reduce(Int64(0)) { $0 + $1.amountAsked(on: paidOn).minorUnits }
        if !openByNumber.isEmpty, total == amount.minorUnits || asked == amount.minorUnits {
            return .matched(.numberAndAmount, try allocate(amount, to: openByNumber, paidOn: paidOn))
        }
        if !openByNumber.isEmpty {
            return .unmatched(
                Reason("the payer named \(openByNumber.map(\.invoiceNumber).joined(separator: ", ")) but paid \(amount), not the open \(Money(minorUnits: total, currency: amount.currency))"),
                suggestions: openByNumber.map(\.invoiceNumber)
            )
        }
        let openByPayer = byPayer.filter { !$0.balances.isSettled }
        let exactly = openByPayer.filter { [$0.balances.total, $0.amountAsked(on: paidOn)].contains(amount) }
        if exactly.count == 1 {
            return .matched(.amountAndPayer, try allocate(amount, to: exactly, paidOn: paidOn))
        }
        let payerTotal = openByPayer.reduce(Int64(0)) { $0 + $1.balances.total.minorUnits }
        let payerAsked = openByPayer.reduce(Int64(0)) { $0 + $1.amountAsked(on: paidOn).minorUnits }
        if exactly.isEmpty, !openByPayer.isEmpty, payerTotal == amount.minorUnits || payerAsked == amount.minorUnits {
            return .matched(.amountAndPayer, try allocate(amount, to: openByPayer, paidOn: paidOn))
        }
        if !openByPayer.isEmpty {
            let why = exactly.count > 1
                ? Reason("the payer is a known customer and \(exactly.count) of their claims are open for exactly \(amount): which one is not certain")
                : Reason("the payer is a known customer, but \(amount) is neither the open amount of one of their claims nor of all of them")
            return .unmatched(why, suggestions: openByPayer.map(\.invoiceNumber))
        }
        return .unmatched(Reason("no reference or invoice number in the payment names an open claim"), suggestions: [])
    }

    /// Spreads `amount`, paid on `paidOn`, over the claims, oldest due first: kept waiver offers first
    /// (`WaiverOffer`), else costs → interest → principal within each. Also for a payment a person assigns, or
    /// credit used on a claim.
    public static func allocate(_ amount: Money, to candidates: [MatchCandidate], paidOn: CivilDate?) throws -> AllocationAcrossClaims {
        let ordered = candidates.sorted { ($0.dueDate, $0.invoiceNumber) < ($1.dueDate, $1.invoiceNumber) }
        if let paidOn, ordered.contains(where: { $0.offerStands(on: paidOn) }) {
            return try WaiverOffer.allocate(amount, across: ordered, paidOn: paidOn)
        }
        return try PaymentAllocator.allocate(amount, across: ordered.map { (id: $0.claimID, balances: $0.balances) })
    }
}
