import BetaltCore

/// A whole bank file of incoming payments, read all-or-nothing with its control totals checked.
public struct PaymentFile: Sendable, Equatable {
    public var format: PaymentFileFormat
    public var fileName: String
    /// The file's own identity: Nets transmission number, BgMax timestamp, camt message id.
    public var fileId: String
    /// The day the bank produced the file.
    public var createdOn: CivilDate?
    /// Who the file is addressed to (Nets data recipient, camt account owner), when given.
    public var recipient: String?
    /// True when the bank marked the file as a test.
    public var isTest: Bool
    /// The file's assignments (Nets), deposits (BgMax) or notifications/statements (camt), in file order.
    public var batches: [PaymentBatch]

    public init(
        format: PaymentFileFormat, fileName: String, fileId: String, createdOn: CivilDate? = nil,
        recipient: String? = nil, isTest: Bool = false, batches: [PaymentBatch]
    ) {
        self.format = format
        self.fileName = fileName
        self.fileId = fileId
        self.createdOn = createdOn
        self.recipient = recipient
        self.isTest = isTest
        self.batches = batches
    }

    /// Every payment of every batch, in file order (a file of one batch shares that batch's array, uncopied).
    public var payments: [IncomingPayment] { batches.count == 1 ? batches[0].payments : batches.flatMap(\.payments) }
}

/// Which bank format a payment file came in.
public enum PaymentFileFormat: String, Sendable, Equatable, CaseIterable {
    case netsOCRGiro = "nets-ocr-giro"
    case bgMax = "bgmax"
    case camt054 = "camt.054"
    case camt053 = "camt.053"
}

/// A group of payments credited to one account together, with the totals the file states for it.
public struct PaymentBatch: Sendable, Equatable {
    /// Nets assignment number, BgMax deposit serial number, camt notification or statement id.
    public var id: String
    /// The creditor's account credited: Nets assignment account, BgMax bankgiro, camt IBAN.
    public var account: String
    /// Nets agreement id, BgMax bank account of the deposit; nil when the format has none.
    public var agreement: String?
    /// Nets assignment date, BgMax deposit date, camt creation date.
    public var date: CivilDate?
    /// The sum the file states for the batch (checked against the payments when the format states one).
    public var total: Money
    /// The number of payments the file states for the batch (checked likewise).
    public var count: Int
    public var payments: [IncomingPayment]

    public init(
        id: String, account: String, agreement: String? = nil, date: CivilDate? = nil,
        total: Money, count: Int, payments: [IncomingPayment]
    ) {
        self.id = id
        self.account = account
        self.agreement = agreement
        self.date = date
        self.total = total
        self.count = count
        self.payments = payments
    }
}
