/// A Norwegian organisasjonsnummer from Enhetsregisteret: 9 digits, the last a MOD11 check digit.
public struct NorwegianOrganisationNumber: ValidatedIdentifier {
    public static let kind = "organisasjonsnummer"

    /// The 9 digits, e.g. "123456785".
    public let normalized: String

    public init(validating text: String) throws(IdentifierError) {
        let digits = try IdentifierText.digits(of: text, kind: Self.kind, count: 9)
        // Brønnøysund never issues a number whose check value would be 10, so such digits are a typo too.
        guard Self.checkValue(for: digits.prefix(8)) == IdentifierText.values(digits.suffix(1))[0] else {
            throw .checkDigit(Self.kind, text)
        }
        normalized = digits
    }

    /// Appends the check digit to the first 8 digits; nil when those are not 8 digits or no check digit
    /// fits (remainder 1), since no organisation can have such a number.
    public static func completing(_ eightDigits: String) -> NorwegianOrganisationNumber? {
        guard let digits = try? IdentifierText.digits(of: eightDigits, kind: kind, count: 8) else { return nil }
        let check = checkValue(for: Substring(digits))
        guard check < 10 else { return nil }
        return try? NorwegianOrganisationNumber(validating: digits + String(check))
    }

    /// Grouped as Brønnøysundregistrene print it: "123 456 785".
    public var formatted: String { IdentifierText.grouped(normalized, sizes: [3, 3, 3]) }

    public var description: String { formatted }

    private static func checkValue(for firstEight: Substring) -> Int {
        Mod11.checkValue(for: IdentifierText.values(firstEight))
    }
}
