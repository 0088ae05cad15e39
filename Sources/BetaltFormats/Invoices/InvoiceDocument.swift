import BetaltCore

/// An invoice or credit note as read from a file, before it becomes a claim.
public struct InvoiceDocument: Sendable, Equatable {
    /// Whether the document asks for money or gives it back.
    public enum Kind: String, Sendable, Equatable {
        case invoice
        case creditNote
    }

    public let kind: Kind
    /// The seller's document number (`cbc:ID`).
    public let number: String
    public let issueDate: CivilDate
    /// Nil when the document names none (common for credit notes).
    public let dueDate: CivilDate?
    public let currency: Currency
    /// What the buyer is asked to pay (`PayableAmount`); negative for a correcting invoice.
    public let payableAmount: Money
    public let buyer: InvoiceParty
    public let seller: InvoiceParty
    /// The first `PaymentMeans/PaymentID`, kept as given even when its check digit fails.
    public let paymentReference: PaymentReference?
    /// The first `PayeeFinancialAccount/ID` (IBAN, account or giro number, as written).
    public let payeeAccount: String?
    /// For a credit note (or correcting invoice): the invoice numbers it refers to, in document order.
    public let creditedInvoiceNumbers: [String]

    public init(
        kind: Kind, number: String, issueDate: CivilDate, dueDate: CivilDate?, currency: Currency,
        payableAmount: Money, buyer: InvoiceParty, seller: InvoiceParty, paymentReference: PaymentReference?,
        payeeAccount: String?, creditedInvoiceNumbers: [String]
    ) {
        self.kind = kind
        self.number = number
        self.issueDate = issueDate
        self.dueDate = dueDate
        self.currency = currency
        self.payableAmount = payableAmount
        self.buyer = buyer
        self.seller = seller
        self.paymentReference = paymentReference
        self.payeeAccount = payeeAccount
        self.creditedInvoiceNumbers = creditedInvoiceNumbers
    }

    /// The first referenced invoice: the one a credit note reduces.
    public var creditedInvoiceNumber: String? { creditedInvoiceNumbers.first }
}
