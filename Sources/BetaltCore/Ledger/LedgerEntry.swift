/// One line of a claim's append-only ledger. The amount is always positive; the kind gives the sign.
public struct LedgerEntry: Sendable, Hashable, Codable {
    public let kind: LedgerEntryKind
    /// The component this entry increases (a charge) or reduces (a payment, credit note, waiver, write-off).
    public let component: LedgerComponent
    public let amount: Money
    public let date: CivilDate
    /// The rule cited or the reference (invoice number, KID, bank reference) behind the entry.
    public let text: String

    public init(kind: LedgerEntryKind, component: LedgerComponent, amount: Money, date: CivilDate, text: String) {
        self.kind = kind
        self.component = component
        self.amount = amount
        self.date = date
        self.text = text
    }

    /// A charge to `component`: the kind follows from the component, so the two cannot disagree.
    public static func charge(
        _ component: LedgerComponent, _ amount: Money, on date: CivilDate, text: String
    ) -> LedgerEntry {
        LedgerEntry(kind: .charge(for: component), component: component, amount: amount, date: date, text: text)
    }

    /// The amount with the sign the kind gives it: positive for a charge, negative for a reduction.
    public var signedAmount: Money { kind.increasesBalance ? amount : amount.negated }
}
