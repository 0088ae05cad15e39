import BetaltCore

/// One payment credited to the creditor, as a bank file reports it.
public struct IncomingPayment: Sendable, Equatable {
    /// Always positive; whether it adds or takes money back is `isReversal`, never the sign.
    public var amount: Money
    /// The day the bank booked the money on the creditor's account.
    public var bookingDate: CivilDate?
    /// The day the money is at the creditor's disposal (camt ValDt).
    public var valueDate: CivilDate?
    /// The day the payer's bank debited the payer, when the file says it (Nets bank date); interest stops here.
    public var paidDate: CivilDate?
    /// Structured payment references as given (KID, OCR, creditor reference); check digits are not judged here.
    public var structuredReferences: [String]
    /// Documents (invoice numbers) the payer said the payment is for.
    public var referredDocuments: [ReferredDocument]
    /// Free text from the payer or the bank.
    public var unstructuredText: [String]
    public var payer: Payer
    /// The bank's own reference for the payment: Nets archive reference, BgMax BGC serial number, camt AcctSvcrRef.
    public var bankReference: String?
    /// The payer's end-to-end identification (camt EndToEndId).
    public var endToEndId: String?
    /// True when the entry takes money back (a reversal, a return, a BgMax deduction): the amount is to be subtracted.
    public var isReversal: Bool
    /// The format's own transaction type (Nets transaction type, BgMax transaction code, camt bank transaction code).
    public var transactionType: String?
    /// Where the payment sits in its file: the first line of its records or the XPath of its element.
    public var source: FormatError.Location

    public init(
        amount: Money,
        bookingDate: CivilDate? = nil,
        valueDate: CivilDate? = nil,
        paidDate: CivilDate? = nil,
        structuredReferences: [String] = [],
        referredDocuments: [ReferredDocument] = [],
        unstructuredText: [String] = [],
        payer: Payer = Payer(),
        bankReference: String? = nil,
        endToEndId: String? = nil,
        isReversal: Bool = false,
        transactionType: String? = nil,
        source: FormatError.Location
    ) {
        self.amount = amount
        self.bookingDate = bookingDate
        self.valueDate = valueDate
        self.paidDate = paidDate
        self.structuredReferences = structuredReferences
        self.referredDocuments = referredDocuments
        self.unstructuredText = unstructuredText
        self.payer = payer
        self.bankReference = bankReference
        self.endToEndId = endToEndId
        self.isReversal = isReversal
        self.transactionType = transactionType
        self.source = source
    }
}

/// A document (usually an invoice number) a payer named, with the amount they said it covers.
public struct ReferredDocument: Sendable, Equatable {
    public var number: String
    public var amount: Money?

    public init(number: String, amount: Money? = nil) {
        self.number = number
        self.amount = amount
    }
}

/// Who paid, as far as the bank file tells.
public struct Payer: Sendable, Equatable {
    public var name: String?
    /// The organisation number as given, without its record's zero padding.
    public var organisationNumber: String?
    /// Postal address lines in order (street, postcode and town, country).
    public var address: [String]
    /// The account the money came from (Norwegian account number, bankgiro, IBAN).
    public var account: String?

    public init(name: String? = nil, organisationNumber: String? = nil, address: [String] = [], account: String? = nil) {
        self.name = name
        self.organisationNumber = organisationNumber
        self.address = address
        self.account = account
    }
}
