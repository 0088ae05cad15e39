import BetaltCore
import BetaltStore

/// The page of one claim: what it is, who owes it, and its ledger.
struct ClaimPage: Encodable {
    /// The ids of the page's forms that `ReturnedForm` names.
    static let promiseFormID = "record-promise", originalFormID = "attach-original", writeOffFormID = "write-off"

    let frame: PageFrame
    let claim: ClaimDetailView
    let followUp: FollowUpView
    let notices: NoticesView
    /// The customer's credit in the claim's currency, and where to post to use it (nil: none, or claim settled).
    let credit: String?
    let applyCreditAction: String
    let csrf: String
    let disputes: DisputesView
    let disputeForm: FormState
    let promises: [PromiseLine]
    let hasPromises: Bool
    /// The customer's other overdue invoices a promise recorded here may also cover, or "".
    let promiseAlsoCoverable: String
    let promiseAction: String
    let promiseForm: FormState
    let plans: [PlanLine]
    let hasPlans: Bool
    /// Nil when the claim cannot go on a plan (paid, disputed, already on one).
    let planOffer: PlanOfferForm?
    let planForm: FormState
    let customerHref: String
    /// What concerns this claim in the customer's conversation, newest first.
    let timeline: [TimelineLine]
    /// Where the original invoice is downloaded, or nil when the archive has none and `attachOriginalAction` takes it.
    let originalHref: String?
    let attachOriginalAction: String
    let originalForm: FormState
    /// "Nordisk Inkasso AS · Registrert" while an agency holds the claim.
    let agencyCase: String?
    let writeOffAction: String
    /// False when there is nothing to write off or an agency holds the claim: the form is shown only to say why
    /// a write-off just sent was refused.
    let canWriteOff: Bool
    let writeOffForm: FormState
}

/// A promise to pay as the claim page lists it.
struct PromiseLine: Encodable {
    let madeOn: String
    let payBy: String
    let amount: String
    /// The other invoices the promise covers, if any ("INV-2, INV-3").
    let alsoCovers: String
    let madeBy: String
    let status: StatusBadge
    let reason: String
}

/// A claim's facts and ledger lines, formatted for the page's language.
struct ClaimDetailView: Encodable {
    struct EntryLine: Encodable {
        let date: String
        let kind: String
        let text: String
        let amount: String
        let isReduction: Bool
        let balance: String
    }

    let backHref: String
    let invoiceNumber: String
    let customerName: String
    let customerKind: String
    let customerIdentityLabel: String
    let customerIdentity: String?
    let customerAddress: String
    let customerEmail: String?
    let issueDate: String
    let dueDate: String
    let daysOverdue: Int
    let paymentReference: String?
    let principal: String
    let openAmount: String
    let status: StatusBadge
    let entries: [EntryLine]

    init(_ detail: ClaimDetail, context: CreditorContext, words: [String: String]) {
        let language = context.language
        let customer = detail.customer
        backHref = "/creditors/\(context.creditorID.uuidString)/claims"
        invoiceNumber = detail.claim.invoiceNumber
        customerName = customer.name
        let isBusiness = customer.kind == CustomerKind.business.rawValue
        customerKind = words[isBusiness ? "business" : "consumer"]!
        // A Swedish sole trader is a business known by its personnummer, which is shown masked as any other.
        let byOrganisationNumber = isBusiness && customer.organisationNumber != nil
        customerIdentityLabel = words[byOrganisationNumber ? "organisationNumber" : "nationalIdentityNumber"]!
        customerIdentity = byOrganisationNumber ? customer.organisationNumber : customer.nationalIdentityNumber.map(NationalIdentity.masked)
        customerAddress = "\(customer.addressLine), \(customer.postalCode) \(customer.city)"
        customerEmail = customer.email
        issueDate = detail.issueDate.formatted(language)
        dueDate = detail.dueDate.formatted(language)
        daysOverdue = detail.stage == .closed ? 0 : max(0, detail.dueDate.days(until: context.today))
        paymentReference = detail.claim.paymentReference
        principal = Money(minorUnits: detail.claim.principalMinor, currency: detail.currency).formatted(language)
        openAmount = Money(minorUnits: detail.claim.openMinor, currency: detail.currency).formatted(language)
        status = StatusBadge(.of(stage: detail.stage, dueDate: detail.dueDate, today: context.today), words: words)
        var running: Int64 = 0
        entries = detail.entries.map { entry in
            running += entry.signedAmount.minorUnits
            return EntryLine(
                date: entry.date.formatted(language), kind: words["entry.\(entry.kind.rawValue)"] ?? entry.kind.rawValue,
                text: entry.text, amount: entry.signedAmount.formatted(language), isReduction: !entry.kind.increasesBalance,
                balance: Money(minorUnits: running, currency: detail.currency).formatted(language)
            )
        }
    }
}
