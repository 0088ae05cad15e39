/// A Swedish organisationsnummer: 10 digits with a Luhn check digit, the third digit 2 or more so that it
/// cannot be read as a personnummer. Sole traders have none: they use their personnummer.
public struct SwedishOrganisationNumber: ValidatedIdentifier {
    public static let kind = "organisationsnummer"

    /// The 10 digits, e.g. "2021005489".
    public let normalized: String

    /// Accepts 10 digits ("202100-5489") and the 12-digit form with the prefix "16" ("16202100-5489").
    public init(validating text: String) throws(IdentifierError) {
        var digits = try IdentifierText.digits(of: text, kind: Self.kind)
        guard digits.count == 10 || digits.count == 12 else {
            throw .digitCount(Self.kind, text, expected: "10 (or 12 with the prefix 16)", actual: digits.count)
        }
        if digits.count == 12 {
            guard digits.hasPrefix("16") else {
                throw IdentifierError(kind: Self.kind, value: text, reason: "the 12-digit form must start with 16")
            }
            digits.removeFirst(2)
        }
        guard IdentifierText.values(digits)[2] >= 2 else {
            throw IdentifierError(
                kind: Self.kind, value: text,
                reason: "the third digit must be 2 or more (with 0 or 1 it would be a personnummer)")
        }
        guard Luhn.isValid(digits) else { throw .checkDigit(Self.kind, text) }
        normalized = digits
    }

    /// Appends the Luhn check digit to the first 9 digits; nil when they are not 9 digits or could not
    /// start an organisationsnummer.
    public static func completing(_ nineDigits: String) -> SwedishOrganisationNumber? {
        guard let digits = try? IdentifierText.digits(of: nineDigits, kind: kind, count: 9),
              let check = Luhn.checkDigit(for: digits) else { return nil }
        return try? SwedishOrganisationNumber(validating: digits + String(check))
    }

    /// As Bolagsverket prints it: "202100-5489".
    public var formatted: String { IdentifierText.grouped(normalized, sizes: [6], separator: "-") }

    /// The 12-digit form some registers use: "16" and the 10 digits.
    public var twelveDigitForm: String { "16" + normalized }

    public var description: String { formatted }
}
