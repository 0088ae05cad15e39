import BetaltCore
import BetaltStore
import Foundation

/// A payment plan as a table the creditor and the debtor both read: each payment with its own reference
/// and what it has received.
struct PlanLine: Encodable {
    struct Payment: Encodable {
        let label: String
        let date: String
        let amount: String
        let reference: String
        let paid: String
        let state: StatusBadge
    }

    let id: String
    let status: StatusBadge
    let proposed: String
    let accepted: String?
    let invoices: String
    let fee: String?
    let total: String
    let note: String
    let payments: [Payment]
    var acceptAction: String?
    var withdrawAction: String?
    /// Why accepting or withdrawing the plan was refused, shown in the plan's own section.
    var actionError: String?

    init(_ summary: PlanSummary, language: Language, words: [String: String]) {
        let plan = summary.plan
        func day(_ iso: String) -> String { (try? CivilDate(iso: iso))?.formatted(language) ?? iso }
        id = plan.id!.uuidString
        let tone = switch plan.status {
        case "active", "offered": "neutral"
        case "completed": "good"
        case "breached": "danger"
        default: "warning"
        }
        status = StatusBadge(label: words["plan.\(plan.status)"] ?? plan.status, tone: tone)
        let by: (String) -> String = { $0 == "debtor" ? words["raisedByDebtor"]! : $0 }
        proposed = "\(day(plan.proposedOn)) · \(by(plan.proposedBy))"
        accepted = plan.acceptedOn.map { "\(day($0)) · \(by(plan.acceptedBy ?? ""))" }
        invoices = summary.invoiceNumbers.joined(separator: ", ")
        fee = summary.fee?.formatted(language)
        total = summary.total.formatted(language)
        note = plan.note
        payments = summary.payments.map { payment in
            let label = Self.label(payment.number, words: words)
            let state = payment.covered == payment.amount ? "paid" : payment.late ? "late" : payment.covered.isPositive ? "partly" : "due"
            return Payment(
                label: label, date: payment.date.formatted(language), amount: payment.amount.formatted(language), reference: payment.reference,
                paid: payment.covered.formatted(language),
                state: StatusBadge(
                    label: words["plan.payment.\(state)"]!,
                    tone: ["paid": "good", "late": "danger", "partly": "warning", "due": "neutral"][state]!
                )
            )
        }
    }
}

extension PlanLine {
    /// The id `ReturnedForm` gives the accept and withdraw buttons of the plan `id`.
    static func actionsFormID(_ id: UUID) -> String { actionsFormID(id.uuidString) }
    private static func actionsFormID(_ id: String) -> String { "plan-actions-\(id)" }

    /// The line with the refusal of its accept or withdraw button, if `returned` is about this plan.
    func showing(_ returned: ReturnedForm?, language: Language) -> PlanLine {
        guard let returned, returned.id == Self.actionsFormID(id) else { return self }
        var line = self
        line.actionError = returned.error.message(in: language)
        return line
    }

    /// "First payment" for number 0, else "Instalment N", in the page's language.
    static func label(_ number: Int, words: [String: String]) -> String {
        number == 0 ? words["plan.downPayment"]! : String(format: words["plan.instalmentNumber"]!, number)
    }
}

/// The creditor's form for offering a plan from the claim page: which of the customer's claims it covers,
/// the first payment, the instalments and (SE) the fee.
struct PlanOfferForm: Encodable {
    /// The form's id in the claim page.
    static let id = "offer-plan"

    struct ClaimChoice: Encodable {
        let id: String
        let invoiceNumber: String
        let open: String
        let checked: Bool
    }

    let action: String
    let claims: [ClaimChoice]
    let offersFee: Bool
    let feeChecked: Bool
    let firstDate: String
    let downPaymentDate: String
}
