/// A notice laid out as a letter: every text already in the debtor's language and formatted, so that the
/// PDF, HTML and plain-text renderers only place it and never decide wording.
public struct Letter: Sendable, Hashable, Codable {
    /// The creditor: name and postal lines, shown top left and in the footer.
    public var sender: PostalParty
    /// The debtor: placed where a window envelope shows it.
    public var recipient: PostalParty
    /// Label/value pairs shown top right: date, customer number, our reference.
    public var references: [LabelledValue]
    /// The heading: "Inkassovarsel", "Påminnelse", …
    public var title: String
    /// Prose before the amount table.
    public var opening: [String]
    /// The claim lines, fees, interest and total; nil for documents without amounts.
    public var table: AmountTable?
    /// Prose after the table: deadline, what happens next, how to object, the private link.
    public var closing: [String]
    /// The payment details at the foot of the last page; nil when nothing is to be paid.
    public var paymentSlip: PaymentSlip?
    /// One line with the creditor's contact details and organisation number.
    public var footer: String
    /// The page label with two `%d` placeholders: "Side %d av %d".
    public var pageLabelFormat: String

    public init(
        sender: PostalParty, recipient: PostalParty, references: [LabelledValue], title: String, opening: [String],
        table: AmountTable?, closing: [String], paymentSlip: PaymentSlip?, footer: String, pageLabelFormat: String
    ) {
        self.sender = sender
        self.recipient = recipient
        self.references = references
        self.title = title
        self.opening = opening
        self.table = table
        self.closing = closing
        self.paymentSlip = paymentSlip
        self.footer = footer
        self.pageLabelFormat = pageLabelFormat
    }
}

/// A name and the lines of a postal address, in the order they are printed.
public struct PostalParty: Sendable, Hashable, Codable {
    public var name: String
    public var lines: [String]

    public init(name: String, lines: [String]) {
        self.name = name
        self.lines = lines
    }
}

/// A label and its value, both already formatted.
public struct LabelledValue: Sendable, Hashable, Codable {
    public var label: String
    public var value: String

    public init(label: String, value: String) {
        self.label = label
        self.value = value
    }
}

/// A table of claim lines: the first column is text, the amount columns are right-aligned.
public struct AmountTable: Sendable, Hashable, Codable {
    public var headers: [String]
    /// Which columns hold amounts (right-aligned); the same length as `headers`.
    public var amountColumns: [Bool]
    public var rows: [[String]]
    /// Rows printed after a rule and in bold: subtotals and the total to pay.
    public var totals: [[String]]

    public init(headers: [String], amountColumns: [Bool], rows: [[String]], totals: [[String]]) {
        self.headers = headers
        self.amountColumns = amountColumns
        self.rows = rows
        self.totals = totals
    }
}

/// What the debtor needs to pay: account, KID/OCR, amount and due date, each with its label.
public struct PaymentSlip: Sendable, Hashable, Codable {
    public var heading: String
    public var account: LabelledValue
    public var reference: LabelledValue
    public var amount: LabelledValue
    public var dueDate: LabelledValue
    public var payee: LabelledValue
    public var payer: LabelledValue

    public init(
        heading: String, account: LabelledValue, reference: LabelledValue, amount: LabelledValue,
        dueDate: LabelledValue, payee: LabelledValue, payer: LabelledValue
    ) {
        self.heading = heading
        self.account = account
        self.reference = reference
        self.amount = amount
        self.dueDate = dueDate
        self.payee = payee
        self.payer = payer
    }
}
