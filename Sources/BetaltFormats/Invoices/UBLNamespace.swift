/// The UBL 2.1 namespace URIs a Peppol BIS Billing 3.0 document uses, and the prefixes errors show.
enum UBLNamespace {
    static let invoice = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
    static let creditNote = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
    static let basic = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
    static let aggregate = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"

    /// The prefix an XPath in an error uses for a missing element, by UBL convention.
    static func prefix(for namespace: String) -> String {
        namespace == aggregate ? "cac" : "cbc"
    }
}
