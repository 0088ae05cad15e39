import BetaltCore
import BetaltStore
import Foundation

/// The work queue: unmatched payments a person assigns to claims, one page at a time.
struct WorkQueuePage: Encodable {
    let frame: PageFrame
    let csrf: String
    let action: String
    let items: [QueuedPaymentView]
    let isEmpty: Bool
    let notice: String?
    /// A refusal about a payment not on this page.
    let error: String?
    let totalCount: Int
    let page: Int
    let pageCount: Int
    let previousHref: String?
    let nextHref: String?
    let credits: [CreditLine]
    let hasCredits: Bool
    let disputes: [DisputeLine]
    let hasDisputes: Bool
    let calls: [CallLine]
    let hasCalls: Bool
    let plans: [PlanQueueLine]
    let hasPlans: Bool
    let messages: [MessageLine]
    let hasMessages: Bool
    let handovers: [HandoverLine]
    let hasHandovers: Bool
    let handoversReady: Int
    let givenBack: [GivenBackLine]
    let hasGivenBack: Bool

    /// A claim the ladder hands over, with what still keeps it back (none: ready for the agency).
    struct HandoverLine: Encodable {
        let claimHref: String
        let invoiceNumber: String
        let customerName: String
        let decidedOn: String
        let blocks: [String]
        let ready: Bool
    }

    /// A claim an agency gave back with money owed, waiting for a person to decide what comes next.
    struct GivenBackLine: Encodable {
        let claimHref: String
        let invoiceNumber: String
        let customerName: String
        let agencyName: String
        let givenBackOn: String
        let open: String
    }

    /// A debtor's message from their page, waiting for a person.
    struct MessageLine: Encodable {
        let date: String
        let customerName: String
        let customerHref: String
        let text: String
        let handledAction: String
    }

    /// A plan that needs an eye: an offer waiting for the customer, or a missed payment reminded about.
    struct PlanQueueLine: Encodable {
        let claimHref: String
        let invoices: String
        let customerName: String
        let status: StatusBadge
        let detail: String
        let ageDays: Int
    }

    /// A call to make, with what the caller needs and the form to record how it went.
    struct CallLine: Encodable {
        let date: String
        let customerName: String
        let phone: String?
        let claimHref: String
        let invoiceNumber: String
        let open: String
        let why: String
        let doneAction: String
        let customerHref: String
    }

    /// An open dispute waiting for the creditor's decision, with how long it has waited.
    struct DisputeLine: Encodable {
        let claimHref: String
        let invoiceNumber: String
        let customerName: String
        let amount: String
        let reason: String
        let ageDays: Int
    }

    /// A customer with money to their credit, and the form that records it as paid back.
    struct CreditLine: Encodable {
        let customerName: String
        let customerNumber: String
        let credit: String
        let currency: String
        let refundAction: String
    }
}

/// One unmatched payment with its suggested claims and, after a failed assignment, the error next to its form.
struct QueuedPaymentView: Encodable {
    struct Candidate: Encodable {
        let invoiceNumber: String
        let customerName: String
        let dueDate: String
        let dueDateISO: String
        let open: String
        let reason: String
        let href: String
        let selected: Bool
    }

    let id: String
    let amount: String
    let bookingDate: String
    let bookingDateISO: String
    let ageDays: String
    let payer: String
    let references: String
    let text: String
    let note: String
    let status: StatusBadge
    let candidates: [Candidate]
    let hasCandidates: Bool
    let typedInvoice: String
    let error: String?

    init(
        _ payment: PaymentRecord, candidates: [PaymentCandidate], context: CreditorContext, words: [String: String],
        typedInvoice: String = "", chosen: String = "", error: String? = nil
    ) {
        id = payment.id?.uuidString ?? ""
        let currency = (try? Currency.named(payment.currency)) ?? Currency(code: payment.currency)
        amount = Money(minorUnits: payment.amountMinor, currency: currency).formatted(context.language)
        let booked = payment.bookingDate.flatMap { try? CivilDate(iso: $0) }
        bookingDate = booked?.formatted(context.language) ?? ""
        bookingDateISO = booked?.iso ?? ""
        ageDays = booked.map { String($0.days(until: context.today)) } ?? ""
        payer = payment.payerName ?? ""
        references = [payment.references, payment.referredDocuments].filter { !$0.isEmpty }.joined(separator: ", ")
        text = payment.freeText
        note = payment.note
        status = StatusBadge(label: words["status.unmatched"]!, tone: "warning")
        self.candidates = candidates.map {
            let due = try? CivilDate(iso: $0.dueDate)
            return Candidate(
                invoiceNumber: $0.invoiceNumber, customerName: $0.customerName, dueDate: due?.formatted(context.language) ?? $0.dueDate,
                dueDateISO: $0.dueDate, open: $0.open.formatted(context.language), reason: words["reason.\($0.reason.rawValue)"]!,
                href: "/creditors/\(context.creditorID.uuidString)/claims/\($0.claimID.uuidString)", selected: $0.invoiceNumber == chosen
            )
        }
        hasCandidates = !candidates.isEmpty
        self.typedInvoice = typedInvoice
        self.error = error
    }
}
