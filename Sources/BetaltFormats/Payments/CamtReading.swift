import BetaltCore

/// A camt file as read: its incoming payments, and what was left out with why, so an import can say so.
public struct CamtReading: Sendable, Equatable {
    public var file: PaymentFile
    /// Entries and transactions that are not money a payer sent (or took back), in file order.
    public var skipped: [CamtSkippedTransaction]

    public init(file: PaymentFile, skipped: [CamtSkippedTransaction]) {
        self.file = file
        self.skipped = skipped
    }
}

/// A camt entry or transaction that is not an incoming payment.
public struct CamtSkippedTransaction: Sendable, Equatable {
    public var reason: CamtSkipReason
    /// Its own amount; nil when it states none (a batch entry's transaction without `Amt`).
    public var amount: Money?
    /// The XPath of the `TxDtls`, or of the `Ntry` when it has no transaction details.
    public var source: FormatError.Location

    public init(reason: CamtSkipReason, amount: Money?, source: FormatError.Location) {
        self.reason = reason
        self.amount = amount
        self.source = source
    }
}

/// Why a camt entry or transaction is not an incoming payment.
public enum CamtSkipReason: Sendable, Equatable, CustomStringConvertible {
    /// Not booked yet (`PDNG`) or information only (`INFO`): the booked entry comes in a later file.
    case notBooked(status: String)
    /// A debit: money the account holder paid out.
    case outgoing
    /// A credit that reverses an earlier debit: the account holder's own payment coming back.
    case reversedOutgoing
    /// A credit with return information: an outgoing payment returned by the payee's bank.
    case returnedOutgoing

    public var description: String {
        switch self {
        case .notBooked(let status): "the entry's status is \(status), not booked (BOOK)"
        case .outgoing: "a debit, money paid out of the account"
        case .reversedOutgoing: "a credit reversing an earlier debit of the account"
        case .returnedOutgoing: "an outgoing payment returned to the account"
        }
    }
}
