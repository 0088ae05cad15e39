import BetaltCore
import BetaltStore

/// One claim in a list, formatted for the page's language.
struct ClaimRowView: Encodable {
    let href: String
    let invoiceNumber: String
    let customerName: String
    let dueDate: String
    let dueDateISO: String
    let daysOverdue: Int
    let openAmount: String
    let currency: String
    let status: StatusBadge

    init(_ row: ClaimListRow, context: CreditorContext, words: [String: String]) {
        href = "/creditors/\(context.creditorID.uuidString)/claims/\(row.id.uuidString)"
        invoiceNumber = row.invoiceNumber
        customerName = row.customerName
        dueDate = row.dueDate.formatted(context.language)
        dueDateISO = row.dueDate.iso
        daysOverdue = row.stage == .closed ? 0 : row.daysOverdue(on: context.today)
        openAmount = row.open.formatted(context.language)
        currency = row.open.currency.code
        status = StatusBadge(row.status(on: context.today), words: words)
    }
}
