/// A Norwegian bank account number (kontonummer): 11 digits, the last a MOD11 check digit.
public struct NorwegianBankAccount: ValidatedIdentifier {
    public static let kind = "kontonummer"

    /// The 11 digits, e.g. "86011117947".
    public let normalized: String

    public init(validating text: String) throws(IdentifierError) {
        let digits = try IdentifierText.digits(of: text, kind: Self.kind, count: 11)
        let values = IdentifierText.values(digits)
        // A check value of 10 is never issued, so the account cannot exist.
        guard Mod11.checkValue(for: Array(values.prefix(10))) == values[10] else {
            throw .checkDigit(Self.kind, text)
        }
        normalized = digits
    }

    /// Grouped as banks print it: bank and branch, account group, number: "8601 11 17947".
    public var formatted: String { IdentifierText.grouped(normalized, sizes: [4, 2, 5]) }

    /// The same account as an IBAN, for payments from abroad.
    public var iban: IBAN { IBAN(countryCode: "NO", bban: normalized) }

    public var description: String { formatted }
}
