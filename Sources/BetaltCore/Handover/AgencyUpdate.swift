/// One report from an agency about a case it holds: a status change, money collected from the debtor or
/// passed on to the creditor, a fee it added, or the confirmation that a recalled case is given back.
public struct AgencyUpdate: Sendable, Hashable {
    public enum Change: Sendable, Hashable {
        case status(AgencyCaseStatus)
        /// Paid by the debtor to the agency: reduces the claim.
        case payment(Money)
        /// Passed on by the agency to the creditor: money the creditor receives, the claim is unchanged.
        case remittance(Money)
        /// The agency's collection costs, which the debtor owes on top of the claim.
        case fee(Money)
        case recallConfirmed

        /// The change's name in the update formats: "status", "payment", "remittance", "fee", "recallConfirmed".
        public var type: String {
            switch self {
            case .status: "status"
            case .payment: "payment"
            case .remittance: "remittance"
            case .fee: "fee"
            case .recallConfirmed: "recallConfirmed"
            }
        }

        public var amount: Money? {
            switch self {
            case .payment(let amount), .remittance(let amount), .fee(let amount): amount
            case .status, .recallConfirmed: nil
            }
        }
    }

    /// The agency's own identifier of the update: receiving it again changes nothing.
    public let key: String
    /// The case, as the handover manifest named it.
    public let claimID: String
    public let date: CivilDate
    public let change: Change
    public let text: String

    public init(key: String, claimID: String, date: CivilDate, change: Change, text: String = "") {
        self.key = key
        self.claimID = claimID
        self.date = date
        self.change = change
        self.text = text
    }
}
