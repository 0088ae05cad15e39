/// A Norwegian VAT registration, written "NO 123 456 785 MVA": the organisasjonsnummer with "MVA" after it.
public struct NorwegianVATNumber: ValidatedIdentifier {
    public static let kind = "MVA-nummer"

    /// The compact form used in EHF and Peppol invoices, e.g. "NO123456785MVA".
    public let normalized: String
    public let organisationNumber: NorwegianOrganisationNumber

    /// Accepts the compact form ("NO123456785MVA") and the spelled-out form ("NO 123 456 785 MVA",
    /// "123 456 785 MVA"). A mix of the two ("NO991 825 827MVA") is refused: in the spelled-out form
    /// "NO" and "MVA" are separate words.
    public init(validating text: String) throws(IdentifierError) {
        let upper = text.trimmingWhitespace().uppercased()
        guard !upper.isEmpty else { throw .empty(Self.kind, text) }
        guard upper.hasSuffix("MVA") else {
            throw IdentifierError(kind: Self.kind, value: text, reason: "must end with MVA")
        }
        var middle = upper.dropLast(3)
        let hasPrefix = middle.hasPrefix("NO")
        if hasPrefix { middle = middle.dropFirst(2) }
        let spelledOut = upper.contains(where: \.isWhitespace)
        let wordsApart = middle.last?.isWhitespace == true && (!hasPrefix || middle.first?.isWhitespace == true)
        guard !spelledOut || wordsApart else {
            throw IdentifierError(
                kind: Self.kind, value: text,
                reason: "write it either as NO123456785MVA or with spaces around the number, as NO 123 456 785 MVA")
        }
        do {
            organisationNumber = try NorwegianOrganisationNumber(validating: String(middle))
        } catch {
            throw IdentifierError(kind: Self.kind, value: text, reason: error.reason)
        }
        normalized = "NO" + organisationNumber.normalized + "MVA"
    }

    /// The VAT number of a registered organisation.
    public init(organisationNumber: NorwegianOrganisationNumber) {
        self.organisationNumber = organisationNumber
        normalized = "NO" + organisationNumber.normalized + "MVA"
    }

    /// As printed on invoices: "NO 123 456 785 MVA".
    public var formatted: String { "NO \(organisationNumber.formatted) MVA" }

    public var description: String { formatted }
}
