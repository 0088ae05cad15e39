/// The side of the account a camt entry or transaction is booked on (`CdtDbtInd`).
enum CamtIndicator: Equatable {
    case credit
    case debit
}

/// What a camt transaction means to the creditor: a payment, a payment taken back, or nothing to match.
///
/// ISO 20022: with `RvslInd` true, a DBIT reverses an earlier credit and a CRDT an earlier debit. A plain
/// DBIT is the account holder paying out, which is no payment towards a claim; so is anything not booked.
enum CamtDirection: Equatable {
    case payment
    case reversal
    case skipped(CamtSkipReason)

    static func of(indicator: CamtIndicator, isReversal: Bool, isReturn: Bool, status: String) -> CamtDirection {
        guard status == "BOOK" else { return .skipped(.notBooked(status: status)) }
        switch indicator {
        case .credit where isReversal: return .skipped(.reversedOutgoing)
        case .credit where isReturn: return .skipped(.returnedOutgoing)
        case .credit: return .payment
        case .debit where isReversal || isReturn: return .reversal
        case .debit: return .skipped(.outgoing)
        }
    }
}
