/// The columns of an invoice CSV file, named in its header line in any order.
///
/// The documented header (required columns marked *):
///
///     invoice_number*,issue_date*,due_date*,currency*,amount*,customer_number,customer_name*,customer_kind,
///     organisation_number,national_identity_number,email,address_line,postal_code,city,country,payment_reference
///
/// - Separator: `,` or `;` (chosen from the header: a spreadsheet with decimal commas writes `;`).
/// - `issue_date`, `due_date`: `YYYY-MM-DD`, or `DD.MM.YYYY` as Norwegian and Swedish spreadsheets write it.
/// - `amount`: a decimal with `.` or `,` and at most the currency's decimals (`1234.50`, `1 234,50`); never rounded.
/// - `currency`: ISO 4217 (`NOK`, `SEK`, `EUR`, ...). `customer_kind`: `consumer` or `business`.
/// - `country`: ISO 3166 alpha-2; with `NO` or `SE` the organisation number must pass its check digit.
/// - `payment_reference`: the KID / OCR number; kept even when its check digit fails, and flagged.
/// - Encoding UTF-8, with or without a byte-order mark; lines end in LF or CRLF; RFC 4180 quoting.
public enum CSVInvoiceColumn: String, CaseIterable, Sendable {
    case invoiceNumber = "invoice_number"
    case issueDate = "issue_date"
    case dueDate = "due_date"
    case currency
    case amount
    case customerNumber = "customer_number"
    case customerName = "customer_name"
    case customerKind = "customer_kind"
    case organisationNumber = "organisation_number"
    case nationalIdentityNumber = "national_identity_number"
    case email
    case addressLine = "address_line"
    case postalCode = "postal_code"
    case city
    case country
    case paymentReference = "payment_reference"

    /// Without these a row cannot become a claim.
    public var isRequired: Bool {
        switch self {
        case .invoiceNumber, .issueDate, .dueDate, .currency, .amount, .customerName: true
        default: false
        }
    }
}
