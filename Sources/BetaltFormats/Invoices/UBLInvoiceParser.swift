import BetaltCore
import Foundation

/// Reads a Peppol BIS Billing 3.0 / EHF 3 (UBL 2.1) Invoice or CreditNote.
public enum UBLInvoiceParser {
    /// Parses one document; a missing required field or a bad value is a `FormatError` naming its XPath.
    public static func parse(_ data: Data, fileName: String) throws(FormatError) -> InvoiceDocument {
        let root = try XMLReader.parse(data, fileName: fileName)
        let fields = UBLFieldReader(fileName: fileName)
        let kind = try kind(of: root, fileName: fileName)
        let number = try fields.required("ID", in: root).text
        let issueDate = try fields.date(fields.required("IssueDate", in: root))
        let currency = try fields.currency(fields.required("DocumentCurrencyCode", in: root))
        let totals = try monetaryTotal(in: root, fileName: fileName)
        let payable = try fields.amount(fields.required("PayableAmount", in: totals), currency: currency)
        let parties = UBLPartyReader(fields: fields)
        let buyer = try parties.party(UBLPartyReader.buyer, in: root)
        let seller = try parties.party("AccountingSupplierParty", in: root)
        let means = root.children("PaymentMeans", namespace: UBLNamespace.aggregate)
        return InvoiceDocument(
            kind: kind, number: number, issueDate: issueDate, dueDate: try dueDate(in: root, fields: fields),
            currency: currency, payableAmount: payable, buyer: buyer, seller: seller,
            paymentReference: means.lazy.compactMap { fields.text("PaymentID", in: $0) }.first
                .map(PaymentReference.init(checking:)),
            payeeAccount: means.lazy.compactMap { fields.text("PayeeFinancialAccount", "ID", in: $0) }.first,
            creditedInvoiceNumbers: root.children("BillingReference", namespace: UBLNamespace.aggregate)
                .compactMap { fields.text("InvoiceDocumentReference", "ID", in: $0) })
    }

    private static func kind(of root: XMLTreeElement, fileName: String) throws(FormatError) -> InvoiceDocument.Kind {
        switch (root.name, root.namespace) {
        case ("Invoice", UBLNamespace.invoice): return .invoice
        case ("CreditNote", UBLNamespace.creditNote): return .creditNote
        default:
            throw FormatError(
                file: fileName, location: .path(root.path),
                message: "expected a UBL Invoice or CreditNote (Peppol BIS Billing 3.0), "
                    + "found <\(root.qualifiedName)> in namespace '\(root.namespace ?? "none")'")
        }
    }

    private static func monetaryTotal(in root: XMLTreeElement, fileName: String) throws(FormatError) -> XMLTreeElement {
        guard let totals = root.child("LegalMonetaryTotal", namespace: UBLNamespace.aggregate) else {
            throw FormatError(
                file: fileName, location: .path("\(root.path)/cac:LegalMonetaryTotal"), field: "LegalMonetaryTotal",
                message: "the required element is missing")
        }
        return totals
    }

    /// `cbc:DueDate` (invoices), else the first `PaymentDueDate` under `PaymentMeans` (credit notes) or
    /// `PaymentTerms`; nil when the document names none.
    private static func dueDate(in root: XMLTreeElement, fields: UBLFieldReader) throws(FormatError) -> CivilDate? {
        let candidates = [root.child("DueDate", namespace: UBLNamespace.basic)]
            + root.children("PaymentMeans", namespace: UBLNamespace.aggregate).map { $0.child("PaymentDueDate") }
            + root.children("PaymentTerms", namespace: UBLNamespace.aggregate).map { $0.child("PaymentDueDate") }
        guard let element = candidates.compactMap({ $0 }).first(where: { !$0.text.isEmpty }) else { return nil }
        return try fields.date(element)
    }
}
