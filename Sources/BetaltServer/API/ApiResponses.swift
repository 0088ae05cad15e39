import BetaltCore
import Vapor

/// What became of each invoice or credit note posted, in the order posted.
struct InvoicesResponse: Content {
    let invoices: [InvoiceResult]
}

/// One invoice's outcome: created, unchanged (posted before with the same facts), changed (posted before with
/// other facts: reported, not applied) or credited (a credit note applied to its invoice's claim).
struct InvoiceResult: Content {
    let number: String
    let outcome: String
    let claimID: UUID
    let differences: [String]
    /// For a credit note: how much of the invoice's open principal it credited.
    let creditedAmount: String?
    /// For a new invoice: its customer's details that differ from those kept (not applied); absent when none do.
    var customerDifferences: [String]? = nil

    enum CodingKeys: String, CodingKey {
        case number, outcome, differences
        case claimID = "claim_id"
        case creditedAmount = "credited_amount"
        case customerDifferences = "customer_differences"
    }
}

/// How each posted payment was matched, in the order posted.
struct PaymentsResponse: Content {
    let payments: [PaymentResult]
}

/// One payment: matched (with the claims it paid and any overpayment kept as the customer's credit) or unmatched.
struct PaymentResult: Content {
    let paymentID: UUID
    let status: String
    let method: String?
    let claims: [PaidClaim]
    let overpayment: String
    let currency: String
    /// Why it is unmatched, or a note for a person; empty when there is nothing to say.
    let note: String
    let suggestions: [String]

    enum CodingKeys: String, CodingKey {
        case status, method, claims, overpayment, currency, note, suggestions
        case paymentID = "payment_id"
    }
}

/// What one payment paid on one claim.
struct PaidClaim: Content {
    let claimID: String
    let amount: String

    enum CodingKeys: String, CodingKey {
        case amount
        case claimID = "claim_id"
    }
}

/// A claim with its open balance by component and its ledger, oldest entry first.
struct ClaimResponse: Content {
    let id: UUID
    let invoiceNumber: String
    let issueDate: String
    let dueDate: String
    let currency: String
    let stage: String
    let paymentReference: String?
    let customer: ClaimCustomer
    let balances: ClaimBalances
    let entries: [ClaimEntry]

    enum CodingKeys: String, CodingKey {
        case id, currency, stage, customer, balances, entries
        case invoiceNumber = "invoice_number"
        case issueDate = "issue_date"
        case dueDate = "due_date"
        case paymentReference = "payment_reference"
    }
}

/// Who owes the claim; no personal identity numbers leave through the API.
struct ClaimCustomer: Content {
    let number: String
    let name: String
}

/// Open amounts by component, as decimal strings.
struct ClaimBalances: Content {
    let principal: String
    let fee: String
    let interest: String
    let compensation: String
    let total: String

    init(_ balances: ComponentBalances) {
        principal = balances.principal.decimalString
        fee = balances.fee.decimalString
        interest = balances.interest.decimalString
        compensation = balances.compensation.decimalString
        total = balances.total.decimalString
    }
}

/// One ledger entry.
struct ClaimEntry: Content {
    let date: String
    let kind: String
    let component: String
    let amount: String
    let text: String

    init(_ entry: LedgerEntry) {
        date = entry.date.iso
        kind = entry.kind.rawValue
        component = entry.component.rawValue
        amount = entry.amount.decimalString
        text = entry.text
    }
}
