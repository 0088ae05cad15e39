import BetaltCore

/// The case file's table of contents (schemas/handover-manifest-1.schema.json): agency-neutral, versioned,
/// every amount in minor units with its currency, every date a civil date, every document named with its
/// SHA-256 so the agency can prove it received exactly what the debtor was sent.
public struct HandoverManifest: Codable, Sendable, Hashable {
    public static let formatName = "betalt-handover"
    public static let currentVersion = 1

    public var format = HandoverManifest.formatName
    public var version = HandoverManifest.currentVersion
    public var batchID: String
    public var createdOn: String
    public var creditor: Party
    public var agency: Agency
    public var cases: [Case]

    public init(batchID: String, createdOn: CivilDate, creditor: Party, agency: Agency, cases: [Case]) {
        self.batchID = batchID
        self.createdOn = createdOn.iso
        self.creditor = creditor
        self.agency = agency
        self.cases = cases
    }

    /// A creditor or a debtor as the agency needs to address and identify them.
    public struct Party: Codable, Sendable, Hashable {
        public var kind: String
        public var name: String
        public var address: [String]
        public var country: String
        public var organisationNumber: String?
        public var nationalIdentityNumber: String?
        public var customerNumber: String?
        public var email: String?
        public var phone: String?
        public var bankAccount: String?
        /// Each time the debtor's consent to notices by e-mail was recorded or withdrawn, oldest first: what an e-mailed
        /// notice went on (inkl. § 3 a). Nil when none was ever recorded.
        public var emailConsents: [EmailConsent]?

        public init(
            kind: String, name: String, address: [String], country: String, organisationNumber: String? = nil,
            nationalIdentityNumber: String? = nil, customerNumber: String? = nil, email: String? = nil, phone: String? = nil,
            bankAccount: String? = nil, emailConsents: [EmailConsent]? = nil
        ) {
            self.kind = kind
            self.name = name
            self.address = address
            self.country = country
            self.organisationNumber = organisationNumber
            self.nationalIdentityNumber = nationalIdentityNumber
            self.customerNumber = customerNumber
            self.email = email
            self.phone = phone
            self.bankAccount = bankAccount
            self.emailConsents = emailConsents
        }
    }

    /// A debtor's consent to notices by e-mail recorded (`accepted`) or withdrawn on a day, and what it rests on.
    public struct EmailConsent: Codable, Sendable, Hashable {
        public var on: String
        public var accepted: Bool
        public var basis: String

        public init(on: String, accepted: Bool, basis: String) {
            self.on = on
            self.accepted = accepted
            self.basis = basis
        }
    }

    public struct Agency: Codable, Sendable, Hashable {
        public var name: String
        public var agreementReference: String

        public init(name: String, agreementReference: String) {
            self.name = name
            self.agreementReference = agreementReference
        }
    }

    /// An amount: integer minor units and the ISO 4217 currency.
    public struct Amount: Codable, Sendable, Hashable {
        public var minorUnits: Int64
        public var currency: String

        public init(_ money: Money) {
            minorUnits = money.minorUnits
            currency = money.currency.code
        }
    }

    /// One file in the package, by its path inside the ZIP.
    public struct Document: Codable, Sendable, Hashable {
        public var path: String
        public var mediaType: String
        public var sha256: String

        public init(path: String, mediaType: String, sha256: String) {
            self.path = path
            self.mediaType = mediaType
            self.sha256 = sha256
        }
    }

    /// One claim handed over.
    public struct Case: Codable, Sendable, Hashable {
        public var claimID: String
        public var invoiceNumber: String
        public var issueDate: String
        public var dueDate: String
        public var paymentReference: String?
        public var debtor: Party
        /// Every ledger entry, oldest first: principal, fees, interest, compensation, payments, credits.
        public var ledger: [LedgerLine]
        public var open: OpenAmounts
        public var notices: [Notice]
        public var disputes: [Dispute]
        public var agreements: [Agreement]
        public var originalInvoice: Document?

        public init(
            claimID: String, invoiceNumber: String, issueDate: CivilDate, dueDate: CivilDate, paymentReference: String?, debtor: Party,
            ledger: [LedgerLine], open: OpenAmounts, notices: [Notice], disputes: [Dispute], agreements: [Agreement],
            originalInvoice: Document?
        ) {
            self.claimID = claimID
            self.invoiceNumber = invoiceNumber
            self.issueDate = issueDate.iso
            self.dueDate = dueDate.iso
            self.paymentReference = paymentReference
            self.debtor = debtor
            self.ledger = ledger
            self.open = open
            self.notices = notices
            self.disputes = disputes
            self.agreements = agreements
            self.originalInvoice = originalInvoice
        }
    }

    public struct LedgerLine: Codable, Sendable, Hashable {
        public var date: String
        public var kind: String
        public var component: String
        public var amount: Amount
        public var text: String

        public init(_ entry: LedgerEntry) {
            date = entry.date.iso
            kind = entry.kind.rawValue
            component = entry.component.rawValue
            amount = Amount(entry.amount)
            text = entry.text
        }
    }

    public struct OpenAmounts: Codable, Sendable, Hashable {
        public var principal: Amount
        public var fees: Amount
        public var interest: Amount
        public var compensation: Amount
        public var total: Amount

        public init(_ balances: ComponentBalances) {
            principal = Amount(balances.principal)
            fees = Amount(balances.fee)
            interest = Amount(balances.interest)
            compensation = Amount(balances.compensation)
            total = Amount(balances.total)
        }
    }

    /// A notice as sent: when, which kind, on which channel, the deadline it gave, and its documents.
    public struct Notice: Codable, Sendable, Hashable {
        public var date: String
        public var kind: String
        public var channel: String
        public var recipient: String
        public var status: String
        public var deadline: String?
        public var documents: [Document]

        public init(date: CivilDate, kind: String, channel: String, recipient: String, status: String, deadline: CivilDate?, documents: [Document]) {
            self.date = date.iso
            self.kind = kind
            self.channel = channel
            self.recipient = recipient
            self.status = status
            self.deadline = deadline?.iso
            self.documents = documents
        }
    }

    public struct Dispute: Codable, Sendable, Hashable {
        public var raisedOn: String
        public var raisedBy: String
        public var amount: Amount
        public var reason: String
        public var text: String
        public var status: String
        public var decidedOn: String?
        public var decision: String?
        public var documents: [Document]

        public init(
            raisedOn: String, raisedBy: String, amount: Amount, reason: String, text: String, status: String, decidedOn: String?,
            decision: String?, documents: [Document]
        ) {
            self.raisedOn = raisedOn
            self.raisedBy = raisedBy
            self.amount = amount
            self.reason = reason
            self.text = text
            self.status = status
            self.decidedOn = decidedOn
            self.decision = decision
            self.documents = documents
        }
    }

    /// A promise to pay or a payment plan, with how it ended.
    public struct Agreement: Codable, Sendable, Hashable {
        public var kind: String
        public var madeOn: String
        public var status: String
        public var amount: Amount
        public var payBy: String?
        /// The invoices a promise or plan covers when it covers more than the case's claim; its amount is theirs together.
        public var invoiceNumbers: [String]?

        public init(kind: String, madeOn: String, status: String, amount: Amount, payBy: String?, invoiceNumbers: [String]? = nil) {
            self.kind = kind
            self.madeOn = madeOn
            self.status = status
            self.amount = amount
            self.payBy = payBy
            self.invoiceNumbers = invoiceNumbers
        }
    }
}
