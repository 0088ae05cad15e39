import BetaltCore

/// One invoice from a CSV file, checked and typed, with the line it came from.
public struct InvoiceRow: Sendable, Equatable {
    /// The physical line (1-based, the header is line 1) where the record starts.
    public let line: Int
    public let invoiceNumber: String
    public let issueDate: CivilDate
    public let dueDate: CivilDate
    public let amount: Money
    /// The creditor's own customer number, when the accounting system has one.
    public let customerNumber: String?
    public let customerName: String
    public let customerKind: CustomerKind?
    public let organisationNumber: OrganisationNumber?
    /// As given; personal data, to be masked wherever shown.
    public let nationalIdentityNumber: String?
    public let email: String?
    public let address: PostalAddress?
    public let paymentReference: PaymentReference?

    public init(
        line: Int, invoiceNumber: String, issueDate: CivilDate, dueDate: CivilDate, amount: Money,
        customerNumber: String?, customerName: String, customerKind: CustomerKind?,
        organisationNumber: OrganisationNumber?, nationalIdentityNumber: String?, email: String?,
        address: PostalAddress?, paymentReference: PaymentReference?
    ) {
        self.line = line
        self.invoiceNumber = invoiceNumber
        self.issueDate = issueDate
        self.dueDate = dueDate
        self.amount = amount
        self.customerNumber = customerNumber
        self.customerName = customerName
        self.customerKind = customerKind
        self.organisationNumber = organisationNumber
        self.nationalIdentityNumber = nationalIdentityNumber
        self.email = email
        self.address = address
        self.paymentReference = paymentReference
    }
}
