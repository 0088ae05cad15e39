/// A Swedish VAT registration number (momsregistreringsnummer): "SE", a 10-digit organisationsnummer
/// (or a sole trader's personnummer), and "01".
public struct SwedishVATNumber: ValidatedIdentifier {
    public static let kind = "momsregistreringsnummer"

    /// The compact form, e.g. "SE202100548901".
    public let normalized: String

    /// Accepts "SE202100548901", "SE 202100-5489 01" and the same without "SE".
    public init(validating text: String) throws(IdentifierError) {
        var rest = Substring(text.trimmingWhitespace().uppercased())
        if rest.hasPrefix("SE") { rest = rest.dropFirst(2) }
        let digits = try IdentifierText.digits(of: String(rest), kind: Self.kind, count: 12)
        guard digits.hasSuffix("01") else {
            throw IdentifierError(kind: Self.kind, value: text, reason: "must end with 01")
        }
        // The middle is an organisationsnummer, or for a sole trader a personnummer: both are Luhn-checked.
        guard Luhn.isValid(String(digits.prefix(10))) else { throw .checkDigit(Self.kind, text) }
        normalized = "SE" + digits
    }

    /// The VAT number of a registered organisation.
    public init(organisationNumber: SwedishOrganisationNumber) {
        normalized = "SE" + organisationNumber.normalized + "01"
    }

    /// The organisationsnummer inside; nil for a sole trader, whose VAT number is built on a personnummer.
    public var organisationNumber: SwedishOrganisationNumber? {
        try? SwedishOrganisationNumber(validating: String(normalized.dropFirst(2).prefix(10)))
    }
}
